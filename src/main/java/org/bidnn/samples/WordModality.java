package org.bidnn.samples;

import java.util.Random;

/**
 * A text-like modality: a normalised bag of words. A segment says {@code minWords} to
 * {@code maxWords} words, each drawn from {@code softmax(B·latent + P·z)} over the vocabulary, a
 * share {@code noise} of them uniformly instead (words unrelated to the content, or misheard).
 * The result is the word frequencies, which sum to 1 up to rounding.
 */
final class WordModality {

    private final double[][] projection;
    private final double[][] privateProjection;
    private final double noise;
    private final int minWords;
    private final int maxWords;

    /**
     * @param projection        one row per vocabulary word, one column per latent component
     * @param privateProjection one row per vocabulary word, one column per private factor
     */
    WordModality(double[][] projection, double[][] privateProjection, double noise, int minWords, int maxWords) {
        if (projection.length != privateProjection.length) {
            throw new IllegalArgumentException("projection and private projection differ in size");
        }
        if (minWords < 1 || maxWords < minWords) {
            throw new IllegalArgumentException("words per segment must be 1 <= min <= max, got "
                    + minWords + ", " + maxWords);
        }
        this.projection = projection;
        this.privateProjection = privateProjection;
        this.noise = noise;
        this.minWords = minWords;
        this.maxWords = maxWords;
    }

    int size() {
        return projection.length;
    }

    /** The word frequencies of a segment with these latent components and private factors, rounded. */
    float[] sample(Random random, double[] latent, double[] privateFactors) {
        int d = projection.length;
        double[] cumulative = new double[d];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d; i++) {
            cumulative[i] = SampleMath.dot(projection[i], latent)
                    + SampleMath.dot(privateProjection[i], privateFactors);
            max = Math.max(max, cumulative[i]);
        }
        double sum = 0;
        for (int i = 0; i < d; i++) {
            cumulative[i] = StrictMath.exp(cumulative[i] - max);
            sum += cumulative[i];
        }
        double running = 0;
        for (int i = 0; i < d; i++) {
            running += (1 - noise) * cumulative[i] / sum + noise / d;
            cumulative[i] = running;
        }
        int words = minWords + random.nextInt(maxWords - minWords + 1);
        int[] counts = new int[d];
        for (int w = 0; w < words; w++) {
            counts[draw(cumulative, random.nextDouble() * running)]++;
        }
        float[] out = new float[d];
        for (int i = 0; i < d; i++) {
            out[i] = SampleMath.round((double) counts[i] / words);
        }
        return out;
    }

    /** The first index whose cumulative weight exceeds u. */
    private static int draw(double[] cumulative, double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
