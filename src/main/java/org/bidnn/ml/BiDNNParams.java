package org.bidnn.ml;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.bidnn.embed.PartitionEmbedder;
import org.bidnn.io.spark.SegmentColumns;
import org.bidnn.io.spark.VectorColumns;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.Optimizer;
import org.bidnn.model.OutputMode;
import org.bidnn.model.Scaling;
import org.bidnn.train.SparkTrainingOptions;
import org.bidnn.train.TrainingSettings;
import scala.Function1;

/**
 * The parameters of {@link BiDNN} and {@link BiDNNModel}, declared once, with their validators and
 * defaults (as Spark's {@code Word2VecBase} for {@code Word2Vec} and {@code Word2VecModel}).
 *
 * <p>Spark finds a stage's parameters by reflection, as its public methods without arguments that
 * return a {@link Param}: here the default methods {@link #mod1Size()} etc. Each stage owns its own
 * {@link Param} objects (their parent is the stage's uid), made by {@link Declared} when the stage
 * is constructed; the defaults are the command line's.
 */
public interface BiDNNParams extends Params {

    /** This stage's parameter objects. */
    Declared declared();

    // --- The network: fixed by training, read from the network by a model -------------------

    /** Size of modality 1 (required by {@link BiDNN}). */
    default IntParam mod1Size() {
        return declared().mod1Size;
    }

    /** Size of modality 2 (required by {@link BiDNN}). */
    default IntParam mod2Size() {
        return declared().mod2Size;
    }

    /** Size of the first (and third) hidden layer of each direction (required by {@link BiDNN}). */
    default IntParam hiddenSize() {
        return declared().hiddenSize;
    }

    /** Size of the embedding, even: each central layer has half of it (required by {@link BiDNN}). */
    default IntParam embeddingSize() {
        return declared().embeddingSize;
    }

    /** {@code tanh} (default), {@code sigmoid}, {@code relu} or {@code linear}. */
    default Param<String> activation() {
        return declared().activation;
    }

    /** Whether the two directions share their central weights (default true). */
    default BooleanParam tied() {
        return declared().tied;
    }

    // --- Training ---------------------------------------------------------------------------

    /** Drop probability after the central layers, in [0, 1) (default 0.2). */
    default DoubleParam dropout() {
        return declared().dropout;
    }

    /** Epochs to train, 0 or more (default 1000). */
    default IntParam epochs() {
        return declared().epochs;
    }

    /** Rows per optimiser step of each worker (default 128). */
    default IntParam batchSize() {
        return declared().batchSize;
    }

    /** Learning rate of SGD with Nesterov momentum (default 0.1). */
    default DoubleParam learningRate() {
        return declared().learningRate;
    }

    /** Nesterov momentum, in [0, 1) (default 0.9). */
    default DoubleParam momentum() {
        return declared().momentum;
    }

    /** Seed of the initial weights, the dropout masks and the epoch shuffles (default 1234). */
    default LongParam seed() {
        return declared().seed;
    }

    /** Model replicas trained in parallel; 0 (default) is one per executor. */
    default IntParam workers() {
        return declared().workers;
    }

    /** Minibatches each worker fits between two parameter averagings (default 5). */
    default IntParam averagingFrequency() {
        return declared().averagingFrequency;
    }

    /**
     * Input scaling fitted on the training rows and kept in the model: {@code standard} (default) or
     * {@code none}; a model applies it to every row it transforms.
     */
    default Param<String> scaling() {
        return declared().scaling;
    }

    // --- Columns and output -----------------------------------------------------------------

    /** One vector of both modalities, modality 1 first (default {@code features}); or see {@link #mod1Col()}. */
    default Param<String> featuresCol() {
        return declared().featuresCol;
    }

    /** Vector column of modality 1; set with {@link #mod2Col()} instead of {@link #featuresCol()}. */
    default Param<String> mod1Col() {
        return declared().mod1Col;
    }

    /** Vector column of modality 2; set with {@link #mod1Col()} instead of {@link #featuresCol()}. */
    default Param<String> mod2Col() {
        return declared().mod2Col;
    }

    /** The column the transform adds (default {@code embedding}). */
    default Param<String> outputCol() {
        return declared().outputCol;
    }

    /** {@code embedding} (default) or {@code crossmodal}: the input with each missing modality filled in. */
    default Param<String> mode() {
        return declared().mode;
    }

    /** L2-normalise each embedding; in crossmodal mode, each filled-in modality (default false). */
    default BooleanParam l2Norm() {
        return declared().l2Norm;
    }

    /** Count all-zero modalities as present: train on and transform every row as complete (default false). */
    default BooleanParam ignoreZeroes() {
        return declared().ignoreZeroes;
    }

    /**
     * Weight in [0, 1] of modality 1 in the embedding (each central layer at unit length, weighted so
     * that cosines combine linearly); unset: the model's, else the plain concatenation.
     */
    default DoubleParam modalityWeight() {
        return declared().modalityWeight;
    }

    /** Rows per inference batch in the transform, one matrix product per layer per batch (default 1024). */
    default IntParam inferenceBatchSize() {
        return declared().inferenceBatchSize;
    }

    // --- Getters ----------------------------------------------------------------------------

    default int getMod1Size() {
        return (Integer) getOrDefault(mod1Size());
    }

    default int getMod2Size() {
        return (Integer) getOrDefault(mod2Size());
    }

    default int getHiddenSize() {
        return (Integer) getOrDefault(hiddenSize());
    }

    default int getEmbeddingSize() {
        return (Integer) getOrDefault(embeddingSize());
    }

    default String getActivation() {
        return getOrDefault(activation());
    }

    default boolean getTied() {
        return (Boolean) getOrDefault(tied());
    }

    default double getDropout() {
        return (Double) getOrDefault(dropout());
    }

    default int getEpochs() {
        return (Integer) getOrDefault(epochs());
    }

    default int getBatchSize() {
        return (Integer) getOrDefault(batchSize());
    }

    default double getLearningRate() {
        return (Double) getOrDefault(learningRate());
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

    default String getFeaturesCol() {
        return getOrDefault(featuresCol());
    }

    default String getMod1Col() {
        return getOrDefault(mod1Col());
    }

    default String getMod2Col() {
        return getOrDefault(mod2Col());
    }

    default String getOutputCol() {
        return getOrDefault(outputCol());
    }

    default String getMode() {
        return getOrDefault(mode());
    }

    default boolean getL2Norm() {
        return (Boolean) getOrDefault(l2Norm());
    }

    default boolean getIgnoreZeroes() {
        return (Boolean) getOrDefault(ignoreZeroes());
    }

    default String getScaling() {
        return getOrDefault(scaling());
    }

    /** The modality weight if set, else null. */
    default Double getModalityWeightOrNull() {
        return isDefined(modalityWeight()) ? (Double) getOrDefault(modalityWeight()) : null;
    }

    default int getInferenceBatchSize() {
        return (Integer) getOrDefault(inferenceBatchSize());
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
        return new Optimizer(getLearningRate(), getMomentum());
    }

    default TrainingSettings trainingSettings() {
        return new TrainingSettings(getEpochs(), getBatchSize(), getSeed());
    }

    default SparkTrainingOptions sparkTrainingOptions() {
        return new SparkTrainingOptions(getWorkers(), getAveragingFrequency());
    }

    default OutputMode outputMode() {
        return OutputMode.valueOf(getMode().toUpperCase(Locale.ROOT));
    }

    /**
     * Where the modalities are in the input: {@link #featuresCol()}, or {@link #mod1Col()} and
     * {@link #mod2Col()} when those are set; exactly one of the two.
     */
    default VectorColumns inputColumns(int mod1Size, int mod2Size) {
        boolean has1 = isSet(mod1Col());
        boolean has2 = isSet(mod2Col());
        if (!has1 && !has2) {
            return VectorColumns.joint(getFeaturesCol(), mod1Size, mod2Size, "mod1Size + mod2Size");
        }
        if (has1 != has2) {
            throw new IllegalArgumentException((has1 ? "mod1Col" : "mod2Col") + " is set but "
                    + (has1 ? "mod2Col" : "mod1Col") + " is not: set both, one vector column per modality, "
                    + "or neither and featuresCol to one vector of both");
        }
        if (isSet(featuresCol())) {
            throw new IllegalArgumentException("featuresCol and mod1Col/mod2Col are all set: the input is either "
                    + "one vector of both modalities (featuresCol) or one vector per modality (mod1Col and mod2Col)");
        }
        return VectorColumns.split(getMod1Col(), getMod2Col(), mod1Size, mod2Size, "mod1Size", "mod2Size");
    }

    /**
     * Checks the input columns of {@code schema} for a network of these sizes, and adds the output
     * column: a vector, empty for an embedded row with no modality.
     */
    default StructType validateAndTransformSchema(StructType schema, int mod1Size, int mod2Size) {
        try {
            inputColumns(mod1Size, mod2Size).check(schema);
        } catch (VectorColumns.Problem p) {
            throw new IllegalArgumentException("BiDNN input: " + p.getMessage() + "; the input's columns are "
                    + Arrays.toString(schema.fieldNames()), p);
        }
        String output = getOutputCol();
        if (Arrays.asList(schema.fieldNames()).contains(output)) {
            throw new IllegalArgumentException("BiDNN output column '" + output + "' already exists");
        }
        return schema.add(new StructField(output, SQLDataTypes.VectorType(), false, Metadata.empty()));
    }

    /**
     * A stage's parameter objects, with the stage as their parent, and their defaults set on it.
     * Made once per stage, in its constructor.
     */
    final class Declared implements Serializable {

        private static final long serialVersionUID = 1L;

        final IntParam mod1Size;
        final IntParam mod2Size;
        final IntParam hiddenSize;
        final IntParam embeddingSize;
        final Param<String> activation;
        final BooleanParam tied;
        final DoubleParam dropout;
        final IntParam epochs;
        final IntParam batchSize;
        final DoubleParam learningRate;
        final DoubleParam momentum;
        final LongParam seed;
        final IntParam workers;
        final IntParam averagingFrequency;
        final Param<String> featuresCol;
        final Param<String> mod1Col;
        final Param<String> mod2Col;
        final Param<String> outputCol;
        final Param<String> mode;
        final BooleanParam l2Norm;
        final BooleanParam ignoreZeroes;
        final IntParam inferenceBatchSize;
        final Param<String> scaling;
        final DoubleParam modalityWeight;

        Declared(BiDNNParams owner) {
            mod1Size = new IntParam(owner, "mod1Size", "size of modality 1 (> 0)", ParamValidators.gt(0));
            mod2Size = new IntParam(owner, "mod2Size", "size of modality 2 (> 0)", ParamValidators.gt(0));
            hiddenSize = new IntParam(owner, "hiddenSize",
                    "size of the first and third hidden layers of each direction (> 0)", ParamValidators.gt(0));
            embeddingSize = new IntParam(owner, "embeddingSize",
                    "size of the embedding (> 0, even: each central layer has half of it)", positiveEven());
            activation = new Param<>(owner, "activation", "activation function of every layer: "
                    + String.join(", ", activationNames()), ParamValidators.inArray(Arrays.asList(activationNames())));
            tied = new BooleanParam(owner, "tied", "whether the two directions share their central weights");
            dropout = new DoubleParam(owner, "dropout", "drop probability after the central layers, in [0, 1)",
                    ParamValidators.inRange(0, 1, true, false));
            epochs = new IntParam(owner, "epochs", "epochs to train (>= 0)", ParamValidators.gtEq(0));
            batchSize = new IntParam(owner, "batchSize", "rows per optimiser step of each worker (> 0)",
                    ParamValidators.gt(0));
            learningRate = new DoubleParam(owner, "learningRate", "learning rate (> 0)", ParamValidators.gt(0));
            momentum = new DoubleParam(owner, "momentum", "Nesterov momentum, in [0, 1)",
                    ParamValidators.inRange(0, 1, true, false));
            seed = new LongParam(owner, "seed", "seed of the initial weights, dropout masks and epoch shuffles");
            workers = new IntParam(owner, "workers",
                    "model replicas trained in parallel (>= 0; 0 is one per executor)", ParamValidators.gtEq(0));
            averagingFrequency = new IntParam(owner, "averagingFrequency",
                    "minibatches each worker fits between two parameter averagings (> 0)", ParamValidators.gt(0));
            featuresCol = new Param<>(owner, "featuresCol",
                    "input vector column of both modalities, modality 1 first (unless mod1Col and mod2Col are set)");
            mod1Col = new Param<>(owner, "mod1Col", "input vector column of modality 1 (with mod2Col, instead of featuresCol)");
            mod2Col = new Param<>(owner, "mod2Col", "input vector column of modality 2 (with mod1Col, instead of featuresCol)");
            outputCol = new Param<>(owner, "outputCol", "output column");
            mode = new Param<>(owner, "mode", "what the output column holds: embedding, or crossmodal (the input "
                    + "with each missing modality filled in by translation)", ParamValidators.inArray(Arrays.asList(modeNames())));
            l2Norm = new BooleanParam(owner, "l2Norm",
                    "L2-normalise each embedding; in crossmodal mode, each filled-in modality");
            ignoreZeroes = new BooleanParam(owner, "ignoreZeroes",
                    "count all-zero modalities as present: train on and transform every row as complete");
            inferenceBatchSize = new IntParam(owner, "inferenceBatchSize",
                    "rows per inference batch in the transform (> 0)", ParamValidators.gt(0));
            scaling = new Param<>(owner, "scaling", "input scaling fitted on the training rows and kept in the model: "
                    + String.join(", ", scalingNames()), ParamValidators.inArray(Arrays.asList(scalingNames())));
            modalityWeight = new DoubleParam(owner, "modalityWeight", "weight in [0, 1] of modality 1 in the "
                    + "embedding (unset: the model's)", ParamValidators.inRange(0, 1, true, true));

            owner.setDefault(activation, Architecture.DEFAULT_ACTIVATION);
            owner.setDefault(tied, Architecture.DEFAULT_TIED);
            owner.setDefault(dropout, Architecture.DEFAULT_DROPOUT);
            owner.setDefault(epochs, TrainingSettings.DEFAULT_EPOCHS);
            owner.setDefault(batchSize, TrainingSettings.DEFAULT_BATCH_SIZE);
            owner.setDefault(learningRate, Optimizer.DEFAULT_LEARNING_RATE);
            owner.setDefault(momentum, Optimizer.DEFAULT_MOMENTUM);
            owner.setDefault(seed, TrainingSettings.DEFAULT_SEED);
            owner.setDefault(workers, 0);
            owner.setDefault(averagingFrequency, SparkTrainingOptions.DEFAULT_AVERAGING_FREQUENCY);
            owner.setDefault(featuresCol, SegmentColumns.FEATURES);
            owner.setDefault(outputCol, SegmentColumns.EMBEDDING);
            owner.setDefault(mode, OutputMode.EMBEDDING.name().toLowerCase(Locale.ROOT));
            owner.setDefault(l2Norm, false);
            owner.setDefault(ignoreZeroes, false);
            owner.setDefault(inferenceBatchSize, PartitionEmbedder.DEFAULT_BATCH_SIZE);
            owner.setDefault(scaling, Scaling.DEFAULT);
        }

        private static String[] scalingNames() {
            return Arrays.stream(Scaling.values()).map(Scaling::cliName).toArray(String[]::new);
        }

        private static String[] activationNames() {
            return Arrays.stream(ActivationFunction.values()).map(ActivationFunction::cliName).toArray(String[]::new);
        }

        private static String[] modeNames() {
            return Arrays.stream(OutputMode.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
        }

        private static Function1<Object, Object> positiveEven() {
            return (Function1<Object, Object> & Serializable) v -> (Integer) v > 0 && (Integer) v % 2 == 0;
        }
    }
}
