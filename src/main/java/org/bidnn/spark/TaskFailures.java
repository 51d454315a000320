package org.bidnn.spark;

import org.bidnn.io.InputFileException;

/**
 * Finds the user's error in a failed Spark job. A bad input line is detected on an executor, and
 * reaches the driver wrapped in one or more SparkExceptions ("Job aborted due to stage
 * failure: ... Task 3 in stage 1.0 failed ..."); the user needs the line, not the wrapping.
 */
public final class TaskFailures {

    private TaskFailures() {
    }

    /**
     * The {@link InputFileException} or {@link IllegalArgumentException} (e.g. an id LibSVM cannot
     * hold) that caused {@code e}, or {@code e} itself if there is none.
     */
    public static Exception unwrap(Exception e) {
        for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof InputFileException || c instanceof IllegalArgumentException) {
                return (RuntimeException) c;
            }
        }
        return e;
    }
}
