package org.bidnn.model;

import java.io.Serializable;
import org.bidnn.io.BadInputException;

/**
 * The shape of a BiDNN: modality sizes, the first hidden layer, the embedding size (twice the
 * central layer, since the embedding concatenates both directions' central layers), the activation,
 * whether the central weights are tied, and the dropout applied after the central layers.
 */
public record Architecture(int mod1Size, int mod2Size, int hiddenSize, int embeddingSize,
                           ActivationFunction activation, boolean tied, double dropout)
        implements Serializable {

    /** The original tool's defaults for what the command lines and the Spark ML stages leave unsaid. */
    public static final String DEFAULT_ACTIVATION = "tanh";
    public static final boolean DEFAULT_TIED = true;
    public static final double DEFAULT_DROPOUT = 0.2;

    public Architecture {
        requirePositive("mod1size", mod1Size);
        requirePositive("mod2size", mod2Size);
        requirePositive("hdnsize", hiddenSize);
        requirePositive("repsize", embeddingSize);
        if (!ValueRules.isEmbeddingSize(embeddingSize)) {
            throw new BadInputException("repsize must be even: the embedding concatenates the two "
                    + "central layers of repsize/2 units each, got " + embeddingSize);
        }
        if (activation == null) {
            throw new BadInputException("activation is required");
        }
        if (!ValueRules.isProbability(dropout)) {
            throw new BadInputException("dropout is a drop probability " + ValueRules.BELOW_ONE + ", got " + dropout);
        }
    }

    private static void requirePositive(String name, int value) {
        if (!ValueRules.isSize(value)) {
            throw new BadInputException(name + " must be positive, got " + value);
        }
    }

    /** Units in each direction's central layer. */
    public int centralSize() {
        return embeddingSize / 2;
    }

    public int inputSize() {
        return mod1Size + mod2Size;
    }
}
