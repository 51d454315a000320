package org.bidnn.jobs.compare;

import java.util.EnumMap;
import java.util.Map;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.FeatureScaler;
import org.bidnn.model.OutputMode;
import org.bidnn.model.ScaledSegmentTransformer;
import org.bidnn.model.SegmentEmbedder;
import org.bidnn.model.TrainedModel;

/** The {@link Representation} of each {@link Method}, given its trained model. */
final class Representations {

    private Representations() {
    }

    /** Raw features: one modality's columns as they are. */
    static Representation raw(Method method, int mod1Size) {
        return switch (method) {
            case RAW_MOD1 -> rows -> Halves.slice(rows, 0, mod1Size);
            case RAW_MOD2 -> rows -> Halves.slice(rows, mod1Size, rows.length == 0 ? mod1Size : rows[0].length);
            default -> throw new IllegalArgumentException(method + " is not a raw-feature method");
        };
    }

    /** An autoencoder baseline: its central layer, of the rows scaled as it learnt them. */
    static Representation autoencoder(SegmentEmbedder embedder, FeatureScaler scaler, int mod1Size, boolean ignoreZeroes) {
        return rows -> embedder.embed(scaler.scale(rows, mod1Size, ignoreZeroes));
    }

    /**
     * The two halves of the multimodal embedding (each modality's central layer, or the present one's
     * twice), for the weighted embedding: the cosine of the embedding weighted by {@code w} is
     * {@code w} times the first half's cosine plus {@code 1 - w} times the second's.
     */
    static Representation[] embeddingHalves(TrainedModel model, boolean ignoreZeroes) {
        ScaledSegmentTransformer embedding = new ScaledSegmentTransformer(model.withModalityWeight(null),
                OutputMode.EMBEDDING, false, ignoreZeroes);
        int half = model.network().architecture().centralSize();
        return new Representation[] {
            rows -> Halves.slice(embedding.transform(rows), 0, half),
            rows -> Halves.slice(embedding.transform(rows), half, 2 * half)};
    }

    /**
     * The six BiDNN methods. "Of modality 1" hides modality 2 from the model (the segment is seen as
     * having modality 1 only, whatever it has), and the other way round; "both" applies the model's
     * rules to the segment as it is ({@code ignoreZeroes} as {@code -z}). Rows are in the input's units:
     * the model scales them, and its expansions come back in the input's units, as {@code run -c} writes them.
     * (The weighted embedding is not here: its weight is searched, see {@link #embeddingHalves}.)
     */
    static Map<Method, Representation> bidnn(BiDNNNetwork network, boolean ignoreZeroes) {
        return bidnn(TrainedModel.of(network), ignoreZeroes);
    }

    /** As {@link #bidnn(BiDNNNetwork, boolean)}, for a model with its scaling. */
    static Map<Method, Representation> bidnn(TrainedModel model, boolean ignoreZeroes) {
        int d1 = model.network().architecture().mod1Size();
        int width = model.network().architecture().inputSize();
        ScaledSegmentTransformer embedding = new ScaledSegmentTransformer(model, OutputMode.EMBEDDING, false, ignoreZeroes);
        ScaledSegmentTransformer embeddingAsSeen = new ScaledSegmentTransformer(model, OutputMode.EMBEDDING, false, false);
        ScaledSegmentTransformer expansion = new ScaledSegmentTransformer(model, OutputMode.CROSSMODAL, false, ignoreZeroes);
        ScaledSegmentTransformer expansionAsSeen = new ScaledSegmentTransformer(model, OutputMode.CROSSMODAL, false, false);
        Map<Method, Representation> methods = new EnumMap<>(Method.class);
        methods.put(Method.BIDNN_EMBEDDING_MOD1, rows -> embeddingAsSeen.transform(Halves.zeroed(rows, d1, width)));
        methods.put(Method.BIDNN_EMBEDDING_MOD2, rows -> embeddingAsSeen.transform(Halves.zeroed(rows, 0, d1)));
        methods.put(Method.BIDNN_EMBEDDING_BOTH, embedding::transform);
        methods.put(Method.BIDNN_CROSSMODAL_MOD1,
                rows -> Halves.unitHalves(expansionAsSeen.transform(Halves.zeroed(rows, d1, width)), d1));
        methods.put(Method.BIDNN_CROSSMODAL_MOD2,
                rows -> Halves.unitHalves(expansionAsSeen.transform(Halves.zeroed(rows, 0, d1)), d1));
        methods.put(Method.BIDNN_CROSSMODAL_BOTH, rows -> Halves.unitHalves(expansion.transform(rows), d1));
        return methods;
    }
}
