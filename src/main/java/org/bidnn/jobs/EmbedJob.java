package org.bidnn.jobs;

import java.nio.file.FileAlreadyExistsException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.bidnn.embed.ContentHash;
import org.bidnn.embed.EmbedInput;
import org.bidnn.embed.ModelBroadcast;
import org.bidnn.embed.PartitionEmbedder;
import org.bidnn.io.Segment;
import org.bidnn.io.Storage;
import org.bidnn.io.spark.AtomicDirectories;
import org.bidnn.io.spark.ParquetSegmentWriter;
import org.bidnn.io.spark.RejectedRows;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.io.spark.SparkLibSvmWriter;
import org.bidnn.model.Architecture;
import org.bidnn.model.ModelFile;
import org.bidnn.model.OutputMode;
import org.bidnn.model.TrainedModel;
import org.bidnn.spark.TaskFailures;

/**
 * {@code bidnn embed}: applies a trained BiDNN to a corpus with Spark. The model is read on the
 * driver and broadcast; the executors read the segments, embed them batch by batch
 * ({@link PartitionEmbedder}) and write them, and the output directory is published only when the
 * whole job has succeeded ({@link AtomicDirectories}). The model's input scaling and modality weight
 * apply to every segment, and expansions come back in the input's units.
 */
public final class EmbedJob {

    private final EmbedOptions options;
    private final Console console;

    public EmbedJob(EmbedOptions options, Console console) {
        this.options = options;
        this.console = console;
    }

    /** Runs the job in {@code spark}; a bad input line is thrown as the {@code InputFileException}. */
    public void execute(SparkSession spark) throws Exception {
        printSettings();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = sc.hadoopConfiguration();
        // Refused before any work; checked again when publishing, in case it appears meanwhile. An
        // output a killed publish left aside is put back first, so it is refused too.
        AtomicDirectories.recover(hadoop, options.output());
        if (!options.overwrite() && AtomicDirectories.exists(hadoop, options.output())) {
            throw new FileAlreadyExistsException(options.output(), null,
                    "the output already exists (--overwrite replaces it)");
        }
        // One read of the model file: --incremental records the hash of the bytes the model came from.
        byte[] modelBytes = ModelFile.readBytes(Storage.of(hadoop), options.model());
        TrainedModel trained = ModelFile.fromBytes(modelBytes, options.model()).model();
        if (options.modalityWeight() != null) {
            trained = trained.withModalityWeight(options.modalityWeight());
        }
        Architecture a = trained.network().architecture();
        console.say(Console.PROGRESS, "Model %s: mod1size %d, mod2size %d, hdnsize %d, repsize %d, scaling %s%s",
                options.model(), a.mod1Size(), a.mod2Size(), a.hiddenSize(), a.embeddingSize(),
                trained.scaler().method().cliName(), trained.modalityWeight() == null ? ""
                        : ", modality weight " + trained.modalityWeight());
        ModelBroadcast model = ModelBroadcast.of(sc, trained, options.model());
        try {
            long start = System.nanoTime();
            EmbedInput input = EmbedInput.read(spark, options.input(), options.inputFormat(), a.mod1Size(),
                    a.mod2Size(), options.onBadRow());
            reportRejected(input.rejected());
            PartitionEmbedder embedder = new PartitionEmbedder(model, options.mode(), options.l2Normalize(),
                    options.ignoreZeroes(), options.batchSize());
            if (options.incremental() != null) {
                new IncrementalRun(spark, Storage.of(hadoop), options, console).execute(input, embedder, this::write, a,
                        ContentHash.of(modelBytes));
                return;
            }
            LongAccumulator written = sc.sc().longAccumulator("segments written");
            JavaRDD<Segment> output = embedder.apply(input.segments()).map(s -> {
                written.add(1);
                return s;
            });
            AtomicDirectories.publish(hadoop, options.output(), options.overwrite(), dir -> write(spark, output, dir, a));
            double seconds = (System.nanoTime() - start) / 1e9;
            console.say(Console.PROGRESS, "Wrote %d segments to %s in %.3fs (%.1f segments/s)%s",
                    written.value(), options.output(), seconds, written.value() / seconds,
                    input.rejected().count() == 0 ? "" : "; " + input.rejected().count() + " malformed rows skipped");
        } catch (Exception e) {
            throw TaskFailures.unwrap(e);
        } finally {
            model.destroy();
        }
    }

    /** Writes segments in the output format into a directory. */
    @FunctionalInterface
    interface OutputWriter {
        void write(SparkSession spark, JavaRDD<Segment> output, String dir, Architecture a);
    }

    private void write(SparkSession spark, JavaRDD<Segment> output, String dir, Architecture a) {
        if (options.outputFormat() == SegmentFormat.LIBSVM) {
            SparkLibSvmWriter.write(spark, output, dir, options.zeroBased());
        } else if (options.mode() == OutputMode.EMBEDDING) {
            ParquetSegmentWriter.writeEmbeddings(spark, output, dir);
        } else {
            ParquetSegmentWriter.writeModalities(spark, output, dir, a.mod1Size());
        }
    }

    /** The malformed rows left out, always shown: they are missing from the output. */
    private void reportRejected(RejectedRows rejected) {
        if (rejected.count() > 0) {
            console.say(0, "skipped %d malformed row%s (--on-bad-row skip)%s:", rejected.count(),
                    rejected.count() == 1 ? "" : "s", rejected.count() > rejected.first().size()
                            ? ", the first " + rejected.first().size() : "");
            rejected.first().forEach(m -> console.say(0, "  %s", m));
        }
    }

    private void printSettings() {
        console.say(Console.SETTINGS, "Model: %s%nInput: %s (%s)%nOutput: %s (%s)", options.model(),
                options.input(), options.inputFormat(), options.output(), options.outputFormat());
        console.say(Console.SETTINGS, "Performing %s%nL2 normalizing outputs: %s%nIgnore zeroes: %s%nBatch size: %d",
                options.mode() == OutputMode.CROSSMODAL ? "crossmodal expansion" : "multimodal embedding",
                options.l2Normalize(), options.ignoreZeroes(), options.batchSize());
    }
}
