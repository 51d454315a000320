package org.bidnn.model;

/**
 * A {@link SegmentTransformer} in the input's units: rows are scaled by the model's
 * {@link FeatureScaler} on the way in, translations that fill in a missing modality (crossmodal
 * expansion) are scaled back on the way out, and embeddings get the model's {@link ModalityWeight}.
 * Present modalities of an expansion are written exactly as read. L2 normalisation ({@code -n}) comes
 * last: of the embedding row, or of the filled-in modality in the input's units.
 *
 * <p>Not thread-safe (see {@link BiDNNNetwork}).
 */
public final class ScaledSegmentTransformer implements SegmentEmbedder {

    private final TrainedModel model;
    private final OutputMode mode;
    private final boolean l2Normalize;
    private final boolean ignoreZeroes;
    private final SegmentTransformer network;

    public ScaledSegmentTransformer(TrainedModel model, OutputMode mode, boolean l2Normalize, boolean ignoreZeroes) {
        this.model = model;
        this.mode = mode;
        this.l2Normalize = l2Normalize;
        this.ignoreZeroes = ignoreZeroes;
        // The inner transformer normalises only when nothing comes after it that would undo the norm.
        boolean innerNormalizes = l2Normalize && (mode == OutputMode.EMBEDDING
                ? model.modalityWeight() == null : model.scaler() == FeatureScaler.NONE);
        this.network = new SegmentTransformer(model.network(), mode, innerNormalizes, ignoreZeroes);
    }

    /** Width of every non-empty output row. */
    public int outputSize() {
        return network.outputSize();
    }

    @Override
    public int embeddingSize() {
        return outputSize();
    }

    @Override
    public float[][] embed(float[][] rows) {
        return transform(rows);
    }

    /** Transforms a batch of {@code [x1 | x2]} rows in the input's units; one output row per input row. */
    public float[][] transform(float[][] rows) {
        int d1 = model.network().architecture().mod1Size();
        float[][] out = network.transform(model.scaler().scale(rows, d1, ignoreZeroes));
        if (mode == OutputMode.EMBEDDING) {
            if (model.modalityWeight() != null) {
                ModalityWeight.apply(out, model.modalityWeight());
                if (l2Normalize) {
                    for (float[] row : out) {
                        SegmentTransformer.normalize(row, 0, row.length);
                    }
                }
            }
            return out;
        }
        if (model.scaler() == FeatureScaler.NONE) {
            return out;
        }
        for (int i = 0; i < rows.length; i++) {
            Presence p = Presence.of(rows[i], d1, ignoreZeroes);
            float[] row = out[i];
            switch (p) {
                case ONLY_MOD1 -> fillIn(row, rows[i], d1, row.length, 0, d1);
                case ONLY_MOD2 -> fillIn(row, rows[i], 0, d1, d1, row.length);
                case BOTH, NONE -> out[i] = rows[i].clone();
            }
        }
        return out;
    }

    /** Puts back the present modality as read, and the translation {@code [from, to)} in the input's units. */
    private void fillIn(float[] row, float[] input, int from, int to, int keptFrom, int keptTo) {
        System.arraycopy(input, keptFrom, row, keptFrom, keptTo - keptFrom);
        model.scaler().unscale(row, from, to);
        if (l2Normalize) {
            SegmentTransformer.normalize(row, from, to);
        }
    }
}
