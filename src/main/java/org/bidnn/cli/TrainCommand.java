package org.bidnn.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.jobs.Console;
import org.bidnn.jobs.SparkTrainingJob;
import org.bidnn.spark.SparkSessions;
import org.bidnn.train.Checkpoints;
import org.bidnn.train.SparkTrainingOptions;
import org.bidnn.train.EpochListener;
import org.bidnn.train.TrainingProvenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bidnn train}: trains a BiDNN on a corpus with Spark (parameter averaging across executors, see SparkTrainer). */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a BiDNN with Spark: the corpus is read and partitioned by Spark, the rows "
                + "with both modalities are trained on by parallel workers whose parameters are averaged."})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "corpus: a file or directory")
    String input;

    @Option(names = "--input-format", defaultValue = "libsvm", paramLabel = "FORMAT",
            description = "libsvm or parquet (default: ${DEFAULT-VALUE})")
    SegmentFormat inputFormat;

    @Option(names = "--mod1-size", required = true, paramLabel = "N", description = "dimensionality of the 1st modality")
    int mod1Size;

    @Option(names = "--mod2-size", required = true, paramLabel = "N", description = "dimensionality of the 2nd modality")
    int mod2Size;

    @Option(names = "--hidden", required = true, paramLabel = "N", description = "size of the 1st hidden layer (hdnsize)")
    int hiddenSize;

    @Option(names = "--rep", required = true, paramLabel = "N", description = "size of the embedding (repsize, even)")
    int repSize;

    @Option(names = "--model", required = true, paramLabel = "PATH",
            description = "where to save the trained model (any Hadoop path: file, hdfs://, s3a://...)")
    String model;

    @Mixin
    TrainingFlags flags;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: the submission's, else " + SparkSessions.DEFAULT_MASTER + ")")
    String master;

    @Option(names = "--workers", defaultValue = "0", paramLabel = "N",
            description = "parallel model replicas (default: one per executor, given all its cores; in local mode "
                    + "one, trained in the driver exactly as bidnn run). Workers on one executor share its cores. With N workers each "
                    + "steps with N times the learning rate, so that an epoch is worth one worker's epoch")
    int workers;

    @Option(names = "--batch-per-worker", paramLabel = "N",
            description = "minibatch size of each worker (default: --batch-size)")
    Integer batchPerWorker;

    @Option(names = "--averaging-frequency", defaultValue = "" + SparkTrainingOptions.DEFAULT_AVERAGING_FREQUENCY,
            paramLabel = "N", description = "minibatches per worker between parameter averagings (default: ${DEFAULT-VALUE}; "
                    + "larger when a round's transfer time nears its compute time, see bench/RESULTS.md)")
    int averagingFrequency;

    @Option(names = "--checkpoint-every", defaultValue = "0", paramLabel = "N",
            description = "save a checkpoint every N epochs (default: never)")
    int checkpointEvery;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "where checkpoints go (default: MODEL.checkpoints)")
    String checkpointDir;

    @Option(names = "--resume", paramLabel = "MODEL",
            description = "continue from this checkpoint or model until it has seen --epochs epochs")
    String resume;

    @Override
    public Integer call() throws Exception {
        Console console = new Console(flags.verbosity(), spec.commandLine().getErr());
        int batch = batchPerWorker != null ? batchPerWorker : flags.batchSize;
        String checkpoints = checkpointDir != null ? checkpointDir : Checkpoints.besideModel(model);
        SparkTrainingJob job = new SparkTrainingJob(input, inputFormat,
                flags.architecture(mod1Size, mod2Size, hiddenSize, repSize), flags.optimizer(), flags.training(batch),
                new SparkTrainingOptions(workers, averagingFrequency), flags.ignoreZeroes, model, resume,
                new Checkpoints(checkpoints, checkpointEvery), flags.scaling());
        // Not stopped here: the JVM's shutdown hook stops it, and under spark-submit or in a test the
        // session belongs to whoever started it.
        job.run(SparkSessions.getOrCreate("bidnn train", master), console, EpochListener.NONE,
                TrainingProvenance.spark("train", CommandArguments.of(spec), List.of(input), job.settings(),
                        job.sparkOptions(), resume));
        return 0;
    }
}
