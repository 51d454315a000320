package org.bidnn.compare;

import java.io.Serializable;
import org.bidnn.model.Architecture;
import org.bidnn.model.Optimizer;
import org.bidnn.train.TrainingSettings;

/**
 * What every training task of a comparison needs, broadcast once: the training rows (segments with
 * both modalities), the evaluation set, and the settings of the models.
 *
 * @param training        epochs, batch size and the first run's seed
 * @param modalityDropout the autoencoders' share of rows shown with one modality zeroed
 */
record CompareData(float[][] trainingRows, EvaluationSet evaluation, Architecture architecture, Optimizer optimizer,
                   TrainingSettings training, double modalityDropout, boolean ignoreZeroes) implements Serializable {
}
