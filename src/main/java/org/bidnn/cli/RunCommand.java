package org.bidnn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.Optimizer;
import org.bidnn.model.OutputMode;
import org.bidnn.run.Console;
import org.bidnn.run.LocalRun;
import org.bidnn.run.RunOptions;
import org.bidnn.train.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bidnn run}: the original single-machine tool's command line, flag for flag. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a BiDNN on a LibSVM file and write the multimodal embedding "
                + "(or, with -c, the crossmodal expansion) of every row, as the original bidnn.py."},
        footer = {"", "%%e in OUTFILE, -s and -x becomes the epoch (00100) for writes made by -w, "
                + "and 'final' for the last write."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INFILE", description = "input data in LibSVM format: id, then modality 1 and modality 2 features")
    Path input;

    @Parameters(index = "1", paramLabel = "OUTFILE", description = "output file (LibSVM); may contain %%e")
    String output;

    @Parameters(index = "2", paramLabel = "MOD1SIZE", description = "dimensionality of the 1st modality")
    int mod1Size;

    @Parameters(index = "3", paramLabel = "MOD2SIZE", description = "dimensionality of the 2nd modality")
    int mod2Size;

    @Parameters(index = "4", paramLabel = "HDNSIZE", description = "size of the 1st hidden layer")
    int hiddenSize;

    @Parameters(index = "5", paramLabel = "REPSIZE", description = "size of the multimodal representation (even; each central layer has REPSIZE/2 units)")
    int repSize;

    @Option(names = {"-a", "--activation"}, defaultValue = "tanh", paramLabel = "NAME",
            description = "activation function: tanh, sigmoid, relu or linear (default: ${DEFAULT-VALUE})")
    String activation;

    @Option(names = {"-e", "--epochs"}, defaultValue = "" + TrainingSettings.DEFAULT_EPOCHS,
            description = "epochs to train; 0 only predicts (with -l) (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = {"-d", "--dropout"}, defaultValue = "0.2", paramLabel = "P",
            description = "drop probability after the central layers; 0 disables dropout (default: ${DEFAULT-VALUE})")
    double dropout;

    @Option(names = {"-b", "--batch-size"}, defaultValue = "" + TrainingSettings.DEFAULT_BATCH_SIZE,
            description = "minibatch size (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = {"-r", "--learning-rate"}, defaultValue = "0.1", paramLabel = "LR",
            description = "learning rate (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = {"-m", "--momentum"}, defaultValue = "0.9", description = "Nesterov momentum (default: ${DEFAULT-VALUE})")
    double momentum;

    @Option(names = {"-l", "--load-model"}, paramLabel = "FILE", description = "start from this model")
    Path loadModel;

    @Option(names = {"-s", "--save-model"}, paramLabel = "FILE",
            description = "save the model here at the end (and with -w every N epochs); may contain %%e")
    String saveModel;

    @Option(names = {"-c", "--crossmodal"},
            description = "write the input with missing modalities filled in by translation, instead of the embedding")
    boolean crossmodal;

    @Option(names = {"-n", "--l2-norm"},
            description = "L2-normalise each written embedding row (with -c: each filled-in modality)")
    boolean l2Norm;

    @Option(names = {"-z", "--ignore-zeroes"},
            description = "do not treat all-zero vectors as missing modalities; train on every row")
    boolean ignoreZeroes;

    @Option(names = {"-u", "--untied"}, description = "do not tie the central weights of the two directions")
    boolean untied;

    @Option(names = {"-w", "--write-after"}, paramLabel = "N", defaultValue = "0",
            description = "also write the output (and save the model, run -x) every N epochs")
    int writeAfter;

    @Option(names = {"-x", "--exec-command"}, paramLabel = "CMD",
            description = "shell command run after each write; may contain %%e")
    String execCommand;

    @Option(names = {"-v", "--verbosity"}, defaultValue = "3", paramLabel = "0-3",
            description = "0 errors only, 1 settings, 2 progress and one line per epoch, 3 library logs too (default: ${DEFAULT-VALUE})")
    int verbosity;

    @Option(names = "--seed", defaultValue = "" + TrainingSettings.DEFAULT_SEED,
            description = "seed of the initial weights, dropout masks and shuffles (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--zero-based", description = "write 0-based feature indices, byte-compatible with the original tool's output")
    boolean zeroBased;

    @Override
    public Integer call() throws Exception {
        if (verbosity < 0 || verbosity > 3) {
            throw new IllegalArgumentException("--verbosity must be 0 to 3, got " + verbosity);
        }
        LogLevels.apply(verbosity);
        Architecture architecture = new Architecture(mod1Size, mod2Size, hiddenSize, repSize,
                ActivationFunction.fromName(activation), !untied, dropout);
        Console console = new Console(verbosity, spec.commandLine().getErr());
        if (epochs == 0 && loadModel == null) {
            console.say(Console.SETTINGS, "warning: no training (-e 0) and no model (-l): writing the output of random weights");
        }
        RunOptions options = new RunOptions(input, output, architecture, new Optimizer(learningRate, momentum),
                new TrainingSettings(epochs, batchSize, seed), loadModel, saveModel,
                crossmodal ? OutputMode.CROSSMODAL : OutputMode.EMBEDDING, l2Norm, ignoreZeroes, writeAfter,
                execCommand, zeroBased);
        new LocalRun(options, console).execute();
        return 0;
    }
}
