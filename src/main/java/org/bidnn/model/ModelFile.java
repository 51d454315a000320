package org.bidnn.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bidnn.io.InputFileException;
import org.bidnn.io.JsonFiles;
import org.bidnn.io.Storage;
import org.bidnn.io.StorageException;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The BiDNN model file: a zip archive with two entries.
 * <ul>
 *   <li>{@code bidnn-model.json}: {@link ModelMetadata}, readable by people and by tools that only
 *       need the sizes;</li>
 *   <li>{@code network.zip}: the network in DL4J's own {@link ModelSerializer} format
 *       (configuration JSON, parameters and, when saved, the optimiser state for resuming).</li>
 * </ul>
 * Files are read and written through Hadoop's file systems ({@link Storage}): a local path, or
 * {@code hdfs://}, {@code s3a://} and the other schemes of the classpath; they are written to a
 * temporary file beside the target and renamed, so readers never see a partial model.
 * Readers refuse a newer {@code formatVersion} than they know. Version 2 added the input scaling and the
 * modality weight to the metadata; a version 1 file reads as a model without either. The optional
 * {@link Provenance} came later within version 2: readers ignore what they do not know, so older
 * programs read files with it, and files without it read as models of unknown provenance. The same bytes also
 * travel in memory ({@link #toBytes}, {@link #fromBytes}), e.g. as a Spark broadcast.
 */
public final class ModelFile {

    public static final String FORMAT = "bidnn-model";
    public static final int FORMAT_VERSION = 2;
    static final String METADATA_ENTRY = "bidnn-model.json";
    static final String NETWORK_ENTRY = "network.zip";
    private static final String PRODUCER = "bidnn-spark " + programVersion();

    private ModelFile() {
    }

    /** A model read back from a file. */
    public record Loaded(BiDNNNetwork network, ModelMetadata metadata) {

        /** The network with its scaling and modality weight, for inference. */
        public TrainedModel model() {
            return new TrainedModel(network, FeatureScaler.of(metadata.scaling()), metadata.modalityWeight(),
                    metadata.provenance());
        }
    }

    /**
     * Writes {@code network} (with its optimiser state, so training can resume) to {@code path}, on
     * any file system {@code storage} reaches, atomically.
     */
    public static void save(BiDNNNetwork network, Storage storage, String path) throws IOException {
        save(TrainedModel.of(network), storage, path);
    }

    /** Writes {@code model}: its network as {@link #save(BiDNNNetwork, Storage, String)}, with its scaling and weight. */
    public static void save(TrainedModel model, Storage storage, String path) throws IOException {
        storage.write(path, out -> write(model, true, out));
    }

    /** The bytes {@link #save} would write, e.g. to broadcast the model to Spark executors. */
    public static byte[] toBytes(BiDNNNetwork network) throws IOException {
        return toBytes(network, true);
    }

    /**
     * The model file's bytes, optionally without the optimiser state: inference never uses it, and
     * for Nesterov momentum it is as large as the parameters, so leaving it out halves what a
     * broadcast ships and what every executor thread holds. Such bytes read back with
     * {@link #fromBytes} but cannot resume training where it stopped.
     */
    public static byte[] toBytes(BiDNNNetwork network, boolean withOptimizerState) throws IOException {
        return toBytes(TrainedModel.of(network), withOptimizerState);
    }

    /** As {@link #toBytes(BiDNNNetwork, boolean)}, with the model's scaling and weight. */
    public static byte[] toBytes(TrainedModel model, boolean withOptimizerState) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(model, withOptimizerState, bytes);
        return bytes.toByteArray();
    }

    private static void write(TrainedModel model, boolean withOptimizerState, OutputStream out) throws IOException {
        BiDNNNetwork network = model.network();
        ModelMetadata metadata = metadataOf(model);
        // ModelSerializer closes the stream it writes to, so it writes to memory, not into our zip.
        ByteArrayOutputStream dl4j = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network.network(), dl4j, withOptimizerState);
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(METADATA_ENTRY));
        zip.write(JsonFiles.bytes(metadata));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(NETWORK_ENTRY));
        dl4j.writeTo(zip);
        zip.closeEntry();
        zip.finish();
    }

    static ModelMetadata metadataOf(TrainedModel model) {
        BiDNNNetwork network = model.network();
        Architecture a = network.architecture();
        Optimizer o = network.optimizer();
        return new ModelMetadata(FORMAT, FORMAT_VERSION, PRODUCER, Instant.now().toString(),
                a.mod1Size(), a.mod2Size(), a.hiddenSize(), a.embeddingSize(), a.activation().cliName(),
                a.tied(), a.dropout(), o.learningRate(), o.momentum(), network.epochsTrained(),
                network.network().getLayerWiseConfigurations().getConf(0).getSeed(),
                model.scaler().statistics(), model.modalityWeight(), model.provenance());
    }

    /** Reads only the metadata. */
    public static ModelMetadata readMetadata(Storage storage, String path) throws IOException {
        return read(storage, path, false).metadata();
    }

    /** Reads the whole model, optimiser state included; a missing or broken file is a {@link ModelFileException}. */
    public static Loaded load(Storage storage, String path) throws IOException {
        return read(storage, path, true);
    }

    /**
     * The bytes of the model file at {@code path}, for a caller that loads the model from them
     * ({@link #fromBytes}) and also needs their hash: both then come from one read of the file.
     * A missing or unreadable file is a {@link ModelFileException}.
     */
    public static byte[] readBytes(Storage storage, String path) throws IOException {
        try (InputStream in = open(storage, path)) {
            return in.readAllBytes();
        }
    }

    /**
     * Reads a whole model from the bytes of a model file (see {@link #toBytes}).
     *
     * @param sourceName where the bytes came from, for error messages
     */
    public static Loaded fromBytes(byte[] bytes, String sourceName) throws IOException {
        return read(new ByteArrayInputStream(bytes), sourceName, true);
    }

    private static Loaded read(Storage storage, String path, boolean withNetwork) throws IOException {
        try (InputStream in = open(storage, path)) {
            return read(in, path, withNetwork);
        }
    }

    private static InputStream open(Storage storage, String path) throws IOException {
        try {
            return storage.open(path);
        } catch (InputFileException e) {
            throw new ModelFileException(path, StorageException.reason((IOException) e.getCause()));
        }
    }

    private static Loaded read(InputStream in, String source, boolean withNetwork) throws IOException {
        ModelMetadata metadata = null;
        byte[] networkBytes = null;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (METADATA_ENTRY.equals(e.getName())) {
                    metadata = JsonFiles.fromBytes(zip.readAllBytes(), ModelMetadata.class);
                } else if (NETWORK_ENTRY.equals(e.getName()) && withNetwork) {
                    networkBytes = zip.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw new ModelFileException(source, "not a readable BiDNN model (" + e.getMessage() + ")");
        }
        if (metadata == null || !FORMAT.equals(metadata.format())) {
            throw new ModelFileException(source, "not a BiDNN model file (no " + METADATA_ENTRY + " entry)");
        }
        if (metadata.formatVersion() > FORMAT_VERSION) {
            throw new ModelFileException(source, "model format version " + metadata.formatVersion()
                    + " is newer than this program reads (" + FORMAT_VERSION + ")");
        }
        checkScalingAndWeight(metadata, source);
        if (!withNetwork) {
            return new Loaded(null, metadata);
        }
        if (networkBytes == null) {
            throw new ModelFileException(source, "the model file has no " + NETWORK_ENTRY + " entry");
        }
        BiDNNNetwork network;
        try {
            network = BiDNNNetwork.wrap(ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(networkBytes), true));
        } catch (IOException | RuntimeException e) {
            // A truncated or foreign network.zip: DL4J's message alone does not say which file.
            throw new ModelFileException(source, "its " + NETWORK_ENTRY + " is not a readable network ("
                    + e.getMessage() + ")");
        }
        if (!network.architecture().equals(metadata.architecture())) {
            throw new ModelFileException(source, "metadata " + metadata.architecture()
                    + " does not match the stored network " + network.architecture());
        }
        return new Loaded(network, metadata);
    }

    /** The scaling must fit the modalities, and the weight be a weight: checked before any use. */
    private static void checkScalingAndWeight(ModelMetadata m, String source) throws ModelFileException {
        try {
            FeatureScaler scaler = FeatureScaler.of(m.scaling());
            if (scaler.width() != 0 && scaler.width() != m.mod1Size() + m.mod2Size()) {
                throw new IllegalArgumentException("the scaling has " + scaler.width() + " columns for "
                        + m.mod1Size() + " + " + m.mod2Size() + " features");
            }
            ModalityWeight.check(m.modalityWeight());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(source, "bad " + METADATA_ENTRY + ": " + e.getMessage());
        }
    }

    /** This program's version: its jar's, or {@code dev} when it runs from classes. */
    static String programVersion() {
        String v = ModelFile.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** A model file that cannot be used; the message names the file. */
    public static final class ModelFileException extends IOException {
        /** @param source the model's name as the user gave it (a path or a URI) */
        public ModelFileException(String source, String problem) {
            super(source + ": " + problem);
        }
    }
}
