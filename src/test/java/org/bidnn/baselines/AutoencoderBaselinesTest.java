package org.bidnn.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Optimizer;
import org.bidnn.model.SegmentEmbedder;
import org.bidnn.model.Trainable;
import org.bidnn.train.LocalTrainer;
import org.bidnn.train.TrainingSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class AutoencoderBaselinesTest {

    private static final AutoencoderSettings SETTINGS = new AutoencoderSettings(8, 6, 16, 8, ActivationFunction.TANH,
            Optimizer.DEFAULT, 0.5, 3);

    private static <T extends Trainable & SegmentEmbedder> T baseline(String kind) {
        @SuppressWarnings("unchecked")
        T model = (T) (kind.equals("concatenated") ? new ConcatenatedAutoencoder(SETTINGS) : new SharedCentralAutoencoder(SETTINGS));
        return model;
    }

    private static INDArray rows(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray z = Nd4j.randn(DataType.FLOAT, n, 3);
        INDArray x1 = Transforms.tanh(z.mmul(Nd4j.randn(DataType.FLOAT, 3, 8)));
        INDArray x2 = Transforms.tanh(z.mmul(Nd4j.randn(DataType.FLOAT, 3, 6)));
        return Nd4j.hstack(x1, x2).muli(0.8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"concatenated", "shared-central"})
    <T extends Trainable & SegmentEmbedder> void lossDecreasesAndEveryAvailabilityGetsAnEmbedding(String kind) throws IOException {
        T model = baseline(kind);
        List<Double> losses = new ArrayList<>();
        new LocalTrainer(new TrainingSettings(25, 32, 1)).train(model, rows(512, 1), (e, t, loss, took) -> losses.add(loss));
        assertEquals(25, model.epochsTrained());
        assertTrue(losses.get(24) < 0.7 * losses.get(0), kind + " losses " + losses.get(0) + " -> " + losses.get(24));

        float[] both = rows(1, 2).toFloatVector();
        float[] only1 = both.clone();
        java.util.Arrays.fill(only1, 8, 14, 0f);
        float[] only2 = both.clone();
        java.util.Arrays.fill(only2, 0, 8, 0f);
        float[][] e = model.embed(new float[][] {both, only1, only2, new float[14]});
        assertEquals(8, e[0].length);
        assertEquals(8, e[1].length);
        assertEquals(8, e[2].length);
        assertEquals(0, e[3].length, "no modality: no embedding");
        assertEquals(8, model.embeddingSize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"concatenated", "shared-central"})
    <T extends Trainable & SegmentEmbedder> void oneSeedTrainsOneModel(String kind) throws IOException {
        Function<String, float[]> trainAndEmbed = k -> {
            T model = baseline(k);
            try {
                new LocalTrainer(new TrainingSettings(2, 32, 1)).train(model, rows(128, 4), org.bidnn.train.EpochListener.NONE);
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
            return model.embed(new float[][] {rows(1, 5).toFloatVector()})[0];
        };
        assertTrue(java.util.Arrays.equals(trainAndEmbed.apply(kind), trainAndEmbed.apply(kind)));
    }
}
