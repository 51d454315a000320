package org.bidnn.train;

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
}
