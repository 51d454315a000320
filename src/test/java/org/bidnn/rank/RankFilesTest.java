package org.bidnn.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bidnn.io.InputFileException;
import org.bidnn.io.TestStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Judgments, anchor lists and rankings files: what they hold, and errors with file and line. */
class RankFilesTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void qrelsKeepGradedJudgmentsInFileOrder() throws IOException {
        Qrels q = Qrels.read(TestStorage.LOCAL, file("q.tsv", "# anchor target rel\na1\tt2\t2\na1\tt1\t0\n\na2 t1 1\r\n").toString());
        assertEquals(List.of("a1", "a2"), List.copyOf(q.anchors()));
        assertEquals(Map.of("t2", 2, "t1", 0), q.judgments("a1"));
        assertEquals(Map.of(), q.judgments("a3"));
        assertEquals(Map.of("t2", 2), q.relevant("a1"), "judged 0 is not relevant");
        assertEquals(Map.of(), q.relevant("a3"));
        assertEquals(Set.of("t1", "t2"), q.candidates().get("a1"));
        assertTrue(q.graded());
        assertFalse(Qrels.read(TestStorage.LOCAL, file("b.tsv", "a\tt\t1\na\tu\t0\n").toString()).graded());
    }

    @Test
    void theSampleQrelsRead() {
        Qrels q = Qrels.read(TestStorage.LOCAL, Path.of("data-samples/hyperlinking/qrels.tsv").toString());
        assertEquals(30, q.anchors().size());
        assertEquals(2065, q.anchors().stream().mapToInt(a -> q.judgments(a).size()).sum());
        assertEquals(List.copyOf(q.anchors()), AnchorList.read(TestStorage.LOCAL, Path.of("data-samples/hyperlinking/anchors.txt").toString()));
    }

    @Test
    void badQrelsLinesNameTheFileAndLine() throws IOException {
        Path f = file("q.tsv", "a\tt1\t1\n# fine\na\tt2\tyes\n");
        InputFileException e = assertThrows(InputFileException.class, () -> Qrels.read(TestStorage.LOCAL, f.toString()));
        assertEquals(f + ":3: bad relevance in token 'yes' (expected a non-negative integer: 0 for not relevant, "
                + "1 or more for relevant)", e.getMessage());
        assertEquals(3, e.line());

        Path fields = file("f.tsv", "a\tt1\t1\na\tt2\n");
        assertEquals(fields + ":2: expected 3 fields, found 2 (a judgment is anchor<TAB>target<TAB>relevance)",
                assertThrows(InputFileException.class, () -> Qrels.read(TestStorage.LOCAL, fields.toString())).getMessage());
        Path negative = file("n.tsv", "a\tt1\t-1\n");
        assertTrue(assertThrows(InputFileException.class, () -> Qrels.read(TestStorage.LOCAL, negative.toString())).getMessage()
                .startsWith(negative + ":1: bad relevance in token '-1'"));
        Path twice = file("t.tsv", "a\tt1\t1\nb\tt1\t1\na\tt1\t0\n");
        assertEquals(twice + ":3: anchor 'a' and target 't1' are judged twice (first on line 1)",
                assertThrows(InputFileException.class, () -> Qrels.read(TestStorage.LOCAL, twice.toString())).getMessage());
        Path empty = file("e.tsv", "# nothing\n\n");
        assertTrue(assertThrows(InputFileException.class, () -> Qrels.read(TestStorage.LOCAL, empty.toString())).getMessage().contains("no judgments"));
        assertEquals(dir.resolve("absent.tsv") + ": cannot read file (no such file)",
                assertThrows(InputFileException.class, () -> Qrels.read(TestStorage.LOCAL, dir.resolve("absent.tsv").toString())).getMessage());
    }

    @Test
    void anchorListsAreOneIdALine() throws IOException {
        assertEquals(List.of("b", "a"), AnchorList.read(TestStorage.LOCAL, file("a.txt", "b\n\n# comment\n a \n").toString()));
        Path twice = file("t.txt", "a\nb\na\n");
        assertEquals(twice + ":3: id listed twice in token 'a' (first on line 1)",
                assertThrows(InputFileException.class, () -> AnchorList.read(TestStorage.LOCAL, twice.toString())).getMessage());
        Path two = file("two.txt", "a b\n");
        assertTrue(assertThrows(InputFileException.class, () -> AnchorList.read(TestStorage.LOCAL, two.toString())).getMessage()
                .startsWith(two + ":1: expected one id, found 2 fields"));
    }

    @Test
    void rankingsReadBackInRankOrder() throws IOException {
        Path f = dir.resolve("out/rankings.tsv");
        RankingsFile.write(TestStorage.LOCAL, f.toString(), List.of(new Ranking("a", List.of(new Hit("t1", 0.9f), new Hit("t2", 1e-5f))),
                new Ranking("b", List.of()), new Ranking("c", List.of(new Hit("t1", -0.25f)))));
        assertEquals("a\t1\tt1\t0.9\na\t2\tt2\t1.0E-5\nc\t1\tt1\t-0.25\n", Files.readString(f));
        assertEquals(Map.of("a", List.of("t1", "t2"), "c", List.of("t1")), RankingsFile.read(TestStorage.LOCAL, f.toString()));
        assertEquals(List.of("rankings.tsv"), List.of(dir.resolve("out").toFile().list()), "no temporary file left");

        Path shuffled = file("s.tsv", "a\t3\tz\t0.1\na\t1\tx\t0.9\na\t2\ty\t0.5\n");
        assertEquals(List.of("x", "y", "z"), RankingsFile.read(TestStorage.LOCAL, shuffled.toString()).get("a"));
    }

    @Test
    void badRankingLinesNameTheFileAndLine() throws IOException {
        Path rank = file("r.tsv", "a\t1\tt1\t0.5\na\tfirst\tt2\t0.4\n");
        assertEquals(rank + ":2: bad rank in token 'first' (expected a positive integer)",
                assertThrows(InputFileException.class, () -> RankingsFile.read(TestStorage.LOCAL, rank.toString())).getMessage());
        Path score = file("s.tsv", "a\t1\tt1\tNaN\n");
        assertEquals(score + ":1: bad score in token 'NaN' (expected a finite number)",
                assertThrows(InputFileException.class, () -> RankingsFile.read(TestStorage.LOCAL, score.toString())).getMessage());
        Path target = file("t.tsv", "a\t1\tt1\t0.5\na\t2\tt1\t0.4\n");
        assertEquals(target + ":2: target 't1' appears twice for anchor 'a' (first on line 1)",
                assertThrows(InputFileException.class, () -> RankingsFile.read(TestStorage.LOCAL, target.toString())).getMessage());
        Path fields = file("f.tsv", "a\t1\tt1\n");
        assertTrue(assertThrows(InputFileException.class, () -> RankingsFile.read(TestStorage.LOCAL, fields.toString())).getMessage()
                .startsWith(fields + ":1: expected 4 fields, found 3"));
    }
}
