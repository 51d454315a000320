package org.bidnn.io.spark;

import java.io.IOException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.Segment;

/** Reads a corpus of segments with Spark in either format, for every command that reads one. */
public final class SegmentReaders {

    private SegmentReaders() {
    }

    public static JavaRDD<Segment> read(SparkSession spark, String path, SegmentFormat format,
                                        int mod1Size, int mod2Size) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return switch (format) {
            // At least one split per core: the model's work is compute-bound even on a small file.
            case LIBSVM -> SparkLibSvmReader.read(sc, path, mod1Size + mod2Size, sc.defaultParallelism());
            case PARQUET -> ParquetSegmentReader.read(spark, path, mod1Size, mod2Size);
        };
    }
}
