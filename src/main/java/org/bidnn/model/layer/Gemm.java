package org.bidnn.model.layer;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemv;

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

    /**
     * Writes the sum of each column of {@code a} into the row vector {@code sums}, as the product
     * {@code a^T · ones}, where OpenBLAS's single-precision paths apply ({@code ones}: a column of
     * ones as long as {@code a}); returns false, having written nothing, where they do not.
     *
     * <p>Why a product: the JIT does not vectorise a float sum (it keeps the order of additions), so
     * the bias gradients' column sums took about 3% of a step of the paper's model as Java loops.
     */
    public static boolean columnSums(INDArray a, INDArray ones, INDArray sums) {
        if (!columnMajorFloat(a) || !columnMajorFloat(ones) || ones.columns() != 1 || ones.rows() != a.rows()
                || sums.dataType() != DataType.FLOAT || sums.rank() != 2 || sums.rows() != 1
                || sums.columns() != a.columns()) {
            return false;
        }
        int step = (int) (sums.columns() == 1 ? 1 : sums.stride(1));
        cblas_sgemv(CblasColMajor, CblasTrans, (int) a.rows(), (int) a.columns(), 1f, pointer(a),
                leadingDimension(a), pointer(ones), 1, 0f, pointer(sums), step);
        return true;
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
