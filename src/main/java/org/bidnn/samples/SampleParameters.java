package org.bidnn.samples;

import org.bidnn.io.BadInputException;

/**
 * What {@link SampleDataGenerator} generates: how many segments, the two modality sizes, the number
 * of latent topics, the noise level, how often each modality is present, and the seed.
 *
 * @param noise         in [0, 1): the standard deviation of the Gaussian noise added to modality 1,
 *                      and the share of modality 2's words drawn uniformly instead of from the topics
 * @param both          fraction of segments with both modalities
 * @param onlyModality1 fraction with modality 1 only (modality 2 all zero)
 * @param onlyModality2 fraction with modality 2 only (modality 1 all zero)
 */
public record SampleParameters(int rows, int mod1Size, int mod2Size, int topics, double noise,
                               double both, double onlyModality1, double onlyModality2, long seed) {

    public SampleParameters {
        requirePositive("rows", rows);
        requirePositive("mod1size", mod1Size);
        requirePositive("mod2size", mod2Size);
        requirePositive("topics", topics);
        if (!(noise >= 0 && noise < 1)) {
            throw new BadInputException("noise must be in [0, 1), got " + noise);
        }
        for (double f : new double[] {both, onlyModality1, onlyModality2}) {
            if (!(f >= 0 && f <= 1)) {
                throw new BadInputException("availability fractions must be in [0, 1], got " + f);
            }
        }
        if (Math.abs(both + onlyModality1 + onlyModality2 - 1) > 1e-9) {
            throw new BadInputException("availability fractions must sum to 1, got "
                    + both + " + " + onlyModality1 + " + " + onlyModality2);
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new BadInputException(name + " must be positive, got " + value);
        }
    }

    /** The corpus committed under data-samples/: 2,000 segments, 100 + 100 dimensions, 10 topics. */
    public static SampleParameters defaults() {
        return new SampleParameters(2000, 100, 100, 10, 0.3, 0.8, 0.1, 0.1, 2016);
    }

    public SampleParameters withSeed(long newSeed) {
        return new SampleParameters(rows, mod1Size, mod2Size, topics, noise, both, onlyModality1,
                onlyModality2, newSeed);
    }

    public SampleParameters withRows(int newRows) {
        return new SampleParameters(newRows, mod1Size, mod2Size, topics, noise, both, onlyModality1,
                onlyModality2, seed);
    }

    public int dimensions() {
        return mod1Size + mod2Size;
    }
}
