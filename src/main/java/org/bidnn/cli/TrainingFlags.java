package org.bidnn.cli;

import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.Optimizer;
import org.bidnn.model.Scaling;
import org.bidnn.train.TrainingSettings;
import picocli.CommandLine.Option;

/** The original tool's model and optimiser flags, shared by every command that trains. */
public final class TrainingFlags {

    @Option(names = {"-a", "--activation"}, defaultValue = Architecture.DEFAULT_ACTIVATION, paramLabel = "NAME",
            description = "activation function: tanh, sigmoid, relu or linear (default: ${DEFAULT-VALUE})")
    String activation;

    @Option(names = {"-e", "--epochs"}, defaultValue = "" + TrainingSettings.DEFAULT_EPOCHS,
            description = "epochs to train; 0 only predicts (with -l) (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = {"-d", "--dropout"}, defaultValue = "" + Architecture.DEFAULT_DROPOUT, paramLabel = "P",
            description = "drop probability after the central layers; 0 disables dropout (default: ${DEFAULT-VALUE})")
    double dropout;

    @Option(names = {"-b", "--batch-size"}, defaultValue = "" + TrainingSettings.DEFAULT_BATCH_SIZE,
            description = "minibatch size (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = {"-r", "--learning-rate"}, defaultValue = "" + Optimizer.DEFAULT_LEARNING_RATE, paramLabel = "LR",
            description = "learning rate (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = {"-m", "--momentum"}, defaultValue = "" + Optimizer.DEFAULT_MOMENTUM, description = "Nesterov momentum (default: ${DEFAULT-VALUE})")
    double momentum;

    @Option(names = {"-z", "--ignore-zeroes"},
            description = "do not treat all-zero vectors as missing modalities; train on every row")
    boolean ignoreZeroes;

    @Option(names = {"-u", "--untied"}, description = "do not tie the central weights of the two directions")
    boolean untied;

    @Option(names = {"-v", "--verbosity"}, defaultValue = "3", paramLabel = "0-3",
            description = "0 errors only, 1 settings, 2 progress and one line per epoch, 3 library logs too (default: ${DEFAULT-VALUE})")
    int verbosity;

    @Option(names = "--seed", defaultValue = "" + TrainingSettings.DEFAULT_SEED,
            description = "seed of the initial weights, dropout masks and shuffles (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--scale", defaultValue = Scaling.DEFAULT, paramLabel = "METHOD",
            description = "input scaling, fitted on the training rows and stored in the model: standard (each column "
                    + "minus its mean, over its deviation, times " + Scaling.STANDARD_DEVIATION + ") or none "
                    + "(default: ${DEFAULT-VALUE}); every output is in the input's units")
    Scaling scale;

    Architecture architecture(int mod1Size, int mod2Size, int hiddenSize, int repSize) {
        return new Architecture(mod1Size, mod2Size, hiddenSize, repSize, ActivationFunction.fromName(activation),
                !untied, dropout);
    }

    Optimizer optimizer() {
        return new Optimizer(learningRate, momentum);
    }

    Scaling scaling() {
        return scale;
    }

    TrainingSettings training(int batch) {
        return new TrainingSettings(epochs, batch, seed);
    }

    /** Checks -v and applies it to the libraries' logs. */
    int verbosity() {
        return Verbosity.check(verbosity);
    }
}
