package org.bidnn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LibSvmReaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsOneBasedRowsDensely() throws IOException {
        Path f = file("a.svm", "b3150b0c-3 1:0.5 4:-2\nanchor_12 2:1e-3\nv1.2\n");
        List<Segment> rows = LibSvmReader.read(TestStorage.LOCAL, f.toString(), 4);
        assertEquals(3, rows.size());
        assertEquals(new Segment("b3150b0c-3", new float[] {0.5f, 0, 0, -2}), rows.get(0));
        assertEquals(new Segment("anchor_12", new float[] {0, 0.001f, 0, 0}), rows.get(1));
        assertEquals(new Segment("v1.2", new float[4]), rows.get(2));
    }

    @Test
    void aSingleZeroIndexAnywhereMakesTheWholeFileZeroBased() throws IOException {
        // Only the last line reveals the base; the first must be read with it too.
        Path f = file("z.svm", "a 1:1 3:3\nb 2:2\nc 0:7\n");
        List<Segment> rows = LibSvmReader.read(TestStorage.LOCAL, f.toString(), 4);
        assertArrayEquals(new float[] {0, 1, 0, 3}, rows.get(0).values());
        assertArrayEquals(new float[] {0, 0, 2, 0}, rows.get(1).values());
        assertArrayEquals(new float[] {7, 0, 0, 0}, rows.get(2).values());
    }

    @Test
    void zeroBasedFileMayUseTheLastColumnIndexOnlyUpToDimensionsMinusOne() throws IOException {
        assertEquals(5f, LibSvmReader.read(TestStorage.LOCAL, file("ok.svm", "a 0:1 3:5\n").toString(), 4).get(0).values()[3]);
        InputFileException e = assertThrows(InputFileException.class,
                () -> LibSvmReader.read(TestStorage.LOCAL, file("bad.svm", "a 0:1 4:5\n").toString(), 4));
        assertEquals("4:5", e.token());
        assertTrue(e.getMessage().contains("column 5 is beyond mod1size+mod2size = 4"), e.getMessage());
    }

    @Test
    void skipsBlankAndCommentLinesAndIgnoresCommentsAndQid() throws IOException {
        Path f = file("c.svm", "# header comment\n\n   \t\nx qid:3 1:1 2:2 # trailing 9:9 comment\n"
                + "  # indented comment\ny\t2:5\t\t3:6   \n");
        List<Segment> rows = LibSvmReader.read(TestStorage.LOCAL, f.toString(), 3);
        assertEquals(2, rows.size());
        assertEquals(new Segment("x", new float[] {1, 2, 0}), rows.get(0));
        assertEquals(new Segment("y", new float[] {0, 5, 6}), rows.get(1));
    }

    @Test
    void acceptsUnsortedIndices() throws IOException {
        Path f = file("u.svm", "a 3:3 1:1 2:2\n");
        assertArrayEquals(new float[] {1, 2, 3}, LibSvmReader.read(TestStorage.LOCAL, f.toString(), 3).get(0).values());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("missing id", "a 1:1\n1:0.5 2:1\n", 2, "1:0.5", "missing segment id"),
                Arguments.of("no colon", "a 1:1\nb 2:1 3\n", 2, "3", "token without ':'"),
                Arguments.of("non-integer index", "a x:1\n", 1, "x:1", "bad index"),
                Arguments.of("decimal index", "a 1.5:1\n", 1, "1.5:1", "bad index"),
                Arguments.of("empty index", "a :1\n", 1, ":1", "bad index"),
                Arguments.of("negative index", "a 1:1\n\nb -2:1\n", 3, "-2:1", "negative index"),
                Arguments.of("index beyond", "a 1:1\nb 5:1\n", 2, "5:1",
                        "column 5 is beyond mod1size+mod2size = 4"),
                Arguments.of("huge index", "a 99999999999999:1\n", 1, "99999999999999:1",
                        "index 99999999999999 is beyond mod1size+mod2size = 4"),
                Arguments.of("non-numeric value", "a 1:abc\n", 1, "1:abc", "bad value"),
                Arguments.of("empty value", "a 1:\n", 1, "1:", "bad value"),
                Arguments.of("java float suffix", "a 1:1.5f\n", 1, "1:1.5f", "bad value"),
                Arguments.of("hex value", "a 1:0x1p3\n", 1, "1:0x1p3", "bad value"),
                Arguments.of("NaN", "a 1:1\nb 2:NaN\n", 2, "2:NaN", "finite number"),
                Arguments.of("nan", "a 2:nan\n", 1, "2:nan", "finite number"),
                Arguments.of("Infinity", "a 2:-Infinity\n", 1, "2:-Infinity", "finite number"),
                Arguments.of("inf", "a 2:inf\n", 1, "2:inf", "finite number"),
                Arguments.of("overflow", "a 2:1e39\n", 1, "2:1e39", "value out of range"),
                Arguments.of("duplicate index", "a 1:1 2:2 2:3\n", 1, "2:3", "duplicate index"),
                Arguments.of("duplicate index unsorted", "a 3:1 1:2 3:3\n", 1, "3:3", "duplicate index"),
                Arguments.of("qid not after id", "a 1:1 qid:2\n", 1, "qid:2", "bad index"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void reportsFileLineAndToken(String name, String content, int line, String token, String expected)
            throws IOException {
        Path f = file("data.svm", content);
        InputFileException e = assertThrows(InputFileException.class, () -> LibSvmReader.read(TestStorage.LOCAL, f.toString(), 4));
        assertEquals(f.toString(), e.file());
        assertEquals(line, e.line());
        assertEquals(token, e.token());
        assertTrue(e.getMessage().startsWith(f + ":" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("'" + token + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void messageReadsLikeACompilerDiagnostic() {
        InputFileException e = assertThrows(InputFileException.class,
                () -> LibSvmLineParser.parse("seg 1:0.5 5:abc", 12, "data.svm", 138, false));
        assertEquals("data.svm:12: bad value in token '5:abc' (expected index:value with a finite number)",
                e.getMessage());
    }

    @Test
    void missingFileIsReportedWithoutALine() {
        Path f = dir.resolve("absent.svm");
        InputFileException e = assertThrows(InputFileException.class, () -> LibSvmReader.read(TestStorage.LOCAL, f.toString(), 4));
        assertEquals(f.toString(), e.file());
        assertEquals(0, e.line());
        assertEquals(null, e.token());
        assertEquals(f + ": cannot read file (no such file)", e.getMessage());
    }

    @Test
    void directoryIsReportedAsUnreadable() {
        InputFileException e = assertThrows(InputFileException.class, () -> LibSvmReader.read(TestStorage.LOCAL, dir.toString(), 4));
        assertEquals(0, e.line());
        assertTrue(e.getMessage().startsWith(dir + ": cannot read file"), e.getMessage());
    }

    @Test
    void nonUtf8IsReportedAsUnreadable() throws IOException {
        Path f = dir.resolve("latin1.svm");
        Files.write(f, new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', '1', ':', '1', '\n'});
        InputFileException e = assertThrows(InputFileException.class, () -> LibSvmReader.read(TestStorage.LOCAL, f.toString(), 4));
        assertTrue(e.getMessage().contains("not UTF-8 text"), e.getMessage());
    }

    @Test
    void fileWithoutRowsIsAnError() throws IOException {
        for (String content : new String[] {"", "\n\n", "# only a comment\n  \n"}) {
            Path f = file("empty.svm", content);
            InputFileException e = assertThrows(InputFileException.class, () -> LibSvmReader.read(TestStorage.LOCAL, f.toString(), 4));
            assertEquals(0, e.line());
            assertTrue(e.getMessage().startsWith(f + ": no rows"), e.getMessage());
        }
    }

    @Test
    void readsTheSharedWikipediaTestSplit() {
        Path f = Path.of(System.getProperty("user.dir")).resolveSibling("shared")
                .resolve("datasets/wikipedia/test.svm");
        assumeTrue(Files.isRegularFile(f), "no shared Wikipedia data at " + f);
        List<Segment> rows = LibSvmReader.read(TestStorage.LOCAL, f.toString(), 138);
        assertEquals(693, rows.size());
        assertEquals("6d6ead4cf7fd78eea820ac94d101f602-5", rows.get(0).id());
        for (Segment s : rows) {
            assertEquals(138, s.values().length);
            // Modality 1 is a 128-bin bag of visual words, normalised to sum to 1.
            double imageSum = 0;
            for (float v : s.modality1(128)) {
                imageSum += v;
            }
            assertEquals(1.0, imageSum, 1e-4, s.id());
        }
    }
}
