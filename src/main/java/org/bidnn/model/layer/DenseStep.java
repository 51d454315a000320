package org.bidnn.model.layer;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One dense step {@code h = f(in · op(W) + b)} of a BiDNN direction, where op is the identity or,
 * for the tied central weights seen from direction 2, the transpose.
 *
 * <p>The products run in ND4J on column-major buffers; the bias, the activation and its
 * derivative run as fused loops on a {@link HostMatrix} copy (see there why). The step keeps its
 * input and its activation (in ND4J for the products, on the heap for the derivative) between the
 * forward and the backward pass.
 */
final class DenseStep {

    private final String weightKey;
    private final String biasKey;
    private final boolean transposed;

    private INDArray in;
    /** The activation in ND4J, for the next step's product. */
    private INDArray h;
    /** The same activation on the heap, for the derivative and for reading results out. */
    private HostMatrix hostH;
    /** dL/dh on the heap; becomes the step's delta = dL/dz during {@link #backward}. */
    private HostMatrix gradient;
    private INDArray delta;
    private HostMatrix bias;
    private HostMatrix biasGradient;
    private INDArray inputGradient;
    /** A column of ones, as long as the batch: the bias gradient is {@code delta^T · ones}. */
    private INDArray ones;

    DenseStep(String weightKey, String biasKey, boolean transposed) {
        this.weightKey = weightKey;
        this.biasKey = biasKey;
        this.transposed = transposed;
    }

    void allocate(Buffers buffers, int batch, int inSize, int outSize, boolean needsInputGradient) {
        DataType type = buffers.dataType();
        h = buffers.matrix(batch, outSize);
        hostH = new HostMatrix(type, batch, outSize);
        gradient = new HostMatrix(type, batch, outSize);
        delta = buffers.matrix(batch, outSize);
        bias = new HostMatrix(type, 1, outSize);
        biasGradient = new HostMatrix(type, 1, outSize);
        inputGradient = needsInputGradient ? buffers.matrix(batch, inSize) : null;
        ones = buffers.matrix(batch, 1).assign(1);
    }

    /**
     * Computes and keeps {@code h} (in ND4J and on the heap); {@code input} must stay unchanged
     * until {@link #backward}.
     */
    HostMatrix forward(INDArray input, Map<String, INDArray> params, ActivationKernel f) {
        this.in = input;
        Gemm.gemm(input, params.get(weightKey), h, false, transposed, 1.0, 0.0);
        hostH.read(h);
        f.forward(hostH, bias.read(params.get(biasKey)));
        hostH.write(h);
        return hostH;
    }

    /** The heap buffer the caller fills with dL/dh before {@link #backward}. */
    HostMatrix gradient() {
        return gradient;
    }

    /**
     * Backpropagates dL/dh (in {@link #gradient()}, consumed) through the step: writes the bias and
     * weight gradients into {@code gradients} (the caller gives each direction its own views of a
     * tied weight's gradient) and returns {@code dL/d(input)} when this step was allocated to produce it.
     *
     * @param dropoutMask the mask applied to this step's output on the way forward, or null
     */
    INDArray backward(HostMatrix dropoutMask, Map<String, INDArray> params, Map<String, INDArray> gradients,
                      ActivationKernel f) {
        f.backward(gradient, hostH, dropoutMask);
        gradient.write(delta);
        INDArray weightGradient = gradients.get(weightKey);
        if (transposed) {
            // z = in · W^T  =>  dL/dW = delta^T · in
            Gemm.gemm(delta, in, weightGradient, true, false, 1.0, 0.0);
        } else {
            // z = in · W    =>  dL/dW = in^T · delta
            Gemm.gemm(in, delta, weightGradient, true, false, 1.0, 0.0);
        }
        INDArray biasGradientView = gradients.get(biasKey);
        if (!Gemm.columnSums(delta, ones, biasGradientView)) {
            columnSums(gradient, biasGradient);
            biasGradient.write(biasGradientView);
        }
        if (inputGradient == null) {
            return null;
        }
        Gemm.gemm(delta, params.get(weightKey), inputGradient, false, !transposed, 1.0, 0.0);
        return inputGradient;
    }

    /** The bias gradient: the sum of each column of delta (a contiguous run in column-major order). */
    private static void columnSums(HostMatrix delta, HostMatrix sums) {
        int rows = delta.rows;
        for (int c = 0; c < delta.columns; c++) {
            int from = c * rows;
            if (delta.f != null) {
                // Four partial sums: a single running sum is bound by the latency of each addition.
                float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int i = from;
                for (; i + 3 < from + rows; i += 4) {
                    s0 += delta.f[i];
                    s1 += delta.f[i + 1];
                    s2 += delta.f[i + 2];
                    s3 += delta.f[i + 3];
                }
                for (; i < from + rows; i++) {
                    s0 += delta.f[i];
                }
                sums.f[c] = (s0 + s1) + (s2 + s3);
            } else {
                double s = 0;
                for (int i = from; i < from + rows; i++) {
                    s += delta.d[i];
                }
                sums.d[c] = s;
            }
        }
    }

    /** The activation of the last forward pass, on the heap. */
    HostMatrix activation() {
        return hostH;
    }

    /** The activation of the last forward pass, in ND4J. */
    INDArray activationArray() {
        return h;
    }
}
