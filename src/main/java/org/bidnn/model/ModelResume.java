package org.bidnn.model;

/**
 * Continuing from a saved model (a checkpoint, {@code run -l}, {@code train --resume}): the one rule
 * for whether a saved model is the one a command asks for, and what it keeps of the command's settings.
 *
 * <p>A saved model is the command's model when everything that shapes its parameters agrees: the sizes,
 * the activation and whether the directions share their central weights. Dropout and the optimiser are
 * training settings, not part of what the model is: the command's values replace the saved ones. The
 * scaling and the modality weight are the model's own and are kept.
 */
public final class ModelResume {

    private ModelResume() {
    }

    /**
     * @param saved     the model as loaded
     * @param source    the model's name as the user gave it, for the error
     * @param wanted    the architecture the command asks for
     * @param optimizer the command's optimiser, which the resumed training uses
     * @throws ModelFile.ModelFileException when the saved model is not the one asked for
     */
    public static TrainedModel resume(TrainedModel saved, String source, Architecture wanted, Optimizer optimizer)
            throws ModelFile.ModelFileException {
        Architecture found = saved.network().architecture();
        if (!sameShape(found, wanted)) {
            throw new ModelFile.ModelFileException(source, "the model is " + describe(found)
                    + " but the command line asks for " + describe(wanted));
        }
        return saved.withNetwork(saved.network().withTrainingHyperparameters(optimizer, wanted.dropout()));
    }

    static boolean sameShape(Architecture a, Architecture b) {
        return a.mod1Size() == b.mod1Size() && a.mod2Size() == b.mod2Size() && a.hiddenSize() == b.hiddenSize()
                && a.embeddingSize() == b.embeddingSize() && a.activation() == b.activation() && a.tied() == b.tied();
    }

    /** In the words of the original tool's options. */
    static String describe(Architecture a) {
        return String.format("mod1size=%d mod2size=%d hdnsize=%d repsize=%d activation=%s %s", a.mod1Size(),
                a.mod2Size(), a.hiddenSize(), a.embeddingSize(), a.activation().cliName(), a.tied() ? "tied" : "untied");
    }
}
