package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

/** {@code bidnn rank} (and {@code evaluate} after it) as a user types them, on the sample hyperlinking set. */
@ExtendWith(SharedSpark.class)
class RankCommandTest {

    private static final Path SET = Path.of("data-samples/hyperlinking");
    private static final String SEGMENTS = SET.resolve("segments.svm").toString();
    private static final String ANCHORS = SET.resolve("anchors.txt").toString();
    private static final String QRELS = SET.resolve("qrels.tsv").toString();

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
    }

    @Test
    void ranksEveryTargetOfTheSampleSetThenEvaluates() throws IOException {
        // The raw features are themselves vectors to compare: text and visual side by side.
        Path rankings = dir.resolve("rankings.tsv");
        CliRun.Result r = CliRun.bidnn("rank", "--embeddings", SEGMENTS, "--anchors", ANCHORS, "--all-targets", "--k", "100",
                "--output", rankings.toString(), "-v", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out(), "messages go to stderr");
        assertTrue(r.err().contains("Ranking targets for 30 of 30 anchors"), r.err());
        assertTrue(r.err().contains("Ranked targets for 30 anchors among 4030 segments (0 without embedding, skipped)"), r.err());
        List<String> lines = Files.readAllLines(rankings);
        assertEquals(3000, lines.size());
        assertTrue(lines.get(0).matches("anchor00\t1\ttarget\\d{4}\t0\\.\\d+"), lines.get(0));
        assertTrue(lines.stream().noneMatch(l -> l.split("\t")[2].startsWith("anchor00") && l.startsWith("anchor00\t")),
                "an anchor never ranks itself");
        assertEquals(List.of("rankings.tsv"), List.of(dir.toFile().list()), "no temporary file left");

        Path report = dir.resolve("report.json");
        CliRun.Result e = CliRun.bidnn("evaluate", "--rankings", rankings.toString(), "--qrels", QRELS, "--k", "10", "--report",
                report.toString(), "--markdown", dir.resolve("report.md").toString(), "-v", "1");
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().matches("P@10 0\\.\\d{4}  MAP 0\\.\\d{4}  nDCG@10 0\\.\\d{4}  \\(30 anchors\\)\\R"), e.out());
        double p10 = Double.parseDouble(e.out().substring(5, 11));
        assertTrue(p10 > 0.3, "far above chance (0.005): " + e.out());
        assertTrue(Files.readString(report).contains("\"evaluated\" : 30"));
        assertTrue(Files.exists(dir.resolve("report.md")));
    }

    @Test
    void candidatesModeRanksEachAnchorsJudgedTargetsOnly() throws IOException {
        Path rankings = dir.resolve("candidates.tsv");
        CliRun.Result r = CliRun.bidnn("rank", "--embeddings", SEGMENTS, "--anchors", ANCHORS, "--candidates", QRELS, "--k", "1000",
                "--output", rankings.toString(), "-v", "0");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> lines = Files.readAllLines(rankings);
        List<String> judged = Files.readAllLines(Path.of(QRELS));
        assertEquals(judged.size(), lines.size(), "every judgment ranked once");
        assertEquals(judged.stream().map(l -> l.substring(0, l.lastIndexOf('\t'))).sorted().toList(),
                lines.stream().map(l -> l.split("\t")[0] + "\t" + l.split("\t")[2]).sorted().toList());
    }

    @Test
    void libsvmAndParquetEmbeddingsRankTheSame() throws IOException {
        Path model = dir.resolve("model.bidnn");
        ModelFile.save(BiDNNNetwork.create(new Architecture(100, 100, 32, 16, ActivationFunction.TANH, true, 0.2),
                Optimizer.DEFAULT, 3), TestStorage.LOCAL, model.toString());
        for (String format : new String[] {"libsvm", "parquet"}) {
            CliRun.Result embed = CliRun.bidnn("embed", "--model", model.toString(), "--input", SEGMENTS, "--output",
                    dir.resolve("emb-" + format).toString(), "--format", format, "-v", "0");
            assertEquals(0, embed.code(), embed.err());
            CliRun.Result rank = CliRun.bidnn("rank", "--embeddings", dir.resolve("emb-" + format).toString(), "--format", format,
                    "--anchors", ANCHORS, "--all-targets", "--k", "20", "--output", dir.resolve(format + ".tsv").toString(),
                    "-v", "0");
            assertEquals(0, rank.code(), rank.err());
        }
        List<String> fromLibsvm = Files.readAllLines(dir.resolve("libsvm.tsv"));
        List<String> fromParquet = Files.readAllLines(dir.resolve("parquet.tsv"));
        assertEquals(600, fromLibsvm.size());
        assertEquals(fromLibsvm, fromParquet, "LibSVM keeps every float exactly, as Parquet does");
    }

    @Test
    void unrankableAnchorsAreReportedAndTheRestRanked() throws IOException {
        Path embeddings = Files.writeString(dir.resolve("e.svm"), "a 1:1\nb\nt1 1:1 2:1\nt2 2:1\nt3\n");
        Path anchors = Files.writeString(dir.resolve("a.txt"), "a\nb\nc\n");
        CliRun.Result r = CliRun.bidnn("rank", "--embeddings", embeddings.toString(), "--anchors", anchors.toString(), "--all-targets",
                "--k", "5", "--output", dir.resolve("r.tsv").toString(), "-v", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: 1 anchor not in the embeddings, not ranked: c"), r.err());
        assertTrue(r.err().contains("warning: 1 anchor with an empty embedding (no modality), not ranked: b"), r.err());
        assertEquals(List.of("a\t1\tt1\t0.70710677", "a\t2\tt2\t0.0"), Files.readAllLines(dir.resolve("r.tsv")));
    }

    @Test
    void mistakesAreClearErrors() throws IOException {
        String out = dir.resolve("r.tsv").toString();
        CliRun.Result neither = CliRun.bidnn("rank", "--embeddings", SEGMENTS, "--anchors", ANCHORS, "--k", "10", "--output", out);
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("Missing required argument (specify one of these): (--candidates=QRELS | --all-targets)"),
                neither.err());
        CliRun.Result both = CliRun.bidnn("rank", "--embeddings", SEGMENTS, "--anchors", ANCHORS, "--all-targets", "--candidates", QRELS,
                "--k", "10", "--output", out);
        assertEquals(2, both.code());
        assertTrue(both.err().contains("mutually exclusive"), both.err());

        CliRun.Result k = CliRun.bidnn("rank", "--embeddings", SEGMENTS, "--anchors", ANCHORS, "--all-targets", "--k", "0", "--output", out);
        assertEquals(1, k.code());
        assertEquals("bidnn: error: --k must be positive, got 0", k.err().strip());

        Path badAnchors = Files.writeString(dir.resolve("anchors.txt"), "anchor00\nanchor01 anchor02\n");
        CliRun.Result anchors = CliRun.bidnn("rank", "--embeddings", SEGMENTS, "--anchors", badAnchors.toString(), "--all-targets",
                "--k", "10", "--output", out, "-v", "0");
        assertEquals(1, anchors.code());
        assertEquals("bidnn: error: " + badAnchors + ":2: expected one id, found 2 fields (the file lists one segment id a line)",
                anchors.err().strip());

        Path badQrels = Files.writeString(dir.resolve("qrels.tsv"), "anchor00\ttarget0001\t1\nanchor00\ttarget0002\tmaybe\n");
        CliRun.Result qrels = CliRun.bidnn("rank", "--embeddings", SEGMENTS, "--anchors", ANCHORS, "--candidates", badQrels.toString(),
                "--k", "10", "--output", out, "-v", "0");
        assertEquals(1, qrels.code());
        assertTrue(qrels.err().startsWith("bidnn: error: " + badQrels + ":2: bad relevance in token 'maybe'"), qrels.err());

        Path badEmbeddings = Files.writeString(dir.resolve("bad.svm"), "anchor00 1:0.5\ntarget0001 1:x\n");
        CliRun.Result embeddings = CliRun.bidnn("rank", "--embeddings", badEmbeddings.toString(), "--anchors", ANCHORS, "--all-targets",
                "--k", "10", "--output", out, "-v", "0");
        assertEquals(1, embeddings.code());
        assertEquals("bidnn: error: " + badEmbeddings + ":2: bad value in token '1:x' (expected index:value with a finite number)",
                embeddings.err().strip());
        assertFalse(Files.exists(Path.of(out)), "nothing written on failure");

        Files.writeString(Path.of(out), "yesterday");
        CliRun.Result exists = CliRun.bidnn("rank", "--embeddings", SEGMENTS, "--anchors", ANCHORS, "--all-targets", "--k", "10",
                "--output", out, "-v", "0");
        assertEquals(1, exists.code());
        assertEquals("bidnn: error: " + out + ": the output already exists (--overwrite replaces it)", exists.err().strip());
        assertEquals("yesterday", Files.readString(Path.of(out)));
    }

    @Test
    void helpListsEveryFlag() {
        CliRun.Result r = CliRun.bidnn("rank", "--help");
        assertEquals(0, r.code());
        for (String flag : List.of("--embeddings", "--format", "--anchors", "--candidates", "--all-targets", "--k", "--output",
                "--master", "--overwrite", "--verbosity", "libsvm, parquet")) {
            assertTrue(r.out().contains(flag), "help mentions " + flag + ":\n" + r.out());
        }
    }
}
