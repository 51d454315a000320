package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.bidnn.jobs.RunDirectory;
import org.bidnn.jobs.compare.CompareJob;
import org.bidnn.jobs.pipeline.SampleConf;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code bidnn compare --conf FILE} as a user types it. */
@ExtendWith(SharedSpark.class)
class CompareCommandTest {

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
    }

    private static List<String> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void printsTheTableAndWritesTheRunDirectory() throws IOException {
        Path root = dir.resolve("runs");
        Path conf = SampleConf.write(dir, "model.hidden", "16", "model.rep", "8", "model.epochs", "2",
                "compare.runs", "1", "output.root", root.toString());
        CliRun.Result r = CliRun.bidnn("compare", "--conf", conf.toString());
        assertEquals(0, r.code(), r.err());
        List<String> runs = list(root);
        assertEquals(1, runs.size(), runs.toString());
        Path run = root.resolve(runs.get(0));
        assertTrue(r.out().startsWith("| method | P@10 | MAP |\n|---|---|---|\n| text only (raw features) | 0."), r.out());
        assertTrue(r.out().contains("| BiDNN crossmodal expansion of both | 0."), r.out());
        assertTrue(r.out().contains("over 1 run of 2 epochs (seeds 1234)"), r.out());
        assertTrue(r.out().endsWith("Report: " + run + "\n"), r.out());
        assertEquals(Files.readString(run.resolve(CompareJob.REPORT_MD)) + "Report: " + run + "\n", r.out(),
                "stdout is compare.md and where the run is");
        for (String stage : List.of("read", "baselines", "train", "score", "report")) {
            assertTrue(r.err().matches("(?s).*\\nStage " + stage + " +\\d+\\.\\ds\\n.*"), stage + ": " + r.err());
        }
        assertEquals(List.of(CompareJob.PROJECTION_PLOT, CompareJob.CONF, CompareJob.REPORT_JSON, CompareJob.REPORT_MD,
                CompareJob.PRECISION_PLOT), list(run));
    }

    @Test
    void badConfigurationsFailWithFileLineAndKeyAndStartNothing() throws IOException {
        Path root = dir.resolve("runs");
        Path conf = SampleConf.write(dir, "compare.runs", "none", "output.root", root.toString());
        CliRun.Result r = CliRun.bidnn("compare", "--conf", conf.toString());
        assertEquals(ErrorReporter.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().matches("bidnn: error: " + java.util.regex.Pattern.quote(conf.toString())
                + ":\\d+: compare.runs: not a whole number: 'none'\\n"), r.err());
        assertEquals("", r.out());
        assertEquals(List.of(), list(root));
    }

    @Test
    void anchorsWithNothingToEvaluateAreNamed() throws IOException {
        Path root = dir.resolve("runs");
        Path anchors = Files.writeString(dir.resolve("anchors.txt"), "anchor00\nno-such-anchor\n");
        Path qrels = Files.writeString(dir.resolve("qrels.tsv"), "no-such-anchor\ttarget0001\t1\n");
        Path conf = SampleConf.write(dir, "rank.anchors", anchors.toString(), "eval.qrels", qrels.toString(),
                "output.root", root.toString());
        CliRun.Result r = CliRun.bidnn("compare", "--conf", conf.toString(), "-v", "1");
        assertEquals(ErrorReporter.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("warning: 1 anchor not in the corpus, left out: no-such-anchor"), r.err());
        assertTrue(r.err().contains("warning: 1 anchor without any relevant judgment, left out: anchor00"), r.err());
        assertTrue(r.err().contains("nothing to evaluate: none of the anchors of " + anchors + " is both in "
                + "data-samples/hyperlinking/segments.svm and judged relevant to something in " + qrels
                + " (1 not in the corpus, 1 without a relevant judgment)"), r.err());
    }

    @Test
    void tooFewTrainingRowsForABatchFailsTheRunAndKeepsWhatItWrote() throws IOException {
        Path root = dir.resolve("runs");
        Path conf = SampleConf.write(dir, "model.batch", "100000", "output.root", root.toString());
        CliRun.Result r = CliRun.bidnn("compare", "--conf", conf.toString(), "-v", "1");
        assertEquals(ErrorReporter.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("segments with both modalities to train on, fewer than one batch of 100000"),
                r.err());
        List<String> runs = list(root);
        assertEquals(1, runs.size());
        assertTrue(runs.get(0).startsWith(RunDirectory.INCOMPLETE_PREFIX), runs.toString());
        assertTrue(Files.readString(root.resolve(runs.get(0)).resolve(RunDirectory.FAILED_MARKER))
                .startsWith("stage: read\n"));
        assertFalse(Files.exists(root.resolve(runs.get(0)).resolve(CompareJob.REPORT_JSON)));
    }

    /**
     * Relevance by label: every segment ranks every other, relevant = same label. The raw features'
     * MAP is the brute-force one, and the weighted BiDNN embedding has its row and its weight.
     */
    @Test
    void labelledDataMakesTheTableWithRelevanceBySameLabel() throws IOException {
        List<org.bidnn.io.Segment> all = org.bidnn.io.LibSvmReader.read(org.bidnn.io.TestStorage.LOCAL,
                "data-samples/segments.svm", 200);
        List<org.bidnn.io.Segment> corpus = all.stream()
                .filter(x -> org.bidnn.model.Presence.of(x.values(), 100, false) == org.bidnn.model.Presence.BOTH)
                .limit(150).toList();
        Path input = dir.resolve("labelled.svm");
        org.bidnn.io.LibSvmWriter.write(org.bidnn.io.TestStorage.LOCAL, input.toString(),
                corpus.stream().map(org.bidnn.io.Segment::id).toList(),
                corpus.stream().map(org.bidnn.io.Segment::values).toList(), false);
        StringBuilder labels = new StringBuilder();
        java.util.Map<String, String> labelOf = new java.util.HashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            // Labels that follow the sign of the first text feature, so that text retrieves above chance.
            String label = (corpus.get(i).values()[0] > 0 ? "pos" : "neg") + (i % 2);
            labelOf.put(corpus.get(i).id(), label);
            labels.append(corpus.get(i).id()).append('\t').append(label).append('\n');
        }
        Path labelFile = Files.writeString(dir.resolve("labels.tsv"), labels.toString());
        Path root = dir.resolve("runs");
        Path conf = SampleConf.write(dir, "input.path", input.toString(), "model.hidden", "16", "model.rep", "8",
                "model.epochs", "1", "model.batch", "32", "compare.runs", "1", "output.root", root.toString(),
                "rank.anchors", "", "rank.candidates", "", "eval.qrels", "", "eval.labels", labelFile.toString(),
                "compare.weight-steps", "4");
        CliRun.Result r = CliRun.bidnn("compare", "--conf", conf.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Relevance: labels: relevant = same label (" + labelFile
                + "), every segment ranks every other."), r.out());
        assertTrue(r.out().matches("(?s).*\\| BiDNN multimodal embedding, weighted \\(text \\+ visual\\) "
                + "\\(weight [01]\\.\\d\\d / [01]\\.\\d\\d\\) \\| 0\\..*"), r.out());
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(root.resolve(list(root).get(0)).resolve(CompareJob.REPORT_JSON).toFile());
        assertEquals(150, report.get("anchors").asInt());
        for (com.fasterxml.jackson.databind.JsonNode m : report.get("methods")) {
            if (m.get("id").asText().equals("raw-mod1")) {
                assertEquals(bruteForceMap(corpus, labelOf), m.get("meanAveragePrecision").get("mean").asDouble(), 1e-9);
            }
        }
    }

    /** Each segment ranks every other by the cosine of its text (ties by id), relevant = same label. */
    private static double bruteForceMap(List<org.bidnn.io.Segment> corpus, java.util.Map<String, String> labelOf) {
        double sum = 0;
        for (org.bidnn.io.Segment a : corpus) {
            float[] q = java.util.Arrays.copyOf(a.values(), 100);
            List<org.bidnn.io.Segment> others = new java.util.ArrayList<>(corpus.stream().filter(t -> t != a).toList());
            others.sort(java.util.Comparator.comparingDouble((org.bidnn.io.Segment t) ->
                    -org.bidnn.rank.BruteForce.cosine(q, java.util.Arrays.copyOf(t.values(), 100)))
                    .thenComparing(org.bidnn.io.Segment::id));
            int relevant = (int) others.stream().filter(t -> labelOf.get(t.id()).equals(labelOf.get(a.id()))).count();
            double ap = 0;
            int hits = 0;
            for (int i = 0; i < others.size(); i++) {
                if (labelOf.get(others.get(i).id()).equals(labelOf.get(a.id()))) {
                    hits++;
                    ap += (double) hits / (i + 1);
                }
            }
            sum += relevant == 0 ? 0 : ap / relevant;
        }
        return sum / corpus.size();
    }
}
