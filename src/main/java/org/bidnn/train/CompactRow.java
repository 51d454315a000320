package org.bidnn.train;

import java.io.Serializable;
import java.nio.ByteBuffer;

/**
 * One training row as a worker keeps it: its stable index in the corpus (which fixes its place in
 * every epoch's order, see {@link EpochShuffle}) and its values, sparse when fewer than half are
 * non-zero, so that a sparse corpus stays about its LibSVM size in the cache.
 *
 * <p>A plain class, not a record: Kryo's field serializer ships it (records would need Java
 * serialization, see {@code RecordKryoRegistrator}), and primitive arrays go as blocks.
 */
public final class CompactRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private long index;
    private int width;
    /** Positions of the non-zero values; null when {@link #values} holds the whole row. */
    private int[] positions;
    private float[] values;

    /** For Kryo. */
    private CompactRow() {
    }

    private CompactRow(long index, int width, int[] positions, float[] values) {
        this.index = index;
        this.width = width;
        this.positions = positions;
        this.values = values;
    }

    public static CompactRow of(long index, float[] row) {
        int nonZero = 0;
        for (float v : row) {
            nonZero += v != 0f ? 1 : 0;
        }
        if (2 * nonZero >= row.length) {
            return new CompactRow(index, row.length, null, row);
        }
        int[] positions = new int[nonZero];
        float[] values = new float[nonZero];
        for (int i = 0, k = 0; i < row.length; i++) {
            if (row[i] != 0f) {
                positions[k] = i;
                values[k++] = row[i];
            }
        }
        return new CompactRow(index, row.length, positions, values);
    }

    public long index() {
        return index;
    }

    public int width() {
        return width;
    }

    /** The bytes {@link #writeTo} writes. */
    int encodedSize() {
        return Long.BYTES + 2 * Integer.BYTES + (positions == null ? 0 : Integer.BYTES * positions.length)
                + Float.BYTES * values.length;
    }

    /** Writes the row (index, width, non-zero count or -1 when dense, positions, values) at the buffer's position. */
    void writeTo(ByteBuffer out) {
        out.putLong(index).putInt(width).putInt(positions == null ? -1 : positions.length);
        if (positions != null) {
            for (int p : positions) {
                out.putInt(p);
            }
        }
        for (float v : values) {
            out.putFloat(v);
        }
    }

    /**
     * Reads a row written by {@link #writeTo} from the buffer's position into {@code out} from
     * {@code offset}, as a dense row; the range must be zeroed beforehand.
     */
    static void readInto(ByteBuffer in, float[] out, int offset) {
        in.getLong();
        int width = in.getInt();
        int nonZero = in.getInt();
        if (nonZero < 0) {
            in.asFloatBuffer().get(out, offset, width);
            in.position(in.position() + Float.BYTES * width);
            return;
        }
        int valuesAt = in.position() + Integer.BYTES * nonZero;
        for (int k = 0; k < nonZero; k++) {
            out[offset + in.getInt(in.position() + Integer.BYTES * k)] = in.getFloat(valuesAt + Float.BYTES * k);
        }
        in.position(valuesAt + Float.BYTES * nonZero);
    }
}
