package org.bidnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bidnn.model.layer.BiDNNLayer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The paper's rules for missing modalities, in embedding and in crossmodal mode. */
class SegmentTransformerTest {

    private static final int D1 = 4;
    private static final int D2 = 6;
    private static BiDNNNetwork network;

    private static final float[] BOTH = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1.0f};
    private static final float[] ONLY_1 = {0.1f, 0.2f, 0.3f, 0.4f, 0, 0, 0, 0, 0, 0};
    private static final float[] ONLY_2 = {0, 0, 0, 0, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1.0f};
    private static final float[] NONE = new float[D1 + D2];

    @BeforeAll
    static void network() {
        network = BiDNNNetwork.create(new Architecture(D1, D2, 5, 6, ActivationFunction.TANH, true, 0.5),
                Optimizer.DEFAULT, 9);
    }

    private static BiDNNLayer.Activations reference(float[] row) {
        return network.infer(Nd4j.create(new float[][] {row}));
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void embeddingConcatenatesCentralLayersAndDuplicatesThePresentSide() {
        float[][] out = new SegmentTransformer(network, OutputMode.EMBEDDING, false, false)
                .transform(new float[][] {BOTH, ONLY_1, ONLY_2, NONE});
        BiDNNLayer.Activations both = reference(BOTH);
        assertArrayEquals(concat(both.central1().toFloatVector(), both.central2().toFloatVector()), out[0], 1e-6f);
        float[] h1b = reference(ONLY_1).central1().toFloatVector();
        assertArrayEquals(concat(h1b, h1b), out[1], 1e-6f);
        float[] h2b = reference(ONLY_2).central2().toFloatVector();
        assertArrayEquals(concat(h2b, h2b), out[2], 1e-6f);
        assertEquals(0, out[3].length, "a segment with no modality gets an empty embedding");
        // Inference ignores dropout: the same row gives the same embedding every time.
        assertArrayEquals(out[0], new SegmentTransformer(network, OutputMode.EMBEDDING, false, false)
                .transform(new float[][] {BOTH})[0], 0f);
    }

    @Test
    void embeddingRowsHaveUnitLengthWithL2Norm() {
        float[][] out = new SegmentTransformer(network, OutputMode.EMBEDDING, true, false)
                .transform(new float[][] {BOTH, ONLY_1, ONLY_2, NONE});
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, Nd4j.create(out[i]).norm2Number().doubleValue(), 1e-5);
        }
        assertEquals(0, out[3].length);
    }

    @Test
    void crossmodalFillsTheMissingModalityWithTheTranslationOfThePresentOne() {
        float[][] out = new SegmentTransformer(network, OutputMode.CROSSMODAL, false, false)
                .transform(new float[][] {BOTH, ONLY_1, ONLY_2, NONE});
        assertArrayEquals(BOTH, out[0], 0f);
        float[] o1 = reference(ONLY_1).translation1to2().toFloatVector();
        assertEquals(D2, o1.length);
        assertArrayEquals(concat(java.util.Arrays.copyOf(ONLY_1, D1), o1), out[1], 1e-6f);
        float[] o2 = reference(ONLY_2).translation2to1().toFloatVector();
        assertEquals(D1, o2.length);
        assertArrayEquals(concat(o2, java.util.Arrays.copyOfRange(ONLY_2, D1, D1 + D2)), out[2], 1e-6f);
        assertArrayEquals(NONE, out[3], 0f);
    }

    @Test
    void crossmodalL2NormNormalisesOnlyTheFilledInModality() {
        float[][] out = new SegmentTransformer(network, OutputMode.CROSSMODAL, true, false)
                .transform(new float[][] {BOTH, ONLY_1, ONLY_2});
        assertArrayEquals(BOTH, out[0], 0f);
        assertArrayEquals(java.util.Arrays.copyOf(ONLY_1, D1), java.util.Arrays.copyOf(out[1], D1), 0f);
        assertEquals(1.0, Nd4j.create(java.util.Arrays.copyOfRange(out[1], D1, D1 + D2)).norm2Number().doubleValue(), 1e-5);
        assertEquals(1.0, Nd4j.create(java.util.Arrays.copyOf(out[2], D1)).norm2Number().doubleValue(), 1e-5);
    }

    @Test
    void ignoreZeroesTreatsEveryRowAsComplete() {
        float[][] out = new SegmentTransformer(network, OutputMode.EMBEDDING, false, true)
                .transform(new float[][] {ONLY_1, NONE});
        BiDNNLayer.Activations only1 = reference(ONLY_1);
        assertArrayEquals(concat(only1.central1().toFloatVector(), only1.central2().toFloatVector()), out[0], 1e-6f);
        assertEquals(6, out[1].length);
    }
}
