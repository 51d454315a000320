package org.bidnn.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * Writes segments as LibSVM lines: the id, then {@code idx:val} for every non-zero value. Values are
 * written with {@link Float#toString}, the shortest decimal that reads back as the same float, so a
 * write followed by a read is exact.
 */
public final class LibSvmWriter {

    private LibSvmWriter() {
    }

    /**
     * One line without terminator; just the id for an all-zero row.
     *
     * @param zeroBased whether to number columns from 0 instead of the usual 1. Readers (this
     *                  project's and scikit-learn's) infer the base of a file from whether any line
     *                  uses index 0, so a 0-based file reads back shifted unless column 0 is non-zero
     *                  somewhere.
     * @throws IllegalArgumentException if the id could not be read back as one id, or a value is not finite
     */
    public static String formatLine(String id, float[] values, boolean zeroBased) {
        StringBuilder line = new StringBuilder(id.length() + 12 * values.length);
        appendLine(line, id, values, zeroBased);
        return line.toString();
    }

    /** {@link #formatLine} into an existing builder, to reuse it across lines. */
    public static void appendLine(StringBuilder out, String id, float[] values, boolean zeroBased) {
        checkId(id);
        out.append(id);
        int base = zeroBased ? 0 : 1;
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (v == 0) {
                continue;
            }
            if (!Float.isFinite(v)) {
                // Written, it would make a file that no reader accepts; better to fail at the cause.
                throw new IllegalArgumentException("segment " + id + " has the non-finite value " + v
                        + " in column " + (i + 1));
            }
            out.append(' ').append(i + base).append(':').append(Float.toString(v));
        }
    }

    /** Writes {@code ids[i]} with {@code rows[i]} for every i, atomically (see {@link Storage#write}). */
    public static void write(Storage storage, String file, List<String> ids, List<float[]> rows, boolean zeroBased)
            throws IOException {
        if (ids.size() != rows.size()) {
            throw new IllegalArgumentException(ids.size() + " ids but " + rows.size() + " rows");
        }
        write(storage, file, () -> new Iterator<Segment>() {
            private final Iterator<String> id = ids.iterator();
            private final Iterator<float[]> row = rows.iterator();

            @Override
            public boolean hasNext() {
                return id.hasNext();
            }

            @Override
            public Segment next() {
                return new Segment(id.next(), row.next());
            }
        }, zeroBased);
    }

    /** Writes the segments in order, atomically (see {@link Storage#write}). */
    public static void write(Storage storage, String file, Iterable<Segment> segments, boolean zeroBased)
            throws IOException {
        storage.write(file, out -> {
            Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            StringBuilder line = new StringBuilder();
            for (Segment s : segments) {
                line.setLength(0);
                appendLine(line, s.id(), s.values(), zeroBased);
                text.append(line).append('\n');
            }
            text.flush();
        });
    }

    /** An id must come back from the reader as the same single token. */
    private static void checkId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a segment id must be a non-empty token");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isWhitespace(c) || c == '#') {
                throw new BadInputException("segment id '" + id
                        + "' cannot be written to LibSVM: it contains whitespace or '#'");
            }
        }
        if (LibSvmLineParser.looksLikeEntry(id, 0, id.length())) {
            throw new BadInputException("segment id '" + id
                    + "' cannot be written to LibSVM: it would read back as an index:value pair");
        }
    }
}
