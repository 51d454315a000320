package org.bidnn.train;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Counts, from Spark's own task metrics, what a training costs in Spark terms: jobs started,
 * shuffle bytes (read and written) and task result bytes (what workers send back to the driver).
 * Read it with {@link #snapshot()} at epoch ends; the differences are the epoch's figures.
 */
final class SparkJobMetrics extends SparkListener implements AutoCloseable {

    /** Counters at one moment. */
    record Snapshot(long jobs, long shuffleBytes, long resultBytes) {
        Snapshot minus(Snapshot o) {
            return new Snapshot(jobs - o.jobs, shuffleBytes - o.shuffleBytes, resultBytes - o.resultBytes);
        }
    }

    private final SparkContext sc;
    private final AtomicLong jobs = new AtomicLong();
    private final AtomicLong shuffleBytes = new AtomicLong();
    private final AtomicLong resultBytes = new AtomicLong();

    SparkJobMetrics(SparkContext sc) {
        this.sc = sc;
        sc.addSparkListener(this);
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        jobs.incrementAndGet();
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        TaskMetrics m = taskEnd.taskMetrics();
        if (m == null) {
            return;
        }
        shuffleBytes.addAndGet(m.shuffleReadMetrics().totalBytesRead() + m.shuffleWriteMetrics().bytesWritten());
        resultBytes.addAndGet(m.resultSize());
    }

    /** The counters once every event of the jobs run so far has reached this listener. */
    Snapshot snapshot() {
        try {
            // Listener events are delivered asynchronously; Spark's own tests wait like this.
            sc.listenerBus().waitUntilEmpty();
        } catch (TimeoutException e) {
            // Figures of a slow bus lag a little; training goes on.
        }
        return new Snapshot(jobs.get(), shuffleBytes.get(), resultBytes.get());
    }

    @Override
    public void close() {
        sc.removeSparkListener(this);
    }
}
