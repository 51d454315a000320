package org.bidnn.io.spark;

import java.io.Serializable;

/**
 * What the first pass over a LibSVM input learns about one Hadoop input split: its file and byte
 * offset (which identify it), its lines and rows, whether any line uses index 0, and the largest
 * index written in it (-1 if none) with the line of the split where it first appears (1-based
 * within the split), to size rows of undeclared width.
 */
record SplitSummary(String file, long start, long lines, long rows, boolean hasZeroIndex, int maxIndex,
                    long maxIndexLine) implements Serializable {

    /** Identifies a split across passes; partition numbers would not survive a coalesce. */
    static String key(String file, long start) {
        return file + '@' + start;
    }

    String key() {
        return key(file, start);
    }
}
