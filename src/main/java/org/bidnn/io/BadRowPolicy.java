package org.bidnn.io;

/**
 * What a job does with an input row it cannot read (a malformed LibSVM line, a Parquet row without
 * an id or with a non-finite value).
 */
public enum BadRowPolicy {
    /** Stop at the first bad row with its file and line, publishing nothing: the default. */
    FAIL,
    /** Leave the bad row out, count it, and name the first few with their file and line. */
    SKIP;

    /** The lower-case name, as on the command line. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
