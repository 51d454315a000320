package org.bidnn.train;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads ND4J's native code starts per operation: OpenBLAS (the matrix products, most
 * of a training step), OpenMP, and libnd4j's own parallel loops ("master threads"). They are
 * process-wide settings: a worker sets them to the cpus its task was given, so that two workers in
 * one executor never each start a thread per core and fight over them.
 *
 * <p>OpenBLAS's and OpenMP's counts can be raised and lowered at any time. libnd4j's
 * {@code maxThreads} is fixed when the library loads, from {@code OMP_NUM_THREADS} (which Spark
 * sets to {@code spark.task.cpus}, 1, in an executor's environment unless
 * {@code spark.executorEnv.OMP_NUM_THREADS} says otherwise) or the machine's cores, and its
 * {@code setMaxThreads} does nothing in 1.0.0-M2: it caps the master threads, and only those.
 */
final class NativeThreads {

    private NativeThreads() {
    }

    /** Sets the thread count; returns the previous one, to restore. */
    static int use(int threads) {
        int previous = current();
        int wanted = Math.max(1, threads);
        Nd4j.factory().blas().setMaxThreads(wanted);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(wanted);
        Nd4j.getEnvironment().setMaxMasterThreads(Math.min(wanted, Nd4j.getEnvironment().maxThreads()));
        return previous;
    }

    /** The threads of ND4J's matrix products now. */
    static int current() {
        return Nd4j.factory().blas().getMaxThreads();
    }
}
