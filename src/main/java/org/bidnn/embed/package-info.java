/**
 * Embedding a corpus on Spark: the model read once and broadcast, segments transformed in batches
 * on the executors, and for incremental runs the segments' content hashes, the plan of what to
 * embed and what to carry over, and the run's summary.
 *
 * <p>A core package: it may use {@code model}, {@code io}, {@code io.spark} and {@code spark}; never
 * a job, a console or the command line.
 */
package org.bidnn.embed;
