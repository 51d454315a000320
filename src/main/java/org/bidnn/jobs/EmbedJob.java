package org.bidnn.jobs;

import java.nio.file.FileAlreadyExistsException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.bidnn.embed.ModelBroadcast;
import org.bidnn.embed.PartitionEmbedder;
import org.bidnn.io.Segment;
import org.bidnn.io.Storage;
import org.bidnn.io.spark.AtomicDirectories;
import org.bidnn.io.spark.ParquetSegmentWriter;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.io.spark.SegmentReaders;
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
        // Refused before any work; checked again when publishing, in case it appears meanwhile.
        if (!options.overwrite() && AtomicDirectories.exists(hadoop, options.output())) {
            throw new FileAlreadyExistsException(options.output(), null,
                    "the output already exists (--overwrite replaces it)");
        }
        TrainedModel trained = ModelFile.load(Storage.of(hadoop), options.model()).model();
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
            JavaRDD<Segment> input = SegmentReaders.read(spark, options.input(), options.inputFormat(), a.mod1Size(),
                    a.mod2Size());
            PartitionEmbedder embedder = new PartitionEmbedder(model, options.mode(), options.l2Normalize(),
                    options.ignoreZeroes(), options.batchSize());
            if (options.incremental() != null) {
                new IncrementalRun(spark, Storage.of(hadoop), options, console).execute(input, embedder, this::write, a);
                return;
            }
            LongAccumulator written = sc.sc().longAccumulator("segments written");
            JavaRDD<Segment> output = embedder.apply(input).map(s -> {
                written.add(1);
                return s;
            });
            AtomicDirectories.publish(hadoop, options.output(), options.overwrite(), dir -> write(spark, output, dir, a));
            double seconds = (System.nanoTime() - start) / 1e9;
            console.say(Console.PROGRESS, "Wrote %d segments to %s in %.3fs (%.1f segments/s)",
                    written.value(), options.output(), seconds, written.value() / seconds);
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

    private void printSettings() {
        console.say(Console.SETTINGS, "Model: %s%nInput: %s (%s)%nOutput: %s (%s)", options.model(),
                options.input(), options.inputFormat(), options.output(), options.outputFormat());
        console.say(Console.SETTINGS, "Performing %s%nL2 normalizing outputs: %s%nIgnore zeroes: %s%nBatch size: %d",
                options.mode() == OutputMode.CROSSMODAL ? "crossmodal expansion" : "multimodal embedding",
                options.l2Normalize(), options.ignoreZeroes(), options.batchSize());
    }
}
