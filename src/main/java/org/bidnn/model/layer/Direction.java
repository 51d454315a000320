package org.bidnn.model.layer;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
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
    private INDArray inputCopy;
    private HostMatrix mask;
    private HostMatrix dropped;
    private INDArray droppedArray;
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
        inputCopy = null;
        mask = new HostMatrix(buffers.dataType(), rows, centralSize);
        dropped = new HostMatrix(buffers.dataType(), rows, centralSize);
        droppedArray = buffers.matrix(rows, centralSize);
        first.allocate(buffers, rows, inputSize, hiddenSize, false);
        central.allocate(buffers, rows, hiddenSize, centralSize, true);
        third.allocate(buffers, rows, centralSize, hiddenSize, true);
        output.allocate(buffers, rows, hiddenSize, outputSize, true);
        batch = rows;
    }

    /**
     * This direction's modality in {@code layerInput}: the column block itself when it is a
     * contiguous column-major matrix (a column-major input), else a copy.
     */
    private INDArray input(INDArray layerInput, Buffers buffers) {
        INDArray slice = layerInput.get(NDArrayIndex.all(), NDArrayIndex.interval(inputFrom, inputFrom + inputSize));
        if (HostMatrix.isContiguousColumnMajor(slice)) {
            return slice;
        }
        if (inputCopy == null) {
            inputCopy = buffers.matrix(batch, inputSize);
        }
        return inputCopy.assign(slice);
    }

    /** Runs the direction up to its central layer (all an embedding needs); returns its activation. */
    HostMatrix central(INDArray layerInput, Map<String, INDArray> params, ActivationKernel f, Buffers buffers) {
        allocate(buffers, (int) layerInput.rows());
        first.forward(input(layerInput, buffers), params, f);
        return central.forward(first.activationArray(), params, f);
    }

    /**
     * Runs the direction on its slice of {@code layerInput}; returns the translation.
     *
     * @param dropoutStream the stream of this iteration's masks (see {@link DropoutMask})
     */
    HostMatrix forward(INDArray layerInput, Map<String, INDArray> params, ActivationKernel f,
                       double dropProbability, boolean training, long dropoutStream, Buffers buffers) {
        HostMatrix h = central(layerInput, params, f, buffers);
        INDArray next = central.activationArray();
        dropoutApplied = training && dropProbability > 0;
        if (dropoutApplied) {
            // Inverted dropout: kept units are scaled by 1/(1-p) so inference needs no rescaling.
            DropoutMask.draw(dropoutStream, dropProbability, mask, h, dropped);
            dropped.write(droppedArray);
            next = droppedArray;
        }
        third.forward(next, params, f);
        return output.forward(third.activationArray(), params, f);
    }

    /** The heap buffer to fill with dL/d(translation) before {@link #backward}. */
    HostMatrix outputGradient() {
        return output.gradient();
    }

    /** Backpropagates dL/d(translation), from {@link #outputGradient()}, into {@code gradients}. */
    void backward(Map<String, INDArray> params, Map<String, INDArray> gradients, ActivationKernel f) {
        INDArray g = output.backward(null, params, gradients, f);
        third.gradient().read(g);
        g = third.backward(null, params, gradients, f);
        central.gradient().read(g);
        g = central.backward(dropoutApplied ? mask : null, params, gradients, f);
        first.gradient().read(g);
        first.backward(null, params, gradients, f);
    }

    /** The central layer's activation of the last forward pass, before dropout. */
    HostMatrix centralActivation() {
        return central.activation();
    }

    /** The translation of the last forward pass. */
    HostMatrix translation() {
        return output.activation();
    }
}
