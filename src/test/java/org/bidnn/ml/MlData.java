package org.bidnn.ml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.bidnn.io.LibSvmReader;
import org.bidnn.io.Segment;
import org.bidnn.io.TestStorage;
import org.bidnn.io.spark.MlVectors;

/** The sample corpus as a Spark ML data set, and helpers to read transform outputs back. */
final class MlData {

    static final int D1 = 100;
    static final int D2 = 100;
    static final Path SAMPLES = Path.of(System.getProperty("user.dir"), "data-samples", "segments.svm");

    /** {@code id}, {@code features} (both modalities), {@code mod1}, {@code mod2}. */
    static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("features", SQLDataTypes.VectorType(), false)
            .add("mod1", SQLDataTypes.VectorType(), false)
            .add("mod2", SQLDataTypes.VectorType(), false);

    private MlData() {
    }

    static List<Segment> segments() {
        return LibSvmReader.read(TestStorage.LOCAL, SAMPLES.toString(), D1 + D2);
    }

    /** The segments as rows of {@link #SCHEMA}, in their order, in {@code partitions} partitions. */
    static Dataset<Row> frame(SparkSession spark, List<Segment> segments, int partitions) {
        List<Row> rows = new ArrayList<>();
        for (Segment s : segments) {
            float[] v = s.values();
            rows.add(RowFactory.create(s.id(), MlVectors.of(v, 0, v.length), MlVectors.of(v, 0, D1),
                    MlVectors.of(v, D1, v.length)));
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return spark.createDataFrame(sc.parallelize(rows, partitions), SCHEMA);
    }

    static float[] floats(Vector v) {
        double[] d = v.toArray();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** Column {@code column} of each row, by the row's {@code id}. */
    static Map<String, float[]> byId(Dataset<Row> frame, String column) {
        Map<String, float[]> out = new HashMap<>();
        for (Row r : frame.select("id", column).collectAsList()) {
            out.put(r.getString(0), floats((Vector) r.get(1)));
        }
        return out;
    }
}
