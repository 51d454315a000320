package org.bidnn.cluster;

import java.time.Duration;

/**
 * What a test needs of a cluster fixture ({@link StandaloneCluster}, {@link YarnCluster}) to run
 * an application on it: submit, then wait for success as that cluster manager reports it.
 */
interface SparkCluster extends AutoCloseable {

    /** Starts spark-submit in a JVM of its own and returns at once. */
    Submission submit(SparkApp app, DeployMode mode);

    /** Waits for the submission and fails the test unless the application succeeded. */
    void assertSucceeded(Submission s, Duration timeout) throws InterruptedException;

    /** Kills every process of the fixture by PID. */
    @Override
    void close();
}
