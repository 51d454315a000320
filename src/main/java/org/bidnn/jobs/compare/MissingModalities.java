package org.bidnn.jobs.compare;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.bidnn.io.Segment;

/**
 * Hides a modality of a share of the evaluated segments ({@code compare.missing-share}), to compare the
 * methods when segments miss a modality, as in the paper's data, on a corpus where none does. Which
 * segments is fixed by their id and the seed: the same in every run and every method. Of a share
 * {@code s}, the segments whose draw in [0, 1) is below {@code s} lose modality 1, those from {@code s}
 * to {@code 2s} modality 2 (a segment that already misses the other modality then has none).
 */
record MissingModalities(double share, long seed, int mod1Size) implements java.io.Serializable {

    Segment apply(Segment s) {
        if (share == 0) {
            return s;
        }
        // String.hashCode is specified, so the draw does not depend on the JVM.
        double u = new SplittableRandom(seed * 31 + s.id().hashCode()).nextDouble();
        if (u >= 2 * share) {
            return s;
        }
        float[] v = s.values().clone();
        if (u < share) {
            Arrays.fill(v, 0, mod1Size, 0f);
        } else {
            Arrays.fill(v, mod1Size, v.length, 0f);
        }
        return new Segment(s.id(), v);
    }
}
