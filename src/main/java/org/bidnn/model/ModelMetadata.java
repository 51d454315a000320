package org.bidnn.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The human-readable header of a model file ({@code bidnn-model.json}): what the model is, so that
 * tools can check a model against data without loading its parameters.
 *
 * @param format always {@link ModelFile#FORMAT}
 * @param formatVersion version of the file layout, {@link ModelFile#FORMAT_VERSION} when written
 * @param producer the program and version that wrote the file
 * @param created ISO-8601 time of writing
 * @param epochsTrained epochs of training the parameters have seen
 * @param seed the seed of the initial weights and dropout masks
 * @param scaling the scaling of the inputs, fitted on the training rows; absent (null) for none, and in
 *                files of format version 1
 * @param modalityWeight the weight of modality 1 in the multimodal embedding ({@link ModalityWeight});
 *                       absent for the plain concatenation
 * @param provenance what trained the model ({@link Provenance}); absent in files written before it was
 *                   recorded, and for models made otherwise (e.g. in memory)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelMetadata(
        String format,
        int formatVersion,
        String producer,
        String created,
        int mod1Size,
        int mod2Size,
        int hiddenSize,
        int embeddingSize,
        String activation,
        boolean tied,
        double dropout,
        double learningRate,
        double momentum,
        int epochsTrained,
        long seed,
        ScalingStatistics scaling,
        Double modalityWeight,
        Provenance provenance) {

    public Architecture architecture() {
        return new Architecture(mod1Size, mod2Size, hiddenSize, embeddingSize,
                ActivationFunction.fromName(activation), tied, dropout);
    }
}
