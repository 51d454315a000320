package org.bidnn.model.layer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Java-heap copy of a dense matrix, in the same column-major ('f') layout as the layer's ND4J
 * buffers, for the element-wise work of a step.
 *
 * <p>Why element-wise work leaves ND4J: the native backend (1.0.0-M2, the generic x86-64 build)
 * runs tanh, broadcasts and scalar ops at 3-10 ns an element, so they cost as much as the matrix
 * products at the paper's sizes; the same loops on Java arrays are vectorised by the JIT (about
 * 0.5 ns an element for tanh, 0.1 for a multiply-add), and bulk copies in and out of ND4J's buffers
 * run at memory speed. Loops are written over whole contiguous runs, with no second array read at a
 * different index, because that is the shape the JIT vectorises. Matrix products stay in ND4J.
 *
 * <p>Holds {@code float[]} or {@code double[]} after the network's data type: single precision
 * trains, double precision is what DL4J's gradient checks run in.
 */
final class HostMatrix {

    final int rows;
    final int columns;
    final float[] f;
    final double[] d;

    HostMatrix(DataType type, int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
        int n = Math.multiplyExact(rows, columns);
        if (type == DataType.FLOAT) {
            f = new float[n];
            d = null;
        } else if (type == DataType.DOUBLE) {
            f = null;
            d = new double[n];
        } else {
            throw new IllegalArgumentException("The BiDNN layer computes in FLOAT or DOUBLE, not " + type);
        }
    }

    int length() {
        return rows * columns;
    }

    /** Copies {@code a} here; {@code a} must be 'f'-ordered and contiguous (a buffer or a column block). */
    HostMatrix read(INDArray a) {
        checkContiguous(a);
        if (f != null) {
            a.data().asNioFloat().get((int) a.offset(), f, 0, length());
        } else {
            a.data().asNioDouble().get((int) a.offset(), d, 0, length());
        }
        return this;
    }

    /** Copies this matrix into {@code a}, which must be 'f'-ordered and contiguous. */
    void write(INDArray a) {
        checkContiguous(a);
        if (f != null) {
            a.data().asNioFloat().put((int) a.offset(), f, 0, length());
        } else {
            a.data().asNioDouble().put((int) a.offset(), d, 0, length());
        }
    }

    /** The rows as single-precision arrays, out of the column-major layout. */
    float[][] toRows() {
        float[][] out = new float[rows][columns];
        for (int c = 0; c < columns; c++) {
            int from = c * rows;
            for (int r = 0; r < rows; r++) {
                out[r][c] = f != null ? f[from + r] : (float) d[from + r];
            }
        }
        return out;
    }

    private void checkContiguous(INDArray a) {
        if (a.rows() != rows || a.columns() != columns || !isContiguousColumnMajor(a)) {
            throw new IllegalArgumentException("Expected a contiguous 'f' matrix " + rows + "x" + columns
                    + ", got shape " + java.util.Arrays.toString(a.shape()) + " strides "
                    + java.util.Arrays.toString(a.stride()));
        }
    }

    /** Whether {@code a}'s elements lie column after column without gaps, from its offset on. */
    static boolean isContiguousColumnMajor(INDArray a) {
        return a.rank() == 2 && (a.columns() == 1 || a.stride(1) == a.rows()) && (a.rows() == 1 || a.stride(0) == 1);
    }
}
