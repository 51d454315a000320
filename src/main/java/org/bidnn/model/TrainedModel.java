package org.bidnn.model;

/**
 * Everything a model file holds that inference uses: the network, the scaling of its inputs and,
 * when set, the weight of modality 1 in the multimodal embedding.
 *
 * @param modalityWeight weight in [0, 1] of modality 1's half of the embedding, or null for the plain
 *                       concatenation of the central layers (see {@link ModalityWeight})
 * @param provenance what trained the model, or null if unknown; saved with it
 */
public record TrainedModel(BiDNNNetwork network, FeatureScaler scaler, Double modalityWeight, Provenance provenance) {

    /** A model of unknown provenance. */
    public TrainedModel(BiDNNNetwork network, FeatureScaler scaler, Double modalityWeight) {
        this(network, scaler, modalityWeight, null);
    }

    public TrainedModel {
        if (scaler == null) {
            throw new IllegalArgumentException("a model's scaling is required (FeatureScaler.NONE for none)");
        }
        int width = network.architecture().inputSize();
        if (scaler.width() != 0 && scaler.width() != width) {
            throw new IllegalArgumentException("the scaling has " + scaler.width() + " columns, the network takes "
                    + width);
        }
        ModalityWeight.check(modalityWeight);
    }

    /** A network without scaling or weight, as models were before format version 2. */
    public static TrainedModel of(BiDNNNetwork network) {
        return new TrainedModel(network, FeatureScaler.NONE, null);
    }

    public TrainedModel withModalityWeight(Double weight) {
        return new TrainedModel(network, scaler, weight, provenance);
    }

    public TrainedModel withNetwork(BiDNNNetwork other) {
        return new TrainedModel(other, scaler, modalityWeight, provenance);
    }

    public TrainedModel withProvenance(Provenance what) {
        return new TrainedModel(network, scaler, modalityWeight, what);
    }
}
