package org.bidnn.jobs.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The rows of the comparison table (the BiDNN paper's Table 3): what represents a segment when
 * anchors and targets are compared by cosine similarity.
 *
 * <p>"Crossmodal expansion of modality 1" represents a segment by its modality 1 and the BiDNN's
 * translation of it into modality 2, each half scaled to unit length (so the cosine is the mean of
 * the two halves' cosines); "of both" is {@code bidnn run -c}'s rule, each present modality kept and
 * a missing one filled in with the translation of the other, again each half at unit length.
 */
public enum Method {
    RAW_MOD1(Family.RAW, "%1$s only (raw features)"),
    RAW_MOD2(Family.RAW, "%2$s only (raw features)"),
    LINEAR_COMBINATION(Family.RAW, "best linear combination of %1$s and %2$s scores"),
    AUTOENCODER_CONCATENATED(Family.AUTOENCODER_CONCATENATED, "autoencoder, concatenated %1$s + %2$s"),
    AUTOENCODER_SHARED(Family.AUTOENCODER_SHARED, "autoencoder, separate %1$s / %2$s, shared central layer"),
    BIDNN_EMBEDDING_MOD1(Family.BIDNN, "BiDNN embedding of %1$s"),
    BIDNN_EMBEDDING_MOD2(Family.BIDNN, "BiDNN embedding of %2$s"),
    BIDNN_EMBEDDING_BOTH(Family.BIDNN, "BiDNN multimodal embedding (%1$s + %2$s)"),
    /**
     * The multimodal embedding with the modality weight chosen as the linear combination's, on the
     * judgments, after every epoch (see {@link org.bidnn.model.ModalityWeight}).
     */
    BIDNN_EMBEDDING_WEIGHTED(Family.BIDNN, "BiDNN multimodal embedding, weighted (%1$s + %2$s)"),
    BIDNN_CROSSMODAL_MOD1(Family.BIDNN, "BiDNN crossmodal expansion of %1$s"),
    BIDNN_CROSSMODAL_MOD2(Family.BIDNN, "BiDNN crossmodal expansion of %2$s"),
    BIDNN_CROSSMODAL_BOTH(Family.BIDNN, "BiDNN crossmodal expansion of both");

    /**
     * Methods sharing one trained model (or none). In the order their trainings are started (BiDNN,
     * which scores the most methods after each epoch, first, so that the longest tasks start first)
     * and their curves drawn (BiDNN's taking the palette's first colours).
     */
    public enum Family {
        BIDNN(true, "BiDNN"),
        AUTOENCODER_CONCATENATED(true, "the concatenated autoencoder"),
        AUTOENCODER_SHARED(true, "the shared-central-layer autoencoder"),
        /** Raw features and their linear combination: nothing to train. */
        RAW(false, "raw features");

        private final boolean trained;
        private final String label;

        Family(boolean trained, String label) {
            this.trained = trained;
            this.label = label;
        }

        /** How messages name it. */
        public String label() {
            return label;
        }

        public boolean trained() {
            return trained;
        }

        public List<Method> methods() {
            return Arrays.stream(Method.values()).filter(m -> m.family == this).toList();
        }
    }

    private final Family family;
    private final String label;

    Method(Family family, String label) {
        this.family = family;
        this.label = label;
    }

    public Family family() {
        return family;
    }

    /** How the table names it, with the modalities' names. */
    public String label(String mod1Name, String mod2Name) {
        return String.format(Locale.ROOT, label, mod1Name, mod2Name);
    }

    /** Its name in the JSON report: {@code bidnn-embedding-mod1}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
