package org.bidnn.io;

import java.util.regex.Pattern;

/**
 * Reads a small text file (on any file system, see {@link Storage}) of fields line by line, for the evaluation files that go with a
 * corpus: anchor lists, relevance judgments, rankings, labels. Blank lines and lines whose first
 * non-blank character is {@code #} are skipped; every other line is split into fields and handed
 * over with its 1-based number, so that the caller's errors name the file and the line
 * ({@link #error}).
 */
public final class TextTable {

    /** Runs of spaces and tabs: for files of ids, which are tokens without blanks. */
    public static final Pattern BLANKS = Pattern.compile("[ \t]+");
    /** One tab: for files whose last field may hold spaces, such as labels. */
    public static final Pattern TAB = Pattern.compile("\t");

    private TextTable() {
    }

    /** What is done with each line that holds fields. */
    @FunctionalInterface
    public interface Row {
        void accept(long line, String[] fields);
    }

    /**
     * @return the number of lines that held fields
     * @throws InputFileException if the file cannot be read, or from {@code row}
     */
    public static long read(Storage storage, String file, Pattern separator, Row row) {
        long rows = 0;
        try (TextLines lines = TextLines.open(storage, file)) {
            for (String content = lines.next(); content != null; content = lines.next()) {
                String trimmed = content.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                rows++;
                String[] fields = separator == BLANKS ? BLANKS.split(trimmed) : separator.split(content, -1);
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = fields[i].strip();
                }
                row.accept(lines.number(), fields);
            }
        }
        return rows;
    }

    /** An error about a line of {@code file}; {@code token} may be null. */
    public static InputFileException error(String file, long line, String token, String what, String detail) {
        return new InputFileException(file, line, token, what, detail);
    }
}
