package org.bidnn.embed;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;
import org.bidnn.model.TrainedModel;

/**
 * A BiDNN shipped to the executors: the model file's bytes as a Spark broadcast (fetched once per
 * executor), restored to a network where it is used.
 *
 * <p>Restoring is costly for a large model (20M parameters: tens of megabytes to unzip and parse),
 * far too costly to repeat for every partition, so each executor thread keeps the network it
 * restored last and reuses it for the next partitions. Per thread, because {@link BiDNNNetwork} is
 * not thread-safe, and an executor runs several tasks at once. The cache is keyed by the SHA-256 of
 * the bytes, computed once on the driver: a thread that meets another model (another job in the
 * same JVM) restores that one instead, and two broadcasts of the same bytes share the network.
 * Keeping only the last model bounds the memory to one network per task thread; it is freed when
 * Spark retires the thread.
 */
public final class ModelBroadcast implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final ThreadLocal<Restored> LAST = new ThreadLocal<>();

    private record Restored(String key, TrainedModel model) {
    }

    private final Broadcast<byte[]> bytes;
    private final String key;
    private final String source;

    private ModelBroadcast(Broadcast<byte[]> bytes, String key, String source) {
        this.bytes = bytes;
        this.key = key;
        this.source = source;
    }

    /**
     * Broadcasts {@code network} for inference: without its optimiser state, which inference does
     * not use and which would double what is shipped and kept (see {@link ModelFile#toBytes(BiDNNNetwork, boolean)}).
     *
     * @param source the model's name, for error messages
     */
    public static ModelBroadcast of(JavaSparkContext sc, BiDNNNetwork network, String source) throws IOException {
        return of(sc, TrainedModel.of(network), source);
    }

    /** As {@link #of(JavaSparkContext, BiDNNNetwork, String)}, with the model's scaling and modality weight. */
    public static ModelBroadcast of(JavaSparkContext sc, TrainedModel trained, String source) throws IOException {
        byte[] model = ModelFile.toBytes(trained, false);
        return new ModelBroadcast(sc.broadcast(model), ContentHash.of(model), source);
    }

    /** This thread's network for the broadcast model, restored on first use in the thread. */
    public BiDNNNetwork network() {
        return model().network();
    }

    /** This thread's copy of the broadcast model (network, scaling, weight), restored on first use in the thread. */
    public TrainedModel model() {
        Restored last = LAST.get();
        if (last == null || !last.key().equals(key)) {
            // Dropped before restoring, so that two large models never need to fit at once.
            LAST.remove();
            try {
                last = new Restored(key, ModelFile.fromBytes(bytes.value(), source).model());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LAST.set(last);
        }
        return last.model();
    }

    /** Frees the broadcast on the driver and the executors, once no job needs it any more. */
    public void destroy() {
        bytes.destroy();
    }
}
