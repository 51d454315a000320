package org.bidnn.ml;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
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
import org.bidnn.model.OutputMode;
import org.bidnn.model.ValueRules;

/**
 * The parameters of a {@link BiDNNModel}: the network's shape, the input and output columns and what
 * the transform computes. {@link BiDNNParams}, the estimator's, adds the training parameters, as
 * Spark's {@code ALSModelParams} and {@code ALSParams}.
 *
 * <p>Where a concept is one of Spark's shared parameters, it has Spark's name, doc and validation:
 * {@code featuresCol}, {@code outputCol} and {@code blockSize} (the rows per inference batch, once
 * {@code inferenceBatchSize}, whose getter and setter remain as aliases).
 *
 * <p>Spark finds a stage's parameters by reflection, as its public methods without arguments that
 * return a {@link Param}: here the default methods {@link #mod1Size()} etc. Each stage owns its own
 * {@link Param} objects (their parent is the stage's uid), made by {@link ModelParamObjects} when the
 * stage is constructed; the defaults are the command line's.
 */
public interface BiDNNModelParams extends Params {

    /** This stage's model parameter objects. */
    ModelParamObjects modelParamObjects();

    // --- The network: fixed by training, read from the network by a model -------------------

    /** Size of modality 1 (required by {@link BiDNN}). */
    default IntParam mod1Size() {
        return modelParamObjects().mod1Size;
    }

    /** Size of modality 2 (required by {@link BiDNN}). */
    default IntParam mod2Size() {
        return modelParamObjects().mod2Size;
    }

    /** Size of the first (and third) hidden layer of each direction (required by {@link BiDNN}). */
    default IntParam hiddenSize() {
        return modelParamObjects().hiddenSize;
    }

    /** Size of the embedding, even: each central layer has half of it (required by {@link BiDNN}). */
    default IntParam embeddingSize() {
        return modelParamObjects().embeddingSize;
    }

    /** {@code tanh} (default), {@code sigmoid}, {@code relu} or {@code linear}. */
    default Param<String> activation() {
        return modelParamObjects().activation;
    }

    /** Whether the two directions share their central weights (default true). */
    default BooleanParam tied() {
        return modelParamObjects().tied;
    }

    // --- Columns and output -----------------------------------------------------------------

    /**
     * Spark's shared {@code featuresCol}: one vector of both modalities, modality 1 first (default
     * {@code features}); or see {@link #mod1Col()}.
     */
    default Param<String> featuresCol() {
        return modelParamObjects().featuresCol;
    }

    /** Vector column of modality 1; set with {@link #mod2Col()} instead of {@link #featuresCol()}. */
    default Param<String> mod1Col() {
        return modelParamObjects().mod1Col;
    }

    /** Vector column of modality 2; set with {@link #mod1Col()} instead of {@link #featuresCol()}. */
    default Param<String> mod2Col() {
        return modelParamObjects().mod2Col;
    }

    /** Spark's shared {@code outputCol}: the column the transform adds (default {@code embedding}). */
    default Param<String> outputCol() {
        return modelParamObjects().outputCol;
    }

    /** {@code embedding} (default) or {@code crossmodal}: the input with each missing modality filled in. */
    default Param<String> mode() {
        return modelParamObjects().mode;
    }

    /** L2-normalise each embedding; in crossmodal mode, each filled-in modality (default false). */
    default BooleanParam l2Norm() {
        return modelParamObjects().l2Norm;
    }

    /** Count all-zero modalities as present: train on and transform every row as complete (default false). */
    default BooleanParam ignoreZeroes() {
        return modelParamObjects().ignoreZeroes;
    }

    /**
     * Weight in [0, 1] of modality 1 in the embedding (each central layer at unit length, weighted so
     * that cosines combine linearly); unset: the model's, else the plain concatenation.
     */
    default DoubleParam modalityWeight() {
        return modelParamObjects().modalityWeight;
    }

    /**
     * Spark's shared {@code blockSize}: rows per inference batch in the transform, one matrix product
     * per layer per batch (default 1024); formerly {@code inferenceBatchSize}.
     */
    default IntParam blockSize() {
        return modelParamObjects().blockSize;
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

    default double getModalityWeight() {
        return (Double) getOrDefault(modalityWeight());
    }

    /** The modality weight if set, else null. */
    default Double getModalityWeightOrNull() {
        return isDefined(modalityWeight()) ? (Double) getOrDefault(modalityWeight()) : null;
    }

    default int getBlockSize() {
        return (Integer) getOrDefault(blockSize());
    }

    /** Alias of {@link #getBlockSize()}, the parameter's name before it took Spark's. */
    default int getInferenceBatchSize() {
        return getBlockSize();
    }

    // --- What the parameters mean -----------------------------------------------------------

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
     * A stage's model parameter objects, with the stage as their parent, and their defaults set on
     * it. Made once per stage, in its constructor.
     */
    final class ModelParamObjects implements Serializable {

        private static final long serialVersionUID = 1L;

        final IntParam mod1Size;
        final IntParam mod2Size;
        final IntParam hiddenSize;
        final IntParam embeddingSize;
        final Param<String> activation;
        final BooleanParam tied;
        final Param<String> featuresCol;
        final Param<String> mod1Col;
        final Param<String> mod2Col;
        final Param<String> outputCol;
        final Param<String> mode;
        final BooleanParam l2Norm;
        final BooleanParam ignoreZeroes;
        final DoubleParam modalityWeight;
        final IntParam blockSize;

        ModelParamObjects(BiDNNModelParams owner) {
            String size = " (" + ValueRules.SIZE + ")";
            mod1Size = new IntParam(owner, "mod1Size", "size of modality 1" + size,
                    SparkParamValidators.ints(ValueRules::isSize));
            mod2Size = new IntParam(owner, "mod2Size", "size of modality 2" + size,
                    SparkParamValidators.ints(ValueRules::isSize));
            hiddenSize = new IntParam(owner, "hiddenSize", "size of the first and third hidden layers of each "
                    + "direction" + size, SparkParamValidators.ints(ValueRules::isSize));
            embeddingSize = new IntParam(owner, "embeddingSize", "size of the embedding ("
                    + ValueRules.EMBEDDING_SIZE + ")", SparkParamValidators.ints(ValueRules::isEmbeddingSize));
            activation = new Param<>(owner, "activation", "activation function of every layer: "
                    + String.join(", ", activationNames()), ParamValidators.inArray(Arrays.asList(activationNames())));
            tied = new BooleanParam(owner, "tied", "whether the two directions share their central weights");
            // Spark's shared parameters: their names and docs (HasFeaturesCol, HasOutputCol, HasBlockSize).
            featuresCol = new Param<>(owner, "featuresCol", "features column name");
            mod1Col = new Param<>(owner, "mod1Col", "input vector column of modality 1 (with mod2Col, instead of featuresCol)");
            mod2Col = new Param<>(owner, "mod2Col", "input vector column of modality 2 (with mod1Col, instead of featuresCol)");
            outputCol = new Param<>(owner, "outputCol", "output column name");
            mode = new Param<>(owner, "mode", "what the output column holds: embedding, or crossmodal (the input "
                    + "with each missing modality filled in by translation)", ParamValidators.inArray(Arrays.asList(modeNames())));
            l2Norm = new BooleanParam(owner, "l2Norm",
                    "L2-normalise each embedding; in crossmodal mode, each filled-in modality");
            ignoreZeroes = new BooleanParam(owner, "ignoreZeroes",
                    "count all-zero modalities as present: train on and transform every row as complete");
            modalityWeight = new DoubleParam(owner, "modalityWeight", "weight " + ValueRules.WEIGHT
                    + " of modality 1 in the embedding (unset: the model's)", SparkParamValidators.doubles(ValueRules::isWeight));
            blockSize = new IntParam(owner, "blockSize", "block size for stacking input data in matrices. Data is "
                    + "stacked within partitions. If block size is more than remaining data in a partition then it is "
                    + "adjusted to the size of this data.", SparkParamValidators.ints(ValueRules::isSize));

            owner.setDefault(activation, Architecture.DEFAULT_ACTIVATION);
            owner.setDefault(tied, Architecture.DEFAULT_TIED);
            owner.setDefault(featuresCol, SegmentColumns.FEATURES);
            owner.setDefault(outputCol, SegmentColumns.EMBEDDING);
            owner.setDefault(mode, OutputMode.EMBEDDING.name().toLowerCase(Locale.ROOT));
            owner.setDefault(l2Norm, false);
            owner.setDefault(ignoreZeroes, false);
            owner.setDefault(blockSize, PartitionEmbedder.DEFAULT_BATCH_SIZE);
        }

        private static String[] activationNames() {
            return Arrays.stream(ActivationFunction.values()).map(ActivationFunction::cliName).toArray(String[]::new);
        }

        private static String[] modeNames() {
            return Arrays.stream(OutputMode.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
        }
    }
}
