package org.bidnn.train;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The rows one trainer learns from, each with its stable corpus index: all of them for
 * {@code bidnn run} (a matrix) and a one-worker {@code train}, a shard for a worker of a distributed
 * training (both a {@link ShardFile}).
 */
interface TrainingRowSet {

    int size();

    /** The corpus index of row {@code i} (it fixes the row's place in each epoch's order). */
    long index(int i);

    /**
     * Rows {@code positions} as one minibatch matrix, in that order; the matrix may be reused by the
     * next call, so it is valid until then.
     */
    INDArray gather(int[] positions);

    /**
     * A matrix held by ND4J, its rows indexed 0..n-1 (as {@code run} reads them). Single-precision
     * row-major rows are gathered into a {@link MinibatchBuffer}; anything else through ND4J.
     */
    static TrainingRowSet of(INDArray rows) {
        boolean direct = rows.dataType() == DataType.FLOAT && rows.rank() == 2 && rows.ordering() == 'c'
                && rows.isMatrix() && !rows.isView() && !rows.isEmpty();
        int width = (int) rows.columns();
        MinibatchBuffer batch = direct ? new MinibatchBuffer(width) : null;
        FloatBuffer values = direct ? rows.data().asNioFloat() : null;
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
                if (!direct) {
                    return Nd4j.pullRows(rows, 1, positions);
                }
                batch.start(positions.length);
                for (int position : positions) {
                    values.get(Math.toIntExact(rows.offset() + (long) position * width), batch.nextRow(), 0, width);
                    batch.add();
                }
                return batch.finish();
            }
        };
    }
}
