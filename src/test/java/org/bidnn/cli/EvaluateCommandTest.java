package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.bidnn.cli.CliRun.Result;
import org.bidnn.embed.EmbedSummary;
import org.bidnn.io.JsonFiles;
import org.bidnn.io.TestStorage;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code bidnn evaluate} as a user types it. */
@ExtendWith(SharedSpark.class)
class EvaluateCommandTest {

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
    }

    private Path rankings() throws IOException {
        // a: relevant at ranks 1 and 3 of 4; b: relevant at rank 2; c: ranked, never judged.
        return Files.writeString(dir.resolve("rankings.tsv"), String.join("\n", "a\t1\tx\t0.9", "a\t2\ty\t0.8",
                "a\t3\tz\t0.7", "a\t4\tw\t0.1", "b\t1\tx\t0.5", "b\t2\ty\t0.4", "c\t1\tx\t1.0", ""));
    }

    @Test
    void printsTheMeansAndWritesTheReports() throws IOException {
        Path qrels = Files.writeString(dir.resolve("qrels.tsv"), "a\tx\t1\na\tz\t1\na\ty\t0\nb\ty\t1\nd\tx\t1\n");
        Path report = dir.resolve("out/report.json");
        Path markdown = dir.resolve("out/report.md");
        Result r = CliRun.bidnn("evaluate", "--rankings", rankings().toString(), "--qrels", qrels.toString(),
                "--k", "2", "--report", report.toString(), "--markdown", markdown.toString(), "-v", "1");
        assertEquals(0, r.code(), r.err());
        // P@2: a 1/2, b 1/2. AP: a (1 + 2/3) / 2, b 1/2. nDCG@2: a finds 1 of its 2 at rank 1, b its 1 at rank 2.
        double ndcgA = (1 / Math.log(2)) / (1 / Math.log(2) + 1 / Math.log(3));
        double ndcgB = (1 / Math.log(3)) / (1 / Math.log(2));
        assertEquals(String.format(java.util.Locale.ROOT, "P@2 0.5000  MAP %.4f  nDCG@2 %.4f  (2 anchors)",
                ((1 + 2.0 / 3) / 2 + 0.5) / 2, (ndcgA + ndcgB) / 2), r.out().strip());
        assertTrue(r.err().contains("warning: 1 anchor judged but not ranked, left out (--count-unranked scores them 0): d"), r.err());
        assertTrue(r.err().contains("warning: 1 anchor ranked but not judged, left out: c"), r.err());
        String json = Files.readString(report);
        for (String field : List.of("\"k\" : 2", "\"relevance\" : \"binary\"", "\"judgedNotRanked\" : [ \"d\" ]",
                "\"rankedNotJudged\" : [ \"c\" ]", "\"anchor\" : \"a\"", "\"precisionAtK\" : 0.5")) {
            assertTrue(json.contains(field), field + " in " + json);
        }
        assertTrue(Files.readString(markdown).startsWith("# Evaluation of " + dir.resolve("rankings.tsv")));

        Result counted = CliRun.bidnn("evaluate", "--rankings", rankings().toString(), "--qrels", qrels.toString(),
                "--k", "2", "--report", report.toString(), "--count-unranked", "-v", "0");
        assertEquals(0, counted.code(), counted.err());
        assertTrue(counted.out().startsWith("P@2 0.3333  "), counted.out());
        assertTrue(counted.out().strip().endsWith("(3 anchors)"), counted.out());
        assertEquals("", counted.err());
    }

    @Test
    void aBadJudgmentLineIsReportedWithFileAndLine() throws IOException {
        Path qrels = Files.writeString(dir.resolve("qrels.tsv"), "a\tx\t1\n\na\tz\t0.5\n");
        Path report = dir.resolve("report.json");
        Result r = CliRun.bidnn("evaluate", "--rankings", rankings().toString(), "--qrels", qrels.toString(),
                "--report", report.toString(), "-v", "0");
        assertEquals(1, r.code());
        assertEquals("bidnn: error: " + qrels + ":3: bad relevance in token '0.5' (expected a non-negative integer: 0 for "
                + "not relevant, 1 or more for relevant)", r.err().strip());
        assertFalse(Files.exists(report));
    }

    @Test
    void nothingToEvaluateAndMissingFilesAreErrors() throws IOException {
        Path qrels = Files.writeString(dir.resolve("qrels.tsv"), "x\ty\t1\n");
        Path report = dir.resolve("report.json");
        Result none = CliRun.bidnn("evaluate", "--rankings", rankings().toString(), "--qrels", qrels.toString(),
                "--report", report.toString(), "-v", "0");
        assertEquals(1, none.code());
        assertEquals("bidnn: error: no anchor of " + dir.resolve("rankings.tsv") + " has a relevant judgment in " + qrels
                + ": nothing to evaluate", none.err().strip());

        Result missing = CliRun.bidnn("evaluate", "--rankings", dir.resolve("absent.tsv").toString(), "--qrels",
                qrels.toString(), "--report", report.toString(), "-v", "0");
        assertEquals(1, missing.code());
        assertEquals("bidnn: error: " + dir.resolve("absent.tsv") + ": cannot read file (no such file)", missing.err().strip());

        Result noReport = CliRun.bidnn("evaluate", "--rankings", rankings().toString(), "--qrels", qrels.toString());
        assertEquals(2, noReport.code());
        assertTrue(noReport.err().contains("Missing required option: '--report=OUT.json'"), noReport.err());
    }

    @Test
    void helpListsEveryFlag() {
        Result r = CliRun.bidnn("evaluate", "--help");
        assertEquals(0, r.code());
        for (String flag : List.of("--rankings", "--qrels", "--k", "--report", "--markdown", "--count-unranked", "--master",
                "--verbosity")) {
            assertTrue(r.out().contains(flag), "help mentions " + flag + ":\n" + r.out());
        }
    }

    /** What the nightly job does when judgments are configured: the measures join the run summary. */
    @Test
    void theMeansAreAddedToARunSummary() throws IOException {
        Path qrels = Files.writeString(dir.resolve("qrels.tsv"), "a\tx\t1\na\tz\t1\na\ty\t0\nb\ty\t1\nd\tx\t1\n");
        Path summary = dir.resolve("out/_bidnn/summary.json");
        EmbedSummary embedded = new EmbedSummary(dir.resolve("out").toString(), "corpus", "m.bidnn", "abc", "mode=x",
                null, "no previous run given", 7, 7, 0, 0, 1, Map.of("total", 1.5));
        JsonFiles.write(TestStorage.LOCAL, summary.toString(), embedded);
        Path report = dir.resolve("out/_bidnn/evaluation.json");
        Result r = CliRun.bidnn("evaluate", "--rankings", rankings().toString(), "--qrels", qrels.toString(),
                "--k", "2", "--report", report.toString(), "--summary", summary.toString(), "-v", "0");
        assertEquals(0, r.code(), r.err());

        EmbedSummary written = JsonFiles.read(TestStorage.LOCAL, summary.toString(), EmbedSummary.class);
        assertEquals(embedded.withRetrieval(new EmbedSummary.Retrieval(dir.resolve("rankings.tsv").toString(),
                qrels.toString(), 2, 2, 0.5, ((1 + 2.0 / 3) / 2 + 0.5) / 2)), written);
        assertEquals("embed summary: " + JsonFiles.oneLine(written), r.err().strip(), "the summary line, measured");
        assertTrue(Files.readString(summary).contains("\"retrieval\" : {"), Files.readString(summary));

        // No summary there: refused before any work.
        Path none = dir.resolve("elsewhere/_bidnn/summary.json");
        Path report2 = dir.resolve("report2.json");
        Result missing = CliRun.bidnn("evaluate", "--rankings", rankings().toString(), "--qrels", qrels.toString(),
                "--report", report2.toString(), "--summary", none.toString(), "-v", "0");
        assertEquals(1, missing.code(), missing.err());
        assertEquals("bidnn: error: " + none + ": no run summary ('bidnn embed --incremental' writes one as "
                + "OUTPUT/_bidnn/summary.json)", missing.err().strip());
        assertFalse(Files.exists(report2));
    }

    @Test
    void aSummaryWithoutMeasuresHasNoRetrievalField() {
        String json = JsonFiles.oneLine(new EmbedSummary("o", "i", "m", "h", "s", null, null, 1, 1, 0, 0, 0, Map.of()));
        assertFalse(json.contains("retrieval"), json);
    }
}
