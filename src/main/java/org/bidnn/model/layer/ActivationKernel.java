package org.bidnn.model.layer;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * The activation functions of the layer as fused loops over a {@link HostMatrix}: bias and
 * activation in one pass forward, the derivative (from the activation itself) times the incoming
 * gradient, and optionally the dropout mask, in one pass backward.
 *
 * <p>Single-precision tanh is Eigen's rational approximation (numerator of degree 13, denominator
 * of degree 6, input clamped to ±7.905), within 3.3e-7 of tanh everywhere: Java's Math.tanh costs
 * about 20 ns an element and cannot be vectorised, this one vectorises to about 0.5 ns. Double
 * precision, used by the gradient checks, uses Math.tanh.
 */
enum ActivationKernel {
    TANH, SIGMOID, RELU, IDENTITY;

    static ActivationKernel of(IActivation fn) {
        if (fn instanceof ActivationTanH) {
            return TANH;
        }
        if (fn instanceof ActivationSigmoid) {
            return SIGMOID;
        }
        if (fn instanceof ActivationReLU relu && isPlainRelu(relu)) {
            return RELU;
        }
        if (fn instanceof ActivationIdentity) {
            return IDENTITY;
        }
        throw new IllegalArgumentException("The BiDNN layer supports tanh, sigmoid, relu and identity, not " + fn);
    }

    private static boolean isPlainRelu(ActivationReLU relu) {
        // The defaults (no maximum, threshold 0, slope 0) are what ActivationFunction.RELU builds.
        return relu.equals(new ActivationReLU());
    }

    /** {@code z := f(z + bias)}, the bias added to every row. */
    void forward(HostMatrix z, HostMatrix bias) {
        int rows = z.rows;
        for (int c = 0; c < z.columns; c++) {
            int from = c * rows;
            if (z.f != null) {
                forwardRun(z.f, from, from + rows, bias.f[c]);
            } else {
                forwardRun(z.d, from, from + rows, bias.d[c]);
            }
        }
    }

    private void forwardRun(float[] a, int from, int to, float b) {
        switch (this) {
            case TANH -> {
                for (int i = from; i < to; i++) {
                    a[i] = tanh(a[i] + b);
                }
            }
            case SIGMOID -> {
                // sigmoid(x) = (1 + tanh(x/2)) / 2: exact, and vectorised through tanh.
                for (int i = from; i < to; i++) {
                    a[i] = 0.5f + 0.5f * tanh(0.5f * (a[i] + b));
                }
            }
            case RELU -> {
                for (int i = from; i < to; i++) {
                    a[i] = Math.max(0f, a[i] + b);
                }
            }
            case IDENTITY -> {
                for (int i = from; i < to; i++) {
                    a[i] += b;
                }
            }
        }
    }

    private void forwardRun(double[] a, int from, int to, double b) {
        switch (this) {
            case TANH -> {
                for (int i = from; i < to; i++) {
                    a[i] = Math.tanh(a[i] + b);
                }
            }
            case SIGMOID -> {
                for (int i = from; i < to; i++) {
                    a[i] = 1.0 / (1.0 + Math.exp(-(a[i] + b)));
                }
            }
            case RELU -> {
                for (int i = from; i < to; i++) {
                    a[i] = Math.max(0.0, a[i] + b);
                }
            }
            case IDENTITY -> {
                for (int i = from; i < to; i++) {
                    a[i] += b;
                }
            }
        }
    }

    /**
     * {@code g := g * f'(z)}, with the derivative computed from the activation {@code h = f(z)};
     * with a mask, {@code g := g * mask * f'(z)} (the gradient through inverted dropout).
     */
    void backward(HostMatrix g, HostMatrix h, HostMatrix mask) {
        int n = g.length();
        if (g.f != null) {
            float[] a = g.f;
            float[] y = h.f;
            if (mask != null) {
                float[] m = mask.f;
                for (int i = 0; i < n; i++) {
                    a[i] *= m[i];
                }
            }
            switch (this) {
                case TANH -> {
                    for (int i = 0; i < n; i++) {
                        a[i] *= 1f - y[i] * y[i];
                    }
                }
                case SIGMOID -> {
                    for (int i = 0; i < n; i++) {
                        a[i] *= y[i] * (1f - y[i]);
                    }
                }
                case RELU -> {
                    for (int i = 0; i < n; i++) {
                        a[i] = y[i] > 0f ? a[i] : 0f;
                    }
                }
                case IDENTITY -> {
                }
            }
        } else {
            double[] a = g.d;
            double[] y = h.d;
            if (mask != null) {
                double[] m = mask.d;
                for (int i = 0; i < n; i++) {
                    a[i] *= m[i];
                }
            }
            switch (this) {
                case TANH -> {
                    for (int i = 0; i < n; i++) {
                        a[i] *= 1.0 - y[i] * y[i];
                    }
                }
                case SIGMOID -> {
                    for (int i = 0; i < n; i++) {
                        a[i] *= y[i] * (1.0 - y[i]);
                    }
                }
                case RELU -> {
                    for (int i = 0; i < n; i++) {
                        a[i] = y[i] > 0.0 ? a[i] : 0.0;
                    }
                }
                case IDENTITY -> {
                }
            }
        }
    }

    private static final float C = 7.90531110763549805f;
    private static final float A1 = 4.89352455891786e-03f;
    private static final float A3 = 6.37261928875436e-04f;
    private static final float A5 = 1.48572235717979e-05f;
    private static final float A7 = 5.12229709037114e-08f;
    private static final float A9 = -8.60467152213735e-11f;
    private static final float A11 = 2.00018790482477e-13f;
    private static final float A13 = -2.76076847742355e-16f;
    private static final float B0 = 4.89352518554385e-03f;
    private static final float B2 = 2.26843463243900e-03f;
    private static final float B4 = 1.18534705686654e-04f;
    private static final float B6 = 1.19825839466702e-06f;

    /** Single-precision tanh, see the class comment. */
    static float tanh(float v) {
        float x = Math.max(-C, Math.min(C, v));
        float x2 = x * x;
        float p = x2 * A13 + A11;
        p = p * x2 + A9;
        p = p * x2 + A7;
        p = p * x2 + A5;
        p = p * x2 + A3;
        p = p * x2 + A1;
        p = p * x;
        float q = x2 * B6 + B4;
        q = q * x2 + B2;
        q = q * x2 + B0;
        return p / q;
    }
}
