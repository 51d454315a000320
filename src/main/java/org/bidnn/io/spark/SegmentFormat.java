package org.bidnn.io.spark;

/** The file formats segments are read from and written to with Spark. */
public enum SegmentFormat {
    /** Text, one segment a line: {@code id idx:val ...} (see {@link org.bidnn.io.LibSvmLineParser}). */
    LIBSVM,
    /** Parquet with an {@code id} and Spark ML vector columns (see {@link SegmentColumns}). */
    PARQUET;

    /** The lower-case name, as on the command line. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
