package org.bidnn.train;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrainingShardsTest {

    private static int[] deal(long seed, int rows, int shards) {
        int[] shardOf = new int[rows];
        for (int i = 0; i < rows; i++) {
            shardOf[i] = TrainingShards.shardOf(seed, i, shards);
        }
        return shardOf;
    }

    @Test
    void shardsAreBalancedAndTheDealDependsOnTheSeed() {
        for (int shards : new int[] {2, 3, 4, 7}) {
            int[] shardOf = deal(1234, 1003, shards);
            int[] sizes = new int[shards];
            for (int s : shardOf) {
                assertTrue(s >= 0 && s < shards);
                sizes[s]++;
            }
            int min = Arrays.stream(sizes).min().orElseThrow();
            int max = Arrays.stream(sizes).max().orElseThrow();
            assertTrue(max - min <= 1, shards + " shards: " + Arrays.toString(sizes));
            assertNotEquals(Arrays.toString(shardOf), Arrays.toString(deal(99, 1003, shards)), "seeded");
        }
    }

    @Test
    void aShardIsNotEveryNthRow() {
        int[] shardOf = deal(1234, 1000, 2);
        int sameAsModulo = 0;
        for (int i = 0; i < shardOf.length; i++) {
            sameAsModulo += shardOf[i] == i % 2 ? 1 : 0;
        }
        assertTrue(sameAsModulo > 400 && sameAsModulo < 600, "rotated per block: " + sameAsModulo);
    }
}
