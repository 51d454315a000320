package org.bidnn.embed;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.bidnn.io.Segment;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.OutputMode;
import org.bidnn.model.SegmentTransformer;

/**
 * Applies a broadcast BiDNN to an RDD of segments on the executors, map-side: each partition is cut
 * into batches of {@code batchSize} segments, and each batch is one {@link SegmentTransformer#transform}
 * call, so one matrix product per layer per batch. Each output keeps its segment's id, in the
 * partition's order; nothing goes through the driver.
 *
 * <p>A segment with no modality gets an empty embedding, as the original tool writes it (see
 * {@link SegmentTransformer}).
 */
public final class PartitionEmbedder implements FlatMapFunction<Iterator<Segment>, Segment> {

    private static final long serialVersionUID = 1L;

    /** Rows per batch: large enough for efficient matrix products, small enough for any model's memory. */
    public static final int DEFAULT_BATCH_SIZE = 1024;

    private final ModelBroadcast model;
    private final OutputMode mode;
    private final boolean l2Normalize;
    private final boolean ignoreZeroes;
    private final int batchSize;

    /** @see SegmentTransformer#SegmentTransformer for the meaning of the settings */
    public PartitionEmbedder(ModelBroadcast model, OutputMode mode, boolean l2Normalize, boolean ignoreZeroes,
                             int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("the batch size must be positive, got " + batchSize);
        }
        this.model = model;
        this.mode = mode;
        this.l2Normalize = l2Normalize;
        this.ignoreZeroes = ignoreZeroes;
        this.batchSize = batchSize;
    }

    /** The segments' embeddings (or crossmodal expansions), lazily, partition by partition. */
    public JavaRDD<Segment> apply(JavaRDD<Segment> segments) {
        return segments.mapPartitions(this, true);
    }

    @Override
    public Iterator<Segment> call(Iterator<Segment> segments) {
        BiDNNNetwork network = model.network();
        SegmentTransformer transformer = new SegmentTransformer(network, mode, l2Normalize, ignoreZeroes);
        return new Batches(segments, transformer, network.architecture().inputSize(), batchSize);
    }

    /** Transforms the segments a batch at a time, as they are consumed. */
    private static final class Batches implements Iterator<Segment> {
        private final Iterator<Segment> input;
        private final SegmentTransformer transformer;
        private final int width;
        private final String[] ids;
        private final float[][] rows;
        private float[][] out = new float[0][];
        private int next;

        Batches(Iterator<Segment> input, SegmentTransformer transformer, int width, int batchSize) {
            this.input = input;
            this.transformer = transformer;
            this.width = width;
            this.ids = new String[batchSize];
            this.rows = new float[batchSize][];
        }

        @Override
        public boolean hasNext() {
            if (next == out.length && input.hasNext()) {
                transformNextBatch();
            }
            return next < out.length;
        }

        @Override
        public Segment next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Segment s = new Segment(ids[next], out[next]);
            next++;
            return s;
        }

        private void transformNextBatch() {
            int n = 0;
            while (n < rows.length && input.hasNext()) {
                Segment s = input.next();
                if (s.values().length != width) {
                    throw new IllegalArgumentException("segment " + s.id() + " has " + s.values().length
                            + " values, the model takes mod1size+mod2size = " + width);
                }
                ids[n] = s.id();
                rows[n] = s.values();
                n++;
            }
            float[][] batch = n == rows.length ? rows : Arrays.copyOf(rows, n);
            out = transformer.transform(batch);
            Arrays.fill(rows, null);
            next = 0;
        }
    }
}
