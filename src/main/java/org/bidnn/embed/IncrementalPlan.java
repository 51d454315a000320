package org.bidnn.embed;

import java.io.IOException;
import java.io.Serializable;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.bidnn.io.JsonFiles;
import org.bidnn.io.Segment;
import org.bidnn.io.Storage;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.io.spark.SegmentReaders;
import scala.Tuple2;

/**
 * Which segments an incremental embedding embeds and which it carries over from the previous run.
 * A run keeps, beside its output, the content hash of every segment it holds
 * ({@code OUTPUT/_bidnn/hashes}, Parquet) and its {@link EmbedSummary}; Spark and Hadoop skip
 * folders whose names start with {@code _}, so readers of the output never see them. The next run
 * reuses an embedding only when the model file's hash and the settings are those of the previous
 * run and the segment's hash is unchanged, and only if the previous output holds it; everything
 * else is embedded again. Deleted segments are not in the input, so they are not in the output.
 */
public final class IncrementalPlan {

    public static final String STATE_DIR = "_bidnn";
    public static final String SUMMARY = "summary.json";
    public static final String HASHES = "hashes";

    /** An input segment with the hash of its features. */
    public record Hashed(String id, String hash, Segment segment) implements Serializable {
    }

    private static final StructType HASH_SCHEMA = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("hash", DataTypes.StringType, false);

    public final JavaRDD<Segment> toEmbed;
    public final JavaRDD<Segment> carriedOver;
    public final long deleted;
    public final String fullEmbeddingBecause;

    private IncrementalPlan(JavaRDD<Segment> toEmbed, JavaRDD<Segment> carriedOver, long deleted, String because) {
        this.toEmbed = toEmbed;
        this.carriedOver = carriedOver;
        this.deleted = deleted;
        this.fullEmbeddingBecause = because;
    }

    public static String summaryFile(String output) {
        return Storage.child(Storage.child(output, STATE_DIR), SUMMARY);
    }

    public static String hashesDir(String output) {
        return Storage.child(Storage.child(output, STATE_DIR), HASHES);
    }

    /** The input with the hash of each segment's features. */
    public static JavaRDD<Hashed> hash(JavaRDD<Segment> input) {
        return input.map(s -> new Hashed(s.id(), ContentHash.ofValues(s.values()), s));
    }

    /**
     * @param previous       the previous run's output (null for none)
     * @param modelHash      this run's model hash
     * @param settings       this run's settings key
     * @param previousFormat the format of the previous output, this run's
     */
    public static IncrementalPlan of(SparkSession spark, Storage storage, JavaRDD<Hashed> input, String previous,
                              String modelHash, String settings, SegmentFormat previousFormat) throws IOException {
        String because = reasonToEmbedAll(storage, previous, modelHash, settings);
        if (because != null) {
            return new IncrementalPlan(input.map(Hashed::segment),
                    JavaSparkContext.fromSparkContext(spark.sparkContext()).emptyRDD(), 0, because);
        }
        JavaPairRDD<String, String> previousHashes = spark.read().parquet(hashesDir(previous)).javaRDD()
                .mapToPair(r -> new Tuple2<>(r.getString(0), r.getString(1)));
        JavaPairRDD<String, Hashed> byId = input.mapToPair(h -> new Tuple2<>(h.id(), h));
        JavaPairRDD<String, Tuple2<Hashed, Optional<String>>> joined = byId
                .leftOuterJoin(previousHashes)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<Segment> changed = joined.filter(t -> !unchanged(t._2())).map(t -> t._2()._1().segment());
        JavaPairRDD<String, Tuple2<Hashed, Optional<Segment>>> unchanged = joined.filter(t -> unchanged(t._2()))
                .mapValues(Tuple2::_1)
                .leftOuterJoin(SegmentReaders.readEmbeddings(spark, previous, previousFormat).mapToPair(s -> new Tuple2<>(s.id(), s)))
                .persist(StorageLevel.MEMORY_AND_DISK());
        // An unchanged segment the previous output does not hold (a damaged folder) is embedded again.
        JavaRDD<Segment> missing = unchanged.filter(t -> !t._2()._2().isPresent()).map(t -> t._2()._1().segment());
        JavaRDD<Segment> carried = unchanged.filter(t -> t._2()._2().isPresent()).map(t -> t._2()._2().get());
        long deleted = previousHashes.subtractByKey(byId).count();
        return new IncrementalPlan(changed.union(missing), carried, deleted, null);
    }

    private static boolean unchanged(Tuple2<Hashed, Optional<String>> t) {
        return t._2().isPresent() && t._2().get().equals(t._1().hash());
    }

    /** Why the previous run cannot be reused, or null if it can. */
    private static String reasonToEmbedAll(Storage storage, String previous, String modelHash, String settings)
            throws IOException {
        if (previous == null) {
            return "no previous run given";
        }
        if (!storage.exists(summaryFile(previous)) || !storage.exists(hashesDir(previous))) {
            return "no previous incremental run at " + previous;
        }
        EmbedSummary last = JsonFiles.read(storage, summaryFile(previous), EmbedSummary.class);
        if (!modelHash.equals(last.modelHash())) {
            return "the model changed since " + previous;
        }
        if (!settings.equals(last.settings())) {
            return "the settings changed since " + previous + " (" + last.settings() + ")";
        }
        return null;
    }

    /** Writes the hashes of every segment of this run's output into its state folder. */
    public static void writeHashes(SparkSession spark, JavaRDD<Hashed> input, String output) {
        JavaRDD<Row> rows = input.map(h -> RowFactory.create(h.id(), h.hash()));
        Dataset<Row> hashes = spark.createDataFrame(rows, HASH_SCHEMA);
        hashes.write().parquet(hashesDir(output));
    }
}
