package org.bidnn.jobs.compare;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What one training task sends back to the driver (a record, as everything Spark ships here).
 *
 * @param precisionByEpoch per method of the model, mean P@k after every epoch
 * @param mapByEpoch       per method, MAP after every epoch
 * @param finalRankings    per method, the final rankings, which the driver scores with Spark's
 *                         {@code RankingMetrics}
 * @param lossByEpoch      the training loss of every epoch
 * @param anchorEmbeddings for BiDNN, the anchors' final multimodal embeddings (for the plot of
 *                         their principal components); null for the autoencoders
 * @param modalityWeight   for BiDNN, the weight of modality 1 its weighted embedding chose at the last
 *                         epoch; null for the autoencoders
 */
record TrainingOutcome(Method.Family family, int run, long seed, Map<Method, double[]> precisionByEpoch,
                       Map<Method, double[]> mapByEpoch, Map<Method, Map<String, List<String>>> finalRankings,
                       double[] lossByEpoch, float[][] anchorEmbeddings, double seconds,
                       Double modalityWeight) implements Serializable {
}
