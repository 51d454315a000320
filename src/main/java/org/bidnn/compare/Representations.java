package org.bidnn.compare;

import java.util.EnumMap;
import java.util.Map;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.OutputMode;
import org.bidnn.model.SegmentEmbedder;
import org.bidnn.model.SegmentTransformer;

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

    /** An autoencoder baseline: its central layer. */
    static Representation autoencoder(SegmentEmbedder embedder) {
        return embedder::embed;
    }

    /**
     * The six BiDNN methods. "Of modality 1" hides modality 2 from the model (the segment is seen as
     * having modality 1 only, whatever it has), and the other way round; "both" applies the model's
     * rules to the segment as it is ({@code ignoreZeroes} as {@code -z}).
     */
    static Map<Method, Representation> bidnn(BiDNNNetwork network, boolean ignoreZeroes) {
        int d1 = network.architecture().mod1Size();
        int width = network.architecture().inputSize();
        SegmentTransformer embedding = new SegmentTransformer(network, OutputMode.EMBEDDING, false, ignoreZeroes);
        SegmentTransformer embeddingAsSeen = new SegmentTransformer(network, OutputMode.EMBEDDING, false, false);
        SegmentTransformer expansion = new SegmentTransformer(network, OutputMode.CROSSMODAL, false, ignoreZeroes);
        SegmentTransformer expansionAsSeen = new SegmentTransformer(network, OutputMode.CROSSMODAL, false, false);
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
