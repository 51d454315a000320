package org.bidnn.train;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.bidnn.model.Presence;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Picks the rows a BiDNN learns from: those with both modalities (every row with {@code -z}). */
public final class TrainingRows {

    private TrainingRows() {
    }

    public static INDArray select(List<float[]> rows, int mod1Size, boolean ignoreZeroes) {
        List<float[]> complete = new ArrayList<>();
        for (float[] row : rows) {
            if (Presence.of(row, mod1Size, ignoreZeroes) == Presence.BOTH) {
                complete.add(row);
            }
        }
        if (complete.isEmpty()) {
            return Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 0, rows.isEmpty() ? 0 : rows.get(0).length);
        }
        return Nd4j.create(complete.toArray(new float[0][]));
    }

    /** The same choice on Spark, lazily: the rows of {@code rows} a distributed training learns from. */
    public static JavaRDD<float[]> select(JavaRDD<float[]> rows, int mod1Size, boolean ignoreZeroes) {
        return rows.filter(v -> Presence.of(v, mod1Size, ignoreZeroes) == Presence.BOTH);
    }
}
