package org.bidnn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LibSvmLineParserTest {

    private static SparseRow parse(String line, boolean zeroBased) {
        return LibSvmLineParser.parse(line, 1, "t.svm", 10, zeroBased);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t", "#", "# a 1:1", "  \t# comment"})
    void blankAndCommentLinesGiveNull(String line) {
        assertNull(parse(line, false));
    }

    @Test
    void givesZeroBasedIndicesInAscendingOrder() {
        SparseRow row = parse("id-1 7:0.7 2:0.2 10:1.0E-5 5:-3", false);
        assertEquals("id-1", row.id());
        assertArrayEquals(new int[] {1, 4, 6, 9}, row.indices());
        assertArrayEquals(new float[] {0.2f, -3f, 0.7f, 1.0E-5f}, row.values());
    }

    @Test
    void zeroBasedIndicesAreKept() {
        SparseRow row = parse("a 0:1 9:2", true);
        assertArrayEquals(new int[] {0, 9}, row.indices());
    }

    @Test
    void indexZeroInAOneBasedFileIsAnError() {
        InputFileException e = assertThrows(InputFileException.class, () -> parse("a 0:1", false));
        assertEquals("0:1", e.token());
    }

    @Test
    void idsAreKeptVerbatim() {
        for (String id : new String[] {"b3150b0c-3", "anchor_12", "v1.2.3", "urn:seg:7", "-x", "1.5"}) {
            assertEquals(id, parse(id + " 1:1", false).id());
        }
    }

    @Test
    void acceptsTheNumberFormsOfOtherWriters() {
        SparseRow row = parse("a 1:+1 2:.5 3:5. 4:1e3 5:-2.5E-3 6:7E+2 7:0", false);
        assertArrayEquals(new float[] {1f, 0.5f, 5f, 1000f, -0.0025f, 700f, 0f}, row.values());
    }

    @Test
    void detectsZeroIndexOnly() {
        assertTrue(LibSvmLineParser.hasZeroIndex("a 3:1 0:2"));
        assertTrue(LibSvmLineParser.hasZeroIndex("a\t00:2"));
        assertFalse(LibSvmLineParser.hasZeroIndex("a 1:0 10:0 20:0.0"));
        assertFalse(LibSvmLineParser.hasZeroIndex("0 1:1"), "the id is not an index");
        assertFalse(LibSvmLineParser.hasZeroIndex("a qid:0 1:1"));
        assertFalse(LibSvmLineParser.hasZeroIndex("a 1:1 # 0:1 in a comment"));
        assertFalse(LibSvmLineParser.hasZeroIndex(""));
    }

    @Test
    void findsTheLargestIndexLeniently() {
        assertEquals(20, LibSvmLineParser.maxIndex("a 3:1 20:2 7:1"));
        assertEquals(0, LibSvmLineParser.maxIndex("a 0:1"));
        assertEquals(-1, LibSvmLineParser.maxIndex("a"), "no entry");
        assertEquals(-1, LibSvmLineParser.maxIndex("9:1"), "the first token is the id");
        assertEquals(2, LibSvmLineParser.maxIndex("a qid:7 2:1 x:1 -5:1 # 99:1"), "qid, malformed tokens and comments skipped");
        assertEquals(Integer.MAX_VALUE, LibSvmLineParser.maxIndex("a 99999999999:1"));
    }

    @Test
    void blankLinesAreExactlyThoseWithoutARow() {
        for (String line : new String[] {"", "  \t", "# a comment", " \t# 1:1", "\r"}) {
            assertTrue(LibSvmLineParser.isBlank(line), "'" + line + "'");
            assertNull(parse(line, false));
        }
        for (String line : new String[] {"a", " a 1:1", "a # comment"}) {
            assertFalse(LibSvmLineParser.isBlank(line), "'" + line + "'");
        }
    }
}
