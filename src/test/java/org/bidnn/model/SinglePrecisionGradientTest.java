package org.bidnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bidnn.model.layer.BiDNNLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The single-precision training pass (OpenBLAS's products and column sums on column-major
 * buffers, the float kernels) computes the gradient the double-precision pass does, which the
 * gradient checks hold to finite differences: the same parameters and batch, with and without
 * the directions side by side.
 */
class SinglePrecisionGradientTest {

    @ParameterizedTest
    @CsvSource({"true, false", "false, false", "true, true"})
    void floatGradientEqualsTheCheckedDoubleGradient(boolean tied, boolean parallel) {
        Architecture a = new Architecture(7, 5, 9, 6, ActivationFunction.TANH, tied, 0.0);
        MultiLayerNetwork single = BiDNNNetwork.create(a, Optimizer.DEFAULT, 11, DataType.FLOAT).network();
        MultiLayerNetwork reference = BiDNNNetwork.create(a, Optimizer.DEFAULT, 11, DataType.DOUBLE).network();
        reference.setParams(single.params().castTo(DataType.DOUBLE));
        Nd4j.getRandom().setSeed(4);
        INDArray batch = Nd4j.rand(DataType.FLOAT, 'f', 16, 12).subi(0.5);

        BiDNNLayer singleLayer = layer(single);
        singleLayer.setParallelDirections(parallel);
        double singleLoss = singleLayer.computeGradient(batch);
        double referenceLoss = layer(reference).computeGradient(batch.castTo(DataType.DOUBLE));

        assertEquals(referenceLoss, singleLoss, 1e-6);
        INDArray expected = reference.getFlattenedGradients();
        INDArray difference = single.getFlattenedGradients().castTo(DataType.DOUBLE).sub(expected);
        double relative = difference.norm2Number().doubleValue() / expected.norm2Number().doubleValue();
        assertTrue(relative < 1e-5, "relative difference " + relative);
        assertTrue(expected.norm2Number().doubleValue() > 0.1, "a gradient worth comparing");
    }

    private static BiDNNLayer layer(MultiLayerNetwork network) {
        if (network.getFlattenedGradients() == null) {
            network.initGradientsView();
        }
        return (BiDNNLayer) network.getLayer(0);
    }
}
