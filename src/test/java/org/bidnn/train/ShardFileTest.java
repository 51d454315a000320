package org.bidnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class ShardFileTest {

    @TempDir
    Path dir;

    /** Rows of 7 values, every third one sparse (2 non-zeros), indices 100, 103, 106... */
    private static List<float[]> rows(int n) {
        Random random = new Random(3);
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] row = new float[7];
            if (i % 3 == 0) {
                row[random.nextInt(3)] = random.nextFloat() + 0.5f;
                row[3 + random.nextInt(4)] = -random.nextFloat() - 0.5f;
            } else {
                for (int j = 0; j < row.length; j++) {
                    row[j] = random.nextFloat() - 0.5f;
                }
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void minibatchesReadBackTheRowsAtAnyPositionsWithTheirCorpusIndices() throws IOException {
        List<float[]> rows = rows(50);
        List<CompactRow> compact = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            compact.add(CompactRow.of(100 + 3L * i, rows.get(i)));
        }
        Path file = dir.resolve("shard.rows");
        try (ShardFile shard = ShardFile.write(compact.iterator(), file)) {
            assertEquals(50, shard.size());
            assertEquals(100 + 3L * 17, shard.index(17));
            assertTrue(shard.bytes() < 50L * (16 + 7 * 4), "sparse rows stay sparse on disk: " + shard.bytes());
            int[] positions = {49, 0, 3, 3, 17, 31, 2};
            INDArray batch = shard.gather(positions);
            assertArrayEquals(new long[] {positions.length, 7}, batch.shape());
            assertRows(rows, positions, batch);
            // The batch buffer is reused: a sparse row where a dense one was reads back its zeros.
            int[] next = {3, 1, 0, 4, 6, 2, 9};
            assertRows(rows, next, shard.gather(next));
            int[] shorter = {12, 10};
            assertRows(rows, shorter, shard.gather(shorter));
        }
        assertFalse(Files.exists(file), "the file is deleted on close");
    }

    private static void assertRows(List<float[]> rows, int[] positions, INDArray batch) {
        assertArrayEquals(new long[] {positions.length, 7}, batch.shape());
        for (int r = 0; r < positions.length; r++) {
            assertArrayEquals(rows.get(positions[r]), batch.getRow(r).toFloatVector(), "row " + positions[r]);
        }
    }

    @Test
    void anEmptyShardHasNoRows() throws IOException {
        try (ShardFile shard = ShardFile.write(List.<CompactRow>of().iterator(), dir.resolve("empty.rows"))) {
            assertEquals(0, shard.size());
        }
    }
}
