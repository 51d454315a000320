package org.bidnn.samples;

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
}
