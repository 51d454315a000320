package org.bidnn.baselines;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Zeroes one modality of a seeded random share of a minibatch's rows (the autoencoders' inputs). */
final class ModalityDropout {

    private final int mod1Size;
    private final double rate;
    private final Random random;

    ModalityDropout(int mod1Size, double rate, long seed) {
        this.mod1Size = mod1Size;
        this.rate = rate;
        this.random = new Random(seed);
    }

    /** A corrupted copy of {@code rows}: each row keeps both modalities, or loses one of them. */
    INDArray apply(INDArray rows) {
        INDArray corrupted = rows.dup();
        long width = rows.columns();
        for (int i = 0; i < rows.rows(); i++) {
            if (random.nextDouble() < rate) {
                boolean dropFirst = random.nextBoolean();
                corrupted.get(NDArrayIndex.point(i), dropFirst ? NDArrayIndex.interval(0, mod1Size)
                        : NDArrayIndex.interval(mod1Size, width)).assign(0);
            }
        }
        return corrupted;
    }
}
