package org.bidnn.jobs.compare;

import java.util.Arrays;
import org.bidnn.model.SegmentTransformer;

/** Row operations on {@code [x1 | x2]} that the representations share. */
final class Halves {

    private Halves() {
    }

    /** Copies of the rows with {@code [from, to)} set to zero: a modality hidden from a model. */
    static float[][] zeroed(float[][] rows, int from, int to) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
            Arrays.fill(out[i], from, to, 0f);
        }
        return out;
    }

    /** The columns {@code [from, to)} of each row. */
    static float[][] slice(float[][] rows, int from, int to) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = Arrays.copyOfRange(rows[i], from, to);
        }
        return out;
    }

    /**
     * Scales each half of each row to unit length in place (an all-zero half stays zero), so that
     * the cosine of two such rows is the mean of their halves' cosines: neither modality outweighs
     * the other by its scale. Empty rows stay empty.
     */
    static float[][] unitHalves(float[][] rows, int mod1Size) {
        for (float[] row : rows) {
            if (row.length > 0) {
                SegmentTransformer.normalize(row, 0, mod1Size);
                SegmentTransformer.normalize(row, mod1Size, row.length);
            }
        }
        return rows;
    }
}
