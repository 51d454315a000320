package org.bidnn.jobs;

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
import org.bidnn.model.FeatureScaler;
import org.bidnn.model.ModelFile;
import org.bidnn.model.ModelResume;
import org.bidnn.model.Optimizer;
import org.bidnn.model.Provenance;
import org.bidnn.model.Scaling;
import org.bidnn.model.TrainedModel;
import org.bidnn.spark.SparkSessions;
import org.bidnn.spark.TaskFailures;
import org.bidnn.train.Checkpoints;
import org.bidnn.train.EpochListener;
import org.bidnn.train.ScalingFit;
import org.bidnn.train.SparkTrainer;
import org.bidnn.train.SparkTrainingOptions;
import org.bidnn.train.TooFewTrainingRowsException;
import org.bidnn.train.TrainingRows;
import org.bidnn.train.TrainingSettings;

/**
 * {@code bidnn train}: reads a corpus with Spark, keeps the rows with both modalities, trains a
 * BiDNN across the executors ({@link SparkTrainer}), saves checkpoints on the way and the model at
 * the end. A new model's input scaling is fitted on the training rows with MLlib ({@link ScalingFit}), the
 * network trains on the scaled rows, and the model file stores the scaling; a resumed one keeps its own.
 *
 * @param epochs the total number of epochs the model should have seen; a resumed model trains only
 *               the epochs it is missing
 */
public record SparkTrainingJob(String input, SegmentFormat inputFormat, Architecture architecture,
                               Optimizer optimizer, TrainingSettings settings, SparkTrainingOptions sparkOptions,
                               boolean ignoreZeroes, String model, String resume, Checkpoints checkpoints,
                               Scaling scaling) {

    /** A job with the default scaling ({@link Scaling#DEFAULT}). */
    public SparkTrainingJob(String input, SegmentFormat inputFormat, Architecture architecture, Optimizer optimizer,
                            TrainingSettings settings, SparkTrainingOptions sparkOptions, boolean ignoreZeroes,
                            String model, String resume, Checkpoints checkpoints) {
        this(input, inputFormat, architecture, optimizer, settings, sparkOptions, ignoreZeroes, model, resume,
                checkpoints, Scaling.fromName(Scaling.DEFAULT));
    }

    public void run(SparkSession spark, Console console) throws IOException {
        run(spark, console, EpochListener.NONE);
    }

    /**
     * As {@link #run(SparkSession, Console)}, also telling {@code progress} about every finished
     * epoch (after the console's line and the checkpoint), e.g. for a progress bar.
     */
    public void run(SparkSession spark, Console console, EpochListener progress) throws IOException {
        run(spark, console, progress, null);
    }

    /**
     * As {@link #run(SparkSession, Console, EpochListener)}, recording {@code provenance} (with the
     * number of training rows) in the model file; null records none.
     */
    public void run(SparkSession spark, Console console, EpochListener progress, Provenance provenance)
            throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Storage storage = SparkSessions.storage(spark);
        TrainedModel started = startingModel(storage, console);
        BiDNNNetwork network = started.network();
        int remaining = Math.max(0, settings.epochs() - network.epochsTrained());
        JavaRDD<Segment> segments = SegmentReaders.read(spark, input, inputFormat,
                architecture.mod1Size(), architecture.mod2Size());
        JavaRDD<float[]> raw = TrainingRows.select(segments.map(Segment::values), architecture.mod1Size(), ignoreZeroes);
        TrainedModel trained = started;
        if (resume == null) {
            try {
                trained = new TrainedModel(network, fitScaling(spark, raw), null);
            } catch (TooFewTrainingRowsException e) {
                throw new BadInputException(input + ": " + e.getMessage(), e);
            }
            console.say(Console.PROGRESS, "Input scaling: %s", trained.scaler().method().cliName());
        }
        FeatureScaler scaler = trained.scaler();
        int d1 = architecture.mod1Size();
        boolean all = ignoreZeroes;
        JavaRDD<float[]> rows = raw.map(v -> scaler.scale(v, d1, all));
        TrainedModel result = provenance == null ? trained : trained.withProvenance(provenance);
        console.say(Console.PROGRESS, "Training on %s: %d epochs to go (%d done) on %s",
                input, remaining, network.epochsTrained(), spark.sparkContext().master());
        TrainingSettings toGo = new TrainingSettings(remaining, settings.batchSize(), settings.seed());
        long trainingRows;
        try {
            trainingRows = new SparkTrainer(toGo, sparkOptions).train(sc, network, rows, (epoch, total, loss, took) -> {
                console.say(Console.PROGRESS, "Epoch %d of %d took %.3fs training loss:\t%.6f",
                        network.epochsTrained(), settings.epochs(), took.toNanos() / 1e9, loss);
                checkpoints.maybeSave(storage, result).ifPresent(p -> console.say(Console.PROGRESS, "Checkpoint %s", p));
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
        ModelFile.save(provenance == null ? result : result.withProvenance(provenance.withTrainingRows(trainingRows)),
                storage, model);
        console.say(Console.PROGRESS, "Saved model to %s", model);
    }

    /** The scaling of a new model, from its training rows; rows that fail to read fail here, as in training. */
    private FeatureScaler fitScaling(SparkSession spark, JavaRDD<float[]> rows) {
        try {
            return ScalingFit.spark(scaling, spark, rows);
        } catch (Exception e) {
            // Spark's job failure is a checked exception that Scala throws undeclared.
            Exception cause = TaskFailures.unwrap(e);
            throw cause instanceof RuntimeException r ? r : new IllegalStateException("reading the training rows failed: " + e, e);
        }
    }

    private TrainedModel startingModel(Storage storage, Console console) throws IOException {
        if (resume == null) {
            return TrainedModel.of(BiDNNNetwork.create(architecture, optimizer, settings.seed()));
        }
        TrainedModel loadedModel = ModelFile.load(storage, resume).model();
        TrainedModel resumed = ModelResume.resume(loadedModel, resume, architecture, optimizer);
        console.say(Console.PROGRESS, "Resuming from %s after %d epochs", resume, resumed.network().epochsTrained());
        return resumed;
    }
}
