package org.bidnn.model;

/** What a trained BiDNN writes for each segment. */
public enum OutputMode {
    /** The multimodal embedding: both central layers, concatenated. */
    EMBEDDING,
    /** The input, with a missing modality filled in by translation from the present one. */
    CROSSMODAL
}
