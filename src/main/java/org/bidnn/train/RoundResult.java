package org.bidnn.train;

import java.io.Serializable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the workers of an averaging round send back, summed as Spark's {@code treeAggregate}
 * combines them: parameters and optimiser state (summed, to be divided by {@link #workers}), the
 * minibatch losses, and the longest time a worker spent fitting.
 *
 * <p>Sums of two or more workers are kept in double precision. Spark combines results in the order
 * they arrive, and float addition is not associative: in double, the sum of a few float arrays is
 * exact (for values whose magnitudes are within 2^29 of each other, as replicas of one parameter
 * are), so the average, rounded once to float, does not depend on the order and the same seed with
 * the same worker count trains the same model.
 */
final class RoundResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private INDArray params;
    private INDArray updaterState;
    private int workers;
    private double lossSum;
    private int batches;
    private int maxBatches;
    private long maxComputeNanos;
    private int maxTaskCpus;
    private int maxThreads;

    /** The zero of the aggregation: no worker. */
    RoundResult() {
    }

    /**
     * One worker's result: views of its network's arrays, serialised as they are when the task
     * ends; the cpus Spark gave its task and the native threads it fitted with.
     */
    RoundResult(MultiLayerNetwork network, double lossSum, int batches, long computeNanos, int taskCpus, int threads) {
        this.params = network.params();
        this.updaterState = network.getUpdater().getStateViewArray();
        this.workers = 1;
        this.lossSum = lossSum;
        this.batches = batches;
        this.maxBatches = batches;
        this.maxComputeNanos = computeNanos;
        this.maxTaskCpus = taskCpus;
        this.maxThreads = threads;
    }

    /**
     * The sum of {@code a} and {@code b}. Never writes into a one-worker result (it may be a view of
     * a worker's network); writes into {@code a} only when it already holds a double-precision sum.
     */
    static RoundResult plus(RoundResult a, RoundResult b) {
        if (a.workers == 0) {
            return b;
        }
        if (b.workers == 0) {
            return a;
        }
        RoundResult sum = new RoundResult();
        sum.params = accumulate(a.params, a.workers, b.params);
        sum.updaterState = accumulate(a.updaterState, a.workers, b.updaterState);
        sum.workers = a.workers + b.workers;
        sum.lossSum = a.lossSum + b.lossSum;
        sum.batches = a.batches + b.batches;
        sum.maxBatches = Math.max(a.maxBatches, b.maxBatches);
        sum.maxComputeNanos = Math.max(a.maxComputeNanos, b.maxComputeNanos);
        sum.maxTaskCpus = Math.max(a.maxTaskCpus, b.maxTaskCpus);
        sum.maxThreads = Math.max(a.maxThreads, b.maxThreads);
        return sum;
    }

    private static INDArray accumulate(INDArray a, int aWorkers, INDArray b) {
        INDArray total = aWorkers > 1 ? a : a.dataType() == DataType.DOUBLE ? a.dup() : a.castTo(DataType.DOUBLE);
        return total.addi(b.dataType() == DataType.DOUBLE ? b : b.castTo(DataType.DOUBLE));
    }

    /** Sets {@code network}'s parameters and optimiser state to the workers' averages. */
    void averageInto(MultiLayerNetwork network) {
        DataType type = network.params().dataType();
        network.setParams(params.div(workers).castTo(type));
        network.getUpdater().getStateViewArray().assign(updaterState.div(workers).castTo(type));
    }

    int workers() {
        return workers;
    }

    double lossSum() {
        return lossSum;
    }

    int batches() {
        return batches;
    }

    int maxBatches() {
        return maxBatches;
    }

    long maxComputeNanos() {
        return maxComputeNanos;
    }

    /** The most cpus Spark gave a worker's task. */
    int maxTaskCpus() {
        return maxTaskCpus;
    }

    /** The most native threads a worker fitted with. */
    int maxThreads() {
        return maxThreads;
    }
}
