package org.bidnn.io.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.LibSvmWriter;
import org.bidnn.io.Segment;

/**
 * Writes segments as LibSVM text, one part file per partition, each line made by
 * {@link LibSvmWriter#formatLine}, so that the files read back with {@link org.bidnn.io.LibSvmReader}
 * and {@link SparkLibSvmReader}. Rows are formatted on the executors; nothing is collected.
 */
public final class SparkLibSvmWriter {

    private SparkLibSvmWriter() {
    }

    /**
     * Writes {@code segments} into the new directory {@code dir} through Spark's text data source,
     * which commits the job and marks it with {@code _SUCCESS} (see {@link AtomicDirectories}).
     *
     * @param zeroBased write 0-based column indices instead of 1-based
     */
    public static void write(SparkSession spark, JavaRDD<Segment> segments, String dir, boolean zeroBased) {
        JavaRDD<String> lines = segments.map(s -> LibSvmWriter.formatLine(s.id(), s.values(), zeroBased));
        spark.createDataset(lines.rdd(), Encoders.STRING()).write().text(dir);
    }
}
