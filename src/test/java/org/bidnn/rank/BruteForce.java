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

    /** The inner product of two vectors. */
    public static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }

    /** A query expanded by its best targets: the query at unit length plus the mean of the targets at unit length. */
    public static float[] expanded(float[] query, java.util.List<float[]> best) {
        double[] sum = new double[query.length];
        double nq = Math.sqrt(dot(query, query));
        for (int j = 0; j < query.length; j++) {
            sum[j] = query[j] / nq;
        }
        for (float[] t : best) {
            double nt = Math.sqrt(dot(t, t));
            for (int j = 0; j < query.length; j++) {
                sum[j] += t[j] / nt / best.size();
            }
        }
        float[] out = new float[query.length];
        for (int j = 0; j < query.length; j++) {
            out[j] = (float) sum[j];
        }
        return out;
    }
}
