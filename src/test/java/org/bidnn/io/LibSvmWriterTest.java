package org.bidnn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LibSvmWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesNonZeroValuesOnlyWithOneBasedIndices() {
        assertEquals("s-1 1:0.5 3:-2.0 4:1.0E-5",
                LibSvmWriter.formatLine("s-1", new float[] {0.5f, 0, -2f, 1e-5f}, false));
        assertEquals("s-1 0:0.5 2:-2.0 3:1.0E-5",
                LibSvmWriter.formatLine("s-1", new float[] {0.5f, 0, -2f, 1e-5f}, true));
    }

    @Test
    void emptyOrAllZeroVectorWritesJustTheId() {
        assertEquals("anchor_12", LibSvmWriter.formatLine("anchor_12", new float[0], false));
        assertEquals("anchor_12", LibSvmWriter.formatLine("anchor_12", new float[] {0, -0f}, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a\tb", "a#b", "3:1", "qid:1"})
    void refusesIdsThatWouldNotReadBack(String id) {
        assertThrows(IllegalArgumentException.class, () -> LibSvmWriter.formatLine(id, new float[] {1}, false));
    }

    @Test
    void refusesNonFiniteValues() {
        for (float v : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class,
                    () -> LibSvmWriter.formatLine("a", new float[] {1, v}, false));
        }
    }

    @Test
    void roundTripIsExactForRandomRows() throws IOException {
        Random random = new Random(11);
        int dimensions = 57;
        List<String> ids = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        String[] idForms = {"seg%05d", "b3150b0c-%d", "v1.%d.2", "anchor_%d", "%d"};
        for (int i = 0; i < 300; i++) {
            ids.add(String.format(idForms[i % idForms.length], i));
            rows.add(randomRow(random, dimensions, i % 17 == 0));
        }
        for (boolean zeroBased : new boolean[] {false, true}) {
            Path f = dir.resolve(zeroBased ? "zero.svm" : "one.svm");
            LibSvmWriter.write(TestStorage.LOCAL, f.toString(), ids, rows, zeroBased);
            List<Segment> back = LibSvmReader.read(TestStorage.LOCAL, f.toString(), dimensions);
            assertEquals(ids.size(), back.size());
            for (int i = 0; i < ids.size(); i++) {
                assertEquals(ids.get(i), back.get(i).id());
                assertArrayEquals(rows.get(i), back.get(i).values(), 0f, ids.get(i));
            }
        }
    }

    /** Mostly sparse, with magnitudes from subnormal to near Float.MAX_VALUE, both signs. */
    private static float[] randomRow(Random random, int dimensions, boolean allZero) {
        float[] row = new float[dimensions];
        if (allZero) {
            return row;
        }
        for (int j = 0; j < dimensions; j++) {
            switch (random.nextInt(8)) {
                case 0 -> row[j] = (float) random.nextGaussian();
                case 1 -> row[j] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(76) - 38));
                case 2 -> row[j] = Float.intBitsToFloat(random.nextInt(1 << 23)) * (random.nextBoolean() ? 1 : -1);
                case 3 -> row[j] = random.nextBoolean() ? Float.MAX_VALUE : -Float.MIN_VALUE;
                default -> row[j] = 0;
            }
        }
        return row;
    }

    @Test
    void zeroBasedOutputWithoutIndexZeroReadsBackShifted() throws IOException {
        // The base is a property of the whole file, detected from index 0: a 0-based file that
        // never uses column 0 is indistinguishable from a 1-based one. Documented LibSVM behaviour,
        // worth knowing when choosing to write 0-based.
        Path f = dir.resolve("shifted.svm");
        LibSvmWriter.write(TestStorage.LOCAL, f.toString(), List.of(new Segment("a", new float[] {0, 1, 2})), true);
        assertArrayEquals(new float[] {1, 2, 0}, LibSvmReader.read(TestStorage.LOCAL, f.toString(), 3).get(0).values());
    }

    @Test
    void writesSegmentsOneLineEach() throws IOException {
        Path f = dir.resolve("sub/dir/out.svm");
        LibSvmWriter.write(TestStorage.LOCAL, f.toString(), List.of(new Segment("a", new float[] {1, 0}), new Segment("b", new float[2])), false);
        assertEquals("a 1:1.0\nb\n", Files.readString(f, StandardCharsets.UTF_8));
    }

    @Test
    void aFailedWriteLeavesTheOldFile() throws IOException {
        Path f = dir.resolve("keep.svm");
        Files.writeString(f, "old 1:1\n");
        List<Segment> bad = List.of(new Segment("a", new float[] {1}), new Segment("b", new float[] {Float.NaN}));
        assertThrows(IllegalArgumentException.class, () -> LibSvmWriter.write(TestStorage.LOCAL, f.toString(), bad, false));
        assertEquals("old 1:1\n", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void idsAndRowsMustPair() {
        Path f = dir.resolve("x.svm");
        assertThrows(IllegalArgumentException.class,
                () -> LibSvmWriter.write(TestStorage.LOCAL, f.toString(), List.of("a", "b"), List.of(new float[1]), false));
        assertFalse(Files.exists(f));
    }
}
