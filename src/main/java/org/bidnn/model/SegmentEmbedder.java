package org.bidnn.model;

/**
 * Maps segments {@code [x1 | x2]} (a missing modality all zeros) to embeddings compared by cosine:
 * BiDNN's joint space, or a baseline's, so that they are evaluated the same way.
 */
public interface SegmentEmbedder {

    /** One embedding per row; an empty vector for a segment with no modality. */
    float[][] embed(float[][] rows);

    int embeddingSize();
}
