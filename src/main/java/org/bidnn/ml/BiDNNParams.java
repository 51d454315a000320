package org.bidnn.ml;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.Optimizer;
import org.bidnn.model.Scaling;
import org.bidnn.model.ValueRules;
import org.bidnn.train.SparkTrainingOptions;
import org.bidnn.train.TrainingSettings;

/**
 * The parameters of {@link BiDNN}: the model's ({@link BiDNNModelParams}) and those only training
 * uses, as Spark's {@code ALSParams} extends {@code ALSModelParams}.
 *
 * <p>Where a concept is one of Spark's shared parameters, it has Spark's name, doc and validation:
 * {@code maxIter} (the epochs, once {@code epochs}), {@code stepSize} (the learning rate, once
 * {@code learningRate}) and {@code seed}; the old getters and setters remain as aliases.
 */
public interface BiDNNParams extends BiDNNModelParams {

    /** This stage's training parameter objects. */
    TrainingParamObjects trainingParamObjects();

    /** Drop probability after the central layers, in [0, 1) (default 0.2). */
    default DoubleParam dropout() {
        return trainingParamObjects().dropout;
    }

    /** Spark's shared {@code maxIter}: the epochs to train, 0 or more (default 1000); formerly {@code epochs}. */
    default IntParam maxIter() {
        return trainingParamObjects().maxIter;
    }

    /** Rows per optimiser step of each worker (default 128). */
    default IntParam batchSize() {
        return trainingParamObjects().batchSize;
    }

    /**
     * Spark's shared {@code stepSize}: the learning rate of SGD with Nesterov momentum (default 0.1);
     * formerly {@code learningRate}.
     */
    default DoubleParam stepSize() {
        return trainingParamObjects().stepSize;
    }

    /** Nesterov momentum, in [0, 1) (default 0.9). */
    default DoubleParam momentum() {
        return trainingParamObjects().momentum;
    }

    /** Spark's shared {@code seed}: of the initial weights, the dropout masks and the epoch shuffles (default 1234). */
    default LongParam seed() {
        return trainingParamObjects().seed;
    }

    /** Model replicas trained in parallel; 0 (default) is one per executor. */
    default IntParam workers() {
        return trainingParamObjects().workers;
    }

    /** Minibatches each worker fits between two parameter averagings (default 5). */
    default IntParam averagingFrequency() {
        return trainingParamObjects().averagingFrequency;
    }

    /**
     * Input scaling fitted on the training rows and kept in the model: {@code standard} (default) or
     * {@code none}; a model applies it to every row it transforms ({@link BiDNNModel#getScaling()}).
     */
    default Param<String> scaling() {
        return trainingParamObjects().scaling;
    }

    // --- Getters ----------------------------------------------------------------------------

    default double getDropout() {
        return (Double) getOrDefault(dropout());
    }

    default int getMaxIter() {
        return (Integer) getOrDefault(maxIter());
    }

    /** Alias of {@link #getMaxIter()}, the parameter's name before it took Spark's. */
    default int getEpochs() {
        return getMaxIter();
    }

    default int getBatchSize() {
        return (Integer) getOrDefault(batchSize());
    }

    default double getStepSize() {
        return (Double) getOrDefault(stepSize());
    }

    /** Alias of {@link #getStepSize()}, the parameter's name before it took Spark's. */
    default double getLearningRate() {
        return getStepSize();
    }

    default double getMomentum() {
        return (Double) getOrDefault(momentum());
    }

    default long getSeed() {
        return (Long) getOrDefault(seed());
    }

    default int getWorkers() {
        return (Integer) getOrDefault(workers());
    }

    default int getAveragingFrequency() {
        return (Integer) getOrDefault(averagingFrequency());
    }

    default String getScaling() {
        return getOrDefault(scaling());
    }

    // --- What the parameters mean -----------------------------------------------------------

    /** The network the parameters describe; the sizes must be set. */
    default Architecture architecture() {
        for (Param<?> p : new Param<?>[] {mod1Size(), mod2Size(), hiddenSize(), embeddingSize()}) {
            if (!isDefined(p)) {
                throw new IllegalArgumentException(p.name() + " is not set: a BiDNN needs mod1Size, mod2Size, "
                        + "hiddenSize and embeddingSize");
            }
        }
        return new Architecture(getMod1Size(), getMod2Size(), getHiddenSize(), getEmbeddingSize(),
                ActivationFunction.fromName(getActivation()), getTied(), getDropout());
    }

    default Optimizer optimizer() {
        return new Optimizer(getStepSize(), getMomentum());
    }

    default TrainingSettings trainingSettings() {
        return new TrainingSettings(getMaxIter(), getBatchSize(), getSeed());
    }

    default SparkTrainingOptions sparkTrainingOptions() {
        return new SparkTrainingOptions(getWorkers(), getAveragingFrequency());
    }

    default Scaling scalingMethod() {
        return Scaling.fromName(getScaling());
    }

    /**
     * A stage's training parameter objects, with the stage as their parent, and their defaults set on
     * it. Made once per stage, in its constructor.
     */
    final class TrainingParamObjects implements Serializable {

        private static final long serialVersionUID = 1L;

        final DoubleParam dropout;
        final IntParam maxIter;
        final IntParam batchSize;
        final DoubleParam stepSize;
        final DoubleParam momentum;
        final LongParam seed;
        final IntParam workers;
        final IntParam averagingFrequency;
        final Param<String> scaling;

        TrainingParamObjects(BiDNNParams owner) {
            dropout = new DoubleParam(owner, "dropout", "drop probability after the central layers, "
                    + ValueRules.BELOW_ONE, SparkParamValidators.doubles(ValueRules::isProbability));
            // Spark's shared parameters: their names and docs (HasMaxIter, HasStepSize, HasSeed).
            maxIter = new IntParam(owner, "maxIter", "maximum number of iterations (>= 0)",
                    SparkParamValidators.ints(ValueRules::isCount));
            stepSize = new DoubleParam(owner, "stepSize", "Step size to be used for each iteration of optimization (> 0)",
                    SparkParamValidators.doubles(ValueRules::isRate));
            seed = new LongParam(owner, "seed", "random seed");
            batchSize = new IntParam(owner, "batchSize", "rows per optimiser step of each worker ("
                    + ValueRules.SIZE + ")", SparkParamValidators.ints(ValueRules::isSize));
            momentum = new DoubleParam(owner, "momentum", "Nesterov momentum, " + ValueRules.BELOW_ONE,
                    SparkParamValidators.doubles(ValueRules::isProbability));
            workers = new IntParam(owner, "workers", "model replicas trained in parallel ("
                    + ValueRules.COUNT + "; 0 is one per executor)", SparkParamValidators.ints(ValueRules::isCount));
            averagingFrequency = new IntParam(owner, "averagingFrequency", "minibatches each worker fits between "
                    + "two parameter averagings (" + ValueRules.SIZE + ")", SparkParamValidators.ints(ValueRules::isSize));
            scaling = new Param<>(owner, "scaling", "input scaling fitted on the training rows and kept in the model: "
                    + String.join(", ", scalingNames()), ParamValidators.inArray(Arrays.asList(scalingNames())));

            owner.setDefault(dropout, Architecture.DEFAULT_DROPOUT);
            owner.setDefault(maxIter, TrainingSettings.DEFAULT_EPOCHS);
            owner.setDefault(batchSize, TrainingSettings.DEFAULT_BATCH_SIZE);
            owner.setDefault(stepSize, Optimizer.DEFAULT_LEARNING_RATE);
            owner.setDefault(momentum, Optimizer.DEFAULT_MOMENTUM);
            owner.setDefault(seed, TrainingSettings.DEFAULT_SEED);
            owner.setDefault(workers, 0);
            owner.setDefault(averagingFrequency, SparkTrainingOptions.DEFAULT_AVERAGING_FREQUENCY);
            owner.setDefault(scaling, Scaling.DEFAULT);
        }

        private static String[] scalingNames() {
            return Arrays.stream(Scaling.values()).map(Scaling::cliName).toArray(String[]::new);
        }
    }
}
