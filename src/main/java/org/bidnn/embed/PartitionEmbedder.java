package org.bidnn.embed;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.bidnn.io.BadInputException;
import org.bidnn.io.Segment;
import org.bidnn.model.OutputMode;
import org.bidnn.model.ScaledSegmentTransformer;
import org.bidnn.model.SegmentTransformer;
import org.bidnn.model.TrainedModel;

/**
 * Applies a broadcast BiDNN to an RDD of segments on the executors, map-side: each partition is cut
 * into batches of {@code batchSize} segments, and each batch is one {@link SegmentTransformer#transform}
 * call, so one matrix product per layer per batch, in the input's units ({@link ScaledSegmentTransformer}:
 * the model's scaling and modality weight applied). Each output keeps its segment's id, in the
 * partition's order; nothing goes through the driver. The same batching serves other kinds of
 * items, e.g. the rows of a Spark ML data set ({@link #transform(Iterator, Items)}).
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
        return transform(segments, SEGMENTS);
    }

    /**
     * What the embedder needs to know of the items of a partition: their {@code [x1 | x2]} rows,
     * and how to make an item's result from its output row. Segments are one kind of item, the
     * rows of a Spark data set another.
     */
    public interface Items<T, R> {

        /**
         * The item's {@code [x1 | x2]} row.
         *
         * @param width mod1size + mod2size of the model
         * @throws IllegalArgumentException naming the item, when its row does not have {@code width} values
         */
        float[] values(T item, int width);

        /** The item's result, given its embedding or expansion. */
        R result(T item, float[] output);
    }

    private static final Items<Segment, Segment> SEGMENTS = new Items<>() {
        @Override
        public float[] values(Segment s, int width) {
            if (s.values().length != width) {
                throw new BadInputException("segment " + s.id() + " has " + s.values().length
                        + " values, the model takes mod1size+mod2size = " + width);
            }
            return s.values();
        }

        @Override
        public Segment result(Segment s, float[] output) {
            return new Segment(s.id(), output);
        }
    };

    /**
     * Transforms a partition's items lazily, a batch of {@code batchSize} at a time, in their order,
     * with this executor thread's copy of the broadcast model.
     */
    public <T, R> Iterator<R> transform(Iterator<T> items, Items<T, R> kind) {
        TrainedModel trained = model.model();
        ScaledSegmentTransformer transformer = new ScaledSegmentTransformer(trained, mode, l2Normalize, ignoreZeroes);
        return new Batches<>(items, kind, transformer, trained.network().architecture().inputSize(), batchSize);
    }

    /** Transforms the items a batch at a time, as they are consumed. */
    private static final class Batches<T, R> implements Iterator<R> {
        private final Iterator<T> input;
        private final Items<T, R> kind;
        private final ScaledSegmentTransformer transformer;
        private final int width;
        private final Object[] items;
        private final float[][] rows;
        private float[][] out = new float[0][];
        private int next;

        Batches(Iterator<T> input, Items<T, R> kind, ScaledSegmentTransformer transformer, int width, int batchSize) {
            this.input = input;
            this.kind = kind;
            this.transformer = transformer;
            this.width = width;
            this.items = new Object[batchSize];
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
        public R next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            @SuppressWarnings("unchecked")
            T item = (T) items[next];
            R result = kind.result(item, out[next]);
            items[next] = null;
            next++;
            return result;
        }

        private void transformNextBatch() {
            int n = 0;
            while (n < rows.length && input.hasNext()) {
                T item = input.next();
                rows[n] = kind.values(item, width);
                items[n] = item;
                n++;
            }
            float[][] batch = n == rows.length ? rows : Arrays.copyOf(rows, n);
            out = transformer.transform(batch);
            Arrays.fill(rows, null);
            next = 0;
        }
    }
}
