package org.bidnn.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.Word2Vec;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.recommendation.ALS;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModalityWeight;
import org.bidnn.model.Optimizer;
import org.bidnn.train.SparkTrainingOptions;
import org.bidnn.train.TrainingSettings;
import org.junit.jupiter.api.Test;

/**
 * The parameters of the estimator and the model, as Spark's {@code ParamsSuite} checks its stages'; the
 * split between them; Spark's shared names; and that the parameters accept what the model's records do.
 */
class BiDNNParamsTest {

    /** A valid value of every parameter, each unlike its default. */
    private static final Map<String, Object> SAMPLES = new HashMap<>();

    static {
        SAMPLES.put("mod1Size", 7);
        SAMPLES.put("mod2Size", 5);
        SAMPLES.put("hiddenSize", 9);
        SAMPLES.put("embeddingSize", 6);
        SAMPLES.put("activation", "relu");
        SAMPLES.put("tied", false);
        SAMPLES.put("featuresCol", "both");
        SAMPLES.put("mod1Col", "text");
        SAMPLES.put("mod2Col", "visual");
        SAMPLES.put("outputCol", "out");
        SAMPLES.put("mode", "crossmodal");
        SAMPLES.put("l2Norm", true);
        SAMPLES.put("ignoreZeroes", true);
        SAMPLES.put("modalityWeight", 0.3);
        SAMPLES.put("blockSize", 33);
        SAMPLES.put("dropout", 0.4);
        SAMPLES.put("maxIter", 12);
        SAMPLES.put("batchSize", 16);
        SAMPLES.put("stepSize", 0.01);
        SAMPLES.put("momentum", 0.5);
        SAMPLES.put("seed", 77L);
        SAMPLES.put("workers", 3);
        SAMPLES.put("averagingFrequency", 2);
        SAMPLES.put("scaling", "none");
    }

    private static final List<String> MODEL_PARAMS = List.of("activation", "blockSize", "embeddingSize",
            "featuresCol", "hiddenSize", "ignoreZeroes", "l2Norm", "mod1Col", "mod1Size", "mod2Col", "mod2Size",
            "modalityWeight", "mode", "outputCol", "tied");
    private static final List<String> TRAINING_PARAMS = List.of("averagingFrequency", "batchSize", "dropout",
            "maxIter", "momentum", "scaling", "seed", "stepSize", "workers");
    /** What a model's user may change: not the network's shape, which training fixed. */
    private static final List<String> MODEL_SETTERS = List.of("featuresCol", "mod1Col", "mod2Col", "outputCol", "mode",
            "l2Norm", "ignoreZeroes", "modalityWeight", "blockSize");

    private static BiDNNModel model() {
        return new BiDNNModel(BiDNNNetwork.create(new Architecture(4, 3, 5, 2, ActivationFunction.TANH, true, 0.2),
                Optimizer.DEFAULT, 1));
    }

    private static List<String> names(Param<?>[] params) {
        return Arrays.stream(params).map(Param::name).sorted().toList();
    }

    @Test
    void theEstimatorsParamsPassSparksChecks() throws Exception {
        List<String> all = new java.util.ArrayList<>(MODEL_PARAMS);
        all.addAll(TRAINING_PARAMS);
        StageParamsChecks.checkParams(new BiDNN(), SAMPLES, all);
        // Again with every parameter set, so that copy copies set values too.
        BiDNN set = new BiDNN();
        SAMPLES.forEach((name, value) -> set.set(name, value));
        StageParamsChecks.checkParams(set, SAMPLES, all);
    }

    @Test
    void theModelsParamsPassSparksChecks() throws Exception {
        StageParamsChecks.checkParams(model(), SAMPLES, MODEL_SETTERS);
        BiDNNModel set = model();
        MODEL_SETTERS.forEach(name -> set.set(name, SAMPLES.get(name)));
        StageParamsChecks.checkParams(set, SAMPLES, MODEL_SETTERS);
    }

    @Test
    void theModelHasTheModelParamsAndTheEstimatorAlsoTheTrainingParams() {
        assertEquals(MODEL_PARAMS, names(model().params()));
        List<String> estimator = new java.util.ArrayList<>(MODEL_PARAMS);
        estimator.addAll(TRAINING_PARAMS);
        assertEquals(estimator.stream().sorted().toList(), names(new BiDNN().params()));
    }

    @Test
    void sharedConceptsHaveSparksSharedParams() {
        BiDNN b = new BiDNN();
        Word2Vec w = new Word2Vec();
        assertSame(w.maxIter(), b.maxIter());
        assertSame(w.stepSize(), b.stepSize());
        assertSame(w.seed(), b.seed());
        assertSame(w.outputCol(), b.outputCol());
        assertSame(new LogisticRegression().featuresCol(), b.featuresCol());
        assertSame(new ALS().blockSize(), b.blockSize());
        assertSame(new ALS().blockSize(), model().blockSize());
        // Spark's validators: maxIter >= 0, stepSize > 0, blockSize > 0.
        assertTrue(StageParamsChecks.isValid(b.maxIter(), 0));
        assertFalse(StageParamsChecks.isValid(b.maxIter(), -1));
        assertFalse(StageParamsChecks.isValid(b.stepSize(), 0.0));
        assertFalse(StageParamsChecks.isValid(b.blockSize(), 0));
    }

    /** The same name, doc and type as Spark's shared parameter. */
    private static void assertSame(Param<?> spark, Param<?> ours) {
        assertEquals(spark.name(), ours.name());
        assertEquals(spark.doc(), ours.doc(), spark.name());
        assertEquals(spark.getClass(), ours.getClass(), spark.name());
    }

    @Test
    void theOldSettersAndGettersAreAliasesOfTheSharedParams() {
        BiDNN b = new BiDNN().setEpochs(7).setLearningRate(0.02).setInferenceBatchSize(64);
        assertEquals(7, b.getMaxIter());
        assertEquals(0.02, b.getStepSize());
        assertEquals(64, b.getBlockSize());
        assertEquals(7, b.getEpochs());
        assertEquals(0.02, b.getLearningRate());
        assertEquals(64, b.getInferenceBatchSize());
        assertEquals(new TrainingSettings(7, 128, 1234), b.trainingSettings());
        assertEquals(0.02, b.optimizer().learningRate());
        BiDNNModel m = model().setInferenceBatchSize(10);
        assertEquals(10, m.getBlockSize());
        assertEquals(10, m.getInferenceBatchSize());
    }

    /** For each value: the parameter accepts it exactly when the record that holds it does. */
    @Test
    void theParamsAcceptWhatTheModelsRecordsAccept() {
        BiDNN b = new BiDNN();
        int[] ints = {-1, 0, 1, 2, 3, 8};
        double[] doubles = {-0.5, 0, 0.2, 0.999, 1, 1.5, Double.NaN, Double.POSITIVE_INFINITY};
        for (int n : ints) {
            agree(b.mod1Size(), n, () -> new Architecture(n, 1, 1, 2, ActivationFunction.TANH, true, 0));
            agree(b.hiddenSize(), n, () -> new Architecture(1, 1, n, 2, ActivationFunction.TANH, true, 0));
            agree(b.embeddingSize(), n, () -> new Architecture(1, 1, 1, n, ActivationFunction.TANH, true, 0));
            agree(b.maxIter(), n, () -> new TrainingSettings(n, 1, 0));
            agree(b.batchSize(), n, () -> new TrainingSettings(0, n, 0));
            agree(b.workers(), n, () -> new SparkTrainingOptions(n, 1));
            agree(b.averagingFrequency(), n, () -> new SparkTrainingOptions(0, n));
        }
        for (double v : doubles) {
            agree(b.dropout(), v, () -> new Architecture(1, 1, 1, 2, ActivationFunction.TANH, true, v));
            agree(b.stepSize(), v, () -> new Optimizer(v, 0));
            agree(b.momentum(), v, () -> new Optimizer(0.1, v));
            agree(b.modalityWeight(), v, () -> ModalityWeight.check(v));
        }
    }

    private static void agree(Param<?> param, Object value, Runnable record) {
        boolean recordAccepts;
        try {
            record.run();
            recordAccepts = true;
        } catch (IllegalArgumentException e) {
            recordAccepts = false;
        }
        assertEquals(recordAccepts, StageParamsChecks.isValid(param, value), param.name() + " = " + value);
    }

}
