package org.bidnn.jobs.pipeline;

import org.bidnn.io.BadInputException;

/**
 * A job configuration that cannot be run: an unknown or repeated key, a missing required key, a
 * value of the wrong kind or out of range. The message names the file, the line when there is one,
 * and the key: {@code conf/job.conf:12: model.epochs: not a whole number: 'ten'}.
 */
public final class ConfException extends BadInputException {

    private final String file;
    private final String key;
    private final int line;

    ConfException(String file, int line, String key, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (key == null ? "" : key + ": ") + message);
        this.file = file;
        this.key = key;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** The key concerned, or null for a line that is no {@code key = value} at all. */
    public String key() {
        return key;
    }

    /** The 1-based line, or 0 when the problem is a key that is not there. */
    public int line() {
        return line;
    }
}
