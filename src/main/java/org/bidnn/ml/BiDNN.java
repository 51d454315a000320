package org.bidnn.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.bidnn.io.spark.VectorColumns;
import org.bidnn.model.Architecture;
import org.bidnn.model.Provenance;
import org.bidnn.model.TrainedModel;
import org.bidnn.train.SparkModelTraining;
import org.bidnn.train.SparkTrainer;
import org.bidnn.train.TrainingProvenance;
import org.bidnn.train.TrainingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A BiDNN as a Spark ML estimator: {@link #fit} trains a network on the rows of a data set that
 * have both modalities (every row with {@code ignoreZeroes}), with {@link SparkTrainer}, the
 * parameter-averaging training of {@code bidnn train}, and returns a {@link BiDNNModel}.
 *
 * <p>The input is either one vector column of both modalities ({@code featuresCol}, modality 1
 * first, as a LibSVM line), or one vector column per modality ({@code mod1Col} and {@code mod2Col}).
 * A null vector is a missing modality, as an all-zero one. The parameters are those of
 * {@link BiDNNParams}; {@code mod1Size}, {@code mod2Size}, {@code hiddenSize} and
 * {@code embeddingSize} must be set. {@code maxIter}, {@code stepSize} and {@code blockSize} are Spark's
 * names of the epochs, the learning rate and the inference batch: {@link #setEpochs},
 * {@link #setLearningRate} and {@link #setInferenceBatchSize} set them too.
 *
 * <p>The input scaling ({@code scaling}) is fitted on the training rows with MLlib's {@code Summarizer}
 * and kept in the model, which applies it to every row it transforms. The model's file records its
 * provenance: the data set's files, the training rows and settings, the library versions.
 *
 * <p>With {@code workers} = 1, the network is exactly the one {@code bidnn run} (the local
 * trainer) trains on the same rows in the same order with the same settings.
 */
public final class BiDNN extends Estimator<BiDNNModel> implements BiDNNParams, DefaultParamsWritable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BiDNN.class);

    private final String uid;
    private final ModelParamObjects modelParams;
    private final TrainingParamObjects trainingParams;

    public BiDNN() {
        this(Identifiable.randomUID("bidnn"));
    }

    /** For Spark, which copies and reads stages by uid. */
    public BiDNN(String uid) {
        this.uid = uid;
        this.modelParams = new ModelParamObjects(this);
        this.trainingParams = new TrainingParamObjects(this);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public ModelParamObjects modelParamObjects() {
        return modelParams;
    }

    @Override
    public TrainingParamObjects trainingParamObjects() {
        return trainingParams;
    }

    // --- The network ------------------------------------------------------------------------

    public BiDNN setMod1Size(int value) {
        set(mod1Size(), value);
        return this;
    }

    public BiDNN setMod2Size(int value) {
        set(mod2Size(), value);
        return this;
    }

    public BiDNN setHiddenSize(int value) {
        set(hiddenSize(), value);
        return this;
    }

    public BiDNN setEmbeddingSize(int value) {
        set(embeddingSize(), value);
        return this;
    }

    public BiDNN setActivation(String value) {
        set(activation(), value);
        return this;
    }

    public BiDNN setTied(boolean value) {
        set(tied(), value);
        return this;
    }

    // --- Training ---------------------------------------------------------------------------

    public BiDNN setDropout(double value) {
        set(dropout(), value);
        return this;
    }

    public BiDNN setMaxIter(int value) {
        set(maxIter(), value);
        return this;
    }

    /** Sets {@code maxIter}, Spark's name of the epochs to train. */
    public BiDNN setEpochs(int value) {
        return setMaxIter(value);
    }

    public BiDNN setBatchSize(int value) {
        set(batchSize(), value);
        return this;
    }

    public BiDNN setStepSize(double value) {
        set(stepSize(), value);
        return this;
    }

    /** Sets {@code stepSize}, Spark's name of the learning rate. */
    public BiDNN setLearningRate(double value) {
        return setStepSize(value);
    }

    public BiDNN setMomentum(double value) {
        set(momentum(), value);
        return this;
    }

    public BiDNN setSeed(long value) {
        set(seed(), value);
        return this;
    }

    public BiDNN setWorkers(int value) {
        set(workers(), value);
        return this;
    }

    public BiDNN setAveragingFrequency(int value) {
        set(averagingFrequency(), value);
        return this;
    }

    public BiDNN setScaling(String value) {
        set(scaling(), value);
        return this;
    }

    // --- Columns and output, passed on to the model -----------------------------------------

    public BiDNN setFeaturesCol(String value) {
        set(featuresCol(), value);
        return this;
    }

    public BiDNN setMod1Col(String value) {
        set(mod1Col(), value);
        return this;
    }

    public BiDNN setMod2Col(String value) {
        set(mod2Col(), value);
        return this;
    }

    public BiDNN setOutputCol(String value) {
        set(outputCol(), value);
        return this;
    }

    public BiDNN setMode(String value) {
        set(mode(), value);
        return this;
    }

    public BiDNN setL2Norm(boolean value) {
        set(l2Norm(), value);
        return this;
    }

    public BiDNN setIgnoreZeroes(boolean value) {
        set(ignoreZeroes(), value);
        return this;
    }

    public BiDNN setModalityWeight(double value) {
        set(modalityWeight(), value);
        return this;
    }

    public BiDNN setBlockSize(int value) {
        set(blockSize(), value);
        return this;
    }

    /** Sets {@code blockSize}, Spark's name of the rows per inference batch. */
    public BiDNN setInferenceBatchSize(int value) {
        return setBlockSize(value);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Architecture a = architecture();
        return validateAndTransformSchema(schema, a.mod1Size(), a.mod2Size());
    }

    /** Checks the schema, trains ({@link SparkModelTraining}), and gives the model this estimator's parameters. */
    @Override
    public BiDNNModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        Architecture architecture = architecture();
        TrainingSettings settings = trainingSettings();
        VectorColumns columns = inputColumns(architecture.mod1Size(), architecture.mod2Size());
        // Quoted: a name is a column's, never a path into a struct.
        Dataset<Row> selected = dataset.select(columns.columns().stream()
                .map(c -> functions.col("`" + c.replace("`", "``") + "`")).toArray(Column[]::new));
        InputRows inputs = InputRows.of(columns, selected.schema());
        Provenance provenance = TrainingProvenance.spark(Provenance.SPARK_ML, null,
                Arrays.asList(dataset.inputFiles()), settings, sparkTrainingOptions(), null);
        LOG.info("{}: training {} for {} epochs", uid, architecture, settings.epochs());
        TrainedModel trained;
        try {
            trained = new SparkModelTraining(architecture, optimizer(), settings, sparkTrainingOptions(),
                    scalingMethod(), getIgnoreZeroes()).train(dataset.sparkSession(),
                    selected.javaRDD().map(inputs::values), provenance, (epoch, total, loss, took) ->
                            LOG.info("{}: epoch {} of {} took {}s training loss: {}", uid, epoch, total,
                                    took.toMillis() / 1e3, loss));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copyValues(new BiDNNModel(uid, trained.withModalityWeight(getModalityWeightOrNull())), ParamMap.empty())
                .setParent(this);
    }

    @Override
    public BiDNN copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Reads an estimator saved with {@code write().save(path)}, also by bidnn 0.1.0. */
    public static MLReader<BiDNN> read() {
        return new Reader();
    }

    public static BiDNN load(String path) {
        return read().load(path);
    }

    private static final class Reader extends MLReader<BiDNN> {

        @Override
        public BiDNN load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sc(), BiDNN.class.getName());
            BiDNN estimator = new BiDNN(metadata.uid());
            SavedParams.set(estimator, metadata);
            return estimator;
        }
    }
}
