package org.bidnn.model.layer;

import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One direction of the network, translating one modality into the other:
 * {@code x -> a -> b (central, dropout) -> c -> o}.
 */
final class Direction {

    private final int inputFrom;
    private final int inputSize;
    private final int hiddenSize;
    private final int centralSize;
    private final int outputSize;
    private final DenseStep first;
    private final DenseStep central;
    private final DenseStep third;
    private final DenseStep output;

    private int batch = -1;
    private INDArray x;
    private INDArray mask;
    private INDArray droppedCentral;
    private boolean dropoutApplied;

    /** @param inputFrom first column of this direction's modality in the layer input */
    Direction(int inputFrom, int inputSize, int hiddenSize, int centralSize, int outputSize,
              DenseStep first, DenseStep central, DenseStep third, DenseStep output) {
        this.inputFrom = inputFrom;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.centralSize = centralSize;
        this.outputSize = outputSize;
        this.first = first;
        this.central = central;
        this.third = third;
        this.output = output;
    }

    private void allocate(Buffers buffers, int rows) {
        if (rows == batch) {
            return;
        }
        x = buffers.matrix(rows, inputSize);
        mask = buffers.matrix(rows, centralSize);
        droppedCentral = buffers.matrix(rows, centralSize);
        first.allocate(buffers, rows, inputSize, hiddenSize, false);
        central.allocate(buffers, rows, hiddenSize, centralSize, true);
        third.allocate(buffers, rows, centralSize, hiddenSize, true);
        output.allocate(buffers, rows, hiddenSize, outputSize, true);
        batch = rows;
    }

    /** Runs the direction on its slice of {@code layerInput}; returns the translation. */
    INDArray forward(INDArray layerInput, Map<String, INDArray> params, IActivation f,
                     double dropProbability, boolean training, Random dropoutRandom, Buffers buffers) {
        allocate(buffers, (int) layerInput.rows());
        x.assign(layerInput.get(NDArrayIndex.all(), NDArrayIndex.interval(inputFrom, inputFrom + inputSize)));
        INDArray h = first.forward(x, params, f);
        h = central.forward(h, params, f);
        dropoutApplied = training && dropProbability > 0;
        if (dropoutApplied) {
            // Inverted dropout: kept units are scaled by 1/(1-p) so inference needs no rescaling.
            mask.assign(1.0);
            Nd4j.getExecutioner().exec(new DropOutInverted(mask, mask, 1.0 - dropProbability), dropoutRandom);
            h = droppedCentral.assign(h).muli(mask);
        }
        h = third.forward(h, params, f);
        return output.forward(h, params, f);
    }

    /** Backpropagates {@code dL/d(translation)} into {@code gradients}. */
    void backward(INDArray outputGradient, Map<String, INDArray> params, Map<String, INDArray> gradients,
                  IActivation f, Set<String> writtenWeights) {
        INDArray g = output.backward(outputGradient, params, gradients, f, writtenWeights);
        g = third.backward(g, params, gradients, f, writtenWeights);
        if (dropoutApplied) {
            g.muli(mask);
        }
        g = central.backward(g, params, gradients, f, writtenWeights);
        first.backward(g, params, gradients, f, writtenWeights);
    }

    /** The central layer's activation of the last forward pass, before dropout. */
    INDArray centralActivation() {
        return central.activation();
    }
}
