package org.bidnn.train;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.bidnn.model.Trainable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a BiDNN (or a baseline, see {@link Trainable}) on one machine, as the original tool: every epoch shuffles the training rows
 * ({@link EpochShuffle}), cuts them into minibatches (dropping the last partial one) and takes one
 * Nesterov step per batch.
 */
public final class LocalTrainer {

    private final TrainingSettings settings;

    public LocalTrainer(TrainingSettings settings) {
        this.settings = settings;
    }

    /**
     * @param rows training rows {@code [x1 | x2]}, both modalities present
     * @throws IllegalArgumentException when there is not even one batch to train on
     */
    public void train(Trainable network, INDArray rows, EpochListener listener) throws IOException {
        if (settings.epochs() == 0) {
            return;
        }
        int n = (int) rows.rows();
        int batch = settings.batchSize();
        if (n < batch) {
            throw new IllegalArgumentException("only " + n + " training rows (rows with both modalities) "
                    + "for a batch size of " + batch + ": use a smaller batch size (-b) or more data");
        }
        int batches = n / batch;
        int firstEpoch = network.epochsTrained() + 1;
        MinibatchGather gather = new MinibatchGather(rows, batch);
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            long start = System.nanoTime();
            int[] order = order(n, firstEpoch + epoch - 1);
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                lossSum += network.fitBatch(gather.gather(order, b * batch));
            }
            network.markEpochFinished();
            listener.epochFinished(epoch, settings.epochs(), lossSum / batches,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The epoch's order of the rows: by {@link EpochShuffle} key, each key computed once. */
    private int[] order(int n, int absoluteEpoch) {
        EpochShuffle.Key[] keys = new EpochShuffle.Key[n];
        for (int i = 0; i < n; i++) {
            keys[i] = EpochShuffle.key(settings.seed(), absoluteEpoch, i);
        }
        return IntStream.range(0, n).boxed()
                .sorted(Comparator.comparing((Integer i) -> keys[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * Copies the picked rows into one minibatch buffer, reused from batch to batch. The buffer is
     * column-major: each modality is then a contiguous block the network's products read in place.
     */
    static final class MinibatchGather {
        private final INDArray rows;
        private final INDArray batch;
        private final float[] row;
        private final float[] host;
        private final int size;

        MinibatchGather(INDArray rows, int size) {
            this.rows = rows;
            this.size = size;
            boolean direct = rows.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT && rows.ordering() == 'c'
                    && rows.elementWiseStride() == 1 && rows.length() == rows.rows() * rows.columns();
            int width = (int) rows.columns();
            this.batch = direct ? Nd4j.createUninitialized(rows.dataType(), new long[] {size, width}, 'f') : null;
            this.row = direct ? new float[width] : null;
            this.host = direct ? new float[size * width] : null;
        }

        INDArray gather(int[] order, int from) {
            if (batch == null) {
                return Nd4j.pullRows(rows, 1, Arrays.copyOfRange(order, from, from + size));
            }
            var source = rows.data().asNioFloat();
            int offset = (int) rows.offset();
            int width = row.length;
            for (int j = 0; j < size; j++) {
                source.get(offset + order[from + j] * width, row, 0, width);
                for (int c = 0; c < width; c++) {
                    host[c * size + j] = row[c];
                }
            }
            batch.data().asNioFloat().put((int) batch.offset(), host, 0, host.length);
            return batch;
        }
    }
}
