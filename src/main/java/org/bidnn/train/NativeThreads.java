package org.bidnn.train;

import org.nd4j.linalg.factory.Nd4j;

/**
 * How many threads ND4J's native code (its OpenMP loops and OpenBLAS) starts per operation. They
 * are process-wide settings: a worker sets them to its share of the executor's cores, so that two
 * workers in one executor never each start a thread per core and fight over them.
 */
final class NativeThreads {

    private NativeThreads() {
    }

    /** Sets the thread count; returns the previous one, to restore. */
    static int use(int threads) {
        int previous = current();
        if (threads != previous) {
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
            Nd4j.factory().blas().setMaxThreads(threads);
        }
        return previous;
    }

    static int current() {
        return Nd4j.getEnvironment().maxThreads();
    }
}
