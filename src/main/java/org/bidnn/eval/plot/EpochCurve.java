package org.bidnn.eval.plot;

import java.util.Arrays;
import java.util.Objects;

/**
 * A measure of a trained model after each of its training epochs, as one line of a
 * {@link PrecisionPerEpochChart}: {@code values[0]} is the value after epoch 1.
 *
 * <p>{@code std}, when not null, is the standard deviation of each value (over repeated runs, or
 * over queries), drawn as error bars; null draws none. Values must be finite, since a NaN or an
 * infinity gives the chart no axis range to draw in. The arrays are copied in and out, so that a
 * curve handed to a chart cannot change under it.
 */
public record EpochCurve(String label, double[] values, double[] std) {

    public EpochCurve {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("curve '" + label + "' has no epoch");
        }
        requireFinite(label, "value", values);
        if (std != null) {
            if (std.length != values.length) {
                throw new IllegalArgumentException("curve '" + label + "' has " + values.length
                        + " values but " + std.length + " standard deviations");
            }
            requireFinite(label, "standard deviation", std);
            for (double s : std) {
                if (s < 0) {
                    throw new IllegalArgumentException("curve '" + label + "' has the negative standard deviation " + s);
                }
            }
            std = std.clone();
        }
        values = values.clone();
    }

    /** A curve without error bars. */
    public EpochCurve(String label, double[] values) {
        this(label, values, null);
    }

    /** The number of epochs the curve covers. */
    public int epochs() {
        return values.length;
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] std() {
        return std == null ? null : std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EpochCurve c && label.equals(c.label) && Arrays.equals(values, c.values)
                && Arrays.equals(std, c.std);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, Arrays.hashCode(values), Arrays.hashCode(std));
    }

    @Override
    public String toString() {
        return "EpochCurve[" + label + ", " + Arrays.toString(values)
                + (std == null ? "" : " ± " + Arrays.toString(std)) + "]";
    }

    private static void requireFinite(String label, String what, double[] xs) {
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i])) {
                throw new IllegalArgumentException("curve '" + label + "' has the " + what + " " + xs[i]
                        + " at epoch " + (i + 1));
            }
        }
    }
}
