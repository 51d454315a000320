package org.bidnn.spark;

import org.bidnn.io.BadInputException;

/**
 * Finds the user's error in a failed Spark job. A bad input line is detected on an executor, and
 * reaches the driver wrapped in one or more SparkExceptions ("Job aborted due to stage
 * failure: ... Task 3 in stage 1.0 failed ..."); the user needs the line, not the wrapping.
 */
public final class TaskFailures {

    private TaskFailures() {
    }

    /**
     * The {@link BadInputException} (a bad line, an id LibSVM cannot hold, a row of the wrong size)
     * that caused {@code e}, or {@code e} itself if there is none: any other failure is the
     * program's, and keeps Spark's report of where it happened.
     */
    public static Exception unwrap(Exception e) {
        for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof BadInputException) {
                return (RuntimeException) c;
            }
        }
        return e;
    }
}
