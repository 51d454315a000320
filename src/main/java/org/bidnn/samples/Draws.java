package org.bidnn.samples;

import java.util.Random;

/**
 * The random draws the sample generators share. Each method consumes the generator's stream in a
 * fixed order, so a generator that calls them in a fixed order is reproducible byte for byte.
 */
final class Draws {

    /** The dominant topic's share of a mixture is uniform in [0.55, 0.85). */
    private static final double DOMINANT_MIN = 0.55;
    private static final double DOMINANT_SPREAD = 0.3;

    private Draws() {
    }

    /** A rows × cols matrix of independent normals of standard deviation {@code scale}, row by row. */
    static double[][] gaussian(Random random, int rows, int cols, double scale) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * random.nextGaussian();
            }
        }
        return m;
    }

    /** A vector of independent normals of standard deviation {@code scale}. */
    static double[] gaussian(Random random, int n, double scale) {
        return gaussian(random, 1, n, scale)[0];
    }

    /**
     * A topic mixture over {@code k} topics in which {@code topic} holds more than half of the mass,
     * so it is also the largest component; the rest is spread by a flat Dirichlet draw.
     */
    static double[] topicMixture(Random random, int k, int topic) {
        double dominant = DOMINANT_MIN + DOMINANT_SPREAD * random.nextDouble();
        // A flat Dirichlet draw: normalised unit exponentials.
        double[] theta = new double[k];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            theta[j] = -StrictMath.log(1 - random.nextDouble());
            sum += theta[j];
        }
        for (int j = 0; j < k; j++) {
            theta[j] = (1 - dominant) * theta[j] / sum;
        }
        theta[topic] += dominant;
        return theta;
    }
}
