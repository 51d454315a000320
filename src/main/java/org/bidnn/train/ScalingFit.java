package org.bidnn.train;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.bidnn.io.spark.MlVectors;
import org.bidnn.model.FeatureScaler;
import org.bidnn.model.Scaling;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fits a model's input scaling on its training rows: per column, the mean and the sample standard
 * deviation (n - 1, as MLlib's {@code StandardScaler}). On one machine with ND4J's column reductions,
 * on Spark with MLlib's {@link Summarizer}; the two give the same statistics.
 */
public final class ScalingFit {

    private static final String COLUMN = "row";

    private ScalingFit() {
    }

    /** @param rows the training rows {@code [x1 | x2]}, one per matrix row */
    public static FeatureScaler local(Scaling method, INDArray rows) {
        if (method == Scaling.NONE) {
            return FeatureScaler.NONE;
        }
        requireRows(rows.rows());
        INDArray exact = rows.castTo(DataType.DOUBLE);
        double[] mean = exact.mean(0).toDoubleVector();
        double[] std = rows.rows() == 1 ? new double[mean.length] : exact.std(true, 0).toDoubleVector();
        return FeatureScaler.standard(mean, std, Scaling.STANDARD_DEVIATION);
    }

    /** The same on Spark: the rows are summarised where they are, only the statistics reach the driver. */
    public static FeatureScaler spark(Scaling method, SparkSession spark, JavaRDD<float[]> rows) {
        if (method == Scaling.NONE) {
            return FeatureScaler.NONE;
        }
        // Summarizer refuses an empty input with a message of its own; this says what to do. (Only
        // the first row is read.)
        requireRows(rows.isEmpty() ? 0 : 1);
        StructType schema = new StructType().add(COLUMN, SQLDataTypes.VectorType(), false);
        Dataset<Row> frame = spark.createDataFrame(rows.map(v -> RowFactory.create(MlVectors.of(v, 0, v.length))), schema);
        Row summary = frame.select(Summarizer.metrics("mean", "std")
                .summary(functions.col(COLUMN)).as("s")).select("s.mean", "s.std").first();
        double[] mean = ((Vector) summary.get(0)).toArray();
        // Summarizer leaves the deviation of a single row at 0, as ND4J's reduction above is told to.
        double[] std = ((Vector) summary.get(1)).toArray();
        return FeatureScaler.standard(mean, std, Scaling.STANDARD_DEVIATION);
    }

    private static void requireRows(long count) {
        if (count == 0) {
            throw new TooFewTrainingRowsException("only 0 training rows (rows with both modalities) to fit the "
                    + "feature scaling on: give some, or --scale none");
        }
    }
}
