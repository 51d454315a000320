package org.bidnn.model;

import org.bidnn.io.BadInputException;

/**
 * The weight of the two modalities in the multimodal embedding. Unweighted, the embedding concatenates
 * the two central layers as they are, so the one with the larger norm dominates the cosine. Weighted by
 * {@code w}, each half is scaled to unit length, then by {@code sqrt(w)} and {@code sqrt(1 - w)}: the
 * cosine of two such embeddings is then exactly {@code w * cos(half 1) + (1 - w) * cos(half 2)}, the
 * linear combination of the halves' cosines with weight {@code w} on modality 1, as the raw baseline's.
 * A segment with one modality has that modality's half twice (the paper's rule), so its weighted
 * embedding has unit length too.
 */
public final class ModalityWeight {

    private ModalityWeight() {
    }

    /** @throws IllegalArgumentException if {@code weight} is neither null nor in [0, 1] */
    public static void check(Double weight) {
        if (weight != null && !ValueRules.isWeight(weight)) {
            throw new BadInputException("the modality weight must be " + ValueRules.WEIGHT + ", got " + weight);
        }
    }

    /** Weighs each embedding row in place (empty rows stay empty); returns {@code rows}. */
    public static float[][] apply(float[][] rows, double weight) {
        float s1 = (float) Math.sqrt(weight);
        float s2 = (float) Math.sqrt(1 - weight);
        for (float[] row : rows) {
            int half = row.length / 2;
            SegmentTransformer.normalize(row, 0, half);
            SegmentTransformer.normalize(row, half, row.length);
            for (int j = 0; j < half; j++) {
                row[j] *= s1;
                row[half + j] *= s2;
            }
        }
        return rows;
    }
}
