package org.bidnn.train;

import java.io.Serializable;

/**
 * The order in which an epoch visits a set of training rows: the rows sorted by a pseudo-random
 * key that depends only on the seed, the (absolute) epoch number and the row's corpus index.
 *
 * <p>A keyed sort rather than a shuffle of a list: the order does not depend on where or in what
 * order the rows arrived. {@code run} orders the whole corpus so; a distributed worker orders its
 * shard so (the shard's rows keep their corpus indices), so one worker, whose shard is the corpus,
 * visits the rows exactly as {@code run} does, and a job resumed at epoch k sees exactly the
 * batches it would have seen without the interruption.
 */
public final class EpochShuffle {

    private EpochShuffle() {
    }

    /** The sort key of row {@code index} in epoch {@code epoch} (1-based, counted since the model was created). */
    public static Key key(long seed, int epoch, long index) {
        return new Key(mix(mix(seed) ^ mix(epoch) + index), index);
    }

    /**
     * The epoch's order of rows whose corpus indices are {@code indices}: the positions into
     * {@code indices}, sorted by {@link #key}.
     */
    public static int[] order(long seed, int epoch, long[] indices) {
        long[] hashes = new long[indices.length];
        Integer[] positions = new Integer[indices.length];
        for (int i = 0; i < indices.length; i++) {
            hashes[i] = key(seed, epoch, indices[i]).hash;
            positions[i] = i;
        }
        java.util.Arrays.sort(positions, (a, b) -> {
            int c = Long.compare(hashes[a], hashes[b]);
            return c != 0 ? c : Long.compare(indices[a], indices[b]);
        });
        int[] order = new int[positions.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = positions[i];
        }
        return order;
    }

    /** SplitMix64's finaliser: a well-spread 64-bit hash. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Sorts by the hash, then by row index, so that the order is total and the same everywhere.
     * A plain class, not a record: the Kryo version Spark ships cannot serialise records.
     */
    public static final class Key implements Comparable<Key>, Serializable {
        private static final long serialVersionUID = 1L;
        private long hash;
        private long index;

        /** For Kryo. */
        private Key() {
        }

        Key(long hash, long index) {
            this.hash = hash;
            this.index = index;
        }

        @Override
        public int compareTo(Key o) {
            int c = Long.compare(hash, o.hash);
            return c != 0 ? c : Long.compare(index, o.index);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.index == index;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(hash);
        }
    }
}
