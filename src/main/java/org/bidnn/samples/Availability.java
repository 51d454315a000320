package org.bidnn.samples;

import java.util.Random;

/** Which modalities a segment has; a missing one is all zeros in its row. */
public enum Availability {
    BOTH,
    MODALITY_1_ONLY,
    MODALITY_2_ONLY;

    public boolean hasModality1() {
        return this != MODALITY_2_ONLY;
    }

    public boolean hasModality2() {
        return this != MODALITY_1_ONLY;
    }

    /** One uniform draw: both with probability {@code both}, then modality 1 only with {@code onlyModality1}. */
    static Availability draw(Random random, double both, double onlyModality1) {
        double u = random.nextDouble();
        if (u < both) {
            return BOTH;
        }
        return u < both + onlyModality1 ? MODALITY_1_ONLY : MODALITY_2_ONLY;
    }
}
