/**
 * The BiDNN as a Spark ML stage: the {@code BiDNN} estimator and the {@code BiDNNModel} it fits,
 * their parameters, their input columns, and saving and loading as Spark ML does.
 *
 * <p>A face of the project, beside the command line: it may use the cores ({@code model},
 * {@code train}, {@code embed}, {@code io}, {@code io.spark}, {@code spark}), never the jobs, the
 * consoles or the CLI.
 */
package org.bidnn.ml;
