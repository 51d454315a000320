package org.bidnn.io.spark;

import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;

/** Conversions between the project's float rows and Spark ML's double vectors. */
public final class MlVectors {

    private MlVectors() {
    }

    /** {@code values[from, to)} as a vector, dense or sparse, whichever is smaller. */
    public static Vector of(float[] values, int from, int to) {
        double[] d = new double[to - from];
        for (int i = from; i < to; i++) {
            d[i - from] = values[i];
        }
        return Vectors.dense(d).compressed();
    }

    /**
     * Copies {@code v} into {@code into[offset, offset + v.size())} as floats.
     *
     * @return the index within {@code v} of the first value that is not finite as a float, or -1
     */
    public static int copyInto(Vector v, float[] into, int offset) {
        if (v instanceof SparseVector sparse) {
            int[] indices = sparse.indices();
            double[] values = sparse.values();
            for (int k = 0; k < indices.length; k++) {
                if (!put(values[k], into, offset + indices[k])) {
                    return indices[k];
                }
            }
        } else {
            double[] values = ((DenseVector) v).values();
            for (int i = 0; i < values.length; i++) {
                if (!put(values[i], into, offset + i)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean put(double value, float[] into, int at) {
        float f = (float) value;
        into[at] = f;
        return Float.isFinite(f);
    }
}
