package org.bidnn.jobs.pipeline;

/**
 * Relevance by label instead of judgments ({@code eval.labels}, {@code compare} only): a segment is
 * relevant to another when their labels are equal, and every segment ranks every other.
 *
 * @param idColumn    1-based column of the segment id in the labels file
 * @param labelColumn 1-based column of the label, 0 for the last
 */
public record LabelSettings(String file, int idColumn, int labelColumn) {

    /** {@code eval.labels} and its columns, or null; it excludes {@code eval.qrels}. */
    static LabelSettings read(ConfValues v) {
        String file = v.existingFile("eval.labels");
        if (file == null) {
            return null;
        }
        if (v.existingFile("eval.qrels") != null) {
            throw v.error("eval.labels", "eval.qrels and eval.labels exclude each other: relevance is judged or by label");
        }
        return new LabelSettings(file, v.integer("eval.label-id-column", 1), v.integer("eval.label-column", 0));
    }
}
