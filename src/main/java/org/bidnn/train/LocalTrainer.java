package org.bidnn.train;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import org.bidnn.io.BadInputException;
import org.bidnn.model.Trainable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a BiDNN (or a baseline, see {@link Trainable}) on one machine, as the original tool: every epoch shuffles the training rows
 * ({@link EpochShuffle}), cuts them into minibatches (dropping the last partial one) and takes one
 * Nesterov step per batch. A one-worker {@code bidnn train} runs this same loop.
 */
public final class LocalTrainer {

    private final TrainingSettings settings;

    public LocalTrainer(TrainingSettings settings) {
        this.settings = settings;
    }

    /**
     * @param rows training rows {@code [x1 | x2]}, both modalities present
     * @throws BadInputException when there is not even one batch to train on
     */
    public void train(Trainable network, INDArray rows, EpochListener listener) throws IOException {
        train(network, TrainingRowSet.of(rows), listener);
    }

    void train(Trainable network, TrainingRowSet rows, EpochListener listener) throws IOException {
        if (settings.epochs() == 0) {
            return;
        }
        int n = rows.size();
        int batch = settings.batchSize();
        if (n < batch) {
            throw new TooFewTrainingRowsException("only " + n + " training rows (rows with both modalities) "
                    + "for a batch size of " + batch + ": use a smaller batch size (-b) or more data");
        }
        long[] indices = new long[n];
        Arrays.setAll(indices, rows::index);
        int batches = n / batch;
        int firstEpoch = network.epochsTrained() + 1;
        int threads = NativeThreads.current();
        StepThreads.use(network, threads);
        try {
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                long start = System.nanoTime();
                int[] order = EpochShuffle.order(settings.seed(), firstEpoch + epoch - 1, indices);
                double lossSum = 0;
                for (int b = 0; b < batches; b++) {
                    lossSum += network.fitBatch(rows.gather(Arrays.copyOfRange(order, b * batch, (b + 1) * batch)));
                }
                network.markEpochFinished();
                listener.epochFinished(epoch, settings.epochs(), lossSum / batches,
                        Duration.ofNanos(System.nanoTime() - start));
            }
        } finally {
            StepThreads.restore(network, threads);
        }
    }
}
