package org.bidnn.io.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Where a segment's two modalities are in the rows of a Spark data set: either one Spark ML vector
 * of both, modality 1 first ({@link #joint}), or one vector per modality ({@link #split}). Checks a
 * schema against the layout and turns rows into the {@code [x1 | x2]} rows the model takes; a null
 * vector is a missing modality (all zeros), and values must be finite floats. Shared by the Parquet
 * reader and the Spark ML stages, which wrap its {@link Problem}s in their own errors.
 */
public final class VectorColumns implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String[] columns;
    private final int[] sizes;
    /** How each column's width is named in messages, e.g. {@code mod1size}. */
    private final String[] sizeNames;

    private VectorColumns(String[] columns, int[] sizes, String[] sizeNames) {
        this.columns = columns;
        this.sizes = sizes;
        this.sizeNames = sizeNames;
    }

    /**
     * One vector column of {@code mod1Size + mod2Size} values.
     *
     * @param sizeName how the width is named in messages, e.g. {@code mod1size+mod2size}
     */
    public static VectorColumns joint(String column, int mod1Size, int mod2Size, String sizeName) {
        return new VectorColumns(new String[] {column}, new int[] {mod1Size + mod2Size}, new String[] {sizeName});
    }

    /** Two vector columns of {@code mod1Size} and {@code mod2Size} values; the size names as in {@link #joint}. */
    public static VectorColumns split(String mod1Column, String mod2Column, int mod1Size, int mod2Size,
                                      String mod1SizeName, String mod2SizeName) {
        return new VectorColumns(new String[] {mod1Column, mod2Column}, new int[] {mod1Size, mod2Size},
                new String[] {mod1SizeName, mod2SizeName});
    }

    /** The vector columns, modality 1 first. */
    public List<String> columns() {
        return List.of(columns);
    }

    /** Values per row: mod1Size + mod2Size. */
    public int width() {
        int w = 0;
        for (int s : sizes) {
            w += s;
        }
        return w;
    }

    /**
     * Checks that {@code schema} has every column, as a Spark ML vector, and, where the column's ML
     * attributes declare a vector size, that it is the expected one.
     *
     * @throws Problem naming the column and the expected width
     */
    public void check(StructType schema) {
        for (int i = 0; i < columns.length; i++) {
            StructField field = field(schema, columns[i]);
            String expected = "expected a Spark ML vector of " + width(i) + " values";
            if (field == null) {
                throw new Problem("no column '" + columns[i] + "'", expected);
            }
            if (!(field.dataType() instanceof VectorUDT)) {
                throw new Problem("column '" + columns[i] + "' is " + field.dataType(), expected);
            }
            int declared = AttributeGroup.fromStructField(field).size();
            if (declared >= 0 && declared != sizes[i]) {
                throw new Problem("column '" + columns[i] + "' holds vectors of " + declared + " values",
                        "expected " + width(i));
            }
        }
    }

    /** The positions of the columns in {@code schema} (which {@link #check} has accepted), for {@link #values}. */
    public int[] fieldIndices(StructType schema) {
        int[] fields = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            fields[i] = schema.fieldIndex(columns[i]);
        }
        return fields;
    }

    /**
     * The {@code [x1 | x2]} row held by {@code row}'s fields {@code fields} (see {@link #fieldIndices}).
     *
     * @throws Problem when a vector has the wrong size or a value that is not a finite float; its
     *                 {@link Problem#what()} has no subject ("has 3 values in mod1"), for the caller to name the row
     */
    public float[] values(Row row, int[] fields) {
        float[] values = new float[width()];
        int offset = 0;
        for (int i = 0; i < columns.length; i++) {
            copy(row, fields[i], i, values, offset);
            offset += sizes[i];
        }
        return values;
    }

    private void copy(Row row, int field, int column, float[] values, int offset) {
        if (row.isNullAt(field)) {
            return;
        }
        Vector v = (Vector) row.get(field);
        if (v.size() != sizes[column]) {
            throw new Problem("has " + v.size() + " values in " + columns[column], "expected " + width(column));
        }
        int bad = MlVectors.copyInto(v, values, offset);
        if (bad >= 0) {
            throw new Problem("has the value " + v.apply(bad) + " in " + columns[column] + " at index " + bad,
                    "values must be finite floats");
        }
    }

    private String width(int column) {
        return sizeNames[column] + " = " + sizes[column];
    }

    private static StructField field(StructType schema, String name) {
        for (StructField f : schema.fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** Data that does not fit the layout: what is wrong, and what was expected instead. */
    public static final class Problem extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final String what;
        private final String expected;

        Problem(String what, String expected) {
            super(what + " (" + expected + ")");
            this.what = what;
            this.expected = expected;
        }

        /** What is wrong, e.g. {@code no column 'mod1'} or, for a row, {@code has 3 values in mod1}. */
        public String what() {
            return what;
        }

        /** What was expected instead, e.g. {@code expected mod1size = 2}. */
        public String expected() {
            return expected;
        }
    }
}
