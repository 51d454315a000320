package org.bidnn.io;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One segment: its id and a dense row of mod1Size + mod2Size values, modality 1 first.
 *
 * <p>The id is any non-blank token and is kept verbatim: ids come from other tools (e.g.
 * {@code b3150b0c-3}, {@code anchor_12}) and results are matched back to them by exact string.
 * The array is not copied; equality compares contents, which is what a value record should mean.
 */
public record Segment(String id, float[] values) implements Serializable {

    public Segment {
        if (id == null || id.isBlank()) {
            throw new BadInputException("segment id must be a non-blank token, got '" + id + "'");
        }
        if (values == null) {
            throw new BadInputException("segment " + id + " has no values");
        }
    }

    /** A copy of the first {@code mod1Size} values. */
    public float[] modality1(int mod1Size) {
        checkSplit(mod1Size);
        return Arrays.copyOfRange(values, 0, mod1Size);
    }

    /** A copy of the values after the first {@code mod1Size}. */
    public float[] modality2(int mod1Size) {
        checkSplit(mod1Size);
        return Arrays.copyOfRange(values, mod1Size, values.length);
    }

    private void checkSplit(int mod1Size) {
        if (mod1Size < 0 || mod1Size > values.length) {
            throw new IllegalArgumentException("mod1size " + mod1Size + " does not split a row of "
                    + values.length + " values");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Segment s && id.equals(s.id) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Segment[" + id + ", " + values.length + " values]";
    }
}
