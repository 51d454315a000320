package org.bidnn.rank;

/** The tests' reference computations, in plain loops and doubles, independent of the code they check. */
public final class BruteForce {

    private BruteForce() {
    }

    /** The cosine similarity of two vectors; NaN when either is all zeros. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? Double.NaN : dot / Math.sqrt(na * nb);
    }
}
