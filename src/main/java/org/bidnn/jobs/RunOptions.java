package org.bidnn.jobs;

import org.bidnn.io.BadInputException;
import org.bidnn.model.Architecture;
import org.bidnn.model.Optimizer;
import org.bidnn.model.OutputMode;
import org.bidnn.model.Scaling;
import org.bidnn.train.TrainingSettings;

/**
 * Everything the original tool's command line says, once parsed.
 *
 * @param input the LibSVM file; this and every other path is a Hadoop path (see {@link org.bidnn.io.Storage})
 * @param output output path, may contain {@code %e}
 * @param loadModel model to start from, or null to start from random weights
 * @param saveModel where to save the model (may contain {@code %e}), or null
 * @param writeAfter write output / save model / run the command every this many epochs, or 0
 * @param execCommand shell command run after each write (may contain {@code %e}), or null
 * @param zeroBased write 0-based feature indices, as the original tool's output
 * @param scaling how a new model scales its inputs (fitted on the training rows); a loaded model keeps its own
 */
public record RunOptions(
        String input,
        String output,
        Architecture architecture,
        Optimizer optimizer,
        TrainingSettings training,
        String loadModel,
        String saveModel,
        OutputMode mode,
        boolean l2Normalize,
        boolean ignoreZeroes,
        int writeAfter,
        String execCommand,
        boolean zeroBased,
        Scaling scaling) {

    public RunOptions {
        if (writeAfter < 0) {
            throw new BadInputException("--write-after must be positive, got " + writeAfter);
        }
    }
}
