package org.bidnn.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.bidnn.jobs.Console;
import org.bidnn.jobs.LocalRun;
import org.bidnn.jobs.RunOptions;
import org.bidnn.model.Architecture;
import org.bidnn.spark.SparkSessions;
import org.bidnn.train.TrainingProvenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
    String input;

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

    @Mixin
    TrainingFlags flags;

    @Option(names = {"-l", "--load-model"}, paramLabel = "FILE", description = "start from this model")
    String loadModel;

    @Option(names = {"-s", "--save-model"}, paramLabel = "FILE",
            description = "save the model here at the end (and with -w every N epochs); may contain %%e")
    String saveModel;

    @Mixin
    OutputFlags outputFlags;

    @Option(names = {"-w", "--write-after"}, paramLabel = "N", defaultValue = "0",
            description = "also write the output (and save the model, run -x) every N epochs")
    int writeAfter;

    @Option(names = {"-x", "--exec-command"}, paramLabel = "CMD",
            description = "shell command run after each write; may contain %%e")
    String execCommand;

    @Option(names = "--zero-based", description = "write 0-based feature indices, byte-compatible with the original tool's output")
    boolean zeroBased;

    @Override
    public Integer call() throws Exception {
        Console console = new Console(flags.verbosity(), spec.commandLine().getErr());
        Architecture architecture = flags.architecture(mod1Size, mod2Size, hiddenSize, repSize);
        if (flags.epochs == 0 && loadModel == null) {
            console.say(Console.SETTINGS, "warning: no training (-e 0) and no model (-l): writing the output of random weights");
        }
        RunOptions options = new RunOptions(input, output, architecture, flags.optimizer(),
                flags.training(flags.batchSize), loadModel, saveModel,
                outputFlags.mode(), outputFlags.l2Norm, flags.ignoreZeroes, writeAfter,
                execCommand, zeroBased, flags.scaling());
        new LocalRun(options, SparkSessions.storageWithoutSession(), console).execute(TrainingProvenance.local("run",
                CommandArguments.of(spec), List.of(input), options.training(), loadModel));
        return 0;
    }
}
