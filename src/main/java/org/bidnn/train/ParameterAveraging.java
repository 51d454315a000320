package org.bidnn.train;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.bidnn.model.BiDNNNetwork;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Synchronous parameter averaging on Spark, the pattern of MLlib's own optimisers: each round
 * broadcasts the parameters and the optimiser state, every worker fits its next
 * {@code averagingFrequency} minibatches of its shard ({@link ShardWorker}, in
 * {@code mapPartitions}), and {@code treeAggregate} sums what they send back; the driver averages.
 *
 * <p>Written here rather than through DL4J's {@code ParameterAveragingTrainingMaster}, which per
 * round re-creates the network in the task, re-counts and repartitions its input, and ships
 * arrays through ND4J's element-at-a-time serializer; and which cannot train on a shard that stays
 * where it is cached while the epoch order changes within it.
 *
 * <p>An epoch is one pass over every shard: each worker fits its shard's whole minibatches (the
 * last partial one dropped) in its epoch order, {@code averagingFrequency} per round; a shard one
 * batch short sits out the epoch's last round.
 *
 * <p>The schedule: with N workers an epoch takes about 1/N as many averaged steps as one worker's
 * epoch, each the average of N workers' steps on different batches (an N-times larger effective
 * batch). So that a model is as good after E epochs whatever N is, the workers step with N times
 * the learning rate (the linear scaling rule of large-batch SGD; Goyal et al., 2017). Measured on
 * the sample hyperlinking set (hidden 128, embedding 64, 30 epochs, averaging every 5 batches),
 * MAP of the multimodal embedding: {@code run} 0.5116; 2 workers 0.4991 unscaled, 0.5067 with
 * 1.5x, 0.5135 with 2x; 4 workers 0.4996 with 2x, 0.5116 with 4x. The saved model keeps the
 * learning rate it was given; only the workers' copies step faster. With many workers, N x the
 * learning rate may be past what the model tolerates: lower {@code --learning-rate} then.
 */
final class ParameterAveraging {

    private final TrainingSettings settings;
    private final int averagingFrequency;
    private final TrainingPlan plan;

    ParameterAveraging(TrainingSettings settings, int averagingFrequency, TrainingPlan plan) {
        this.settings = settings;
        this.averagingFrequency = averagingFrequency;
        this.plan = plan;
    }

    void train(JavaSparkContext sc, BiDNNNetwork network, TrainingShards shards, EpochListener listener,
               EpochCost.Listener costs) throws IOException {
        long[] sizes = shards.sizes();
        int batch = settings.batchSize();
        long smallest = Arrays.stream(sizes).min().orElse(0);
        if (smallest < batch) {
            throw new TooFewTrainingRowsException("only " + smallest + " training rows (rows with both modalities) "
                    + "for a worker, for a batch size of " + batch + ": use fewer workers, a smaller batch size or more data");
        }
        long mostBatches = Arrays.stream(sizes).max().orElse(0) / batch;
        int rounds = (int) ((mostBatches + averagingFrequency - 1) / averagingFrequency);
        MultiLayerNetwork net = network.network();
        net.getUpdater(); // created now, so that its state is part of the first broadcast
        String trainingId = UUID.randomUUID().toString();
        Broadcast<String> configuration = sc.broadcast(net.getLayerWiseConfigurations().toJson());
        ShardWorker.Plan worker = new ShardWorker.Plan(trainingId, configuration, settings.seed(), batch,
                averagingFrequency, plan.threads(), plan.threadsOfTask(), sizes.length);
        int firstEpoch = network.epochsTrained() + 1;
        try (SparkJobMetrics metrics = new SparkJobMetrics(sc.sc())) {
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                SparkJobMetrics.Snapshot before = metrics.snapshot();
                long start = System.nanoTime();
                int absoluteEpoch = firstEpoch + epoch - 1;
                double lossSum = 0;
                long batches = 0;
                long computeNanos = 0;
                long broadcastBytes = 0;
                int threads = 0;
                int taskCpus = 0;
                for (int round = 0; round < rounds; round++) {
                    ModelState modelState = new ModelState(net);
                    broadcastBytes = modelState.bytes();
                    Broadcast<ModelState> state = sc.broadcast(modelState);
                    int r = round;
                    RoundResult result = shards.rows()
                            .mapPartitionsWithIndex((shard, rows) -> ShardWorker.round(worker, shard, rows, state, absoluteEpoch, r), true)
                            .treeAggregate(new RoundResult(), RoundResult::plus, RoundResult::plus, 2);
                    state.destroy();
                    result.averageInto(net);
                    net.setIterationCount(net.getIterationCount() + result.maxBatches());
                    lossSum += result.lossSum();
                    batches += result.batches();
                    computeNanos += result.maxComputeNanos();
                    threads = Math.max(threads, result.maxThreads());
                    taskCpus = Math.max(taskCpus, result.maxTaskCpus());
                }
                net.incrementEpochCount();
                long took = System.nanoTime() - start;
                SparkJobMetrics.Snapshot spent = metrics.snapshot().minus(before);
                costs.epochCost(network.epochsTrained(), new EpochCost(spent.jobs(), spent.shuffleBytes(), sizes.length,
                        threads, taskCpus, rounds, broadcastBytes, spent.resultBytes() / rounds, computeNanos / 1e9 / rounds,
                        (took - computeNanos) / 1e9 / rounds));
                listener.epochFinished(epoch, settings.epochs(), lossSum / batches, Duration.ofNanos(took));
            }
        } finally {
            shards.rows().mapPartitions(rows -> ShardWorker.release(trainingId, rows)).count();
            configuration.destroy();
        }
    }
}
