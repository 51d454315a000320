/**
 * The BiDNN itself: its architecture and optimiser settings, the network ({@code BiDNNNetwork}) and
 * how it embeds a segment or translates one modality into the other ({@code SegmentTransformer},
 * the embedding and crossmodal rules), input scaling, the modality weight, and model files.
 *
 * <p>A core package: it may use {@code model.layer} and {@code io} (to read and write model files),
 * and DL4J/ND4J; it knows nothing of Spark jobs, consoles or the command line, so that training,
 * the Spark jobs and the Spark ML API all share one model.
 */
package org.bidnn.model;
