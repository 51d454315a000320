package org.bidnn.io.spark;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.Segment;

/** Reads a corpus of segments with Spark in either format, for every command that reads one. */
public final class SegmentReaders {

    /**
     * The widest embedding read from LibSVM, whose width is inferred from the largest index: far
     * beyond any BiDNN's repsize, and small enough that a mistyped index cannot exhaust memory.
     */
    public static final int MAX_EMBEDDING_SIZE = 1 << 16;

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

    /**
     * Where the segments of the given ids are in a corpus, in input order: {@code file:line} in
     * LibSVM, the file in Parquet (which has no lines). Reads the input again: for error messages.
     */
    public static List<String> locate(SparkSession spark, String path, SegmentFormat format, Set<String> ids)
            throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return switch (format) {
            case LIBSVM -> SparkLibSvmReader.locate(sc, path, ids, sc.defaultParallelism());
            case PARQUET -> ParquetSegmentReader.locate(spark, path, ids);
        };
    }

    /**
     * Reads a corpus leaving out the rows that cannot be read ({@link org.bidnn.io.BadRowPolicy#SKIP})
     * rather than failing on the first; the rejections name each.
     */
    public static LenientSegments readSkippingBadRows(SparkSession spark, String path, SegmentFormat format,
                                                      int mod1Size, int mod2Size) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return switch (format) {
            case LIBSVM -> SparkLibSvmReader.readSkippingBadLines(sc, path, mod1Size + mod2Size, sc.defaultParallelism());
            case PARQUET -> ParquetSegmentReader.readSkippingBadRows(spark, path, mod1Size, mod2Size);
        };
    }

    /**
     * Reads embeddings as {@code bidnn embed} and {@code bidnn run} write them, one segment each,
     * the segment's values being its embedding. From LibSVM every row has the input's width (the
     * largest index used), a segment with no embedding being all zeros; from Parquet ({@code id},
     * {@code embedding}) every row has its vector's width, empty for a segment with no embedding.
     * Either way, a segment with no embedding has no non-zero value.
     */
    public static JavaRDD<Segment> readEmbeddings(SparkSession spark, String path, SegmentFormat format)
            throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return switch (format) {
            case LIBSVM -> SparkLibSvmReader.readAnyWidth(sc, path, sc.defaultParallelism(), MAX_EMBEDDING_SIZE).rows();
            case PARQUET -> ParquetSegmentReader.readEmbeddings(spark, path);
        };
    }
}
