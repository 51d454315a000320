package org.bidnn.rank;

import java.io.Serializable;

/**
 * What one partition (or a merge of several) knows: for each query its best targets, best first,
 * at most k, as parallel arrays (cheap to ship), and how many targets it scanned and skipped.
 * Merging two is a merge of sorted lists per query, truncated to k.
 */
final class PartialRankings implements Serializable {

    private static final long serialVersionUID = 1L;

    final String[][] ids;
    final float[][] scores;
    final long scanned;
    final long withoutEmbedding;

    PartialRankings(String[][] ids, float[][] scores, long scanned, long withoutEmbedding) {
        this.ids = ids;
        this.scores = scores;
        this.scanned = scanned;
        this.withoutEmbedding = withoutEmbedding;
    }

    static PartialRankings merge(PartialRankings a, PartialRankings b, int k) {
        int queries = a.ids.length;
        String[][] ids = new String[queries][];
        float[][] scores = new float[queries][];
        for (int q = 0; q < queries; q++) {
            String[] ai = a.ids[q];
            String[] bi = b.ids[q];
            float[] as = a.scores[q];
            float[] bs = b.scores[q];
            int n = Math.min(k, ai.length + bi.length);
            String[] mi = new String[n];
            float[] ms = new float[n];
            int x = 0;
            int y = 0;
            for (int m = 0; m < n; m++) {
                boolean fromA = y == bi.length || (x < ai.length && Hit.compare(as[x], ai[x], bs[y], bi[y]) <= 0);
                if (fromA) {
                    mi[m] = ai[x];
                    ms[m] = as[x++];
                } else {
                    mi[m] = bi[y];
                    ms[m] = bs[y++];
                }
            }
            ids[q] = mi;
            scores[q] = ms;
        }
        return new PartialRankings(ids, scores, a.scanned + b.scanned, a.withoutEmbedding + b.withoutEmbedding);
    }
}
