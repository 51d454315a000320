package org.bidnn.samples;

import java.util.Random;

/**
 * A dense real-valued modality, like an image descriptor: a fixed random nonlinear function of a
 * segment's latent components and of its private factors, plus Gaussian noise.
 *
 * <p>Where the noise enters depends on the descriptor it imitates. A {@link Activation#TANH}
 * descriptor gets measurement noise on its output, {@code tanh(A·latent + P·z + b) + noise·ε}. A
 * {@link Activation#RELU} descriptor, like a CNN layer after its rectifier, is noisy in its input,
 * {@code max(0, A·latent + P·z + b + noise·ε)}, so a unit that is off stays exactly zero and the
 * vector is sparse and non-negative, as such features are. Either way one normal is drawn per unit.
 */
final class DenseModality {

    enum Activation { TANH, RELU }

    private final double[][] projection;
    private final double[][] privateProjection;
    private final double[] bias;
    private final double noise;
    private final Activation activation;

    /**
     * @param projection        one row per unit, one column per latent component
     * @param privateProjection one row per unit, one column per private factor
     */
    DenseModality(double[][] projection, double[][] privateProjection, double[] bias, double noise,
                  Activation activation) {
        if (projection.length != privateProjection.length || projection.length != bias.length) {
            throw new IllegalArgumentException("projection, private projection and bias differ in size");
        }
        this.projection = projection;
        this.privateProjection = privateProjection;
        this.bias = bias;
        this.noise = noise;
        this.activation = activation;
    }

    int size() {
        return projection.length;
    }

    /** The descriptor of a segment with these latent components and private factors, rounded. */
    float[] sample(Random random, double[] latent, double[] privateFactors) {
        float[] out = new float[projection.length];
        for (int i = 0; i < projection.length; i++) {
            double pre = SampleMath.dot(projection[i], latent) + SampleMath.dot(privateProjection[i], privateFactors)
                    + bias[i];
            double v = switch (activation) {
                case TANH -> StrictMath.tanh(pre) + noise * random.nextGaussian();
                case RELU -> Math.max(0, pre + noise * random.nextGaussian());
            };
            out[i] = SampleMath.round(v);
        }
        return out;
    }
}
