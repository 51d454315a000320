package org.bidnn.train;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The rows one trainer learns from, each with its stable corpus index: all of them for
 * {@code bidnn run} and a one-worker {@code train}, a shard for a worker of a distributed training.
 */
interface TrainingRowSet {

    int size();

    /** The corpus index of row {@code i} (it fixes the row's place in each epoch's order). */
    long index(int i);

    /** Rows {@code positions} as one minibatch matrix, in that order. */
    INDArray gather(int[] positions);

    /** A matrix held by ND4J, its rows indexed 0..n-1 (as {@code run} reads them). */
    static TrainingRowSet of(INDArray rows) {
        return new TrainingRowSet() {
            @Override
            public int size() {
                return (int) rows.rows();
            }

            @Override
            public long index(int i) {
                return i;
            }

            @Override
            public INDArray gather(int[] positions) {
                return Nd4j.pullRows(rows, 1, positions);
            }
        };
    }

    /** Compact rows (see {@link CompactRow}), densified a minibatch at a time. */
    static TrainingRowSet of(List<CompactRow> rows) {
        int width = rows.isEmpty() ? 0 : rows.get(0).width();
        return new TrainingRowSet() {
            @Override
            public int size() {
                return rows.size();
            }

            @Override
            public long index(int i) {
                return rows.get(i).index();
            }

            @Override
            public INDArray gather(int[] positions) {
                float[] batch = new float[positions.length * width];
                for (int r = 0; r < positions.length; r++) {
                    rows.get(positions[r]).writeInto(batch, r * width);
                }
                return Nd4j.create(batch, new long[] {positions.length, width}, DataType.FLOAT);
            }
        };
    }
}
