package org.bidnn.jobs.compare;

import java.io.Serializable;
import org.bidnn.model.Architecture;
import org.bidnn.model.FeatureScaler;
import org.bidnn.model.Optimizer;
import org.bidnn.train.TrainingSettings;

/**
 * What every training task of a comparison needs, broadcast once: the training rows (segments with
 * both modalities), the evaluation set, and the settings of the models.
 *
 * @param training        epochs, batch size and the first run's seed
 * @param trainingRows    the rows in the input's units; the models learn from them scaled by {@code scaler}
 * @param modalityDropout the autoencoders' share of rows shown with one modality zeroed
 * @param scaler          the input scaling fitted on the training rows, applied by every trained model
 * @param weightSteps     the weighted BiDNN embedding tries the weights 0, 1/steps, ..., 1
 * @param weightByMap     choose the weight by MAP first (relevance by label), else by P@k first
 */
record CompareData(float[][] trainingRows, EvaluationSet evaluation, Architecture architecture, Optimizer optimizer,
                   TrainingSettings training, double modalityDropout, boolean ignoreZeroes, FeatureScaler scaler,
                   int weightSteps, boolean weightByMap) implements Serializable {

    /** The training rows in the models' units. */
    float[][] scaledTrainingRows() {
        return scaler.scale(trainingRows, architecture.mod1Size(), ignoreZeroes);
    }
}
