package org.bidnn.cluster;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One spark-submit run, in its own JVM started by a fixture. In client mode that JVM is the
 * driver. A fixture's {@code close()} kills the submissions still running (a client-mode driver
 * waits forever once its cluster is gone).
 */
public final class Submission {

    private final ClusterProcess process;
    private final DeployMode mode;

    Submission(ClusterProcess process, DeployMode mode) {
        this.process = process;
        this.mode = mode;
    }

    public DeployMode mode() {
        return mode;
    }

    public long pid() {
        return process.pid();
    }

    /** spark-submit's output (stdout and stderr); in client mode, the driver's log too. */
    public Path log() {
        return process.log();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * Waits for spark-submit's exit code. Past {@code timeout} the submission is killed and an
     * AssertionError carries the end of its log.
     */
    public int await(Duration timeout) throws InterruptedException {
        Integer code = process.waitFor(timeout);
        if (code == null) {
            process.close();
            throw new AssertionError("spark-submit still running after " + timeout + ", killed\n" + logTail(80));
        }
        return code;
    }

    public String logTail(int lines) {
        return process.logTail(lines);
    }

    void kill() {
        process.close();
    }
}
