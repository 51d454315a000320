package org.bidnn.model;

/**
 * Which modalities a segment has. A modality is missing when its vector is all zeros (the
 * original tool's convention), unless zeros are declared meaningful ({@code -z}).
 */
public enum Presence {
    BOTH, ONLY_MOD1, ONLY_MOD2, NONE;

    /** @param row {@code [x1 | x2]}; @param ignoreZeroes when true every row counts as complete */
    public static Presence of(float[] row, int mod1Size, boolean ignoreZeroes) {
        if (ignoreZeroes) {
            return BOTH;
        }
        boolean has1 = anyNonZero(row, 0, mod1Size);
        boolean has2 = anyNonZero(row, mod1Size, row.length);
        if (has1) {
            return has2 ? BOTH : ONLY_MOD1;
        }
        return has2 ? ONLY_MOD2 : NONE;
    }

    private static boolean anyNonZero(float[] row, int from, int to) {
        for (int i = from; i < to; i++) {
            if (row[i] != 0f) {
                return true;
            }
        }
        return false;
    }
}
