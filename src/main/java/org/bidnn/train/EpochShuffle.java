package org.bidnn.train;

import java.io.Serializable;

/**
 * The order in which an epoch visits the training rows: rows sorted by a pseudo-random key that
 * depends only on the seed, the (absolute) epoch number and the row's index.
 *
 * <p>A keyed sort rather than a shuffle of a list: Spark can sort a corpus it cannot hold in one
 * place, so the local trainer and the Spark trainer visit the same rows in the same order, and a
 * job resumed at epoch k sees exactly the batches it would have seen without the interruption.
 */
public final class EpochShuffle {

    private EpochShuffle() {
    }

    /** The sort key of row {@code index} in epoch {@code epoch} (1-based, counted since the model was created). */
    public static Key key(long seed, int epoch, long index) {
        return new Key(mix(mix(seed) ^ mix(epoch) + index), index);
    }

    /** SplitMix64's finaliser: a well-spread 64-bit hash. */
    private static long mix(long z) {
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
