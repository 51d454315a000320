package org.bidnn.model.layer;

/**
 * Inverted-dropout masks (0, or 1/(1-p) for a kept unit) drawn and applied in one pass.
 *
 * <p>Each element's draw is a hash of (stream, element index), SplitMix64's finaliser: the mask of
 * an iteration depends on the seed, the iteration and the direction only, as the masks drawn from
 * a re-seeded ND4J generator did before, without a native call and a scale pass per batch.
 */
final class DropoutMask {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private DropoutMask() {
    }

    /** The stream of one direction's masks at one iteration of a network seeded with {@code seed}. */
    static long stream(long seed, int iteration, int direction) {
        return mix(mix(seed * GOLDEN + iteration) + direction);
    }

    /**
     * Fills {@code mask} for drop probability {@code p} from {@code stream}, and writes
     * {@code dropped = h * mask}.
     */
    static void draw(long stream, double p, HostMatrix mask, HostMatrix h, HostMatrix dropped) {
        int n = mask.length();
        // Keep when the top 24 bits, as a fraction, are at least p (P(keep) = 1 - p).
        long threshold = (long) Math.ceil(p * (1 << 24));
        double keep = 1.0 / (1.0 - p);
        if (mask.f != null) {
            float scale = (float) keep;
            for (int i = 0; i < n; i++) {
                float m = (mix(stream + i * GOLDEN) >>> 40) >= threshold ? scale : 0f;
                mask.f[i] = m;
                dropped.f[i] = h.f[i] * m;
            }
        } else {
            for (int i = 0; i < n; i++) {
                double m = (mix(stream + i * GOLDEN) >>> 40) >= threshold ? keep : 0.0;
                mask.d[i] = m;
                dropped.d[i] = h.d[i] * m;
            }
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
