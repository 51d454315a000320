package org.bidnn.io.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.bidnn.io.InputFileException;
import org.bidnn.io.Segment;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Segments in Parquet through Spark's reader and writer, as Spark ML vectors. */
@ExtendWith(SharedSpark.class)
class ParquetSegmentsTest {

    private static SparkSession spark;
    private static JavaSparkContext sc;

    private static final List<Segment> SEGMENTS = List.of(
            new Segment("both", new float[] {0.5f, -1, 0, 2, 0.25f}),
            new Segment("only-1", new float[] {0, 3, 0, 0, 0}),
            new Segment("only-2", new float[] {0, 0, 0, 0, 1e-7f}),
            new Segment("none", new float[5]));

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SharedSpark.session();
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    private static List<Segment> sorted(List<Segment> segments) {
        List<Segment> s = new ArrayList<>(segments);
        s.sort(Comparator.comparing(Segment::id));
        return s;
    }

    private static InputFileException inputError(Runnable job) {
        Throwable t = assertThrows(Throwable.class, job::run);
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InputFileException e) {
                return e;
            }
        }
        return fail("no InputFileException in", t);
    }

    private String writeRows(String name, StructType schema, List<Row> rows) {
        String path = dir.resolve(name).toString();
        spark.createDataFrame(rows, schema).write().parquet(path);
        return path;
    }

    @Test
    void modalitiesRoundTripExactly() throws IOException {
        String out = dir.resolve("mods").toString();
        ParquetSegmentWriter.writeModalities(spark, sc.parallelize(SEGMENTS, 3), out, 2);
        assertTrue(Files.exists(Path.of(out, "_SUCCESS")));
        Dataset<Row> written = spark.read().parquet(out);
        assertEquals(List.of("id", "mod1", "mod2"), List.of(written.columns()));
        JavaRDD<Segment> back = ParquetSegmentReader.read(spark, out, 2, 3);
        assertEquals(sorted(SEGMENTS), sorted(back.collect()));
    }

    @Test
    void embeddingsAreOneVectorColumnEmptyForNoModality() {
        String out = dir.resolve("emb").toString();
        List<Segment> embeddings = List.of(new Segment("a", new float[] {1, 2}), new Segment("b", new float[0]));
        ParquetSegmentWriter.writeEmbeddings(spark, sc.parallelize(embeddings, 2), out);
        List<Row> rows = spark.read().parquet(out).orderBy("id").collectAsList();
        assertEquals(SQLDataTypes.VectorType(), spark.read().parquet(out).schema().apply("embedding").dataType());
        assertArrayEquals(new double[] {1, 2}, ((Vector) rows.get(0).get(1)).toArray());
        assertEquals(0, ((Vector) rows.get(1).get(1)).size());
    }

    @Test
    void oneFeaturesVectorHoldsBothModalities() throws IOException {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("features", SQLDataTypes.VectorType())
                .add("label", DataTypes.DoubleType);
        String in = writeRows("features", schema, List.of(
                RowFactory.create("x", Vectors.sparse(5, new int[] {1, 4}, new double[] {2, 3}), 1.0),
                RowFactory.create("y", null, 0.0)));
        List<Segment> read = sorted(ParquetSegmentReader.read(spark, in, 2, 3).collect());
        assertEquals(new Segment("x", new float[] {0, 2, 0, 0, 3}), read.get(0));
        assertEquals(new Segment("y", new float[5]), read.get(1), "a null vector is a missing modality");
    }

    @Test
    void aVectorOfTheWrongWidthNamesTheFileAndTheSegment() {
        StructType schema = new StructType().add("id", DataTypes.StringType)
                .add("mod1", SQLDataTypes.VectorType()).add("mod2", SQLDataTypes.VectorType());
        String in = writeRows("wide", schema, List.of(
                RowFactory.create("ok", Vectors.dense(1, 2), Vectors.dense(1, 2, 3)),
                RowFactory.create("seg-7", Vectors.dense(1, 2, 3), Vectors.dense(1, 2, 3))));
        InputFileException e = inputError(() -> {
            try {
                ParquetSegmentReader.read(spark, in, 2, 3).collect();
            } catch (IOException io) {
                throw new AssertionError(io);
            }
        });
        assertTrue(e.file().startsWith(in + "/part-"), e.file());
        assertTrue(e.getMessage().endsWith(": segment 'seg-7' has 3 values in mod1 (expected mod1size = 2)"),
                e.getMessage());
    }

    @Test
    void nonFiniteValuesAreRefused() {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("features", SQLDataTypes.VectorType());
        String in = writeRows("nan", schema, List.of(RowFactory.create("n", Vectors.dense(1, Double.NaN, 0))));
        InputFileException e = inputError(() -> {
            try {
                ParquetSegmentReader.read(spark, in, 1, 2).collect();
            } catch (IOException io) {
                throw new AssertionError(io);
            }
        });
        assertTrue(e.getMessage().contains("segment 'n' has the value NaN in features at index 1"), e.getMessage());
    }

    @Test
    void missingOrMistypedColumnsAreClearErrors() {
        StructType noVectors = new StructType().add("id", DataTypes.StringType).add("mod1", SQLDataTypes.VectorType());
        String in = writeRows("partial", noVectors, List.of(RowFactory.create("a", Vectors.dense(1))));
        InputFileException e = assertThrows(InputFileException.class, () -> ParquetSegmentReader.read(spark, in, 1, 1));
        assertTrue(e.getMessage().startsWith(in + ": no modality columns (expected vector columns mod1 and mod2, or features"),
                e.getMessage());

        StructType numericId = new StructType().add("id", DataTypes.LongType).add("features", SQLDataTypes.VectorType());
        String in2 = writeRows("numeric", numericId, List.of(RowFactory.create(1L, Vectors.dense(1, 2))));
        InputFileException e2 = assertThrows(InputFileException.class, () -> ParquetSegmentReader.read(spark, in2, 1, 1));
        assertEquals(in2 + ": column 'id' is LongType (expected a string)", e2.getMessage());
    }

    @Test
    void aMissingOrNonParquetInputIsAClearError() throws IOException {
        InputFileException missing = assertThrows(InputFileException.class,
                () -> ParquetSegmentReader.read(spark, dir.resolve("absent").toString(), 1, 1));
        assertTrue(missing.getMessage().contains("no such file or directory"), missing.getMessage());
        Path text = Files.writeString(dir.resolve("text.svm"), "a 1:1\n");
        InputFileException notParquet = assertThrows(InputFileException.class,
                () -> ParquetSegmentReader.read(spark, text.toString(), 1, 1).count());
        assertTrue(notParquet.getMessage().startsWith(text + ": not readable as Parquet (")
                && notParquet.getMessage().contains("is not a Parquet file"), notParquet.getMessage());
    }

    @Test
    void skippingLeavesOutTheRowsThatCannotBeReadAndNamesThem() throws IOException {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("features", SQLDataTypes.VectorType());
        String in = writeRows("mixed", schema, List.of(
                RowFactory.create("a", Vectors.dense(1, 0, 2)),
                RowFactory.create("n", Vectors.dense(1, Double.NaN, 0)),
                RowFactory.create(null, Vectors.dense(1, 1, 1)),
                RowFactory.create("w", Vectors.dense(1, 2)),
                RowFactory.create("b", Vectors.dense(0, 3, 0))));
        LenientSegments read = ParquetSegmentReader.readSkippingBadRows(spark, in, 1, 2);
        assertEquals(5, read.rows());
        assertEquals(List.of(new Segment("a", new float[] {1, 0, 2}), new Segment("b", new float[] {0, 3, 0})),
                sorted(read.segments().collect()));
        RejectedRows rejected = RejectedRows.of(read.rejections());
        assertEquals(3, rejected.count());
        List<String> messages = rejected.first().stream().map(m -> m.substring(m.indexOf(": ") + 2)).sorted().toList();
        assertEquals(3, messages.size(), rejected.toString());
        assertTrue(messages.get(0).startsWith("missing segment id"), messages.toString());
        assertTrue(messages.get(1).startsWith("segment 'n' has the value NaN in features at index 1"), messages.toString());
        assertTrue(messages.get(2).startsWith("segment 'w' has 2 values in features"), messages.toString());
        assertTrue(rejected.first().stream().allMatch(m -> m.startsWith(in + "/part-")), rejected.toString());
    }
}
