package org.bidnn.train;

import java.io.IOException;
import java.time.Duration;

/** Told about every finished epoch, e.g. to log it or to write intermediate outputs. */
@FunctionalInterface
public interface EpochListener {

    /**
     * @param epoch 1-based number of the epoch just finished (within this training run)
     * @param loss mean of the epoch's minibatch losses
     */
    void epochFinished(int epoch, int totalEpochs, double loss, Duration took) throws IOException;

    EpochListener NONE = (epoch, total, loss, took) -> { };
}
