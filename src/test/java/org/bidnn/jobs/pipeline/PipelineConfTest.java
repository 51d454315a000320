package org.bidnn.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bidnn.io.StorageException;
import org.bidnn.io.TestStorage;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.jobs.pipeline.ConfSchema;
import org.bidnn.jobs.pipeline.LabelSettings;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.OutputMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job configuration of {@code bidnn pipeline}: the shipped sample, and every kind of error. */
class PipelineConfTest {

    static final Path SAMPLE = Path.of("conf/pipeline-sample.conf");

    @TempDir
    Path dir;

    /** The sample's lines with {@code key} set to {@code value} (removed when null, added when absent). */
    static List<String> sampleWith(String key, String value) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean found = false;
        for (String line : Files.readAllLines(SAMPLE)) {
            if (line.matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*")) {
                found = true;
                if (value != null) {
                    lines.add(key + " = " + value);
                }
            } else {
                lines.add(line);
            }
        }
        if (!found && value != null) {
            lines.add(key + " = " + value);
        }
        return lines;
    }

    private ConfException error(List<String> lines) throws IOException {
        Path file = dir.resolve("job.conf");
        Files.write(file, lines);
        return assertThrows(ConfException.class, () -> PipelineConf.read(TestStorage.LOCAL, file.toString()));
    }

    private static int lineOf(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key + " ")) {
                return i + 1;
            }
        }
        throw new AssertionError(key);
    }

    @Test
    void readsTheShippedSample() throws IOException {
        PipelineConf c = PipelineConf.read(TestStorage.LOCAL, SAMPLE.toString());
        assertEquals("data-samples/hyperlinking/segments.svm", c.input());
        assertEquals(SegmentFormat.LIBSVM, c.inputFormat());
        assertEquals(100, c.architecture().mod1Size());
        assertEquals(100, c.architecture().mod2Size());
        assertEquals(128, c.architecture().hiddenSize());
        assertEquals(64, c.architecture().embeddingSize());
        assertEquals(ActivationFunction.TANH, c.architecture().activation());
        assertTrue(c.architecture().tied());
        assertTrue(c.training().epochs() > 0 && c.training().epochs() <= 60, "about a minute on a small machine");
        assertEquals("local[*]", c.master());
        assertTrue(c.l2Norm());
        assertEquals(OutputMode.EMBEDDING, c.outputMode());
        assertEquals("data-samples/hyperlinking/qrels.tsv", c.candidates());
        assertEquals("data-samples/hyperlinking/qrels.tsv", c.qrels());
        assertEquals("data-samples/hyperlinking/anchors.txt", c.anchors());
        assertEquals(10, c.evalK());
        assertEquals("out/runs", c.outputRoot());
        assertEquals(ConfSchema.KEYS.size(), c.values().size(), "every key's effective value, for the report");
    }

    @Test
    void defaultsFillWhatIsLeftOut() throws IOException {
        Path file = dir.resolve("min.conf");
        Files.write(file, List.of(
                "input.path = data-samples/hyperlinking/segments.svm",
                "input.mod1-size=100", "input.mod2-size =100", "model.hidden= 16", "model.rep = 8",
                "rank.anchors = data-samples/hyperlinking/anchors.txt", "rank.all-targets = true",
                "eval.qrels = data-samples/hyperlinking/qrels.tsv", "! a comment", "output.root = " + dir.resolve("runs")));
        PipelineConf c = PipelineConf.read(TestStorage.LOCAL, file.toString());
        assertEquals(1000, c.training().epochs());
        assertEquals(128, c.training().batchSize());
        assertEquals(0.2, c.architecture().dropout());
        assertNull(c.master(), "the submission's master, else local[*]");
        assertNull(c.candidates());
        assertEquals(1000, c.rankK());
        assertFalse(c.l2Norm());
    }

    @Test
    void unknownKeyNamesFileLineAndKey() throws IOException {
        List<String> lines = sampleWith("model.hiden", "128");
        ConfException e = error(lines);
        assertEquals("model.hiden", e.key());
        assertEquals(lines.size(), e.line());
        assertTrue(e.getMessage().startsWith(dir.resolve("job.conf") + ":" + lines.size() + ": model.hiden: unknown key"),
                e.getMessage());
    }

    @Test
    void missingRequiredKeyNamesFileAndKey() throws IOException {
        ConfException e = error(sampleWith("rank.anchors", null));
        assertEquals("rank.anchors", e.key());
        assertEquals(dir.resolve("job.conf") + ": rank.anchors: missing required key", e.getMessage());
        ConfException empty = error(sampleWith("output.root", ""));
        assertTrue(empty.getMessage().contains(": output.root: a value is required"), empty.getMessage());
    }

    @Test
    void badValuesNameFileLineAndKey() throws IOException {
        String[][] cases = {
            {"model.epochs", "ten", "not a whole number: 'ten'"},
            {"model.rep", "63", "must be even"},
            {"model.dropout", "1.5", "[0, 1)"},
            {"model.lr", "0", "must be positive"},
            {"model.tied", "maybe", "expected true or false"},
            {"model.activation", "softmax", "Unknown activation function 'softmax'"},
            {"input.format", "csv", "expected libsvm or parquet"},
            {"input.path", "no/such/corpus.svm", "no such file or directory"},
            {"eval.qrels", "no-such-qrels.tsv", "no such file"},
            {"rank.all-targets", "true", "exclude each other"},
            {"eval.k", "0", "must be positive"},
            {"compare.runs", "0", "must be positive"},
            {"compare.modality-dropout", "1.2", "[0, 1]"},
            {"compare.mod1-name", "", "a value is required"},
            {"compare.mod2-name", "text", "the two modalities need different names, both are 'text'"},
        };
        for (String[] c : cases) {
            List<String> lines = sampleWith(c[0], c[1]);
            ConfException e = error(lines);
            assertEquals(c[0], e.key(), e.getMessage());
            assertTrue(e.getMessage().startsWith(dir.resolve("job.conf") + ":" + lineOf(lines, c[0]) + ": " + c[0] + ": "),
                    e.getMessage());
            assertTrue(e.getMessage().contains(c[2]), e.getMessage());
        }
    }

    @Test
    void compareNeedsAtLeastOneEpochWherePipelineDoesNot() throws IOException {
        List<String> lines = sampleWith("model.epochs", "0");
        Path file = dir.resolve("job.conf");
        Files.write(file, lines);
        PipelineConf c = PipelineConf.read(TestStorage.LOCAL, file.toString());
        ConfException e = assertThrows(ConfException.class, c::requireCompareSettings);
        assertEquals(file + ":" + lineOf(lines, "model.epochs") + ": model.epochs: compare trains its models for at "
                + "least 1 epoch, got 0", e.getMessage());
        assertEquals(PipelineConf.read(TestStorage.LOCAL, SAMPLE.toString()), PipelineConf.read(TestStorage.LOCAL, SAMPLE.toString()).requireCompareSettings());
        assertEquals(1235, PipelineConf.read(TestStorage.LOCAL, SAMPLE.toString()).compareSeed(1));
    }

    @Test
    void neitherCandidatesNorAllTargetsIsAnError() throws IOException {
        ConfException e = error(sampleWith("rank.candidates", null));
        assertTrue(e.getMessage().contains("rank.candidates: give rank.candidates"), e.getMessage());
    }

    @Test
    void repeatedKeysAndLinesWithoutEqualsAreErrors() throws IOException {
        List<String> lines = sampleWith("model.epochs", "3");
        lines.add("model.epochs = 4");
        ConfException twice = error(lines);
        assertTrue(twice.getMessage().contains(":" + lines.size() + ": model.epochs: given twice (first on line "),
                twice.getMessage());
        List<String> garbled = sampleWith("model.epochs", "3");
        garbled.add(0, "epochs 3");
        ConfException noEquals = error(garbled);
        assertEquals(1, noEquals.line());
        assertTrue(noEquals.getMessage().contains("expected 'key = value'"), noEquals.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("absent.conf");
        StorageException e = assertThrows(StorageException.class, () -> PipelineConf.read(TestStorage.LOCAL, file.toString()));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void progressBarShowsEpochsAndLoss() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (TrainingProgress bar = new TrainingProgress(out, 4, 100)) {
            bar.epochFinished(1, 4, 0.5, Duration.ofMillis(10));
            bar.epochFinished(4, 4, 0.123456, Duration.ofMillis(10));
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("Training"), drawn);
        assertTrue(drawn.contains("4/4"), drawn);
        assertTrue(drawn.contains("loss 0.123456"), drawn);
    }

    /** Relevance by label: eval.qrels and rank.anchors become optional, and the two relevances exclude each other. */
    @Test
    void labelsReplaceJudgmentsForCompare() throws IOException {
        Path labels = Files.writeString(dir.resolve("labels.tsv"), "a\tx\n");
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE).stream()
                .filter(l -> !l.matches("\\s*(rank\\.anchors|rank\\.candidates|eval\\.qrels)\\s*=.*")).toList());
        lines.add("eval.labels = " + labels);
        lines.add("eval.label-column = 2");
        lines.add("compare.missing-share = 0.2");
        Path file = dir.resolve("labels.conf");
        Files.write(file, lines);
        PipelineConf conf = PipelineConf.read(TestStorage.LOCAL, file.toString());
        assertEquals(new LabelSettings(labels.toString(), 1, 2), conf.labels());
        assertEquals(null, conf.anchors());
        assertEquals(null, conf.qrels());
        assertEquals(0.2, conf.compare().missingShare());
        assertEquals(conf.input(), conf.compare().trainingInput(), "the models train on the input by default");
        assertEquals(org.bidnn.model.Scaling.STANDARD, conf.scaling());

        lines.add("eval.qrels = data-samples/hyperlinking/qrels.tsv");
        ConfException both = error(lines);
        assertEquals("eval.labels", both.key());
        assertTrue(both.getMessage().endsWith("eval.labels: eval.qrels and eval.labels exclude each other: relevance "
                + "is judged or by label"), both.getMessage());
        lines.remove(lines.size() - 1);
        lines.add("compare.missing-share = 0.7");
        lines.remove("compare.missing-share = 0.2");
        assertEquals("compare.missing-share", error(lines).key());
        ConfException scale = error(sampleWith("model.scale", "minmax"));
        assertEquals("model.scale", scale.key());
    }
}
