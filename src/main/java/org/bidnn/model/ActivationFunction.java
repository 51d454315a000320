package org.bidnn.model;

import java.util.Arrays;
import java.util.Locale;
import org.bidnn.io.BadInputException;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;

/** The activation functions the original tool offers, by the names its {@code -a} flag takes. */
public enum ActivationFunction {
    TANH(Activation.TANH),
    SIGMOID(Activation.SIGMOID),
    RELU(Activation.RELU),
    LINEAR(Activation.IDENTITY);

    private final Activation dl4j;

    ActivationFunction(Activation dl4j) {
        this.dl4j = dl4j;
    }

    public IActivation toDl4j() {
        return dl4j.getActivationFunction();
    }

    /** The lower-case name used on the command line and in model files. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The function whose DL4J implementation is {@code fn}, e.g. as read back from a model file. */
    public static ActivationFunction fromDl4j(IActivation fn) {
        for (ActivationFunction f : values()) {
            if (f.toDl4j().getClass().equals(fn.getClass())) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unsupported activation function " + fn);
    }

    public static ActivationFunction fromName(String name) {
        for (ActivationFunction f : values()) {
            if (f.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new BadInputException("Unknown activation function '" + name + "' (expected one of "
                + Arrays.stream(values()).map(ActivationFunction::cliName).toList() + ")");
    }
}
