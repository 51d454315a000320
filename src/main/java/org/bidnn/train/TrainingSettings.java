package org.bidnn.train;

import java.io.Serializable;
import org.bidnn.io.BadInputException;
import org.bidnn.model.ValueRules;

/**
 * How long and in what pieces to train.
 *
 * @param epochs passes over the training rows; 0 trains nothing
 * @param batchSize rows per optimiser step; the last partial batch of an epoch is dropped
 * @param seed seed of the per-epoch shuffles
 */
public record TrainingSettings(int epochs, int batchSize, long seed) implements Serializable {

    public static final int DEFAULT_EPOCHS = 1000;
    public static final int DEFAULT_BATCH_SIZE = 128;
    public static final long DEFAULT_SEED = 1234;

    public TrainingSettings {
        if (!ValueRules.isCount(epochs)) {
            throw new BadInputException("epochs must be 0 or more, got " + epochs);
        }
        if (!ValueRules.isSize(batchSize)) {
            throw new BadInputException("batch size must be positive, got " + batchSize);
        }
    }
}
