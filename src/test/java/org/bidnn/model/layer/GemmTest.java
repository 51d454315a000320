package org.bidnn.model.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The direct products equal ND4J's, on the operands the layer gives them: views into one flat vector. */
class GemmTest {

    @Test
    void equalsNd4jOnViewsAtAnOffsetWithEveryTransposition() {
        Nd4j.getRandom().setSeed(3);
        // As DL4J lays parameters out: column-major views at an offset into one flat vector.
        INDArray flat = Nd4j.rand(DataType.FLOAT, 1, 7 + 20 * 30 + 5);
        INDArray w = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(7, 7 + 600)).reshape('f', 20, 30);
        INDArray batch = Nd4j.rand(DataType.FLOAT, 'f', 16, 20);
        INDArray other = Nd4j.rand(DataType.FLOAT, 'f', 16, 30);
        for (double beta : new double[] {0.0, 1.0}) {
            check(batch, w, Nd4j.rand(DataType.FLOAT, 'f', 16, 30), false, false, beta);   // in · W
            check(other, w, Nd4j.rand(DataType.FLOAT, 'f', 16, 20), false, true, beta);    // in · W^T
            check(batch, other, Nd4j.rand(DataType.FLOAT, 'f', 20, 30), true, false, beta); // in^T · delta
            check(other, batch, Nd4j.rand(DataType.FLOAT, 'f', 30, 20), true, false, beta); // delta^T · in
        }
    }

    private static void check(INDArray a, INDArray b, INDArray c, boolean ta, boolean tb, double beta) {
        INDArray expected = c.dup(c.ordering());
        Nd4j.gemm(a, b, expected, ta, tb, 1.0, beta);
        INDArray actual = c.dup(c.ordering());
        Gemm.gemm(a, b, actual, ta, tb, 1.0, beta);
        double[][] want = expected.toDoubleMatrix();
        double[][] got = actual.toDoubleMatrix();
        for (int r = 0; r < want.length; r++) {
            assertArrayEquals(want[r], got[r], 1e-5, "row " + r);
        }
    }
}
