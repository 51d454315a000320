package org.bidnn.jobs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.bidnn.embed.ContentHash;
import org.bidnn.embed.DuplicateIds;
import org.bidnn.embed.EmbedInput;
import org.bidnn.embed.EmbedSummary;
import org.bidnn.embed.IncrementalPlan;
import org.bidnn.embed.PartitionEmbedder;
import org.bidnn.io.JsonFiles;
import org.bidnn.io.Segment;
import org.bidnn.io.Storage;
import org.bidnn.io.spark.AtomicDirectories;
import org.bidnn.model.Architecture;

/**
 * {@code bidnn embed --incremental PREVIOUS}: embeds only the segments that are new or changed
 * since the previous run ({@link IncrementalPlan}), carries the others over, and publishes the
 * whole output, with the segments' hashes and an {@link EmbedSummary} beside it, in one rename:
 * readers see the previous complete output or the new complete one. Re-running it gives the same
 * output.
 */
final class IncrementalRun {

    private final SparkSession spark;
    private final Storage storage;
    private final EmbedOptions options;
    private final Console console;

    IncrementalRun(SparkSession spark, Storage storage, EmbedOptions options, Console console) {
        this.spark = spark;
        this.storage = storage;
        this.options = options;
        this.console = console;
    }

    /** @param modelHash the {@link ContentHash} of the model file's bytes, as the model was loaded from them */
    void execute(EmbedInput input, PartitionEmbedder embedder, EmbedJob.OutputWriter writer, Architecture a,
                 String modelHash) throws IOException {
        Map<String, Double> stages = new LinkedHashMap<>();
        long start = System.nanoTime();
        String previous = options.incremental().isBlank() ? null : options.incremental();
        JavaRDD<IncrementalPlan.Hashed> hashed = IncrementalPlan.hash(input.segments()).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            DuplicateIds.refuse(spark, hashed.map(IncrementalPlan.Hashed::id), options.input(), options.inputFormat(),
                    "--incremental matches segments with the previous run by id, so ids must be unique");
            IncrementalPlan plan = IncrementalPlan.of(spark, storage, hashed, previous, modelHash, settings(),
                    options.outputFormat());
            JavaRDD<Segment> toEmbed = plan.toEmbed.persist(StorageLevel.MEMORY_AND_DISK());
            JavaRDD<Segment> carried = plan.carriedOver.persist(StorageLevel.MEMORY_AND_DISK());
            long segmentsIn = hashed.count();
            long embedded = toEmbed.count();
            long carriedOver = carried.count();
            stages.put("plan", seconds(start));
            if (plan.fullEmbeddingBecause != null) {
                console.say(Console.PROGRESS, "Embedding every segment: %s", plan.fullEmbeddingBecause);
            }
            console.say(Console.PROGRESS, "%d segments: %d to embed, %d carried over from %s, %d deleted", segmentsIn,
                    embedded, carriedOver, previous, plan.deleted);
            long writing = System.nanoTime();
            JavaRDD<Segment> output = embedder.apply(toEmbed).union(carried);
            Supplier<EmbedSummary> summary = () -> new EmbedSummary(options.output(), options.input(),
                    options.model(), modelHash, settings(), plan.fullEmbeddingBecause == null ? previous : null,
                    plan.fullEmbeddingBecause, segmentsIn, embedded, carriedOver, plan.deleted, input.rejected().count(), stages);
            AtomicDirectories.publish(storage.hadoop(), options.output(), options.overwrite(), dir -> {
                writer.write(spark, output, dir, a);
                IncrementalPlan.writeHashes(spark, hashed, dir);
                stages.put("embed and write", seconds(writing));
                stages.put("total", seconds(start));
                JsonFiles.write(storage, IncrementalPlan.summaryFile(dir), summary.get());
            });
            // Only once the output is published: a monitor that reads this line finds the run complete.
            console.say(0, "embed summary: %s", JsonFiles.oneLine(summary.get()));
            toEmbed.unpersist(false);
            carried.unpersist(false);
        } finally {
            hashed.unpersist(false);
        }
    }

    /**
     * What shapes an embedding besides the model file (whose hash covers its scaling and stored
     * modality weight): a change re-embeds everything.
     */
    private String settings() {
        return String.format("mode=%s l2=%s ignoreZeroes=%s format=%s zeroBased=%s modalityWeight=%s", options.mode(),
                options.l2Normalize(), options.ignoreZeroes(), options.outputFormat(), options.zeroBased(),
                options.modalityWeight() == null ? "model's" : options.modalityWeight());
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e7) / 100.0;
    }
}
