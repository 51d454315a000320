package org.bidnn.eval.plot;

import java.util.Objects;

/**
 * The measure of a method that is not trained, such as raw features or a fixed baseline: one value
 * for every epoch, drawn by {@link PrecisionPerEpochChart} as a dashed horizontal line, so that
 * the trained curves can be read against it. Must be finite.
 */
public record Level(String label, double value) {

    public Level {
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("level '" + label + "' has the value " + value);
        }
    }
}
