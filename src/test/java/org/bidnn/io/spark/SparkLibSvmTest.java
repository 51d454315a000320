package org.bidnn.io.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.InputFileException;
import org.bidnn.io.LibSvmReader;
import org.bidnn.io.Segment;
import org.bidnn.io.TestStorage;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** LibSVM read and written with Spark: the same rows as the local reader, errors with file and line. */
@ExtendWith(SharedSpark.class)
class SparkLibSvmTest {

    private static final Path SAMPLES = Path.of("data-samples/segments.svm");
    private static final int DIMENSIONS = 200;

    private static SparkSession spark;
    private static JavaSparkContext sc;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SharedSpark.session();
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    /** The InputFileException that failed a Spark job, wherever Spark wrapped it. */
    private static InputFileException inputError(Runnable job) {
        Throwable t = assertThrows(Throwable.class, job::run);
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InputFileException e) {
                return e;
            }
        }
        return fail("no InputFileException in", t);
    }

    @Test
    void readsTheSamplesAsTheLocalReaderInOrderAcrossPartitions() throws IOException {
        JavaRDD<Segment> rows = SparkLibSvmReader.read(sc, SAMPLES.toString(), DIMENSIONS, 5);
        assertTrue(rows.getNumPartitions() >= 5, "split into " + rows.getNumPartitions());
        assertEquals(LibSvmReader.read(TestStorage.LOCAL, SAMPLES.toString(), DIMENSIONS), rows.collect());
    }

    @Test
    void aBadLineIsReportedWithItsFileAndLineWhicheverSplitHoldsIt() throws IOException {
        // Blank and comment lines count as lines; b.svm is cut into several splits, so the number
        // of a line in a later split depends on the lines of the earlier ones.
        List<String> good = new ArrayList<>();
        for (int i = 1; i <= 600; i++) {
            good.add(i % 50 == 0 ? "# comment " + i : i % 70 == 0 ? "" : "s" + i + " 1:0.5 150:" + i + " 200:-1");
        }
        file("in/a.svm", "a1 3:1\na2 4:1\n");
        file("in/_SUCCESS", "");
        for (int bad : new int[] {1, 151, 299, 300, 301, 452, 600}) {
            List<String> lines = new ArrayList<>(good);
            lines.set(bad - 1, "bad" + bad + " 1:0.5 201:1");
            Files.write(dir.resolve("in/b.svm"), lines, StandardCharsets.UTF_8);
            JavaRDD<Segment> rows = SparkLibSvmReader.read(sc, dir.resolve("in").toString(), DIMENSIONS, 8);
            assertTrue(rows.getNumPartitions() >= 4, "split into " + rows.getNumPartitions());
            InputFileException e = inputError(rows::count);
            assertEquals(dir.resolve("in/b.svm").toString(), e.file());
            assertEquals(bad, e.line());
            assertEquals("201:1", e.token());
            assertTrue(e.getMessage().startsWith(dir.resolve("in") + "/b.svm:" + bad + ": index out of range"),
                    e.getMessage());
        }
    }

    @Test
    void aSingleFileIsNamedAsGiven() throws IOException {
        Path f = file("one.svm", "a 1:1\nb 2:x\n");
        InputFileException e = inputError(() -> {
            try {
                SparkLibSvmReader.read(sc, f.toString(), 4, 2).collect();
            } catch (IOException io) {
                throw new AssertionError(io);
            }
        });
        assertEquals(f + ":2: bad value in token '2:x' (expected index:value with a finite number)", e.getMessage());
    }

    @Test
    void indexZeroInAnyFileMakesTheWholeInputZeroBased() throws IOException {
        file("z/a.svm", "a 1:1 3:3\n");
        file("z/b.svm", "b 0:7\n");
        List<Segment> rows = new ArrayList<>(SparkLibSvmReader.read(sc, dir.resolve("z").toString(), 4, 2).collect());
        rows.sort((x, y) -> x.id().compareTo(y.id()));
        assertArrayEquals(new float[] {0, 1, 0, 3}, rows.get(0).values());
        assertArrayEquals(new float[] {7, 0, 0, 0}, rows.get(1).values());
    }

    @Test
    void anInputWithoutRowsOrWithoutFilesIsAnError() throws IOException {
        Path empty = file("empty.svm", "# nothing\n\n");
        InputFileException e = assertThrows(InputFileException.class,
                () -> SparkLibSvmReader.read(sc, empty.toString(), 4, 2));
        assertTrue(e.getMessage().contains("no rows"), e.getMessage());
        InputFileException missing = assertThrows(InputFileException.class,
                () -> SparkLibSvmReader.read(sc, dir.resolve("absent").toString(), 4, 2));
        assertEquals(dir.resolve("absent") + ": cannot read input (no such file or directory)", missing.getMessage());
    }

    @Test
    void aLineThatIsNotUtf8IsReportedWithItsLine() throws IOException {
        Path f = dir.resolve("latin1.svm");
        Files.write(f, "a 1:1\n\u00e9t\u00e9 2:1\n".getBytes(StandardCharsets.ISO_8859_1));
        InputFileException e = inputError(() -> {
            try {
                SparkLibSvmReader.read(sc, f.toString(), 4, 1).collect();
            } catch (IOException io) {
                throw new AssertionError(io);
            }
        });
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("not UTF-8 text"), e.getMessage());
    }

    @Test
    void writtenPartsReadBackWithTheLocalReader() throws IOException {
        List<Segment> samples = LibSvmReader.read(TestStorage.LOCAL, SAMPLES.toString(), DIMENSIONS);
        JavaRDD<Segment> rdd = sc.parallelize(samples, 4);
        String out = dir.resolve("written").toString();
        SparkLibSvmWriter.write(spark, rdd, out, false);
        List<Segment> back = new ArrayList<>();
        for (Path part : parts(Path.of(out))) {
            back.addAll(LibSvmReader.read(TestStorage.LOCAL, part.toString(), DIMENSIONS));
        }
        assertEquals(4, parts(Path.of(out)).size());
        assertEquals(samples, back, "every row once, in order, exact");
        assertTrue(Files.exists(Path.of(out, "_SUCCESS")));
    }

    @Test
    void zeroBasedOutputReadsBackWithTheSparkReader() throws IOException {
        List<Segment> rows = List.of(new Segment("a", new float[] {1, 0, 2}), new Segment("b", new float[] {0, 0, 3}),
                new Segment("c", new float[3]));
        String out = dir.resolve("zero").toString();
        SparkLibSvmWriter.write(spark, sc.parallelize(rows, 2), out, true);
        assertEquals(rows, SparkLibSvmReader.read(sc, out, 3, 2).collect());
    }

    @Test
    void rowsOfUndeclaredWidthTakeTheLargestIndex() throws IOException {
        Path oneBased = file("e/one.svm", "a 1:0.5 3:1\nempty\n\nb 2:2\n");
        SparkLibSvmReader.Sized read = SparkLibSvmReader.readAnyWidth(sc, oneBased.toString(), 2, 100);
        assertEquals(3, read.dimensions());
        assertEquals(List.of(new Segment("a", new float[] {0.5f, 0, 1}), new Segment("empty", new float[3]),
                new Segment("b", new float[] {0, 2, 0})), read.rows().collect());

        Path zeroBased = file("e/zero.svm", "a 0:1 3:2\n");
        SparkLibSvmReader.Sized zero = SparkLibSvmReader.readAnyWidth(sc, zeroBased.toString(), 1, 100);
        assertEquals(4, zero.dimensions());
        assertArrayEquals(new float[] {1, 0, 0, 2}, zero.rows().first().values());

        Path wide = file("w/wide.svm", "a 1:1\nb 2:1\n# comment\nc 5000:1 3:1\n");
        InputFileException e = assertThrows(InputFileException.class,
                () -> SparkLibSvmReader.readAnyWidth(sc, wide.toString(), 1, 100));
        assertEquals(wide + ":4: index out of range (column 5000 is beyond the widest row accepted here, 100)",
                e.getMessage());
        Path none = file("n/none.svm", "a\nb\n");
        assertEquals(none + ": no values (no row has any index:value entry)", assertThrows(InputFileException.class,
                () -> SparkLibSvmReader.readAnyWidth(sc, none.toString(), 1, 100)).getMessage());
    }

    private static List<Path> parts(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }
}
