package org.bidnn.spark;

import java.time.Duration;
import java.util.Arrays;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;
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

    /**
     * Waits until no job is active and no task runs on any executor of this JVM's Spark session,
     * at most {@code timeout}. A job that failed (on a bad line) has returned, but the tasks it
     * killed end on their own time, and one may still be writing output files. The status comes
     * from Spark's listener events, which arrive late, so it must read idle a few times in a row.
     */
    public static void awaitRunningTasks(Duration timeout) {
        scala.Option<SparkSession> session = SparkSession.getDefaultSession();
        if (session.isEmpty() || session.get().sparkContext().isStopped()) {
            return;
        }
        SparkStatusTracker tracker = session.get().sparkContext().statusTracker();
        long deadline = System.nanoTime() + timeout.toNanos();
        int idle = 0;
        while (idle < 3 && System.nanoTime() < deadline) {
            boolean busy = tracker.getActiveJobIds().length > 0
                    || Arrays.stream(tracker.getExecutorInfos()).anyMatch(e -> e.numRunningTasks() > 0);
            idle = busy ? 0 : idle + 1;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
