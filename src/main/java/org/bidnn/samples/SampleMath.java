package org.bidnn.samples;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Arithmetic the sample generators share, kept exact enough that every platform writes the same bytes. */
final class SampleMath {

    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);

    private SampleMath() {
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /**
     * Rounds to 4 significant digits through BigDecimal, not by scaling, whose result can differ in
     * the last digit from one formula to another. Four digits keep the files small and are far
     * finer than the noise in the values.
     */
    static float round(double v) {
        return v == 0 ? 0f : new BigDecimal(v).round(FOUR_DIGITS).floatValue();
    }
}
