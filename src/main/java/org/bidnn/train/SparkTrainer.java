package org.bidnn.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.bidnn.model.BiDNNNetwork;

/**
 * Trains a BiDNN on a corpus held by Spark.
 *
 * <ul>
 *   <li>With one worker (the default in local mode, where the driver is the only executor) there is
 *       nothing to average: the rows are read once into the driver, compactly, and the driver runs
 *       {@link LocalTrainer}'s loop on them, with ND4J's threads on all its cores; the model is exactly
 *       the one {@code bidnn run} trains, with no Spark job and no parameter transfer per epoch.</li>
 *   <li>With N workers the rows are dealt once to N cached shards ({@link TrainingShards}) and trained
 *       by synchronous parameter averaging ({@link ParameterAveraging}); each worker's ND4J uses its
 *       share of its executor's cores.</li>
 * </ul>
 */
public final class SparkTrainer {

    private final TrainingSettings settings;
    private final SparkTrainingOptions options;

    public SparkTrainer(TrainingSettings settings, SparkTrainingOptions options) {
        this.settings = settings;
        this.options = options;
    }

    /** As {@link #train(JavaSparkContext, BiDNNNetwork, JavaRDD, EpochListener, EpochCost.Listener)}, without costs. */
    public long train(JavaSparkContext sc, BiDNNNetwork network, JavaRDD<float[]> rows, EpochListener listener)
            throws IOException {
        return train(sc, network, rows, listener, EpochCost.Listener.NONE);
    }

    /**
     * Trains {@code network} in place for {@code settings.epochs()} more epochs.
     *
     * @param rows training rows {@code [x1 | x2]}, both modalities present
     * @return the number of training rows, or -1 when there was no epoch to train and they were not read
     */
    public long train(JavaSparkContext sc, BiDNNNetwork network, JavaRDD<float[]> rows, EpochListener listener,
                      EpochCost.Listener costs) throws IOException {
        if (settings.epochs() == 0) {
            return -1;
        }
        SparkParallelism parallelism = SparkParallelism.of(sc);
        int workers = options.workers() > 0 ? options.workers() : parallelism.executors();
        if (workers == 1) {
            return trainOnDriver(sc, network, rows, listener, costs);
        }
        int driverThreads = NativeThreads.current();
        TrainingShards shards = TrainingShards.deal(rows, workers, settings.seed());
        try {
            new ParameterAveraging(settings, options.averagingFrequency(), parallelism.threadsPerWorker(workers))
                    .train(sc, network, shards, listener, costs);
            return java.util.Arrays.stream(shards.sizes()).sum();
        } finally {
            shards.release();
            // In local mode the workers are this process: give the driver its threads back.
            NativeThreads.use(driverThreads);
        }
    }

    private long trainOnDriver(JavaSparkContext sc, BiDNNNetwork network, JavaRDD<float[]> rows,
                               EpochListener listener, EpochCost.Listener costs) throws IOException {
        // Partition by partition, in order: the running count is zipWithIndex's index, the row's
        // corpus index as the distributed deal numbers it.
        List<CompactRow> all = new ArrayList<>();
        Iterator<float[]> it = rows.toLocalIterator();
        for (long index = 0; it.hasNext(); index++) {
            all.add(CompactRow.of(index, it.next()));
        }
        try (SparkJobMetrics metrics = new SparkJobMetrics(sc.sc())) {
            SparkJobMetrics.Snapshot[] before = {metrics.snapshot()};
            new LocalTrainer(settings).train(network, TrainingRowSet.of(all), (epoch, total, loss, took) -> {
                SparkJobMetrics.Snapshot now = metrics.snapshot();
                SparkJobMetrics.Snapshot spent = now.minus(before[0]);
                before[0] = now;
                costs.epochCost(network.epochsTrained(), new EpochCost(spent.jobs(), spent.shuffleBytes(), 1, 0, 0, 0, 0, 0));
                listener.epochFinished(epoch, total, loss, took);
            });
        }
        return all.size();
    }
}
