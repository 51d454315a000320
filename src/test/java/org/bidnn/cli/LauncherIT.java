package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/bidnn} started as a user starts it, on the sample data shipped in data-samples/. */
class LauncherIT {

    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final Path SAMPLES = PROJECT.resolve("data-samples/segments.svm");

    @TempDir
    Path dir;

    record Run(int code, String stdout, String stderr) {
    }

    private Run bidnn(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PROJECT.resolve("bin/bidnn").toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("bin/bidnn did not finish: " + command);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void trainsSavesReloadsAndReproducesTheEmbeddingOfTheSamples() throws Exception {
        Run train = bidnn("run", "-e", "3", "-v", "2", "-n", "-s", "model.bidnn",
                SAMPLES.toString(), "embedding.svm", "100", "100", "64", "32");
        assertEquals(0, train.code(), train.stderr());
        assertEquals(3, train.stderr().lines().filter(l -> l.matches("Epoch \\d of 3 took .*s training loss:\t.*")).count(),
                train.stderr());
        List<String> lines = Files.readAllLines(dir.resolve("embedding.svm"));
        assertEquals(Files.readAllLines(SAMPLES).size(), lines.size(), "one output row per input row");
        assertEquals("", train.stdout(), "messages go to stderr");

        Run predict = bidnn("run", "-e", "0", "-v", "0", "-n", "-l", "model.bidnn",
                SAMPLES.toString(), "again.svm", "100", "100", "64", "32");
        assertEquals(0, predict.code(), predict.stderr());
        assertEquals(Files.readString(dir.resolve("embedding.svm")), Files.readString(dir.resolve("again.svm")));
    }

    @Test
    void embedsTheSamplesWithSparkInInputOrder() throws Exception {
        Run train = bidnn("run", "-e", "1", "-v", "0", "-s", "model.bidnn",
                SAMPLES.toString(), "embedding.svm", "100", "100", "64", "32");
        assertEquals(0, train.code(), train.stderr());
        Run embed = bidnn("embed", "--model", "model.bidnn", "--input", SAMPLES.toString(), "--output", "spark-embedding",
                "-v", "0");
        assertEquals(0, embed.code(), embed.stderr());
        List<String> ids = new ArrayList<>();
        try (var parts = Files.list(dir.resolve("spark-embedding"))) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                Files.readAllLines(part).forEach(line -> ids.add(line.split(" ", 2)[0]));
            }
        }
        assertEquals(Files.readAllLines(dir.resolve("embedding.svm")).stream().map(l -> l.split(" ", 2)[0]).toList(), ids,
                "every segment once, in input order");

        Run again = bidnn("embed", "--model", "model.bidnn", "--input", SAMPLES.toString(), "--output", "spark-embedding",
                "-v", "0");
        assertEquals(1, again.code());
        assertTrue(again.stderr().contains("spark-embedding: the output already exists"), again.stderr());
    }

    @Test
    void ranksAndEvaluatesTheSampleHyperlinkingSet() throws Exception {
        Path set = PROJECT.resolve("data-samples/hyperlinking");
        // The raw features side by side are vectors to compare, as an embedding would be.
        Run rank = bidnn("rank", "--embeddings", set.resolve("segments.svm").toString(), "--anchors",
                set.resolve("anchors.txt").toString(), "--candidates", set.resolve("qrels.tsv").toString(), "--k", "1000",
                "--output", "rankings.tsv", "-v", "0");
        assertEquals(0, rank.code(), rank.stderr());
        assertEquals(Files.readAllLines(set.resolve("qrels.tsv")).size(), Files.readAllLines(dir.resolve("rankings.tsv")).size());
        Run evaluate = bidnn("evaluate", "--rankings", "rankings.tsv", "--qrels", set.resolve("qrels.tsv").toString(),
                "--report", "report.json", "-v", "0");
        assertEquals(0, evaluate.code(), evaluate.stderr());
        assertTrue(evaluate.stdout().matches("P@10 0\\.\\d{4}  MAP 0\\.\\d{4}  nDCG@10 0\\.\\d{4}  \\(30 anchors\\)\\R"),
                evaluate.stdout());
        assertTrue(Files.exists(dir.resolve("report.json")));
    }

    @Test
    void badInputExitsNonZeroWithFileAndLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.svm"), "s1 1:0.5 101:0.2\ns2 1:0.5 250:1\n");
        Run r = bidnn("run", "-e", "1", bad.toString(), "out.svm", "100", "100", "64", "32");
        assertEquals(1, r.code());
        assertTrue(r.stderr().contains("bad.svm:2"), r.stderr());
        assertFalse(Files.exists(dir.resolve("out.svm")));
    }

    /** At -v 0 a bad line of a Spark job is the one line that names it: no Spark log, no stack trace. */
    @Test
    void aBadLineOfASparkJobIsOneLineAtVerbosityZero() throws Exception {
        Run train = bidnn("run", "-e", "0", "-v", "0", "-s", "model.bidnn", SAMPLES.toString(), "embedding.svm",
                "100", "100", "16", "8");
        assertEquals(0, train.code(), train.stderr());
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLES));
        lines.set(1500, lines.get(1500) + " 250:1");
        Files.write(dir.resolve("corpus.svm"), lines);
        Run embed = bidnn("embed", "--model", "model.bidnn", "--input", "corpus.svm", "--output", "embedding", "-v", "0");
        assertEquals(1, embed.code(), embed.stderr());
        assertEquals(List.of("bidnn: error: corpus.svm:1501: index out of range in token '250:1' (column 250 is beyond "
                + "mod1size+mod2size = 200)"), embed.stderr().lines().toList());
        assertFalse(Files.exists(dir.resolve("embedding")));
    }

    @Test
    void printsVersionAndHelp() throws Exception {
        Run version = bidnn("--version");
        assertEquals(0, version.code());
        assertTrue(version.stdout().startsWith("bidnn 0.1.0"), version.stdout());
        Run help = bidnn("run", "--help");
        assertTrue(help.stdout().contains("--crossmodal"), help.stdout());
        Run commands = bidnn("--help");
        assertTrue(commands.stdout().contains("embed"), commands.stdout());
    }
}
