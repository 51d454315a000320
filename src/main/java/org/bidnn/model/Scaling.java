package org.bidnn.model;

import java.util.Arrays;
import java.util.Locale;
import org.bidnn.io.BadInputException;

/**
 * How a model scales its input features before the network sees them ({@code --scale}); the
 * statistics are fitted on the training rows and stored in the model file ({@link FeatureScaler}).
 */
public enum Scaling {
    /** The features as they are. */
    NONE,
    /**
     * Each column minus its mean, over its standard deviation, times {@link #STANDARD_DEVIATION}: the
     * network's units are tanh-like, and inputs are also its targets, so they must mostly fall inside
     * (-1, 1); a deviation of 1 leaves a third of the values outside.
     */
    STANDARD;

    /** The deviation of every column after standard scaling (measured in bench/RESULTS.md). */
    public static final double STANDARD_DEVIATION = 0.25;

    /** The default of {@code --scale} and of the ML parameter, chosen by measurement (docs/commands.md, bench/RESULTS.md). */
    public static final String DEFAULT = "standard";

    /** The lower-case name of the command line, the ML parameter and model files. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return cliName();
    }

    public static Scaling fromName(String name) {
        for (Scaling s : values()) {
            if (s.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new BadInputException("unknown scaling '" + name + "' (expected one of "
                + Arrays.stream(values()).map(Scaling::cliName).toList() + ")");
    }
}
