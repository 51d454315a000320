package org.bidnn.io;

import java.io.BufferedReader;
import java.io.IOException;
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
        String source = file;
        long rows = 0;
        try (BufferedReader in = storage.openText(file)) {
            long number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                String content = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                String trimmed = content.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                rows++;
                String[] fields = separator == BLANKS ? BLANKS.split(trimmed) : separator.split(content, -1);
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = fields[i].strip();
                }
                row.accept(number, fields);
            }
        } catch (IOException e) {
            throw InputFileException.unreadable(source, e);
        }
        return rows;
    }

    /** An error about a line of {@code file}; {@code token} may be null. */
    public static InputFileException error(String file, long line, String token, String what, String detail) {
        return new InputFileException(file, line, token, what, detail);
    }
}
