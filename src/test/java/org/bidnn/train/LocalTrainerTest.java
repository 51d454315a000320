package org.bidnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.Optimizer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LocalTrainerTest {

    private static final Architecture ARCH = new Architecture(8, 6, 16, 8, ActivationFunction.TANH, true, 0.2);

    /** Modality 2 is a fixed nonlinear function of a latent factor that also drives modality 1. */
    static INDArray correlatedRows(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray z = Nd4j.randn(DataType.FLOAT, n, 3);
        INDArray x1 = org.nd4j.linalg.ops.transforms.Transforms.tanh(z.mmul(Nd4j.randn(DataType.FLOAT, 3, 8)));
        INDArray x2 = org.nd4j.linalg.ops.transforms.Transforms.tanh(z.mmul(Nd4j.randn(DataType.FLOAT, 3, 6)));
        return Nd4j.hstack(x1, x2).muli(0.8);
    }

    @Test
    void lossDecreasesOnCorrelatedData() throws IOException {
        INDArray rows = correlatedRows(512, 1);
        BiDNNNetwork net = BiDNNNetwork.create(ARCH, Optimizer.DEFAULT, 1);
        double before = net.loss(rows);
        List<Double> losses = new ArrayList<>();
        new LocalTrainer(new TrainingSettings(40, 32, 1)).train(net, rows, (e, total, loss, took) -> losses.add(loss));
        double after = net.loss(rows);
        assertEquals(40, losses.size());
        assertEquals(40, net.epochsTrained());
        assertTrue(after < 0.5 * before, "loss " + before + " -> " + after);
        assertTrue(losses.get(39) < losses.get(0), "epoch losses " + losses);
    }

    @Test
    void sameSeedTrainsTheSameModel() throws IOException {
        INDArray rows = correlatedRows(96, 2);
        BiDNNNetwork a = BiDNNNetwork.create(ARCH, Optimizer.DEFAULT, 3);
        BiDNNNetwork b = BiDNNNetwork.create(ARCH, Optimizer.DEFAULT, 3);
        new LocalTrainer(new TrainingSettings(3, 32, 4)).train(a, rows, EpochListener.NONE);
        new LocalTrainer(new TrainingSettings(3, 32, 4)).train(b, rows, EpochListener.NONE);
        assertTrue(a.network().params().equals(b.network().params()), "same parameters");
    }

    @Test
    void twoThreadsRunTheDirectionsSideBySideAndTrainTheSameModelToTheBit() throws IOException {
        INDArray rows = correlatedRows(160, 5);
        int threads = NativeThreads.current();
        try {
            BiDNNNetwork split = BiDNNNetwork.create(ARCH, Optimizer.DEFAULT, 7);
            BiDNNNetwork sequential = BiDNNNetwork.create(ARCH, Optimizer.DEFAULT, 7);
            List<Integer> threadsDuringSplit = new ArrayList<>();
            NativeThreads.use(2);
            new LocalTrainer(new TrainingSettings(4, 32, 4)).train(split, rows,
                    (e, total, loss, took) -> threadsDuringSplit.add(NativeThreads.current()));
            assertEquals(List.of(1, 1, 1, 1), threadsDuringSplit, "single-threaded products while split");
            assertEquals(2, NativeThreads.current(), "the trainer's threads given back");
            NativeThreads.use(1);
            new LocalTrainer(new TrainingSettings(4, 32, 4)).train(sequential, rows, EpochListener.NONE);
            assertEquals(sequential.network().params(), split.network().params());
            assertEquals(sequential.network().score(), split.network().score());
        } finally {
            NativeThreads.use(threads);
        }
    }

    @Test
    void lastPartialBatchIsDropped() throws IOException {
        INDArray rows = correlatedRows(70, 3);
        BiDNNNetwork net = BiDNNNetwork.create(ARCH, Optimizer.DEFAULT, 3);
        new LocalTrainer(new TrainingSettings(2, 32, 4)).train(net, rows, EpochListener.NONE);
        assertEquals(4, net.network().getIterationCount(), "70 rows in batches of 32: 2 steps per epoch");
    }

    @Test
    void tooFewRowsForOneBatchIsAClearError() {
        INDArray rows = correlatedRows(10, 3);
        BiDNNNetwork net = BiDNNNetwork.create(ARCH, Optimizer.DEFAULT, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LocalTrainer(new TrainingSettings(1, 128, 4)).train(net, rows, EpochListener.NONE));
        assertTrue(e.getMessage().contains("only 10 training rows") && e.getMessage().contains("128"), e.getMessage());
    }

    @Test
    void zeroEpochsTrainsNothing() throws IOException {
        INDArray rows = correlatedRows(10, 3);
        BiDNNNetwork net = BiDNNNetwork.create(ARCH, Optimizer.DEFAULT, 3);
        INDArray before = net.network().params().dup();
        new LocalTrainer(new TrainingSettings(0, 128, 4)).train(net, rows, EpochListener.NONE);
        assertTrue(before.equals(net.network().params()), "parameters unchanged");
    }
}
