package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.bidnn.cli.CliRun.Result;
import org.bidnn.io.LibSvmWriter;
import org.bidnn.io.Segment;
import org.bidnn.io.TestStorage;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;
import org.bidnn.model.Optimizer;
import org.bidnn.testing.SharedSpark;
import org.bidnn.train.EpochListener;
import org.bidnn.train.LocalTrainer;
import org.bidnn.train.TrainingRows;
import org.bidnn.train.TrainingSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code bidnn crossmodal-eval} as a user types it, on a small labelled set with a model trained here. */
@ExtendWith(SharedSpark.class)
class CrossmodalEvalCommandTest {

    private static SparkSession spark;

    @TempDir
    static Path shared;
    private static Path input;
    private static Path labels;
    private static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        spark = SharedSpark.session();
        // Three classes of 20; a segment's two modalities are its class's centre in each plus noise.
        java.util.Random random = new java.util.Random(4);
        float[][] centres = new float[3][10];
        for (float[] c : centres) {
            for (int j = 0; j < c.length; j++) {
                c[j] = (float) (0.5 * random.nextGaussian());
            }
        }
        List<Segment> segments = new ArrayList<>();
        List<String> labelLines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            float[] row = new float[10];
            for (int j = 0; j < 10; j++) {
                row[j] = centres[i % 3][j] + (float) (0.1 * random.nextGaussian());
            }
            segments.add(new Segment("s" + i, row));
            labelLines.add("image" + i + "\ts" + i + "\tclass " + (i % 3));
        }
        input = shared.resolve("segments.svm");
        LibSvmWriter.write(TestStorage.LOCAL, input.toString(), segments, false);
        labels = Files.write(shared.resolve("labels.tsv"), labelLines);
        Architecture a = new Architecture(6, 4, 12, 6, ActivationFunction.TANH, true, 0.2);
        BiDNNNetwork network = BiDNNNetwork.create(a, Optimizer.DEFAULT, 2);
        new LocalTrainer(new TrainingSettings(60, 12, 2)).train(network,
                TrainingRows.select(segments.stream().map(Segment::values).toList(), 6, false), EpochListener.NONE);
        model = shared.resolve("model.bidnn");
        ModelFile.save(network, TestStorage.LOCAL, model.toString());
    }

    @Test
    void reportsTheMapOfBothDirectionsAndTheChanceLevel() throws IOException {
        Path report = dir.resolve("report.json");
        Result r = CliRun.bidnn("crossmodal-eval", "--input", input.toString(), "--labels", labels.toString(),
                "--id-column", "2", "--label-column", "3", "--model", model.toString(), "--space", "translation",
                "--report", report.toString(), "-v", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("translation, cosine:  mod1->mod2 mAP (0\\.9\\d{3}|1\\.0000) \\(chance 0\\.3333\\)  "
                + "mod2->mod1 mAP (0\\.9\\d{3}|1\\.0000) \\(chance 0\\.3333\\)  \\(60 segments\\)\\R"), r.out());
        assertTrue(r.err().contains("Read 60 labelled segments: 60 with both modalities"), r.err());
        String json = Files.readString(report);
        assertTrue(json.contains("\"perLabel\" : {\n      \"class 0\""), json);

        Result joint = CliRun.bidnn("crossmodal-eval", "--input", input.toString(), "--labels", labels.toString(),
                "--id-column", "2", "--model", model.toString(), "--report", report.toString(), "-v", "0");
        assertEquals(0, joint.code(), joint.err());
        assertTrue(joint.out().startsWith("joint, cosine:  mod1->mod2 mAP "), joint.out());

        Result expanded = CliRun.bidnn("crossmodal-eval", "--input", input.toString(), "--labels", labels.toString(),
                "--id-column", "2", "--model", model.toString(), "--space", "translation", "--similarity", "dot",
                "--expand-query", "5", "--report", report.toString(), "-v", "1");
        assertEquals(0, expanded.code(), expanded.err());
        assertTrue(expanded.out().startsWith("translation, dot, queries expanded by 5 items:  mod1->mod2 mAP "),
                expanded.out());
        assertTrue(expanded.err().contains("Similarity: dot") && expanded.err().contains("Query expansion: 5 items"),
                expanded.err());
        String expandedJson = Files.readString(report);
        assertTrue(expandedJson.contains("\"similarity\" : \"dot\",\n  \"queryExpansion\" : 5,"), expandedJson);
    }

    @Test
    void mistakesAreClearErrors() throws IOException {
        String report = dir.resolve("report.json").toString();
        Result unlabelled = CliRun.bidnn("crossmodal-eval", "--input", input.toString(), "--labels", labels.toString(),
                "--model", model.toString(), "--report", report, "-v", "0");
        assertEquals(1, unlabelled.code());
        assertEquals("bidnn: error: 60 segments of " + input + " have no label in " + labels
                + ", e.g. 's0' (ids are matched with column 1)", unlabelled.err().strip());

        Result space = CliRun.bidnn("crossmodal-eval", "--input", input.toString(), "--labels", labels.toString(),
                "--model", model.toString(), "--report", report, "--space", "shared");
        assertEquals(2, space.code());
        assertTrue(space.err().contains("Invalid value for option '--space'"), space.err());

        Result similarity = CliRun.bidnn("crossmodal-eval", "--input", input.toString(), "--labels", labels.toString(),
                "--model", model.toString(), "--report", report, "--similarity", "euclidean");
        assertEquals(2, similarity.code());
        assertTrue(similarity.err().contains("Invalid value for option '--similarity'"), similarity.err());

        Result negative = CliRun.bidnn("crossmodal-eval", "--input", input.toString(), "--labels", labels.toString(),
                "--id-column", "2", "--model", model.toString(), "--report", report, "--expand-query", "-1", "-v", "0");
        assertEquals(1, negative.code());
        assertEquals("bidnn: error: --expand-query cannot be negative, got -1", negative.err().strip());

        Result noModel = CliRun.bidnn("crossmodal-eval", "--input", input.toString(), "--labels", labels.toString(),
                "--id-column", "2", "--model", dir.resolve("absent.bidnn").toString(), "--report", report, "-v", "0");
        assertEquals(1, noModel.code());
        assertEquals("bidnn: error: " + dir.resolve("absent.bidnn") + ": no such file", noModel.err().strip());

        Path shortLabels = Files.writeString(dir.resolve("short.tsv"), "s0\n");
        Result columns = CliRun.bidnn("crossmodal-eval", "--input", input.toString(), "--labels",
                shortLabels.toString(), "--model", model.toString(), "--report", report, "-v", "0");
        assertEquals(1, columns.code());
        assertTrue(columns.err().startsWith("bidnn: error: " + shortLabels + ":1: expected at least 2 tab-separated fields"),
                columns.err());
    }

    @Test
    void helpListsEveryFlag() {
        Result r = CliRun.bidnn("crossmodal-eval", "--help");
        assertEquals(0, r.code());
        for (String flag : List.of("--input", "--input-format", "--labels", "--id-column", "--label-column", "--model",
                "--space", "--similarity", "--expand-query", "--report", "--batch-size", "--master", "--verbosity")) {
            assertTrue(r.out().contains(flag), "help mentions " + flag + ":\n" + r.out());
        }
    }
}
