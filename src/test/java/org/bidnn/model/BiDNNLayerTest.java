package org.bidnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.bidnn.model.layer.BiDNNLayer;
import org.bidnn.model.layer.ParamKeys;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

class BiDNNLayerTest {

    private static final int D1 = 5;
    private static final int D2 = 3;
    private static final int HIDDEN = 4;
    private static final int EMBEDDING = 6;

    private static DataType previousDefault;

    @BeforeAll
    static void doublePrecision() {
        // DL4J's gradient check refuses to run unless double is the global default type.
        previousDefault = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterAll
    static void restorePrecision() {
        Nd4j.setDefaultDataTypes(previousDefault, previousDefault);
    }

    private static Architecture architecture(ActivationFunction f, boolean tied, double dropout) {
        return new Architecture(D1, D2, HIDDEN, EMBEDDING, f, tied, dropout);
    }

    /** Random inputs in (0.1, 1): away from ReLU's kink at 0 for the finite differences. */
    private static INDArray inputs(int rows, DataType type, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(type, rows, D1 + D2).muli(0.9).addi(0.1);
    }

    @ParameterizedTest(name = "{0}, tied={1}, dropout={2}")
    @CsvSource({
        "TANH, true, 0.0", "TANH, false, 0.0", "TANH, true, 0.3", "TANH, false, 0.3",
        "SIGMOID, true, 0.0", "SIGMOID, false, 0.3",
        "RELU, true, 0.0", "RELU, false, 0.3",
        "LINEAR, true, 0.0", "LINEAR, false, 0.3"})
    void gradientsMatchFiniteDifferences(ActivationFunction f, boolean tied, double dropout) {
        // DL4J's gradient check requires the plain gradient (no optimiser state).
        MultiLayerConfiguration conf = BiDNNNetwork.configuration(architecture(f, tied, dropout),
                new NoOp(), 42, DataType.DOUBLE);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        // Biases start at zero; move them so that their gradients are checked in general position.
        net.params().addi(Nd4j.rand(DataType.DOUBLE, net.params().shape()).subi(0.5).muli(0.2));
        INDArray in = inputs(7, DataType.DOUBLE, 7);
        INDArray labels = BiDNNNetwork.wrap(net).targetsFor(in);

        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                .net(net).input(in).labels(labels)
                // The layer draws the same dropout masks for every pass of one iteration.
                .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9));
        assertTrue(ok, "gradient check failed");
    }

    @Test
    void forwardPassEqualsHandComputation() {
        BiDNNNetwork net = BiDNNNetwork.create(architecture(ActivationFunction.TANH, true, 0.2),
                Optimizer.DEFAULT, 3, DataType.DOUBLE);
        net.network().params().addi(Nd4j.rand(DataType.DOUBLE, net.network().params().shape()).subi(0.5));
        Map<String, INDArray> p = net.network().getLayer(0).paramTable();
        INDArray in = inputs(2, DataType.DOUBLE, 11);
        BiDNNLayer.Activations act = net.infer(in);

        for (int row = 0; row < 2; row++) {
            double[] x1 = slice(in.getRow(row).toDoubleVector(), 0, D1);
            double[] x2 = slice(in.getRow(row).toDoubleVector(), D1, D1 + D2);
            double[] h1a = dense(x1, m(p, ParamKeys.W1A), v(p, ParamKeys.B1A));
            double[] h1b = dense(h1a, m(p, ParamKeys.W2), v(p, ParamKeys.B1B));
            double[] h1c = dense(h1b, m(p, ParamKeys.W3), v(p, ParamKeys.B1C));
            double[] o1 = dense(h1c, m(p, ParamKeys.W1O), v(p, ParamKeys.B1O));
            double[] h2a = dense(x2, m(p, ParamKeys.W2A), v(p, ParamKeys.B2A));
            double[] h2b = dense(h2a, transpose(m(p, ParamKeys.W3)), v(p, ParamKeys.B2B));
            double[] h2c = dense(h2b, transpose(m(p, ParamKeys.W2)), v(p, ParamKeys.B2C));
            double[] o2 = dense(h2c, m(p, ParamKeys.W2O), v(p, ParamKeys.B2O));
            assertArrayEquals(h1b, act.central1().getRow(row).toDoubleVector(), 1e-12);
            assertArrayEquals(h2b, act.central2().getRow(row).toDoubleVector(), 1e-12);
            assertArrayEquals(o1, act.translation1to2().getRow(row).toDoubleVector(), 1e-12);
            assertArrayEquals(o2, act.translation2to1().getRow(row).toDoubleVector(), 1e-12);
        }
    }

    @Test
    void tiedNetworkStoresTheCentralWeightsOnceAndBothDirectionsUseThem() {
        BiDNNNetwork tied = BiDNNNetwork.create(architecture(ActivationFunction.TANH, true, 0), Optimizer.DEFAULT, 1);
        BiDNNNetwork untied = BiDNNNetwork.create(architecture(ActivationFunction.TANH, false, 0), Optimizer.DEFAULT, 1);
        long centralWeights = 2L * HIDDEN * (EMBEDDING / 2);
        assertEquals(centralWeights, untied.network().numParams() - tied.network().numParams());
        assertTrue(!tied.network().paramTable().containsKey("0_" + ParamKeys.W2_UNTIED));

        INDArray in = inputs(3, DataType.FLOAT, 5);
        BiDNNLayer.Activations before = tied.infer(in);
        tied.network().getLayer(0).getParam(ParamKeys.W2).addi(0.5);
        BiDNNLayer.Activations after = tied.infer(in);
        // W2 is direction 1's central step and direction 2's third step: both translations move.
        assertFalse(before.central1().equals(after.central1()), "h1b moves");
        assertFalse(before.translation1to2().equals(after.translation1to2()), "o1 moves");
        assertFalse(before.translation2to1().equals(after.translation2to1()), "o2 moves");
        // ...but not direction 2's central layer, which W2 does not reach.
        assertTrue(before.central2().equals(after.central2()), "direction 2's central layer unchanged");
    }

    @Test
    void dropoutMasksDependOnSeedAndIterationOnly() {
        Architecture a = new Architecture(D1, D2, HIDDEN, 400, ActivationFunction.TANH, true, 0.3);
        BiDNNNetwork one = BiDNNNetwork.create(a, Optimizer.DEFAULT, 8);
        BiDNNNetwork two = BiDNNNetwork.create(a, Optimizer.DEFAULT, 8);
        INDArray in = inputs(4, DataType.FLOAT, 2);
        INDArray first = trainingOutput(one, in, 5);
        Nd4j.getRandom().setSeed(999); // the shared generator's state must not matter
        assertTrue(first.equals(trainingOutput(two, in, 5)), "same seed and iteration: same masks");
        assertFalse(first.equals(trainingOutput(one, in, 6)), "next iteration: new masks");
        assertFalse(trainingOutput(one, in, 5).equals(one.infer(in).translation1to2()), "no dropout at inference");
    }

    private static INDArray trainingOutput(BiDNNNetwork net, INDArray in, int iteration) {
        org.deeplearning4j.nn.api.Layer layer = net.network().getLayer(0);
        layer.setIterationCount(iteration);
        layer.setInput(in, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
        INDArray out = layer.activate(true, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
        return out.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, D2)).dup();
    }

    @Test
    void parametersAreViewsOfTheOneFlatVector() {
        BiDNNNetwork net = BiDNNNetwork.create(architecture(ActivationFunction.TANH, true, 0), Optimizer.DEFAULT, 1);
        INDArray w2 = net.network().getLayer(0).getParam(ParamKeys.W2);
        net.network().params().assign(7);
        assertEquals(7.0, w2.getDouble(0, 0), 0);
        assertSame(w2, net.network().getLayer(0).getParam(ParamKeys.W2));
    }

    private static double[] slice(double[] v, int from, int to) {
        return java.util.Arrays.copyOfRange(v, from, to);
    }

    private static double[][] m(Map<String, INDArray> p, String key) {
        return p.get(key).toDoubleMatrix();
    }

    private static double[] v(Map<String, INDArray> p, String key) {
        return p.get(key).toDoubleVector();
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** tanh(x · W + b) with plain loops. */
    private static double[] dense(double[] x, double[][] w, double[] b) {
        double[] out = new double[w[0].length];
        for (int j = 0; j < out.length; j++) {
            double s = b[j];
            for (int i = 0; i < x.length; i++) {
                s += x[i] * w[i][j];
            }
            out[j] = Math.tanh(s);
        }
        return out;
    }
}
