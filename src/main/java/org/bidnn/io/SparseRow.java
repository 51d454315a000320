package org.bidnn.io;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One parsed LibSVM line before densifying: the id and its explicit entries, with 0-based column
 * indices in ascending order. Serializable so that Spark tasks can ship it.
 */
public record SparseRow(String id, int[] indices, float[] values) implements Serializable {

    public SparseRow {
        if (indices.length != values.length) {
            throw new IllegalArgumentException(indices.length + " indices but " + values.length + " values");
        }
    }

    /** A dense row of {@code dimensions} values, zero where the line had no entry. */
    public float[] toDense(int dimensions) {
        float[] dense = new float[dimensions];
        for (int i = 0; i < indices.length; i++) {
            dense[indices[i]] = values[i];
        }
        return dense;
    }

    public Segment toSegment(int dimensions) {
        return new Segment(id, toDense(dimensions));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseRow r && id.equals(r.id) && Arrays.equals(indices, r.indices)
                && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * id.hashCode() + Arrays.hashCode(indices)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SparseRow[" + id + ", " + indices.length + " entries]";
    }
}
