package org.bidnn.model;

import java.io.Serializable;

/**
 * A model's input scaling, applied to every row before the network and inverted for what the network
 * writes back in the input's space (the translations of {@code -c}).
 *
 * <p>Standard scaling maps column {@code j} to {@code (x - mean[j]) * deviation / std[j]}; a column
 * that never varied in training (std 0) maps to 0, as MLlib's {@code StandardScaler} does. Only present
 * modalities are scaled: an all-zero modality is a missing one (unless zeros are declared meaningful,
 * {@code -z}) and stays all zeros, so that it is still seen as missing. (A present modality would only
 * scale to all zeros if each of its values equalled its column's mean.)
 *
 * <p>Written by hand over the rows rather than with ND4J: the rows are Java arrays on both sides of
 * the network, and the per-row, per-modality presence test is a loop over them anyway.
 */
public final class FeatureScaler implements Serializable {

    private static final long serialVersionUID = 1L;

    /** No scaling: rows pass unchanged. */
    public static final FeatureScaler NONE = new FeatureScaler(null, null, null);

    private final ScalingStatistics statistics;
    private final double[] offset;
    private final double[] factor;

    private FeatureScaler(ScalingStatistics statistics, double[] offset, double[] factor) {
        this.statistics = statistics;
        this.offset = offset;
        this.factor = factor;
    }

    /** Standard scaling with these statistics (one entry per column of {@code [x1 | x2]}). */
    public static FeatureScaler standard(double[] mean, double[] std, double deviation) {
        return of(new ScalingStatistics(Scaling.STANDARD.cliName(), deviation, mean.clone(), std.clone()));
    }

    /**
     * The scaler a model file describes; null or {@code none} is {@link #NONE}.
     *
     * @throws IllegalArgumentException if the statistics are inconsistent
     */
    public static FeatureScaler of(ScalingStatistics s) {
        if (s == null || Scaling.fromName(s.method()) == Scaling.NONE) {
            return NONE;
        }
        if (s.mean() == null || s.std() == null || s.mean().length != s.std().length) {
            throw new IllegalArgumentException("standard scaling needs as many means as deviations, got "
                    + (s.mean() == null ? "none" : s.mean().length) + " and " + (s.std() == null ? "none" : s.std().length));
        }
        if (!(s.deviation() > 0) || !Double.isFinite(s.deviation())) {
            throw new IllegalArgumentException("the scaled deviation must be positive, got " + s.deviation());
        }
        double[] factor = new double[s.std().length];
        for (int j = 0; j < factor.length; j++) {
            double std = s.std()[j];
            if (!(std >= 0) || !Double.isFinite(std) || !Double.isFinite(s.mean()[j])) {
                throw new IllegalArgumentException("column " + (j + 1) + " has mean " + s.mean()[j]
                        + " and standard deviation " + std + ": not usable for scaling");
            }
            factor[j] = std > 0 ? s.deviation() / std : 0;
        }
        return new FeatureScaler(s, s.mean().clone(), factor);
    }

    /** What a model file stores; null for {@link #NONE}. */
    public ScalingStatistics statistics() {
        return statistics;
    }

    public Scaling method() {
        return statistics == null ? Scaling.NONE : Scaling.STANDARD;
    }

    /** Columns it scales; 0 for {@link #NONE}, which takes any width. */
    public int width() {
        return offset == null ? 0 : offset.length;
    }

    /**
     * The rows in the network's units, as new arrays ({@link #NONE} returns {@code rows} itself).
     *
     * @param ignoreZeroes scale every modality, all-zero or not ({@code -z})
     */
    public float[][] scale(float[][] rows, int mod1Size, boolean ignoreZeroes) {
        if (offset == null) {
            return rows;
        }
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = scale(rows[i], mod1Size, ignoreZeroes);
        }
        return out;
    }

    /** One row in the network's units, a new array (or {@code row} itself for {@link #NONE}). */
    public float[] scale(float[] row, int mod1Size, boolean ignoreZeroes) {
        if (offset == null) {
            return row;
        }
        if (row.length != offset.length) {
            throw new IllegalArgumentException("a row of " + row.length + " values, the scaling has "
                    + offset.length + " columns");
        }
        Presence p = Presence.of(row, mod1Size, ignoreZeroes);
        float[] out = new float[row.length];
        if (p == Presence.BOTH || p == Presence.ONLY_MOD1) {
            scaleRange(row, out, 0, mod1Size);
        }
        if (p == Presence.BOTH || p == Presence.ONLY_MOD2) {
            scaleRange(row, out, mod1Size, row.length);
        }
        return out;
    }

    private void scaleRange(float[] row, float[] out, int from, int to) {
        for (int j = from; j < to; j++) {
            // A constant column is 0, not the -0.0 of (x - mean) * 0 for x below its mean.
            out[j] = factor[j] == 0 ? 0f : (float) ((row[j] - offset[j]) * factor[j]);
        }
    }

    /**
     * Brings {@code row[from, to)}, in the network's units, back to the input's units in place: the
     * inverse of {@link #scale} (a column that never varied gets its constant value back).
     */
    public void unscale(float[] row, int from, int to) {
        if (offset == null) {
            return;
        }
        for (int j = from; j < to; j++) {
            row[j] = (float) (factor[j] == 0 ? offset[j] : row[j] / factor[j] + offset[j]);
        }
    }
}
