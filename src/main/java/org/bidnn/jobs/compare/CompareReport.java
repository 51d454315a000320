package org.bidnn.jobs.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.bidnn.jobs.StageTimer;

/**
 * {@code compare.json}: the comparison table and how it was made.
 *
 * @param protocol         how relevance was decided (judgments or labels) and what was evaluated
 * @param runs             trainings of each trained method
 * @param seeds            their seeds, in run order
 * @param anchors          anchors scored (each with at least one relevant judgment)
 * @param targets          segments the anchors may rank
 * @param trainingRows     segments with both modalities, which every model learned from
 * @param left             listed anchors not scored, and why
 * @param methods          the table, one entry per {@link Method}, in its order
 * @param stages           the stages before the report, with their seconds
 * @param linearCombination P@k and MAP of the late-fusion baseline at every weight tried
 */
@JsonPropertyOrder({"run", "conf", "started", "protocol", "k", "runs", "seeds", "anchors", "targets", "trainingRows", "epochs",
    "methods", "linearCombination", "left", "stages", "settings"})
public record CompareReport(String run, String conf, String started, String protocol, int k, int runs, long[] seeds, int anchors,
                           int targets, long trainingRows, int epochs, List<MethodResult> methods,
                           LinearCombinationResult linearCombination, LeftOut left, List<StageTimer.Stage> stages,
                           Map<String, String> settings) {

    /**
     * One row of the table.
     *
     * @param precisionAtKByEpoch    mean over the runs of P@k after each epoch (trained methods only)
     * @param precisionAtKByEpochStd their standard deviations
     * @param mapByEpoch             mean over the runs of MAP after each epoch
     * @param lossByEpoch            mean training loss of the method's model in each epoch
     * @param weight                 the chosen weight of modality 1 (linear combination; weighted BiDNN
     *                               embedding: the mean over the runs of each run's choice)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MethodResult(String id, String label, boolean trained, Summary precisionAtK,
                               Summary meanAveragePrecision, double[] precisionAtKByEpoch,
                               double[] precisionAtKByEpochStd, double[] mapByEpoch, double[] lossByEpoch,
                               Double weight) {
    }

    public record LinearCombinationResult(double[] weights, double[] precisionAtK, double[] meanAveragePrecision,
                                          double bestWeight) {
    }

    public record LeftOut(List<String> notInCorpus, List<String> withoutRelevant) {
    }

    /** The row of {@code method}. */
    public MethodResult method(Method method) {
        return methods.stream().filter(m -> m.id().equals(method.id())).findFirst().orElseThrow();
    }
}
