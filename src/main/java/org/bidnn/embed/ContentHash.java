package org.bidnn.embed;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 content hashes, in hex: of a model file's bytes, and of a segment's features, which tell
 * an incremental embedding which segments changed since the last run. SHA-256 rather than a fast
 * 64-bit hash: a collision would silently keep a stale embedding, and hashing is a small cost
 * beside the network's products.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** The hash of a segment's values: their exact float bits, in order (so 0.0 and -0.0 differ, as their embeddings may). */
    public static String ofValues(float[] values) {
        ByteBuffer bits = ByteBuffer.allocate(Float.BYTES * values.length);
        for (float v : values) {
            bits.putInt(Float.floatToRawIntBits(v));
        }
        // 128 bits are plenty to tell a changed segment from its previous version.
        return HexFormat.of().formatHex(sha256().digest(bits.array()), 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
