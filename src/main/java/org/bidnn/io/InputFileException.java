package org.bidnn.io;

import java.io.IOException;

/**
 * A problem with an input file, located precisely enough to be fixed by hand: the file, the
 * 1-based line (0 when the problem is not about one line), and the offending token if there is one.
 * The message reads like a compiler diagnostic, e.g.
 * {@code data.svm:12: bad value in token '5:abc' (expected index:value with a finite number)}.
 */
public class InputFileException extends BadInputException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String token;

    /**
     * @param file   the file as the user named it (a local path or a URI)
     * @param line   1-based line number, 0 when not about a line
     * @param token  the offending token, or null
     * @param what   what is wrong, e.g. "bad value"
     * @param detail what was expected instead, or null
     */
    public InputFileException(String file, long line, String token, String what, String detail) {
        this(file, line, token, what, detail, null);
    }

    public InputFileException(String file, long line, String token, String what, String detail,
                              Throwable cause) {
        super(message(file, line, token, what, detail), cause);
        this.file = file;
        this.line = line;
        this.token = token;
    }

    /** A file that could not be read at all, with the reason in words ("no such file"). */
    public static InputFileException unreadable(String source, IOException e) {
        return new InputFileException(source, 0, null, "cannot read file", StorageException.reason(e), e);
    }

    private static String message(String file, long line, String token, String what, String detail) {
        StringBuilder m = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            m.append(':').append(line);
        }
        m.append(": ").append(what);
        if (token != null) {
            m.append(" in token '").append(token).append('\'');
        }
        if (detail != null) {
            m.append(" (").append(detail).append(')');
        }
        return m.toString();
    }

    public String file() {
        return file;
    }

    /** 1-based line number, 0 when the problem is not about one line. */
    public long line() {
        return line;
    }

    /** The offending token, or null. */
    public String token() {
        return token;
    }
}
