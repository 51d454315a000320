package org.bidnn.eval;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bidnn.io.BadInputException;
import org.bidnn.io.Storage;
import org.bidnn.io.TextTable;

/**
 * Class labels of segments, from a tab-separated file: one segment a line, its id in one column
 * and its label in another. {@code id<TAB>label} is the simplest layout; wider ones name their
 * columns, e.g. the Wikipedia set's {@code text_id<TAB>image_id<TAB>category} with the id in
 * column 1 and the label in column 3. Labels are compared as strings and may hold spaces.
 */
public final class Labels {

    /** Labels in a readable order: numbers by value ("2" before "10"), before other labels, which go by text. */
    public static final Comparator<String> NATURAL_ORDER = (a, b) -> {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) {
            int c = Double.compare(x, y);
            return c != 0 ? c : a.compareTo(b);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return a.compareTo(b);
    };

    private Labels() {
    }

    /**
     * @param idColumn    1-based column of the segment id
     * @param labelColumn 1-based column of the label, or 0 for the last column of each line
     * @return id to label, in the order of the file
     * @throws org.bidnn.io.InputFileException if the file cannot be read, has no line, a line lacks
     *                                          the columns or has an empty one, or an id repeats
     */
    public static Map<String, String> read(Storage storage, String file, int idColumn, int labelColumn) {
        if (idColumn <= 0 || labelColumn < 0) {
            throw new BadInputException("columns are numbered from 1, got id column " + idColumn
                    + " and label column " + labelColumn);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        TextTable.read(storage, file, TextTable.TAB, (line, fields) -> {
            int label = labelColumn == 0 ? fields.length : labelColumn;
            int needed = Math.max(idColumn, label);
            if (fields.length < needed || fields.length < 2) {
                throw TextTable.error(file, line, null, "expected at least " + Math.max(needed, 2)
                        + " tab-separated fields, found " + fields.length, "the id is in column " + idColumn
                        + ", the label in " + (labelColumn == 0 ? "the last" : "column " + labelColumn));
            }
            String id = fields[idColumn - 1];
            String value = fields[label - 1];
            if (id.isEmpty() || value.isEmpty()) {
                throw TextTable.error(file, line, null, "empty " + (id.isEmpty() ? "id" : "label"),
                        "column " + (id.isEmpty() ? idColumn : label));
            }
            Long first = lineOf.putIfAbsent(id, line);
            if (first != null) {
                throw TextTable.error(file, line, id, "id listed twice", "first on line " + first);
            }
            labels.put(id, value);
        });
        if (labels.isEmpty()) {
            throw TextTable.error(file, 0, null, "no labels", "the file is empty or has only blank and comment lines");
        }
        return labels;
    }

    private static Double number(String s) {
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
