package org.bidnn.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model the local trainer can train: BiDNN itself, and the autoencoder baselines it is
 * compared with, all learn from minibatches of complete rows {@code [x1 | x2]}.
 */
public interface Trainable {

    /** One optimiser step on a minibatch; returns the minibatch loss before the step. */
    double fitBatch(INDArray rows);

    /** Epochs of training seen so far (the shuffle of the next epoch depends on it). */
    int epochsTrained();

    void markEpochFinished();

    /**
     * Asks the model to run its steps on two threads, each calling single-threaded native code, or
     * (false) on the caller's thread alone; returns whether it will. A model that cannot split a
     * step returns false and leaves all threads to its native code.
     */
    default boolean splitSteps(boolean split) {
        return false;
    }
}
