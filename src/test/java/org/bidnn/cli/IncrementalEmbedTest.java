package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.TestStorage;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;
import org.bidnn.model.Optimizer;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bidnn embed --incremental} night after night: only new and changed segments are embedded,
 * the output is always the whole corpus and equals a full embedding, and a new model or new
 * settings embed everything again.
 */
@ExtendWith(SharedSpark.class)
class IncrementalEmbedTest {

    private static final Path SAMPLES = Path.of("data-samples/segments.svm");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
    }

    private Path model(String name, long seed) throws IOException {
        Path file = dir.resolve(name);
        ModelFile.save(BiDNNNetwork.create(new Architecture(100, 100, 16, 8, ActivationFunction.TANH, true, 0),
                Optimizer.DEFAULT, seed), TestStorage.LOCAL, file.toString());
        return file;
    }

    private static CliRun.Result embed(Path model, Path input, Path output, String... more) {
        CliRun.Result r = CliRun.embed(model, input, output, more);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    /** Each output line by segment id. */
    private static Map<String, String> lines(Path output) throws IOException {
        Map<String, String> byId = new TreeMap<>();
        try (Stream<Path> parts = Files.list(output)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(part)) {
                    assertNull(byId.put(line.split(" ", 2)[0], line), "a segment written twice: " + line);
                }
            }
        }
        return byId;
    }

    /**
     * The same segments with the same embeddings, to float rounding: a network's output for a row
     * depends in its last bits on the batch it is computed in (BLAS picks its kernels by shape), and
     * an incremental run batches rows differently from a full one. The differences are named.
     */
    private static void assertSameEmbeddings(Map<String, String> expected, Map<String, String> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "the same segments");
        List<String> differ = expected.keySet().stream().filter(id -> !close(expected.get(id), actual.get(id)))
                .limit(5).map(id -> expected.get(id) + "  <>  " + actual.get(id)).toList();
        assertEquals(List.of(), differ, "embeddings that differ");
    }

    private static boolean close(String a, String b) {
        String[] x = a.split(" ");
        String[] y = b.split(" ");
        if (x.length != y.length) {
            return false;
        }
        for (int i = 1; i < x.length; i++) {
            String[] u = x[i].split(":");
            String[] v = y[i].split(":");
            if (!u[0].equals(v[0]) || Math.abs(Float.parseFloat(u[1]) - Float.parseFloat(v[1])) > 1e-5) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode summary(Path output) throws IOException {
        return JSON.readTree(output.resolve("_bidnn/summary.json").toFile());
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The first {@code rows} segments of the samples, as a file. */
    private Path sampleCorpus(int rows) throws IOException {
        return Files.write(dir.resolve("c.svm"), Files.readAllLines(SAMPLES).subList(0, rows));
    }

    private static void assertCounts(JsonNode s, long in, long embedded, long carried, long deleted) {
        assertEquals(List.of(in, embedded, carried, deleted), List.of(s.get("segmentsIn").asLong(),
                s.get("embedded").asLong(), s.get("carriedOver").asLong(), s.get("deleted").asLong()), s.toString());
    }

    @Test
    void onlyNewAndChangedSegmentsAreEmbeddedAndTheOutputIsTheWholeCorpus() throws IOException {
        List<String> all = Files.readAllLines(SAMPLES);
        Path model = model("m.bidnn", 1);
        Path day1 = dir.resolve("day1.svm");
        Files.write(day1, all.subList(0, 1000));
        Path out1 = dir.resolve("out/2031-01-01");
        CliRun.Result first = embed(model, day1, out1, "--incremental", dir.resolve("out/none").toString());
        assertCounts(summary(out1), 1000, 1000, 0, 0);
        assertTrue(summary(out1).get("fullEmbeddingBecause").asText().startsWith("no previous incremental run"));
        assertTrue(first.err().startsWith("embed summary: {\"output\":"), first.err());
        assertEquals(sha256(model), summary(out1).get("modelHash").asText(), "the hash of the model file's bytes");

        // The next night: two segments deleted, three changed, four new.
        List<String> next = new ArrayList<>(all.subList(2, 1000));
        for (int i = 8; i < 11; i++) {
            next.set(i, next.get(i) + " 200:0.25");
        }
        next.addAll(all.subList(1000, 1004));
        Path day2 = dir.resolve("day2.svm");
        Files.write(day2, next);
        Path out2 = dir.resolve("out/2031-01-02");
        embed(model, day2, out2, "--incremental", out1.toString());
        JsonNode s2 = summary(out2);
        assertCounts(s2, 1002, 7, 995, 2);
        assertEquals(out1.toString(), s2.get("previous").asText());

        Path full = dir.resolve("full");
        embed(model, day2, full);
        assertSameEmbeddings(lines(full), lines(out2));
        Map<String, String> before = lines(out1);
        Map<String, String> after = lines(out2);
        for (String id : List.of("seg00002", "seg00500", "seg00999")) {
            assertEquals(before.get(id), after.get(id), "an unchanged segment is carried over as it was");
        }

        // The same night again: the same output.
        embed(model, day2, out2, "--incremental", out1.toString(), "--overwrite");
        assertEquals(after, lines(out2));
        assertCounts(summary(out2), 1002, 7, 995, 2);
    }

    @Test
    void aNewModelOrNewSettingsEmbedEverything() throws IOException {
        Path corpus = sampleCorpus(300);
        Path first = dir.resolve("first");
        embed(model("a.bidnn", 1), corpus, first, "--incremental", "");

        Path retrained = dir.resolve("retrained");
        embed(model("b.bidnn", 2), corpus, retrained, "--incremental", first.toString());
        assertCounts(summary(retrained), 300, 300, 0, 0);
        assertTrue(summary(retrained).get("fullEmbeddingBecause").asText().startsWith("the model changed"));

        Path normalised = dir.resolve("normalised");
        embed(dir.resolve("b.bidnn"), corpus, normalised, "--incremental", retrained.toString(), "-n");
        assertTrue(summary(normalised).get("fullEmbeddingBecause").asText().startsWith("the settings changed"));
        Path same = dir.resolve("same");
        embed(dir.resolve("b.bidnn"), corpus, same, "--incremental", normalised.toString(), "-n");
        assertCounts(summary(same), 300, 0, 300, 0);
        assertEquals(lines(normalised), lines(same), "everything carried over as it was");
    }

    /**
     * Ids are keys under --incremental (a plain embed embeds both rows, see HostileSparkInputTest):
     * a repeated one is bad input naming its lines, whether or not a previous run exists, and
     * nothing is published.
     */
    @Test
    void aRepeatedIdIsBadInputNamingItsLines() throws IOException {
        List<String> all = Files.readAllLines(SAMPLES).subList(0, 200);
        Path model = model("m.bidnn", 1);
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.write(corpus.resolve("part-0.svm"), all.subList(0, 100));
        List<String> second = new ArrayList<>(all.subList(100, 200));
        second.set(41, all.get(7));
        Files.write(corpus.resolve("part-1.svm"), second);
        String id = all.get(7).split(" ", 2)[0];

        Path first = dir.resolve("first");
        for (String previous : List.of("", first.toString())) {
            if (!previous.isEmpty()) {
                Files.write(corpus.resolve("part-1.svm"), all.subList(100, 200));
                embed(model, corpus, first, "--incremental", "");
                Files.write(corpus.resolve("part-1.svm"), second);
            }
            Path out = dir.resolve("out");
            CliRun.Result r = CliRun.bidnn("embed", "--model", model.toString(), "--input", corpus.toString(),
                    "--output", out.toString(), "-v", "0", "--incremental", previous);
            assertEquals(ErrorReporter.BAD_INPUT, r.code(), r.err());
            assertEquals("bidnn: error: " + corpus + "/part-1.svm:42: segment id '" + id + "' appears more than once "
                    + "(also at " + corpus + "/part-0.svm:8); --incremental matches segments with the previous run by "
                    + "id, so ids must be unique", r.err().strip());
            assertFalse(Files.exists(out), "nothing published");
        }
    }

    /**
     * A run killed between the two renames of --overwrite leaves nothing at the output (the
     * previous one is whole, aside): the next run puts it back before anything else, so without
     * --overwrite it is refused as before, and with it ends with one complete output.
     */
    @Test
    void aRunKilledDuringAnOverwriteIsRepairedByTheNextRun() throws Exception {
        Path model = model("m.bidnn", 1);
        Path corpus = sampleCorpus(200);
        Path out = dir.resolve("out");
        embed(model, corpus, out, "--incremental", "");
        Map<String, String> before = lines(out);

        org.bidnn.io.spark.KilledPublish.run(out, "x 1:1\n");
        assertFalse(Files.exists(out));

        CliRun.Result refused = CliRun.bidnn("embed", "--model", model.toString(), "--input", corpus.toString(),
                "--output", out.toString(), "-v", "0");
        assertEquals(ErrorReporter.BAD_INPUT, refused.code(), refused.err());
        assertTrue(refused.err().contains("the output already exists"), refused.err());
        assertEquals(before, lines(out), "the previous output is back, whole");

        embed(model, corpus, out, "--incremental", out.toString(), "--overwrite");
        assertEquals(before, lines(out));
        assertCounts(summary(out), 200, 0, 200, 0);
    }

    /**
     * What nightly.sh does when judgments are set: rank the anchors on the published night and
     * add P@10 and MAP to its summary; the next night reads that summary back and carries over.
     */
    @Test
    void retrievalMeasuresJoinTheSummaryAndTheNextNightStillCarriesOver() throws IOException {
        Path model = model("m.bidnn", 1);
        Path corpus = sampleCorpus(100);
        Path night = dir.resolve("2031-01-01");
        embed(model, corpus, night, "--incremental", "");
        Path anchors = Files.writeString(dir.resolve("anchors.txt"), "seg00000\nseg00001\n");
        Path qrels = Files.writeString(dir.resolve("qrels.tsv"),
                "seg00000\tseg00002\t1\nseg00000\tseg00003\t0\nseg00001\tseg00004\t1\n");
        String state = night.resolve("_bidnn").toString();
        CliRun.Result rank = CliRun.bidnn("rank", "--embeddings", night.toString(), "--anchors", anchors.toString(),
                "--all-targets", "--k", "1000", "--output", state + "/rankings.tsv", "--overwrite", "-v", "0");
        assertEquals(0, rank.code(), rank.err());
        CliRun.Result evaluate = CliRun.bidnn("evaluate", "--rankings", state + "/rankings.tsv", "--qrels",
                qrels.toString(), "--k", "10", "--report", state + "/evaluation.json", "--summary",
                state + "/summary.json", "-v", "0");
        assertEquals(0, evaluate.code(), evaluate.err());
        JsonNode retrieval = summary(night).get("retrieval");
        assertEquals(10, retrieval.get("k").asInt(), retrieval.toString());
        assertEquals(2, retrieval.get("anchors").asInt(), retrieval.toString());
        JsonNode report = JSON.readTree(night.resolve("_bidnn/evaluation.json").toFile()).get("mean");
        assertEquals(report.get("precisionAtK").asDouble(), retrieval.get("precisionAtK").asDouble());
        assertEquals(report.get("meanAveragePrecision").asDouble(), retrieval.get("meanAveragePrecision").asDouble());
        assertCounts(summary(night), 100, 100, 0, 0);

        Path next = dir.resolve("2031-01-02");
        embed(model, corpus, next, "--incremental", night.toString());
        assertCounts(summary(next), 100, 0, 100, 0);
        assertNull(summary(next).get("retrieval"), "not evaluated yet");
    }
}
