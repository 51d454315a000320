package org.bidnn.jobs.pipeline;

import org.bidnn.model.ValueRules;

/**
 * What only {@code bidnn compare} reads.
 *
 * @param runs            trainings of each trained method, with seeds {@code model.seed},
 *                        {@code model.seed + 1}, ...: the table gives their mean and standard deviation
 * @param modalityDropout the autoencoder baselines' share of training rows shown with one modality zeroed
 * @param weightSteps     the linear combination tries the weights 0, 1/steps, ..., 1
 * @param mod1Name        what modality 1 is called in the table and the plots
 * @param mod2Name        what modality 2 is called (another name than modality 1's)
 * @param trainingInput   the corpus the models learn from (its segments with both modalities); by
 *                        default {@code input.path}, which is then also the evaluation corpus
 * @param missingShare    share of the evaluation segments shown without modality 1, and another
 *                        share without modality 2 (chosen by a hash of the id and {@code model.seed})
 */
public record CompareSettings(int runs, double modalityDropout, int weightSteps, String mod1Name, String mod2Name,
                              String trainingInput, double missingShare) {

    /** The {@code compare.*} keys; {@code input} is the corpus, the default training input. */
    static CompareSettings read(ConfValues v, String input) {
        double modalityDropout = v.number("compare.modality-dropout");
        if (!ValueRules.isShare(modalityDropout)) {
            throw v.error("compare.modality-dropout", "a share of rows in [0, 1], got " + modalityDropout);
        }
        double missingShare = v.number("compare.missing-share");
        if (missingShare < 0 || missingShare > 0.5) {
            throw v.error("compare.missing-share", "a share of segments per modality in [0, 0.5], got " + missingShare);
        }
        String trainingInput = v.string("compare.training-input");
        if (!trainingInput.isEmpty() && !ConfValues.isGlob(trainingInput)
                && !v.exists("compare.training-input", trainingInput)) {
            throw v.error("compare.training-input", "no such file or directory: " + trainingInput);
        }
        CompareSettings compare = new CompareSettings(v.integer("compare.runs", 1), modalityDropout,
                v.integer("compare.weight-steps", 1), v.nonEmpty("compare.mod1-name"), v.nonEmpty("compare.mod2-name"),
                trainingInput.isEmpty() ? input : trainingInput, missingShare);
        if (compare.mod1Name().equals(compare.mod2Name())) {
            throw v.error("compare.mod2-name", "the two modalities need different names, both are '"
                    + compare.mod1Name() + "'");
        }
        return compare;
    }
}
