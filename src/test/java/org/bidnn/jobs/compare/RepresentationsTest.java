package org.bidnn.jobs.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.Optimizer;
import org.bidnn.model.layer.BiDNNLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The six BiDNN representations, against the network's own layers on the rows as they are: which
 * modality each one hides, which central layer it duplicates, which translation it appends.
 */
class RepresentationsTest {

    private static final int D1 = 3;

    /** A complete segment, one with modality 1 only and one with modality 2 only. */
    private static final float[][] ROWS = {
        {0.5f, -1, 2, 1, 0.25f},
        {1, 0.5f, -0.5f, 0, 0},
        {0, 0, 0, -2, 1},
    };

    private final BiDNNNetwork network = BiDNNNetwork.create(
            new Architecture(D1, 2, 5, 4, ActivationFunction.TANH, true, 0), new Optimizer(0.1, 0.9), 11);
    private final BiDNNLayer.Activations act = network.infer(Nd4j.create(ROWS));
    private final Map<Method, Representation> methods = Representations.bidnn(network, false);

    private float[] h1b(int row) {
        return act.central1().getRow(row).toFloatVector();
    }

    private float[] h2b(int row) {
        return act.central2().getRow(row).toFloatVector();
    }

    private float[] o1(int row) {
        return act.translation1to2().getRow(row).toFloatVector();
    }

    private float[] o2(int row) {
        return act.translation2to1().getRow(row).toFloatVector();
    }

    private static float[] x1(int row) {
        return Arrays.copyOfRange(ROWS[row], 0, D1);
    }

    private static float[] x2(int row) {
        return Arrays.copyOfRange(ROWS[row], D1, ROWS[row].length);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return u;
    }

    private float[][] apply(Method m) {
        float[][] copy = Arrays.stream(ROWS).map(float[]::clone).toArray(float[][]::new);
        float[][] out = methods.get(m).apply(copy);
        assertArrayEquals(ROWS, copy, m + " leaves its input alone");
        return out;
    }

    @Test
    void embeddingsOfOneModalityDuplicateItsCentralLayer() {
        float[][] mod1 = apply(Method.BIDNN_EMBEDDING_MOD1);
        assertArrayEquals(concat(h1b(0), h1b(0)), mod1[0], 1e-6f, "modality 2 hidden from a complete segment");
        assertArrayEquals(concat(h1b(1), h1b(1)), mod1[1], 1e-6f);
        assertEquals(0, mod1[2].length, "no modality 1, no embedding");
        float[][] mod2 = apply(Method.BIDNN_EMBEDDING_MOD2);
        assertArrayEquals(concat(h2b(0), h2b(0)), mod2[0], 1e-6f);
        assertEquals(0, mod2[1].length);
        assertArrayEquals(concat(h2b(2), h2b(2)), mod2[2], 1e-6f);
        float[][] both = apply(Method.BIDNN_EMBEDDING_BOTH);
        assertArrayEquals(concat(h1b(0), h2b(0)), both[0], 1e-6f);
        assertArrayEquals(concat(h1b(1), h1b(1)), both[1], 1e-6f);
        assertArrayEquals(concat(h2b(2), h2b(2)), both[2], 1e-6f);
    }

    @Test
    void expansionsAppendTheTranslationEachHalfAtUnitLength() {
        float[][] mod1 = apply(Method.BIDNN_CROSSMODAL_MOD1);
        assertArrayEquals(concat(unit(x1(0)), unit(o1(0))), mod1[0], 1e-6f, "x1 and its translation, not x2");
        assertArrayEquals(concat(unit(x1(1)), unit(o1(1))), mod1[1], 1e-6f);
        assertArrayEquals(new float[5], mod1[2], "no modality 1: nothing to rank by");
        float[][] mod2 = apply(Method.BIDNN_CROSSMODAL_MOD2);
        assertArrayEquals(concat(unit(o2(0)), unit(x2(0))), mod2[0], 1e-6f);
        assertArrayEquals(concat(unit(o2(2)), unit(x2(2))), mod2[2], 1e-6f);
        float[][] both = apply(Method.BIDNN_CROSSMODAL_BOTH);
        assertArrayEquals(concat(unit(x1(0)), unit(x2(0))), both[0], 1e-6f, "complete: as read");
        assertArrayEquals(concat(unit(x1(1)), unit(o1(1))), both[1], 1e-6f, "modality 2 filled in");
        assertArrayEquals(concat(unit(o2(2)), unit(x2(2))), both[2], 1e-6f, "modality 1 filled in");
    }

    @Test
    void rawFeaturesAreOneModalitysColumns() {
        float[][] rows = {ROWS[0].clone()};
        assertArrayEquals(x1(0), Representations.raw(Method.RAW_MOD1, D1).apply(rows)[0]);
        assertArrayEquals(x2(0), Representations.raw(Method.RAW_MOD2, D1).apply(rows)[0]);
    }
}
