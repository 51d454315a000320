package org.bidnn.model.layer;

/**
 * The MSE loss of a translation and its gradient in one pass on the heap, as DL4J's MSE loss
 * computes them: per row, the mean over the {@code width} outputs of the whole network
 * ({@code [o1 | o2]}); the gradient {@code 2 (o - y) / width}, summed over the batch.
 */
final class LossKernel {

    private LossKernel() {
    }

    /**
     * Writes {@code dL/do} into {@code gradient}.
     *
     * @return the sum of squared errors over the batch
     */
    static double mseGradient(HostMatrix output, HostMatrix target, HostMatrix gradient, int width) {
        int n = output.length();
        double squares = 0;
        if (output.f != null) {
            float[] o = output.f;
            float[] y = target.f;
            float[] g = gradient.f;
            float scale = 2f / width;
            for (int i = 0; i < n; i++) {
                g[i] = o[i] - y[i];
            }
            // Four partial sums: a single running sum is bound by the latency of each addition.
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                s0 += g[i] * g[i];
                s1 += g[i + 1] * g[i + 1];
                s2 += g[i + 2] * g[i + 2];
                s3 += g[i + 3] * g[i + 3];
            }
            for (; i < n; i++) {
                s0 += g[i] * g[i];
            }
            squares = ((double) s0 + s1) + ((double) s2 + s3);
            for (int k = 0; k < n; k++) {
                g[k] *= scale;
            }
        } else {
            double[] o = output.d;
            double[] y = target.d;
            double[] g = gradient.d;
            double scale = 2.0 / width;
            for (int i = 0; i < n; i++) {
                double e = o[i] - y[i];
                squares += e * e;
                g[i] = e * scale;
            }
        }
        return squares;
    }
}
