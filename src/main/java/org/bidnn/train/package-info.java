/**
 * Training a BiDNN: the local loop, the training on Spark with synchronous parameter averaging over
 * cached shards, the epoch order both share (so one worker on Spark trains the very model of the
 * local loop), the training rows, the fit of the input scaling, and checkpoints.
 *
 * <p>A core package: it may use {@code model}, {@code io}, {@code io.spark} and {@code spark}; it
 * knows nothing of consoles, option records of the command line or the CLI. The jobs that wire a
 * session, options and reporting around it sit above it.
 */
package org.bidnn.train;
