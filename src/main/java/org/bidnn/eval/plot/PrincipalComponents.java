package org.bidnn.eval.plot;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.PCA;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.bidnn.io.spark.MlVectors;

/**
 * Projects vectors on their first principal components with Spark MLlib's {@link PCA}, to draw
 * high-dimensional features or embeddings in a {@link ProjectionChart}.
 *
 * <p>The vectors are centred first, with a {@link StandardScaler} that subtracts the mean and
 * leaves the scale alone: Spark's PCA takes its axes from the covariance matrix but projects the
 * vectors as given, so without centring every projection is shifted by the mean's, and the points
 * are not the principal component scores (they would move with a translation of the data, and
 * not spread around 0). Centred, the first coordinate has the largest variance, the second the
 * next, and so on. The sign of each component is arbitrary.
 */
public final class PrincipalComponents {

    private static final String POSITION = "position";
    private static final String FEATURES = "features";
    private static final String CENTRED = "centred";
    private static final String PROJECTED = "projected";

    private PrincipalComponents() {
    }

    /**
     * The projections of {@code vectors} on their first {@code k} principal components.
     *
     * @return n×k, row i being the projection of {@code vectors.get(i)}
     * @throws IllegalArgumentException when there are fewer than 2 vectors, when they differ in
     *                                  width or hold a value that is not finite, or when k is not
     *                                  between 1 and their width
     */
    public static double[][] project(SparkSession spark, List<float[]> vectors, int k) {
        requireProjectable(vectors, k);
        StructType schema = new StructType()
                .add(POSITION, DataTypes.IntegerType, false)
                .add(FEATURES, new VectorUDT(), false);
        List<Row> rows = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i);
            rows.add(RowFactory.create(i, MlVectors.of(v, 0, v.length)));
        }
        Dataset<Row> data = spark.createDataFrame(rows, schema);

        StandardScaler centre = new StandardScaler().setInputCol(FEATURES).setOutputCol(CENTRED)
                .setWithMean(true).setWithStd(false);
        PCA pca = new PCA().setInputCol(CENTRED).setOutputCol(PROJECTED).setK(k);
        Dataset<Row> projected = new Pipeline().setStages(new PipelineStage[] {centre, pca})
                .fit(data).transform(data).select(POSITION, PROJECTED);

        double[][] result = new double[vectors.size()][];
        for (Row row : projected.collectAsList()) {
            result[row.getInt(0)] = ((Vector) row.get(1)).toArray();
        }
        return result;
    }

    private static void requireProjectable(List<float[]> vectors, int k) {
        if (vectors.size() < 2) {
            throw new IllegalArgumentException("principal components need at least 2 vectors, got " + vectors.size());
        }
        int width = vectors.get(0).length;
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i);
            if (v.length != width) {
                throw new IllegalArgumentException("vector " + i + " has " + v.length + " values, vector 0 has "
                        + width + ": principal components need vectors of one width");
            }
            for (int j = 0; j < v.length; j++) {
                if (!Float.isFinite(v[j])) {
                    throw new IllegalArgumentException("vector " + i + " has the value " + v[j] + " at index " + j);
                }
            }
        }
        if (k < 1 || k > width) {
            throw new IllegalArgumentException("cannot project vectors of " + width + " values on " + k
                    + " principal components: k must be between 1 and " + width);
        }
    }
}
