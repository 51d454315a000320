package org.bidnn.baselines;

import java.io.Serializable;
import org.bidnn.io.BadInputException;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Optimizer;
import org.bidnn.model.ValueRules;

/**
 * The shape and training of a multimodal autoencoder baseline, sized like the BiDNN it is compared
 * with: hidden layers hdn - rep - hdn, the same activation and optimiser.
 *
 * @param embeddingSize units of the central layer, which is the embedding (BiDNN's repsize)
 * @param modalityDropout fraction of training rows presented with one modality zeroed (half of them
 *                        each way) while both are still to be reconstructed, as in Ngiam et al.'s
 *                        bimodal autoencoder: without it an autoencoder never learns to embed a
 *                        segment that has only one modality
 */
public record AutoencoderSettings(int mod1Size, int mod2Size, int hiddenSize, int embeddingSize,
                                  ActivationFunction activation, Optimizer optimizer, double modalityDropout,
                                  long seed) implements Serializable {

    public AutoencoderSettings {
        if (!ValueRules.isSize(mod1Size) || !ValueRules.isSize(mod2Size) || !ValueRules.isSize(hiddenSize)
                || !ValueRules.isSize(embeddingSize)) {
            throw new BadInputException("sizes must be positive");
        }
        if (!ValueRules.isShare(modalityDropout)) {
            throw new BadInputException("modality dropout must be " + ValueRules.SHARE + ", got " + modalityDropout);
        }
    }
}
