package org.bidnn.train;

import java.io.IOException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.BadInputException;
import org.bidnn.io.Segment;
import org.bidnn.io.Storage;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.io.spark.SegmentReaders;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;
import org.bidnn.model.Optimizer;
import org.bidnn.run.Console;
import org.bidnn.spark.SparkSessions;
import org.bidnn.spark.TaskFailures;

/**
 * {@code bidnn train}: reads a corpus with Spark, keeps the rows with both modalities, trains a
 * BiDNN across the executors ({@link SparkTrainer}), saves checkpoints on the way and the model at
 * the end.
 *
 * @param epochs the total number of epochs the model should have seen; a resumed model trains only
 *               the epochs it is missing
 */
public record SparkTrainingJob(String input, SegmentFormat inputFormat, Architecture architecture,
                               Optimizer optimizer, TrainingSettings settings, SparkTrainingOptions sparkOptions,
                               boolean ignoreZeroes, String model, String resume, Checkpoints checkpoints) {

    public void run(SparkSession spark, Console console) throws IOException {
        run(spark, console, EpochListener.NONE);
    }

    /**
     * As {@link #run(SparkSession, Console)}, also telling {@code progress} about every finished
     * epoch (after the console's line and the checkpoint), e.g. for a progress bar.
     */
    public void run(SparkSession spark, Console console, EpochListener progress) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Storage storage = SparkSessions.storage(spark);
        BiDNNNetwork network = startingNetwork(storage, console);
        int remaining = Math.max(0, settings.epochs() - network.epochsTrained());
        JavaRDD<Segment> segments = SegmentReaders.read(spark, input, inputFormat,
                architecture.mod1Size(), architecture.mod2Size());
        JavaRDD<float[]> rows = TrainingRows.select(segments.map(Segment::values), architecture.mod1Size(), ignoreZeroes);
        console.say(Console.PROGRESS, "Training on %s: %d epochs to go (%d done) on %s",
                input, remaining, network.epochsTrained(), spark.sparkContext().master());
        TrainingSettings toGo = new TrainingSettings(remaining, settings.batchSize(), settings.seed());
        try {
            new SparkTrainer(toGo, sparkOptions).train(sc, network, rows, (epoch, total, loss, took) -> {
                console.say(Console.PROGRESS, "Epoch %d of %d took %.3fs training loss:\t%.6f",
                        network.epochsTrained(), settings.epochs(), took.toNanos() / 1e9, loss);
                checkpoints.maybeSave(storage, network).ifPresent(p -> console.say(Console.PROGRESS, "Checkpoint %s", p));
                progress.epochFinished(network.epochsTrained(), settings.epochs(), loss, took);
            }, (epoch, cost) -> console.say(Console.PROGRESS, "Epoch %d on Spark: %s", epoch, cost.describe()));
        } catch (IOException e) {
            throw e;
        } catch (TooFewTrainingRowsException e) {
            throw new BadInputException(input + ": " + e.getMessage(), e);
        } catch (Exception e) {
            // A bad input line surfaces on an executor, wrapped in Spark's (checked) job failure;
            // anything else is the program's failure.
            Exception cause = TaskFailures.unwrap(e);
            throw cause instanceof RuntimeException r ? r : new IllegalStateException("training failed: " + e, e);
        }
        ModelFile.save(network, storage, model);
        console.say(Console.PROGRESS, "Saved model to %s", model);
    }

    private BiDNNNetwork startingNetwork(Storage storage, Console console) throws IOException {
        if (resume == null) {
            return BiDNNNetwork.create(architecture, optimizer, settings.seed());
        }
        BiDNNNetwork loaded = ModelFile.load(storage, resume).network();
        Architecture found = loaded.architecture();
        if (found.mod1Size() != architecture.mod1Size() || found.mod2Size() != architecture.mod2Size()
                || found.hiddenSize() != architecture.hiddenSize() || found.embeddingSize() != architecture.embeddingSize()
                || found.activation() != architecture.activation() || found.tied() != architecture.tied()) {
            throw new ModelFile.ModelFileException(resume, "the checkpoint is " + found
                    + " but the command line asks for " + architecture);
        }
        console.say(Console.PROGRESS, "Resuming from %s after %d epochs", resume, loaded.epochsTrained());
        return loaded.withTrainingHyperparameters(optimizer, architecture.dropout());
    }
}
