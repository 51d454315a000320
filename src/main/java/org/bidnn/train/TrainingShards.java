package org.bidnn.train;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The training rows dealt to the workers once for the whole training: partition s of
 * {@link #rows()} is worker s's shard, cached compactly ({@link CompactRow}, serialised, spilling
 * to disk beyond memory). Epochs then permute within each shard ({@link EpochShuffle}), so after
 * this one shuffle no epoch moves rows between machines.
 *
 * <p>The deal is seeded and balanced: the rows are taken in blocks of {@code shards} consecutive
 * corpus indices, and each block gives one row to every shard, rotated by a hash of the seed and
 * the block, so shard sizes differ by at most one row and no shard gets, say, every first row of a
 * sorted input.
 */
final class TrainingShards {

    private final JavaRDD<CompactRow> rows;
    private final long[] sizes;

    private TrainingShards(JavaRDD<CompactRow> rows, long[] sizes) {
        this.rows = rows;
        this.sizes = sizes;
    }

    /**
     * Deals {@code rows} to {@code shards} shards and caches them.
     *
     * @param taskResources what the tasks that hold and train a shard ask of an executor (see
     *                      {@link TrainingPlan#taskResources()}), or null for Spark's default. It
     *                      is set on the shards themselves, so that every stage that reads them (the
     *                      count here, which caches them, and each averaging round) has it: idle
     *                      executors then cache no more shards than workers they can run at once,
     *                      and a round's task rarely waits for its shard's executor.
     */
    static TrainingShards deal(JavaRDD<float[]> rows, int shards, long seed, ResourceProfile taskResources) {
        JavaRDD<CompactRow> dealt = rows.zipWithIndex()
                .mapToPair(t -> new Tuple2<>(shardOf(seed, t._2(), shards), CompactRow.of(t._2(), t._1())))
                .partitionBy(new HashPartitioner(shards))
                .values();
        if (taskResources != null) {
            dealt = dealt.withResources(taskResources);
        }
        dealt = dealt.persist(StorageLevel.MEMORY_AND_DISK_SER());
        List<Long> counts = dealt.mapPartitions(TrainingShards::count).collect();
        return new TrainingShards(dealt, counts.stream().mapToLong(Long::longValue).toArray());
    }

    /** The shard of the row with corpus index {@code index}. */
    static int shardOf(long seed, long index, int shards) {
        long block = index / shards;
        return (int) Math.floorMod(index + EpochShuffle.mix(seed ^ EpochShuffle.mix(block)), (long) shards);
    }

    private static Iterator<Long> count(Iterator<CompactRow> rows) {
        long n = 0;
        for (; rows.hasNext(); rows.next()) {
            n++;
        }
        return List.of(n).iterator();
    }

    JavaRDD<CompactRow> rows() {
        return rows;
    }

    /** Rows in each shard. */
    long[] sizes() {
        return sizes.clone();
    }

    void release() {
        rows.unpersist(false);
    }
}
