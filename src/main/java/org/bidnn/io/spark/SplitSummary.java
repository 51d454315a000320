package org.bidnn.io.spark;

import java.io.Serializable;

/**
 * What the first pass over a LibSVM input learns about one Hadoop input split: its file and byte
 * offset (which identify it), its lines and rows, and whether any line uses index 0.
 */
record SplitSummary(String file, long start, long lines, long rows, boolean hasZeroIndex) implements Serializable {

    /** Identifies a split across passes; partition numbers would not survive a coalesce. */
    static String key(String file, long start) {
        return file + '@' + start;
    }

    String key() {
        return key(file, start);
    }
}
