/**
 * Charts as PNG files with XChart (precision per epoch, projections of embeddings), principal
 * components with Spark MLlib's {@code PCA}, drawn headless.
 *
 * <p>A core package: it may use {@code io} and {@code io.spark}; it knows nothing of what is
 * compared, of jobs or of the command line.
 */
package org.bidnn.eval.plot;
