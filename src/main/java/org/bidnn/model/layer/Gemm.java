package org.bidnn.model.layer;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layer's matrix products, {@code c = alpha · op(a) · op(b) + beta · c}, as
 * {@link Nd4j#gemm(INDArray, INDArray, INDArray, boolean, boolean, double, double)} computes them.
 *
 * <p>Single-precision column-major operands go straight to OpenBLAS's {@code cblas_sgemm}, the
 * library ND4J's own CPU products end in (the same {@code libopenblas} ND4J loads). ND4J 1.0.0-M2
 * sends every product through its {@code Mmul} custom op, whose per-call work (an op context, shape
 * inference, argument checks, its dispatch) adds 10 to 15 microseconds to each call: 10 to 15% of a
 * 128×100×200 product, the size of the paper's model ({@code bench/GemmDispatch.java}). Anything else
 * (double precision for the gradient checks, row-major or strided views) takes ND4J's path.
 */
public final class Gemm {

    private Gemm() {
    }

    public static void gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double alpha,
                     double beta) {
        if (!columnMajorFloat(a) || !columnMajorFloat(b) || !columnMajorFloat(c)) {
            Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta);
            return;
        }
        int m = (int) (transposeA ? a.columns() : a.rows());
        int k = (int) (transposeA ? a.rows() : a.columns());
        int n = (int) (transposeB ? b.rows() : b.columns());
        if ((transposeB ? b.columns() : b.rows()) != k || c.rows() != m || c.columns() != n) {
            throw new IllegalArgumentException("cannot multiply " + shape(a, transposeA) + " by " + shape(b, transposeB)
                    + " into " + shape(c, false));
        }
        cblas_sgemm(CblasColMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                m, n, k, (float) alpha, pointer(a), leadingDimension(a), pointer(b), leadingDimension(b), (float) beta,
                pointer(c), leadingDimension(c));
    }

    /** A float matrix whose columns are contiguous runs, one after the other at a fixed distance. */
    private static boolean columnMajorFloat(INDArray x) {
        return x.dataType() == DataType.FLOAT && x.rank() == 2 && !x.isEmpty()
                && (x.rows() == 1 || x.stride(0) == 1) && (x.columns() == 1 || x.stride(1) >= x.rows());
    }

    private static int leadingDimension(INDArray x) {
        return (int) Math.max(x.rows(), x.columns() == 1 ? x.rows() : x.stride(1));
    }

    /** The first element: a view's data buffer starts at the view's offset already. */
    private static FloatPointer pointer(INDArray x) {
        return new FloatPointer(x.data().addressPointer());
    }

    private static String shape(INDArray x, boolean transposed) {
        return transposed ? x.columns() + "×" + x.rows() : x.rows() + "×" + x.columns();
    }
}
