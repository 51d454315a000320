package org.bidnn.io.spark;

import static org.bidnn.io.spark.SegmentColumns.EMBEDDING;
import static org.bidnn.io.spark.SegmentColumns.ID;
import static org.bidnn.io.spark.SegmentColumns.MOD1;
import static org.bidnn.io.spark.SegmentColumns.MOD2;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.bidnn.io.Segment;

/**
 * Writes segments to Parquet with Spark's own writer, as a string {@code id} and Spark ML vectors
 * (see {@link SegmentColumns}), into a new directory; the job commit marks it with
 * {@code _SUCCESS} (see {@link AtomicDirectories}). Rows are converted on the executors.
 */
public final class ParquetSegmentWriter {

    private ParquetSegmentWriter() {
    }

    /** {@code id}, {@code embedding}: the segment's values as one vector (empty for no modality). */
    public static void writeEmbeddings(SparkSession spark, JavaRDD<Segment> segments, String dir) {
        StructType schema = new StructType()
                .add(ID, DataTypes.StringType, false)
                .add(EMBEDDING, SQLDataTypes.VectorType(), false);
        JavaRDD<Row> rows = segments.map(s -> RowFactory.create(s.id(), MlVectors.of(s.values(), 0, s.values().length)));
        spark.createDataFrame(rows, schema).write().parquet(dir);
    }

    /** {@code id}, {@code mod1}, {@code mod2}: the segment's values split after {@code mod1Size}. */
    public static void writeModalities(SparkSession spark, JavaRDD<Segment> segments, String dir, int mod1Size) {
        StructType schema = new StructType()
                .add(ID, DataTypes.StringType, false)
                .add(MOD1, SQLDataTypes.VectorType(), false)
                .add(MOD2, SQLDataTypes.VectorType(), false);
        JavaRDD<Row> rows = segments.map(s -> RowFactory.create(s.id(), MlVectors.of(s.values(), 0, mod1Size),
                MlVectors.of(s.values(), mod1Size, s.values().length)));
        spark.createDataFrame(rows, schema).write().parquet(dir);
    }
}
