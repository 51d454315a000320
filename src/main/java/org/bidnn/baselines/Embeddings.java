package org.bidnn.baselines;

import org.bidnn.model.Presence;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Turns a batch's central-layer activations into per-segment embeddings. */
final class Embeddings {

    private Embeddings() {
    }

    /** Row i of {@code central}, or an empty vector for a segment with no modality (as BiDNN's rule). */
    static float[][] rowsOf(INDArray central, float[][] rows, int mod1Size) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = Presence.of(rows[i], mod1Size, false) == Presence.NONE
                    ? new float[0] : central.getRow(i).toFloatVector();
        }
        return out;
    }
}
