/**
 * Starting Spark the project's way: sessions with the settings the model needs, the Kryo
 * registrators of ND4J arrays and records, and finding the user's bad input behind a failed
 * Spark job.
 *
 * <p>A core package: it may use {@code io} only (for storage); everything that runs on Spark uses it.
 */
package org.bidnn.spark;
