package org.bidnn.train;

import java.io.IOException;
import java.time.Duration;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.bidnn.io.BadInputException;
import org.bidnn.model.BiDNNNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains a BiDNN across Spark executors with Deeplearning4j's synchronous parameter averaging:
 * each worker fits {@code averagingFrequency} minibatches on its own copy of the network, then the
 * driver averages parameters and Nesterov momentum state, and broadcasts them for the next round.
 *
 * <p>Choices that differ from DL4J's defaults, and why:
 * <ul>
 *   <li>{@code saveUpdater(true)}: the momentum state is averaged and carried from round to round,
 *       as in local training (DL4J leaves it off, restarting momentum every round).</li>
 *   <li>{@link RDDTrainingApproach#Direct} with a memory-and-disk storage level: the epoch's
 *       minibatches are built here in {@link EpochShuffle} order; DL4J's default "export" approach
 *       re-batches them into files whose listing order is not the batch order.</li>
 *   <li>One worker gets one averaging round per epoch (averaging a single replica changes nothing),
 *       so its batches keep their order and it trains exactly the model {@link LocalTrainer} does.</li>
 * </ul>
 */
public final class SparkTrainer {

    private final TrainingSettings settings;
    private final SparkTrainingOptions options;

    public SparkTrainer(TrainingSettings settings, SparkTrainingOptions options) {
        this.settings = settings;
        this.options = options;
    }

    /**
     * Trains {@code network} in place for {@code settings.epochs()} more epochs.
     *
     * @param rows training rows {@code [x1 | x2]}, both modalities present
     */
    public void train(JavaSparkContext sc, BiDNNNetwork network, JavaRDD<float[]> rows, EpochListener listener)
            throws IOException {
        if (settings.epochs() == 0) {
            return;
        }
        int workers = options.workers() > 0 ? options.workers() : sc.defaultParallelism();
        int batch = settings.batchSize();
        JavaPairRDD<float[], Long> indexed = rows.zipWithIndex().persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            long count = indexed.count();
            if (count < batch) {
                throw new BadInputException("only " + count + " training rows (rows with both modalities) "
                        + "for a batch size of " + batch + ": use a smaller batch size or more data");
            }
            long batches = count / batch;
            ParameterAveragingTrainingMaster master = trainingMaster(workers, batches);
            SparkDl4jMultiLayer sparkNetwork = new SparkDl4jMultiLayer(sc, network.network(), master);
            int mod1Size = network.architecture().mod1Size();
            int firstEpoch = network.epochsTrained() + 1;
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                long start = System.nanoTime();
                int iterations = network.network().getIterationCount();
                JavaRDD<DataSet> epochBatches = EpochBatches.of(indexed, settings.seed(), firstEpoch + epoch - 1,
                        batch, batches, workers, mod1Size);
                sparkNetwork.fit(epochBatches);
                epochBatches.unpersist(false);
                // DL4J advances the count by the averaging frequency per round; the layer seeds its
                // dropout masks from it, so count the minibatches each worker really fitted.
                // (SparkDl4jMultiLayer.fit counts the epoch itself.)
                network.network().setIterationCount(iterations + (int) Math.ceil((double) batches / workers));
                listener.epochFinished(epoch, settings.epochs(), sparkNetwork.getScore(),
                        Duration.ofNanos(System.nanoTime() - start));
            }
            master.deleteTempFiles(sc);
        } finally {
            indexed.unpersist(false);
        }
    }

    private ParameterAveragingTrainingMaster trainingMaster(int workers, long batches) {
        boolean single = workers == 1;
        // The second argument is the number of examples in each RDD element: our elements are whole
        // minibatches. DL4J sizes its averaging rounds from it, and a worker fits at most
        // averagingFrequency elements per round, dropping the rest, so it must be right.
        return new ParameterAveragingTrainingMaster.Builder(workers, settings.batchSize())
                .batchSizePerWorker(settings.batchSize())
                .averagingFrequency(single ? (int) Math.max(1, batches) : options.averagingFrequency())
                .saveUpdater(true)
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                .storageLevel(StorageLevel.MEMORY_AND_DISK_SER())
                .repartionData(single ? Repartition.Never : Repartition.Always)
                .rngSeed(settings.seed())
                .collectTrainingStats(false)
                .build();
    }
}
