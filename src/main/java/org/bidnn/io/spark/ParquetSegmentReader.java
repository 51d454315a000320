package org.bidnn.io.spark;

import static org.bidnn.io.spark.SegmentColumns.EMBEDDING;
import static org.bidnn.io.spark.SegmentColumns.FEATURES;
import static org.bidnn.io.spark.SegmentColumns.ID;
import static org.bidnn.io.spark.SegmentColumns.MOD1;
import static org.bidnn.io.spark.SegmentColumns.MOD2;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.bidnn.io.InputFileException;
import org.bidnn.io.Segment;

/**
 * Reads segments from Parquet (a file, a directory or a glob) with Spark's own reader: a string
 * column {@code id} and either two Spark ML vector columns {@code mod1} and {@code mod2}, or one
 * {@code features} vector of both modalities (see {@link SegmentColumns}). Other columns are
 * ignored. A null vector is a missing modality (all zeros). Widths are checked against the
 * model's sizes, and values must be finite, as in LibSVM input; errors name the file and the
 * segment, since Parquet has no lines. Within a partition, rows keep the order of their file.
 */
public final class ParquetSegmentReader {

    private ParquetSegmentReader() {
    }

    /** @throws InputFileException if the input does not exist, is not Parquet or lacks the columns */
    public static JavaRDD<Segment> read(SparkSession spark, String path, int mod1Size, int mod2Size)
            throws IOException {
        return checkedRows(spark, path, mod1Size, mod2Size).map(Checked::segment);
    }

    /**
     * Reads as {@link #read} does, but leaves out the rows that cannot be read (no id, a vector of
     * the wrong width or with a value that is not finite) instead of failing; the rejections name
     * the file and the segment of each.
     *
     * @throws InputFileException if the input does not exist, is not Parquet or lacks the columns
     */
    public static LenientSegments readSkippingBadRows(SparkSession spark, String path, int mod1Size, int mod2Size)
            throws IOException {
        JavaRDD<Checked> rows = checkedRows(spark, path, mod1Size, mod2Size);
        return new LenientSegments(
                rows.filter(c -> c.problem() == null).map(Checked::segment),
                rows.filter(c -> c.problem() != null).map(c -> c.problem().getMessage()),
                rows.count());
    }

    /** A row read: its segment, or the problem that kept it from being one. */
    private record Checked(Segment segment, InputFileException problem) implements java.io.Serializable {
        @Override
        public Segment segment() {
            if (problem != null) {
                throw problem;
            }
            return segment;
        }
    }

    private static JavaRDD<Checked> checkedRows(SparkSession spark, String path, int mod1Size, int mod2Size)
            throws IOException {
        InputNames names = InputNames.of(path, spark.sparkContext().hadoopConfiguration());
        Dataset<Row> data = open(spark, path);
        StructType schema = data.schema();
        requireType(path, schema, ID, "a string", DataTypes.StringType.equals(type(schema, ID)));
        boolean split = type(schema, MOD1) != null && type(schema, MOD2) != null;
        if (!split && type(schema, FEATURES) == null) {
            throw new InputFileException(path, 0, null, "no modality columns", "expected vector columns "
                    + MOD1 + " and " + MOD2 + ", or " + FEATURES + "; found " + Arrays.toString(schema.fieldNames()));
        }
        VectorColumns layout = split
                ? VectorColumns.split(MOD1, MOD2, mod1Size, mod2Size, "mod1size", "mod2size")
                : VectorColumns.joint(FEATURES, mod1Size, mod2Size, "mod1size+mod2size");
        try {
            layout.check(schema);
        } catch (VectorColumns.Problem p) {
            throw new InputFileException(path, 0, null, p.what(), p.expected());
        }
        Dataset<Row> selected = split
                ? data.select(functions.col(ID), functions.col(MOD1), functions.col(MOD2), functions.input_file_name())
                : data.select(functions.col(ID), functions.col(FEATURES), functions.input_file_name());
        int[] fields = split ? new int[] {1, 2} : new int[] {1};
        return selected.javaRDD().map(row -> {
            try {
                return new Checked(toSegment(row, layout, fields, names), null);
            } catch (InputFileException e) {
                return new Checked(null, e);
            }
        });
    }

    /**
     * Reads embeddings as {@code bidnn embed --format parquet} writes them: a string {@code id} and
     * a Spark ML vector {@code embedding}. Each segment's values are its vector, of whatever width
     * it has: empty for a segment with no modality (a null vector reads as empty too). Values must
     * be finite; errors name the file and the segment.
     *
     * @throws InputFileException if the input does not exist, is not Parquet or lacks the columns
     */
    public static JavaRDD<Segment> readEmbeddings(SparkSession spark, String path) throws IOException {
        InputNames names = InputNames.of(path, spark.sparkContext().hadoopConfiguration());
        Dataset<Row> data = open(spark, path);
        StructType schema = data.schema();
        requireType(path, schema, ID, "a string", DataTypes.StringType.equals(type(schema, ID)));
        requireType(path, schema, EMBEDDING, "a Spark ML vector", type(schema, EMBEDDING) instanceof VectorUDT);
        return data.select(functions.col(ID), functions.col(EMBEDDING), functions.input_file_name())
                .javaRDD().map(row -> {
                    String file = names.ofUri(row.getString(2));
                    String id = row.isNullAt(0) ? null : row.getString(0);
                    if (id == null || id.isBlank()) {
                        throw new InputFileException(file, 0, null, "missing segment id",
                                "every row needs a non-blank " + ID);
                    }
                    Vector v = row.isNullAt(1) ? null : (Vector) row.get(1);
                    float[] values = new float[v == null ? 0 : v.size()];
                    int bad = v == null ? -1 : MlVectors.copyInto(v, values, 0);
                    if (bad >= 0) {
                        throw new InputFileException(file, 0, null, "segment '" + id + "' has the value "
                                + v.apply(bad) + " in " + EMBEDDING + " at index " + bad, "expected finite floats");
                    }
                    return new Segment(id, values);
                });
    }

    /** The files that hold the segments of the given ids, one entry per row, for an error message about them. */
    public static List<String> locate(SparkSession spark, String path, Set<String> ids) throws IOException {
        InputNames names = InputNames.of(path, spark.sparkContext().hadoopConfiguration());
        return open(spark, path).filter(functions.col(ID).isin(ids.toArray()))
                .select(functions.input_file_name()).collectAsList().stream()
                .map(r -> names.ofUri(r.getString(0))).toList();
    }

    private static Dataset<Row> open(SparkSession spark, String path) {
        try {
            return spark.read().parquet(path);
        } catch (Exception e) {
            // Spark wraps the reason (e.g. "... is not a Parquet file") in layers of its own.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
            throw new InputFileException(path, 0, null, "not readable as Parquet", why, e);
        }
    }

    private static Object type(StructType schema, String column) {
        for (StructField f : schema.fields()) {
            if (f.name().equals(column)) {
                return f.dataType();
            }
        }
        return null;
    }

    private static void requireType(String path, StructType schema, String column, String expected, boolean ok) {
        if (!ok) {
            Object found = type(schema, column);
            throw new InputFileException(path, 0, null, found == null ? "no column '" + column + "'"
                    : "column '" + column + "' is " + found, "expected " + expected);
        }
    }

    private static Segment toSegment(Row row, VectorColumns layout, int[] fields, InputNames names) {
        String file = names.ofUri(row.getString(row.length() - 1));
        String id = row.isNullAt(0) ? null : row.getString(0);
        if (id == null || id.isBlank()) {
            throw new InputFileException(file, 0, null, "missing segment id", "every row needs a non-blank " + ID);
        }
        try {
            return new Segment(id, layout.values(row, fields));
        } catch (VectorColumns.Problem p) {
            throw new InputFileException(file, 0, null, "segment '" + id + "' " + p.what(), p.expected());
        }
    }
}
