package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.LibSvmReader;
import org.bidnn.io.Segment;
import org.bidnn.io.SparkOutputs;
import org.bidnn.io.TestStorage;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;
import org.bidnn.model.Optimizer;
import org.bidnn.model.OutputMode;
import org.bidnn.model.SegmentTransformer;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code bidnn embed} as a user types it, in this JVM's Spark session. */
@ExtendWith(SharedSpark.class)
class EmbedCommandTest {

    private static final Path SAMPLES = Path.of("data-samples/segments.svm");
    private static final int REPSIZE = 24;

    private static SparkSession spark;
    private static BiDNNNetwork network;
    private static List<Segment> samples;

    @TempDir
    static Path shared;
    private static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        spark = SharedSpark.session();
        network = BiDNNNetwork.create(new Architecture(100, 100, 48, REPSIZE, ActivationFunction.TANH, true, 0.2),
                Optimizer.DEFAULT, 21);
        model = shared.resolve("model.bidnn");
        ModelFile.save(network, TestStorage.LOCAL, model.toString());
        samples = LibSvmReader.read(TestStorage.LOCAL, SAMPLES.toString(), 200);
    }

    private static String[] embed(String... args) {
        List<String> all = new ArrayList<>(List.of("embed", "--model", model.toString()));
        all.addAll(List.of(args));
        return all.toArray(new String[0]);
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheLocalEmbeddingOfEverySegmentInInputOrder() throws IOException {
        Path out = dir.resolve("embedding");
        CliRun.Result r = CliRun.bidnn(embed("--input", SAMPLES.toString(), "--output", out.toString(), "-n", "-b", "300", "-v", "2"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("Wrote 2000 segments to " + out), r.err());
        assertEquals("", r.out(), "messages go to stderr");
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        assertEquals(List.of("embedding"), entries(dir), "nothing but the output beside it");

        List<Segment> written = SparkOutputs.segments(out, REPSIZE);
        assertEquals(samples.stream().map(Segment::id).toList(), written.stream().map(Segment::id).toList());
        float[][] local = new SegmentTransformer(network, OutputMode.EMBEDDING, true, false)
                .transform(samples.stream().map(Segment::values).toArray(float[][]::new));
        for (int i = 0; i < local.length; i++) {
            // Within float rounding: the batches differ from the single local one.
            assertArrayEquals(local[i], written.get(i).values(), 1e-5f, written.get(i).id());
        }
    }

    @Test
    void crossmodalExpansionToParquetReadsBackAsParquetInput() throws IOException {
        Path first = dir.resolve("first");
        assertEquals(0, CliRun.bidnn(embed("--input", SAMPLES.toString(), "--output", first.toString(), "-c",
                "--format", "parquet", "-v", "0")).code());
        assertEquals(List.of("id", "mod1", "mod2"), List.of(spark.read().parquet(first.toString()).columns()));
        Map<String, float[]> expanded = new HashMap<>();
        for (Row row : spark.read().parquet(first.toString()).collectAsList()) {
            float[] values = new float[200];
            double[] mod1 = ((Vector) row.get(1)).toArray();
            double[] mod2 = ((Vector) row.get(2)).toArray();
            for (int i = 0; i < 100; i++) {
                values[i] = (float) mod1[i];
                values[100 + i] = (float) mod2[i];
            }
            expanded.put(row.getString(0), values);
        }
        assertEquals(2000, expanded.size());

        // Every expanded row has both modalities, so expanding it again writes it unchanged.
        Path second = dir.resolve("second");
        CliRun.Result r = CliRun.bidnn(embed("--input", first.toString(), "--input-format", "PARQUET", "--output", second.toString(),
                "--crossmodal", "--format", "libsvm", "-v", "0"));
        assertEquals(0, r.code(), r.err());
        List<Segment> again = SparkOutputs.segments(second, 200);
        assertEquals(2000, again.size());
        for (Segment s : again) {
            assertArrayEquals(expanded.get(s.id()), s.values(), 0f, s.id());
        }

        // The input is read before the old output is moved away: a corpus can be rewritten in place.
        r = CliRun.bidnn(embed("--input", second.toString(), "--output", second.toString(), "--overwrite", "-c", "-v", "0"));
        assertEquals(0, r.code(), r.err());
        assertEquals(again, SparkOutputs.segments(second, 200));
        assertEquals(List.of("first", "second"), entries(dir));
    }

    @Test
    void aBadLineInADirectoryIsReportedWithFileAndLineAndNothingIsPublished() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLES);
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("a.svm"), lines.subList(0, 300));
        List<String> b = new ArrayList<>(lines.subList(300, 320));
        b.set(10, "seg-bad 1:0.5 2:oops");
        Files.write(in.resolve("b.svm"), b);
        Path out = dir.resolve("out");

        CliRun.Result r = CliRun.bidnn(embed("--input", in.toString(), "--output", out.toString(), "-v", "0"));
        assertEquals(1, r.code(), r.err());
        assertEquals("bidnn: error: " + in + "/b.svm:11: bad value in token '2:oops' "
                + "(expected index:value with a finite number)", r.err().strip());
        assertEquals(List.of("in"), entries(dir), "no output, no temporary directory");
    }

    @Test
    void anExistingOutputIsKeptWithoutOverwriteAndReplacedWithIt() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("yesterday.svm"), "old");

        CliRun.Result refused = CliRun.bidnn(embed("--input", SAMPLES.toString(), "--output", out.toString(), "-v", "0"));
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains(out + ": the output already exists (--overwrite replaces it)"), refused.err());
        assertEquals(List.of("yesterday.svm"), entries(out));

        CliRun.Result replaced = CliRun.bidnn(embed("--input", SAMPLES.toString(), "--output", out.toString(), "--overwrite", "-v", "0"));
        assertEquals(0, replaced.code(), replaced.err());
        assertFalse(Files.exists(out.resolve("yesterday.svm")));
        assertEquals(2000, SparkOutputs.segments(out, REPSIZE).size());
        assertEquals(List.of("out"), entries(dir), "the old output and the temporary directory are gone");
    }

    @Test
    void aFailedOverwriteKeepsTheOldOutput() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("yesterday.svm"), "old");
        Path bad = Files.writeString(dir.resolve("bad.svm"), "s1 1:0.5\ns2 201:1\n");
        CliRun.Result r = CliRun.bidnn(embed("--input", bad.toString(), "--output", out.toString(), "--overwrite", "-v", "0"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.svm:2: index out of range"), r.err());
        assertEquals(List.of("yesterday.svm"), entries(out));
        assertEquals(List.of("bad.svm", "out"), entries(dir));
    }

    @Test
    void helpListsEveryFlag() {
        CliRun.Result r = CliRun.bidnn("embed", "--help");
        assertEquals(0, r.code());
        for (String flag : List.of("--model", "--input", "--output", "--crossmodal", "--l2-norm", "--ignore-zeroes",
                "--format", "--input-format", "--zero-based", "--batch-size", "--master", "--overwrite", "--verbosity",
                "libsvm, parquet")) {
            assertTrue(r.out().contains(flag), "help mentions " + flag + ":\n" + r.out());
        }
    }

    @Test
    void wrongSettingsAreClearErrors() {
        String out = dir.resolve("o").toString();
        CliRun.Result missing = CliRun.bidnn("embed", "--input", SAMPLES.toString(), "--output", out);
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("Missing required option: '--model=FILE'"), missing.err());

        assertEquals(2, CliRun.bidnn(embed("--input", "x", "--output", out, "--format", "csv")).code());

        CliRun.Result zeroBased = CliRun.bidnn(embed("--input", SAMPLES.toString(), "--output", out, "--format", "parquet",
                "--zero-based"));
        assertEquals(1, zeroBased.code());
        assertTrue(zeroBased.err().contains("--zero-based"), zeroBased.err());

        CliRun.Result batch = CliRun.bidnn(embed("--input", SAMPLES.toString(), "--output", out, "-b", "0"));
        assertEquals(1, batch.code());
        assertTrue(batch.err().contains("--batch-size must be positive"), batch.err());

        CliRun.Result noModel = CliRun.bidnn("embed", "--model", dir.resolve("absent.bidnn").toString(), "--input", SAMPLES.toString(),
                "--output", out, "-v", "0");
        assertEquals(1, noModel.code());
        assertEquals("bidnn: error: " + dir.resolve("absent.bidnn") + ": no such file", noModel.err().strip());

        CliRun.Result noInput = CliRun.bidnn(embed("--input", dir.resolve("absent.svm").toString(), "--output", out, "-v", "0"));
        assertEquals(1, noInput.code());
        assertTrue(noInput.err().contains("absent.svm: cannot read input (no such file or directory)"), noInput.err());
        assertFalse(Files.exists(Path.of(out)));
    }
}
