package org.bidnn.ml;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.bidnn.embed.PartitionEmbedder;
import org.bidnn.io.spark.MlVectors;

/**
 * The map side of {@link BiDNNModel#transform}: each row of a partition, with its embedding (or
 * crossmodal expansion) appended as a Spark ML vector, computed in batches by
 * {@link PartitionEmbedder}, as {@code bidnn embed} computes them for segments.
 */
final class RowEmbedder implements MapPartitionsFunction<Row, Row>, PartitionEmbedder.Items<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final PartitionEmbedder embedder;
    private final InputRows inputs;

    RowEmbedder(PartitionEmbedder embedder, InputRows inputs) {
        this.embedder = embedder;
        this.inputs = inputs;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        return embedder.transform(rows, this);
    }

    @Override
    public float[] values(Row row, int width) {
        // The columns were made for the model's sizes: the width is right, or the row is refused.
        return inputs.values(row);
    }

    @Override
    public Row result(Row row, float[] output) {
        Object[] values = new Object[row.length() + 1];
        for (int i = 0; i < row.length(); i++) {
            values[i] = row.get(i);
        }
        values[row.length()] = MlVectors.of(output, 0, output.length);
        return RowFactory.create(values);
    }
}
