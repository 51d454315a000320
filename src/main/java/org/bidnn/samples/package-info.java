/**
 * The seeded generators of {@code data-samples/}: a corpus of two related modalities from topics,
 * and a video hyperlinking set from topics and stories with text and visual features and noisy
 * relevance judgments. The same parameters and seed always write the same bytes.
 *
 * <p>A core package: it may use {@code io} and {@code spark}; never a job, a console or the command
 * line.
 */
package org.bidnn.samples;
