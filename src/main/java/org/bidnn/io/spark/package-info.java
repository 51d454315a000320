/**
 * Segments as Spark datasets: LibSVM and Parquet readers and writers, the segment columns and
 * vectors of Spark ML, and the atomic publication of an output directory (written beside its
 * target, renamed into place once Spark has marked it complete).
 *
 * <p>A core package: it may use {@code io} and {@code spark}, and Spark; never a job, a console or
 * the command line.
 */
package org.bidnn.io.spark;
