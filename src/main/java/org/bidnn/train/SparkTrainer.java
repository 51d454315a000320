package org.bidnn.train;

import java.io.IOException;
import java.util.Iterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.bidnn.model.BiDNNNetwork;

/**
 * Trains a BiDNN on a corpus held by Spark.
 *
 * <ul>
 *   <li>With one worker (the default in local mode, where the driver is the only executor) there is
 *       nothing to average: the rows are read once into the driver, onto its local disk
 *       ({@link ShardFile}), and the driver runs
 *       {@link LocalTrainer}'s loop on them, with ND4J's threads on its cores ({@code local[N]}'s N);
 *       the model is exactly the one {@code bidnn run} trains, with no Spark job and no parameter
 *       transfer per epoch.</li>
 *   <li>With N workers the rows are dealt once to N cached shards ({@link TrainingShards}) and trained
 *       by synchronous parameter averaging ({@link ParameterAveraging}); by default one worker per
 *       executor whose task is given all the executor's cores, with as many native threads
 *       ({@link TrainingPlan}).</li>
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
        TrainingPlan plan = TrainingPlan.of(SparkParallelism.of(sc), options.workers());
        // In local mode the workers are this process: the driver gets its threads back at the end.
        int driverThreads = NativeThreads.current();
        try {
            if (plan.workers() == 1) {
                NativeThreads.use(plan.threads());
                return trainOnDriver(sc, network, rows, plan, listener, costs);
            }
            TrainingShards shards = TrainingShards.deal(rows, plan.workers(), settings.seed(), plan.taskResources());
            try {
                new ParameterAveraging(settings, options.averagingFrequency(), plan).train(sc, network, shards, listener, costs);
                return java.util.Arrays.stream(shards.sizes()).sum();
            } finally {
                shards.release();
            }
        } finally {
            NativeThreads.use(driverThreads);
        }
    }

    private long trainOnDriver(JavaSparkContext sc, BiDNNNetwork network, JavaRDD<float[]> rows, TrainingPlan plan,
                               EpochListener listener, EpochCost.Listener costs) throws IOException {
        // Partition by partition, in order: the running count is zipWithIndex's index, the row's
        // corpus index as the distributed deal numbers it. The rows go to local disk, not to the
        // heap: a corpus larger than the driver's memory trains.
        Iterator<float[]> it = rows.toLocalIterator();
        Iterator<CompactRow> indexed = new Iterator<>() {
            private long index;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public CompactRow next() {
                return CompactRow.of(index++, it.next());
            }
        };
        try (ShardFile all = ShardFile.write(indexed); SparkJobMetrics metrics = new SparkJobMetrics(sc.sc())) {
            SparkJobMetrics.Snapshot[] before = {metrics.snapshot()};
            new LocalTrainer(settings).train(network, all, (epoch, total, loss, took) -> {
                SparkJobMetrics.Snapshot now = metrics.snapshot();
                SparkJobMetrics.Snapshot spent = now.minus(before[0]);
                before[0] = now;
                costs.epochCost(network.epochsTrained(), new EpochCost(spent.jobs(), spent.shuffleBytes(), 1,
                        plan.threads(), plan.cpusPerTask(), 0, 0, 0, 0, 0));
                listener.epochFinished(epoch, total, loss, took);
            });
            return all.size();
        }
    }
}
