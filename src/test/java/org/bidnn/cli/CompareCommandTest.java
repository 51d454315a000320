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
import org.bidnn.compare.CompareJob;
import org.bidnn.pipeline.RunDirectory;
import org.bidnn.pipeline.SampleConf;
import org.bidnn.spark.SparkSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bidnn compare --conf FILE} as a user types it. */
class CompareCommandTest {

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSessions.getOrCreate("CompareCommandTest", "local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
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
}
