package org.bidnn.rank;

import java.io.Serializable;
import java.util.Map;

/**
 * The queries of one ranking pass, as broadcast to the executors: their ids, their vectors as one
 * row-major matrix, the inverse of each one's norm (1 when scored by inner product), whether the
 * targets' scores are divided by their norms (cosine), and which of them may rank which target.
 */
final class QueryBlock implements Serializable {

    private static final long serialVersionUID = 1L;

    final String[] ids;
    final int width;
    /** Row-major, {@code ids.length} rows of {@code width} values. */
    final float[] vectors;
    final double[] inverseNorms;
    /** Whether a target's dot products are divided by its norm: cosine rather than inner product. */
    final boolean cosine;
    /** Target id to the indices of the queries it is a candidate of; null when every target is. */
    final Map<String, int[]> candidates;
    /** Query id to its index, for a query never to rank itself; null when it may. */
    final Map<String, Integer> selves;
    /** What the queries are called in messages ("anchors", "queries"). */
    final String noun;

    QueryBlock(String[] ids, int width, float[] vectors, double[] inverseNorms, boolean cosine, Map<String, int[]> candidates,
               Map<String, Integer> selves, String noun) {
        this.ids = ids;
        this.width = width;
        this.vectors = vectors;
        this.inverseNorms = inverseNorms;
        this.cosine = cosine;
        this.candidates = candidates;
        this.selves = selves;
        this.noun = noun;
    }
}
