package org.bidnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TrainingRowSetTest {

    private static final int[][] BATCHES = {{5, 0, 5, 11, 2}, {1, 2, 3, 4, 0}, {11, 7}};

    @Test
    void minibatchesOfAnNd4jMatrixAreItsRowsInTheGivenOrderInAReusedColumnMajorMatrix() {
        INDArray rows = Nd4j.rand(DataType.FLOAT, 12, 9).subi(0.5);
        TrainingRowSet set = TrainingRowSet.of(rows);
        assertEquals(12, set.size());
        assertEquals(7, set.index(7));
        for (int[] positions : BATCHES) {
            INDArray batch = set.gather(positions);
            assertEquals('f', batch.ordering(), "each modality of the batch is a contiguous column block");
            assertEquals(Nd4j.pullRows(rows, 1, positions), batch);
        }
    }

    @Test
    void anEmptyMatrixHasNoRows() {
        assertEquals(0, TrainingRowSet.of(Nd4j.create(DataType.FLOAT, 0, 9)).size());
    }

    @Test
    void otherMatricesAreGatheredByNd4j() {
        INDArray rows = Nd4j.rand(DataType.DOUBLE, 12, 9);
        INDArray columnMajor = rows.dup('f');
        for (int[] positions : BATCHES) {
            assertEquals(Nd4j.pullRows(rows, 1, positions), TrainingRowSet.of(rows).gather(positions));
            assertEquals(Nd4j.pullRows(rows, 1, positions), TrainingRowSet.of(columnMajor).gather(positions));
        }
    }
}
