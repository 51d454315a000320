package org.bidnn.train;

import org.bidnn.model.Trainable;

/**
 * How a trainer spends the native threads it was given on each step. With exactly two, a model
 * that can ({@link Trainable#splitSteps}) runs its step as two halves side by side, each with
 * single-threaded products; otherwise the products get every thread.
 *
 * <p>Why: at the paper's sizes a product (128 × 200 × 200) is too small for two threads to share
 * well, and between products the element-wise loops leave the second core idle. On 2 cores the
 * BiDNN's two directions side by side trained the paper's model 1.2 to 1.35 times faster than one
 * direction after the other with two-threaded products (an epoch of 64 batches in 0.073 to 0.085 s
 * against 0.100 s), and the README's 1.07 times (bench/RESULTS.md). Not tried with more threads,
 * where two concurrent multi-threaded products would share OpenBLAS's one thread pool: there the
 * products keep them all.
 */
final class StepThreads {

    private StepThreads() {
    }

    /** Sets ND4J's threads and the model's way of stepping for a trainer given {@code threads}. */
    static void use(Trainable network, int threads) {
        boolean split = network.splitSteps(threads == 2);
        NativeThreads.use(split ? 1 : threads);
    }

    /** Puts back what {@link #use} changed: {@code threads} native threads, steps on one thread. */
    static void restore(Trainable network, int threads) {
        network.splitSteps(false);
        NativeThreads.use(threads);
    }
}
