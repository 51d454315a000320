package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.Segment;
import org.bidnn.io.SparkOutputs;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bidnn embed --on-bad-row fail|skip} on a file that mixes good and malformed lines: failing
 * names the first bad line and publishes nothing; skipping embeds exactly the good lines, as a
 * file of only those would be embedded, and counts and names the bad ones.
 */
@ExtendWith(SharedSpark.class)
class BadRowPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;

    @TempDir
    static Path shared;
    /** mod1size 2, mod2size 2: columns 1-2 and 3-4. */
    private static Path model;

    @TempDir
    Path dir;

    /** Lines 2, 4 and 7 are malformed; line 5 is a comment. */
    private static final String MIXED = String.join("\n",
            "a 1:1 3:1",
            "b 1:1 3:",
            "c 2:1 4:1",
            "d 1:nan 3:1",
            "# exported nightly",
            "e 1:0.5 3:0.25",
            "f 1:1 9:1",
            "g 2:0.5 4:0.5") + "\n";
    private static final String GOOD = "a 1:1 3:1\nc 2:1 4:1\ne 1:0.5 3:0.25\ng 2:0.5 4:0.5\n";

    @BeforeAll
    static void start() throws IOException {
        spark = SharedSpark.session();
        model = TinyModel.save(shared.resolve("model.bidnn"));
    }

    private Path svm(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void failIsTheDefaultAndNamesABadLine() throws IOException {
        Path in = svm("in.svm", MIXED);
        for (String[] policy : List.of(new String[0], new String[] {"--on-bad-row", "fail"})) {
            CliRun.Result r = CliRun.embed(model, in, dir.resolve("out"), policy);
            assertEquals(ErrorReporter.BAD_INPUT, r.code(), r.err());
            // Partitions are read in parallel: the error is the first bad line of whichever fails first.
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().matches("bidnn: error: \\Q" + in + "\\E:[247]: .*\\R"), r.err());
            assertFalse(Files.exists(dir.resolve("out")));
        }
    }

    @Test
    void skipEmbedsTheGoodLinesAndNamesTheBadOnes() throws IOException {
        Path in = svm("in.svm", MIXED);
        Path out = dir.resolve("out");
        CliRun.Result r = CliRun.embed(model, in, out, "--on-bad-row", "skip");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(
                "skipped 3 malformed rows (--on-bad-row skip):",
                "  " + in + ":2: bad value in token '3:' (expected index:value with a finite number)",
                "  " + in + ":4: bad value in token '1:nan' (expected index:value with a finite number)",
                "  " + in + ":7: index out of range in token '9:1' (column 9 is beyond mod1size+mod2size = 4)"),
                r.err().lines().toList());

        Path expected = dir.resolve("expected");
        assertEquals(0, CliRun.embed(model, svm("good.svm", GOOD), expected).code());
        List<Segment> written = SparkOutputs.segments(out, 2);
        assertEquals(List.of("a", "c", "e", "g"), written.stream().map(Segment::id).toList());
        assertEquals(SparkOutputs.segments(expected, 2), written, "the good lines embedded as a file of only them");
    }

    @Test
    void skippedRowsAreCountedInTheIncrementalSummary() throws IOException {
        Path in = svm("in.svm", MIXED);
        Path out = dir.resolve("out");
        CliRun.Result r = CliRun.embed(model, in, out, "--on-bad-row", "skip", "--incremental", dir.resolve("none").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode summary = JSON.readTree(out.resolve("_bidnn/summary.json").toFile());
        assertEquals(List.of(4L, 4L, 3L), List.of(summary.get("segmentsIn").asLong(), summary.get("embedded").asLong(),
                summary.get("rejected").asLong()), summary.toString());
        String line = r.err().lines().filter(l -> l.startsWith("embed summary: ")).findFirst().orElseThrow();
        assertEquals(summary, JSON.readTree(line.substring("embed summary: ".length())));

        // The next night, with one bad line fixed: that segment is new, the rest carried over.
        Path fixed = svm("fixed.svm", MIXED.replace("b 1:1 3:\n", "b 1:1 3:1\n"));
        Path next = dir.resolve("next");
        assertEquals(0, CliRun.embed(model, fixed, next, "--on-bad-row", "skip", "--incremental", out.toString()).code());
        JsonNode s2 = JSON.readTree(next.resolve("_bidnn/summary.json").toFile());
        assertEquals(List.of(5L, 1L, 4L, 2L), List.of(s2.get("segmentsIn").asLong(), s2.get("embedded").asLong(),
                s2.get("carriedOver").asLong(), s2.get("rejected").asLong()), s2.toString());
    }

    @Test
    void anInputWithNoReadableRowFailsEvenWhenSkipping() throws IOException {
        Path in = svm("bad.svm", "a 1:x\n\nb 7:1\n");
        CliRun.Result r = CliRun.embed(model, in, dir.resolve("out"), "--on-bad-row", "skip");
        assertEquals(ErrorReporter.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith("bidnn: error: " + in + ": every row is malformed (2), the first: " + in
                + ":1: bad value in token '1:x'"), r.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void anUnknownPolicyIsAUsageError() throws IOException {
        CliRun.Result r = CliRun.embed(model, svm("in.svm", GOOD), dir.resolve("out"), "--on-bad-row", "ignore");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--on-bad-row"), r.err());
    }
}
