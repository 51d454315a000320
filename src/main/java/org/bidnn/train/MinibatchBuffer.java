package org.bidnn.train;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A minibatch assembled row by row on the heap and handed to the network as one column-major
 * ('f') single-precision matrix; the heap array and the matrix are reused from batch to batch.
 *
 * <p>Why not {@code Nd4j.pullRows}: it allocates a row-major matrix per batch, and the layer then
 * copies each modality's column block into a column-major buffer with one more ND4J op. At the
 * paper's sizes those two native calls took a fifth of a training step; here the gather is one
 * loop and one bulk copy, and each modality of the column-major batch is already the contiguous
 * block the layer's products read in place.
 */
final class MinibatchBuffer {

    private final int width;
    private final float[] row;
    private float[] columns = new float[0];
    private INDArray matrix;
    private int rows = -1;
    private int filled;

    MinibatchBuffer(int width) {
        this.width = width;
        this.row = new float[width];
    }

    /** Starts a batch of {@code rows} rows. */
    void start(int rows) {
        if (rows != this.rows) {
            columns = new float[Math.multiplyExact(rows, width)];
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                matrix = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, width}, 'f');
            }
            this.rows = rows;
        }
        filled = 0;
    }

    /** The next row to fill, all zeros. */
    float[] nextRow() {
        Arrays.fill(row, 0f);
        return row;
    }

    /** Appends the row {@link #nextRow()} returned, once filled. */
    void add() {
        for (int c = 0, at = filled; c < width; c++, at += rows) {
            columns[at] = row[c];
        }
        filled++;
    }

    /** The batch, valid until the next {@link #start}. */
    INDArray finish() {
        if (filled != rows) {
            throw new IllegalStateException(filled + " rows added to a batch of " + rows);
        }
        matrix.data().asNioFloat().put(0, columns, 0, columns.length);
        return matrix;
    }
}
