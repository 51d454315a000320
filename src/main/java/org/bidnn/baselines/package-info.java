/**
 * The baselines of the paper's comparison: the two multimodal autoencoders (concatenated input,
 * shared central layer) trained with modality dropout, and the linear combination of two
 * rankings' scores.
 *
 * <p>A core package: it may use {@code model}, {@code rank} and {@code io}; never a job, a console or
 * the command line.
 */
package org.bidnn.baselines;
