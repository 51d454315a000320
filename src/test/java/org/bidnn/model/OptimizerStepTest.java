package org.bidnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Training steps follow SGD with Nesterov momentum: v = mu v - lr g; p += mu v - lr g. */
class OptimizerStepTest {

    @Test
    void twoStepsMatchTheNesterovFormula() {
        double lr = 0.1;
        double mu = 0.9;
        Architecture a = new Architecture(3, 2, 4, 2, ActivationFunction.TANH, true, 0.0);
        BiDNNNetwork net = BiDNNNetwork.create(a, new Optimizer(lr, mu), 5, DataType.DOUBLE);
        MultiLayerNetwork dl4j = net.network();
        Nd4j.getRandom().setSeed(3);
        INDArray rows = Nd4j.rand(DataType.DOUBLE, 8, 5);
        DataSet data = new DataSet(rows, net.targetsFor(rows));

        INDArray p = dl4j.params().dup();
        INDArray v = Nd4j.zeros(DataType.DOUBLE, p.shape());
        for (int step = 0; step < 2; step++) {
            // DL4J's gradients are sums over the minibatch; its updater divides them by the batch size.
            INDArray g = gradientAt(dl4j, data).div(rows.rows());
            v = v.mul(mu).sub(g.mul(lr));
            INDArray expected = p.add(v.mul(mu)).sub(g.mul(lr));
            net.fitBatch(rows);
            INDArray actual = dl4j.params();
            assertEquals(0.0, expected.sub(actual).norm2Number().doubleValue(), 1e-9, "step " + step);
            p = actual.dup();
        }
    }

    private static INDArray gradientAt(MultiLayerNetwork net, DataSet data) {
        net.setInput(data.getFeatures());
        net.setLabels(data.getLabels());
        net.computeGradientAndScore();
        Gradient g = net.gradient();
        return g.gradient().dup();
    }
}
