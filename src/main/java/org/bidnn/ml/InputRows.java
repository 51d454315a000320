package org.bidnn.ml;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.bidnn.io.spark.VectorColumns;

/** The {@code [x1 | x2]} rows held by a data set's rows, for the fit and the transform. */
final class InputRows implements Serializable {

    private static final long serialVersionUID = 1L;

    private final VectorColumns columns;
    private final int[] fields;

    private InputRows(VectorColumns columns, int[] fields) {
        this.columns = columns;
        this.fields = fields;
    }

    /** @param schema the schema of the rows, which has the columns (see {@link VectorColumns#check}) */
    static InputRows of(VectorColumns columns, StructType schema) {
        return new InputRows(columns, columns.fieldIndices(schema));
    }

    /** @throws IllegalArgumentException naming the column and its expected width */
    float[] values(Row row) {
        try {
            return columns.values(row, fields);
        } catch (VectorColumns.Problem p) {
            throw new IllegalArgumentException("BiDNN input: a row " + p.getMessage(), p);
        }
    }
}
