package org.bidnn.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.bidnn.embed.ModelBroadcast;
import org.bidnn.embed.PartitionEmbedder;
import org.bidnn.io.Storage;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;
import org.bidnn.model.Provenance;
import org.bidnn.model.TrainedModel;
import org.bidnn.spark.SparkSessions;
import scala.Option;

/**
 * A trained BiDNN as a Spark ML transformer: {@link #transform} adds {@code outputCol}, the
 * embedding of each row (or with {@code mode} = {@code crossmodal}, the row's {@code [x1 | x2]} with
 * each missing modality filled in by translation), by the rules of {@code bidnn embed}: an embedded
 * row with no modality gets an empty vector. The network is broadcast once per transform, and the
 * rows are transformed map-side in batches of {@code blockSize} ({@link PartitionEmbedder}).
 *
 * <p>Made by {@link BiDNN#fit}, read back by {@link #load}, or made from a network or a model file of
 * {@code bidnn run} or {@code bidnn train} ({@link #fromModelFile}). The sizes, activation and tying
 * are the network's; the other parameters ({@link BiDNNModelParams}) are the columns, {@code mode},
 * {@code l2Norm}, {@code ignoreZeroes}, {@code modalityWeight} and {@code blockSize} (once
 * {@code inferenceBatchSize}); the input scaling is the model's ({@link #getScaling()}), applied to
 * every row, and crossmodal expansions come back in the input's units. A model saved by bidnn 0.1.0,
 * whose parameters had the estimator's training parameters too, loads with those dropped.
 *
 * <p>Saved as a directory: Spark's parameter metadata ({@code metadata/}), so that Spark's readers
 * and pipelines know the stage, and the network as a model file ({@code data/model.bidnn}), which
 * {@code bidnn embed --model} and {@code bidnn train --resume} also read.
 */
public final class BiDNNModel extends Model<BiDNNModel> implements BiDNNModelParams, MLWritable {

    private static final long serialVersionUID = 1L;

    /** The network's file, under the saved model's directory. */
    static final String DATA_FILE = "data/model.bidnn";

    private final String uid;
    private final ModelParamObjects params;
    private final BiDNNNetwork network;
    private final TrainedModel trained;

    /** A model of {@code network} (shared, not copied), e.g. one trained by {@code bidnn run}, without scaling. */
    public BiDNNModel(BiDNNNetwork network) {
        this(Identifiable.randomUID("bidnn"), network);
    }

    public BiDNNModel(String uid, BiDNNNetwork network) {
        this(uid, TrainedModel.of(network));
    }

    /** A model of a network with its input scaling and modality weight (a set {@code modalityWeight} param wins). */
    public BiDNNModel(String uid, TrainedModel trained) {
        this.uid = uid;
        this.params = new ModelParamObjects(this);
        this.trained = trained;
        this.network = trained.network();
        Architecture a = network.architecture();
        set(mod1Size(), a.mod1Size());
        set(mod2Size(), a.mod2Size());
        set(hiddenSize(), a.hiddenSize());
        set(embeddingSize(), a.embeddingSize());
        set(activation(), a.activation().cliName());
        set(tied(), a.tied());
    }

    /**
     * The model in a model file, e.g. written by {@code bidnn train --model}: a local path or any
     * URI the active Spark session's Hadoop configuration can read ({@code hdfs://}, {@code s3a://}, …).
     */
    public static BiDNNModel fromModelFile(String path) throws IOException {
        Option<SparkSession> active = SparkSession.getActiveSession();
        Storage storage = active.isDefined() ? SparkSessions.storage(active.get()) : SparkSessions.storageWithoutSession();
        return new BiDNNModel(Identifiable.randomUID("bidnn"), ModelFile.load(storage, path).model());
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public ModelParamObjects modelParamObjects() {
        return params;
    }

    /**
     * The input scaling the model applies ({@code standard} or {@code none}): fixed by training, so
     * not a parameter of the model, as the estimator's {@code scaling} is.
     */
    public String getScaling() {
        return trained.scaler().method().cliName();
    }

    /** What trained the model (its file's provenance), or null if unknown. */
    public Provenance provenance() {
        return trained.provenance();
    }

    /** The network with its input scaling and its own modality weight (not the {@code modalityWeight} param's). */
    public TrainedModel trainedModel() {
        return trained;
    }

    /** The trained network. Not thread-safe: the transform uses copies restored on the executors. */
    public BiDNNNetwork network() {
        return network;
    }

    public BiDNNModel setFeaturesCol(String value) {
        set(featuresCol(), value);
        return this;
    }

    public BiDNNModel setMod1Col(String value) {
        set(mod1Col(), value);
        return this;
    }

    public BiDNNModel setMod2Col(String value) {
        set(mod2Col(), value);
        return this;
    }

    public BiDNNModel setOutputCol(String value) {
        set(outputCol(), value);
        return this;
    }

    public BiDNNModel setMode(String value) {
        set(mode(), value);
        return this;
    }

    public BiDNNModel setL2Norm(boolean value) {
        set(l2Norm(), value);
        return this;
    }

    public BiDNNModel setIgnoreZeroes(boolean value) {
        set(ignoreZeroes(), value);
        return this;
    }

    public BiDNNModel setModalityWeight(double value) {
        set(modalityWeight(), value);
        return this;
    }

    public BiDNNModel setBlockSize(int value) {
        set(blockSize(), value);
        return this;
    }

    /** Sets {@code blockSize}, Spark's name of the rows per inference batch. */
    public BiDNNModel setInferenceBatchSize(int value) {
        return setBlockSize(value);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Architecture a = network.architecture();
        return validateAndTransformSchema(schema, a.mod1Size(), a.mod2Size());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType output = transformSchema(dataset.schema(), true);
        Architecture a = network.architecture();
        InputRows inputs = InputRows.of(inputColumns(a.mod1Size(), a.mod2Size()), dataset.schema());
        ModelBroadcast model;
        try {
            Double weight = getModalityWeightOrNull();
            model = ModelBroadcast.of(JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext()),
                    weight == null ? trained : trained.withModalityWeight(weight), uid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Not destroyed here: the result is lazy and may be computed again. Spark's cleaner frees the
        // broadcast once the result is gone, as for its own models' broadcasts.
        PartitionEmbedder embedder = new PartitionEmbedder(model, outputMode(), getL2Norm(), getIgnoreZeroes(),
                getBlockSize());
        // Row encoders drop the columns' metadata (e.g. ML attributes): the rows are mapped under
        // positional names, then each column gets its name and metadata back.
        StructField[] fields = output.fields();
        StructType positional = new StructType();
        for (int i = 0; i < fields.length; i++) {
            positional = positional.add("_" + i, fields[i].dataType(), fields[i].nullable());
        }
        Dataset<Row> mapped = dataset.toDF().mapPartitions(new RowEmbedder(embedder, inputs), Encoders.row(positional));
        Column[] named = new Column[fields.length];
        for (int i = 0; i < fields.length; i++) {
            named[i] = mapped.col("_" + i).as(fields[i].name(), fields[i].metadata());
        }
        return mapped.select(named);
    }

    @Override
    public BiDNNModel copy(ParamMap extra) {
        return copyValues(new BiDNNModel(uid, trained), extra).setParent(parent());
    }

    @Override
    public String toString() {
        Architecture a = network.architecture();
        return "BiDNNModel: uid=" + uid + ", mod1Size=" + a.mod1Size() + ", mod2Size=" + a.mod2Size()
                + ", hiddenSize=" + a.hiddenSize() + ", embeddingSize=" + a.embeddingSize()
                + ", activation=" + a.activation().cliName() + (a.tied() ? ", tied" : ", untied");
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    /** Reads a model saved with {@code write().save(path)}, e.g. by a {@code PipelineModel}. */
    public static MLReader<BiDNNModel> read() {
        return new Reader();
    }

    public static BiDNNModel load(String path) {
        return read().load(path);
    }

    private static String dataFile(String path) {
        return Storage.child(path, DATA_FILE);
    }

    /** Spark's metadata, then the network as a model file, through Hadoop's file system. */
    private static final class Writer extends MLWriter {

        private final BiDNNModel instance;

        Writer(BiDNNModel instance) {
            this.instance = instance;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter.saveMetadata(instance, path, sc(), Option.empty(), Option.empty());
            try {
                ModelFile.save(instance.trained, Storage.of(sc().hadoopConfiguration()), dataFile(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Reader extends MLReader<BiDNNModel> {

        @Override
        public BiDNNModel load(String path) {
            DefaultParamsReader.Metadata metadata =
                    DefaultParamsReader.loadMetadata(path, sc(), BiDNNModel.class.getName());
            TrainedModel trained;
            try {
                trained = ModelFile.load(Storage.of(sc().hadoopConfiguration()), dataFile(path)).model();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            BiDNNModel model = new BiDNNModel(metadata.uid(), trained);
            SavedParams.set(model, metadata);
            return model;
        }
    }
}
