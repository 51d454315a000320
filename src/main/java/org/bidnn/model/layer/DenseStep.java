package org.bidnn.model.layer;

import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One dense step {@code h = f(in · op(W) + b)} of a BiDNN direction, where op is the identity or,
 * for the tied central weights seen from direction 2, the transpose.
 *
 * <p>It keeps its pre-activation and activation between the forward and the backward pass in
 * buffers the owning {@link Direction} allocates outside DL4J's workspaces (see there why).
 */
final class DenseStep {

    private final String weightKey;
    private final String biasKey;
    private final boolean transposed;

    private INDArray in;
    private INDArray z;
    private INDArray h;
    private INDArray inputGradient;

    DenseStep(String weightKey, String biasKey, boolean transposed) {
        this.weightKey = weightKey;
        this.biasKey = biasKey;
        this.transposed = transposed;
    }

    void allocate(Buffers buffers, int batch, int inSize, int outSize, boolean needsInputGradient) {
        z = buffers.matrix(batch, outSize);
        h = buffers.matrix(batch, outSize);
        inputGradient = needsInputGradient ? buffers.matrix(batch, inSize) : null;
    }

    /** Computes and keeps {@code h}; {@code input} must stay unchanged until {@link #backward}. */
    INDArray forward(INDArray input, Map<String, INDArray> params, IActivation activation) {
        this.in = input;
        Nd4j.gemm(input, params.get(weightKey), z, false, transposed, 1.0, 0.0);
        z.addiRowVector(params.get(biasKey));
        h.assign(z);
        INDArray activated = activation.getActivation(h, true);
        if (activated != h) {
            h.assign(activated);
        }
        return h;
    }

    /**
     * Backpropagates {@code dL/dh} through the step: writes the bias gradient, writes or (for a
     * weight already written by the other direction in this pass) adds the weight gradient, and
     * returns {@code dL/d(input)} when this step was allocated to produce it.
     * The pre-activation buffer is consumed.
     */
    INDArray backward(INDArray outputGradient, Map<String, INDArray> params, Map<String, INDArray> gradients,
                      IActivation activation, Set<String> writtenWeights) {
        INDArray delta = activation.backprop(z, outputGradient).getFirst();
        INDArray weightGradient = gradients.get(weightKey);
        double beta = writtenWeights.add(weightKey) ? 0.0 : 1.0;
        if (transposed) {
            // z = in · W^T  =>  dL/dW = delta^T · in
            Nd4j.gemm(delta, in, weightGradient, true, false, 1.0, beta);
        } else {
            // z = in · W    =>  dL/dW = in^T · delta
            Nd4j.gemm(in, delta, weightGradient, true, false, 1.0, beta);
        }
        INDArray biasGradient = gradients.get(biasKey);
        biasGradient.assign(delta.sum(0).reshape(biasGradient.shape()));
        if (inputGradient == null) {
            return null;
        }
        Nd4j.gemm(delta, params.get(weightKey), inputGradient, false, !transposed, 1.0, 0.0);
        return inputGradient;
    }

    INDArray activation() {
        return h;
    }
}
