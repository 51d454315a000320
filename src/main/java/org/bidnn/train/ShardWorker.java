package org.bidnn.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.bidnn.model.BiDNNNetwork;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A worker of a distributed training, on its executor: fits its shard's minibatches of one
 * averaging round.
 *
 * <p>What a round does not need to redo stays on the executor between rounds, per training and
 * shard: the shard's rows read out of Spark's cache once into a {@link ShardFile} on local disk
 * (only their offsets in memory, so a shard larger than the executor's memory trains), the
 * epoch's order of them, and the network with its working buffers. This is only a cache:
 * everything in it can be rebuilt from the cached shard and the round's broadcast, and is, when a
 * round's task runs on another executor or the memory was reclaimed (the entries are soft
 * references; a collected entry's file is deleted), so results never depend on where tasks ran.
 * Spark's locality preference for the cached shard normally keeps a shard's rounds on one executor.
 */
final class ShardWorker {

    /** The executor's resident shards; only those of the newest training are kept. */
    private static final Map<String, SoftReference<ShardWorker>> RESIDENT = new ConcurrentHashMap<>();

    private final ShardFile rows;
    private final long[] indices;
    private final BiDNNNetwork network;
    private int orderEpoch = -1;
    private int[] order;

    private ShardWorker(ShardFile rows, String configuration, double learningRateScale) {
        this.rows = rows;
        this.indices = new long[rows.size()];
        Arrays.setAll(indices, this.rows::index);
        MultiLayerNetwork net = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(configuration));
        net.init();
        if (learningRateScale != 1) {
            net.setLearningRate(BiDNNNetwork.wrap(net).optimizer().learningRate() * learningRateScale);
        }
        this.network = BiDNNNetwork.wrap(net);
    }

    /**
     * What every round of one training tells its workers, besides the model state.
     *
     * @param learningRateScale the workers step with this multiple of the model's learning rate
     *                          (see {@link ParameterAveraging} for why)
     */
    record Plan(String trainingId, Broadcast<String> configuration, long seed, int batchSize,
                int averagingFrequency, int threads, boolean threadsOfTask, double learningRateScale)
            implements java.io.Serializable {

        /** The native threads of a worker whose task Spark gave {@code taskCpus} cpus (see {@link TrainingPlan}). */
        int threadsFor(int taskCpus) {
            return threadsOfTask ? Math.max(1, taskCpus) : threads;
        }
    }

    /**
     * Round {@code round} of epoch {@code epoch} on shard {@code shard}: batches
     * {@code round*f .. (round+1)*f - 1} of the shard's epoch order; nothing if the shard has no
     * such batch (the last round of an epoch, on a shard one batch shorter than others).
     */
    static Iterator<RoundResult> round(Plan plan, int shard, Iterator<CompactRow> shardRows,
                                       Broadcast<ModelState> state, int epoch, int round) {
        // Not restored afterwards: a concurrent worker in this executor may be mid-round, and the
        // driver restores its own setting when the training ends (which matters in local mode).
        TaskContext task = TaskContext.get();
        int taskCpus = task == null ? 1 : task.cpus();
        int threads = plan.threadsFor(taskCpus);
        {
            ShardWorker worker = resident(plan, shard, shardRows);
            StepThreads.use(worker.network, threads);
            int batches = worker.rows.size() / plan.batchSize();
            int from = round * plan.averagingFrequency();
            int to = Math.min(batches, from + plan.averagingFrequency());
            if (from >= to) {
                return Collections.emptyIterator();
            }
            long start = System.nanoTime();
            MultiLayerNetwork net = worker.network.network();
            state.value().applyTo(net);
            int[] order = worker.orderFor(plan.seed(), epoch);
            double lossSum = 0;
            for (int b = from; b < to; b++) {
                int[] picked = Arrays.copyOfRange(order, b * plan.batchSize(), (b + 1) * plan.batchSize());
                lossSum += worker.network.fitBatch(worker.rows.gather(picked));
            }
            return List.of(new RoundResult(net, lossSum, to - from, System.nanoTime() - start, taskCpus, threads))
                    .iterator();
        }
    }

    private int[] orderFor(long seed, int epoch) {
        if (epoch != orderEpoch) {
            order = EpochShuffle.order(seed, epoch, indices);
            orderEpoch = epoch;
        }
        return order;
    }

    private static ShardWorker resident(Plan plan, int shard, Iterator<CompactRow> shardRows) {
        String key = plan.trainingId() + "/" + shard;
        SoftReference<ShardWorker> ref = RESIDENT.get(key);
        ShardWorker worker = ref == null ? null : ref.get();
        if (worker == null) {
            // Another training's shards: its tasks may still run here, so their files are deleted
            // only once nothing refers to them (see ShardFile).
            RESIDENT.keySet().removeIf(k -> !k.startsWith(plan.trainingId() + "/"));
            ShardFile rows;
            try {
                rows = ShardFile.write(shardRows);
            } catch (IOException e) {
                throw new UncheckedIOException("writing shard " + shard + " to local disk", e);
            }
            worker = new ShardWorker(rows, plan.configuration().value(), plan.learningRateScale());
            RESIDENT.put(key, new SoftReference<>(worker));
        }
        return worker;
    }

    /** Drops the executor's resident shards of a finished training, and deletes their files. */
    static Iterator<Integer> release(String trainingId, Iterator<CompactRow> ignored) {
        RESIDENT.entrySet().removeIf(e -> {
            if (!e.getKey().startsWith(trainingId + "/")) {
                return false;
            }
            ShardWorker w = e.getValue().get();
            if (w != null) {
                w.rows.close();
            }
            return true;
        });
        return Collections.emptyIterator();
    }
}
