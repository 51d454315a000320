package org.bidnn.model;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Applies a trained BiDNN to segments, batch by batch, with the paper's rules for missing
 * modalities.
 *
 * <p>Embedding: {@code [h1b | h2b]} for a complete segment; {@code [h1b | h1b]} when modality 2 is
 * missing, {@code [h2b | h2b]} when modality 1 is missing (the present side's central layer is
 * duplicated, so every embedding has the same size and segments compare regardless of what they
 * have); an empty vector when both are missing. With L2 normalisation the whole embedding row has
 * unit length.
 *
 * <p>Crossmodal expansion: a missing modality is replaced by the translation of the present one
 * ({@code o2} from x2 fills x1, {@code o1} from x1 fills x2); complete and empty segments are written
 * unchanged. With L2 normalisation the filled-in modality has unit length (as the original tool).
 *
 * <p>One matrix product per layer per batch, not per row. Not thread-safe (see {@link BiDNNNetwork}).
 */
public final class SegmentTransformer {

    private final BiDNNNetwork network;
    private final OutputMode mode;
    private final boolean l2Normalize;
    private final boolean ignoreZeroes;

    public SegmentTransformer(BiDNNNetwork network, OutputMode mode, boolean l2Normalize, boolean ignoreZeroes) {
        this.network = network;
        this.mode = mode;
        this.l2Normalize = l2Normalize;
        this.ignoreZeroes = ignoreZeroes;
    }

    /** Width of every non-empty output row. */
    public int outputSize() {
        Architecture a = network.architecture();
        return mode == OutputMode.EMBEDDING ? a.embeddingSize() : a.inputSize();
    }

    /** Transforms a batch of {@code [x1 | x2]} rows; the result has one row per input row. */
    public float[][] transform(float[][] rows) {
        float[][] out = new float[rows.length][];
        if (rows.length == 0) {
            return out;
        }
        Architecture a = network.architecture();
        // Only what is written: the central layers for an embedding (not both translations, about
        // half the work at the README's sizes), the translations for a crossmodal expansion.
        INDArray batch = columnMajor(rows);
        float[][][] act = mode == OutputMode.EMBEDDING ? network.centralRows(batch) : network.translationRows(batch);
        float[][] first = act[0];
        float[][] second = act[1];
        for (int i = 0; i < rows.length; i++) {
            Presence presence = Presence.of(rows[i], a.mod1Size(), ignoreZeroes);
            out[i] = mode == OutputMode.EMBEDDING
                    ? embedding(first[i], second[i], presence)
                    : expansion(first[i], second[i], presence, rows[i]);
        }
        return out;
    }

    /** @param h1b the row's central layer of direction 1, {@code h2b} of direction 2 */
    private float[] embedding(float[] h1b, float[] h2b, Presence presence) {
        float[] result = switch (presence) {
            case BOTH -> concat(h1b, h2b);
            case ONLY_MOD1 -> concat(h1b, h1b);
            case ONLY_MOD2 -> concat(h2b, h2b);
            case NONE -> new float[0];
        };
        if (l2Normalize) {
            normalize(result, 0, result.length);
        }
        return result;
    }

    /** @param o1 the row's translation of modality 1 into modality 2, {@code o2} the other way */
    private float[] expansion(float[] o1, float[] o2, Presence presence, float[] input) {
        int d1 = network.architecture().mod1Size();
        float[] result = input.clone();
        switch (presence) {
            case ONLY_MOD1 -> {
                System.arraycopy(o1, 0, result, d1, result.length - d1);
                if (l2Normalize) {
                    normalize(result, d1, result.length);
                }
            }
            case ONLY_MOD2 -> {
                System.arraycopy(o2, 0, result, 0, d1);
                if (l2Normalize) {
                    normalize(result, 0, d1);
                }
            }
            case BOTH, NONE -> {
                // Nothing to fill in: written as read.
            }
        }
        return result;
    }

    /**
     * The rows as one column-major matrix: each modality is then a contiguous block the network's
     * products read in place, where a row-major batch has to be copied into that layout first.
     */
    private static INDArray columnMajor(float[][] rows) {
        int width = rows[0].length;
        float[] data = new float[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            float[] row = rows[r];
            for (int c = 0; c < width; c++) {
                data[c * rows.length + r] = row[c];
            }
        }
        return Nd4j.create(data, new long[] {rows.length, width}, 'f');
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Scales {@code v[from, to)} to unit L2 norm; a zero vector stays zero. */
    public static void normalize(float[] v, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) v[i] * v[i];
        }
        if (sum > 0) {
            double scale = 1.0 / Math.sqrt(sum);
            for (int i = from; i < to; i++) {
                v[i] = (float) (v[i] * scale);
            }
        }
    }
}
