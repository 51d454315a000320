package org.bidnn.rank;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.bidnn.io.BadInputException;
import org.bidnn.io.Segment;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores one partition of targets against the broadcast queries and keeps each query's k best:
 * the targets are taken in blocks of {@code blockSize} rows, and each block is scored against all
 * the queries with one matrix product ({@code Q · Tᵀ}, ND4J's gemm), never pair by pair. The dot
 * products become cosines by dividing by the two norms, computed once per row (or stay inner
 * products: the query block says which). Emits exactly one
 * {@link PartialRankings} per partition.
 */
final class PartitionScorer implements FlatMapFunction<Iterator<Segment>, PartialRankings> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<QueryBlock> queries;
    private final int k;
    private final int blockSize;

    PartitionScorer(Broadcast<QueryBlock> queries, int k, int blockSize) {
        this.queries = queries;
        this.k = k;
        this.blockSize = blockSize;
    }

    @Override
    public Iterator<PartialRankings> call(Iterator<Segment> targets) {
        return List.of(scoreAll(queries.value(), targets, k, blockSize)).iterator();
    }

    /** Scores {@code targets} against the queries of {@code qb}: what one partition does, also usable without Spark. */
    static PartialRankings scoreAll(QueryBlock qb, Iterator<Segment> targets, int k, int blockSize) {
        int q = qb.ids.length;
        INDArray queryMatrix = Nd4j.create(qb.vectors, new long[] {q, qb.width}, 'c');
        TopK[] best = new TopK[q];
        for (int i = 0; i < q; i++) {
            best[i] = new TopK(k);
        }
        String[] ids = new String[blockSize];
        float[] block = new float[blockSize * qb.width];
        double[] inverseNorms = new double[blockSize];
        long scanned = 0;
        long withoutEmbedding = 0;
        int n = 0;
        while (targets.hasNext()) {
            Segment t = targets.next();
            scanned++;
            float[] v = t.values();
            double norm = SimilarityRanker.norm(v);
            if (norm == 0) {
                withoutEmbedding++;
                continue;
            }
            if (v.length != qb.width) {
                throw new BadInputException("segment '" + t.id() + "' has an embedding of " + v.length
                        + " values, the " + qb.noun + " have " + qb.width);
            }
            if (qb.candidates != null && !qb.candidates.containsKey(t.id())) {
                continue;
            }
            ids[n] = t.id();
            System.arraycopy(v, 0, block, n * qb.width, qb.width);
            inverseNorms[n] = qb.cosine ? 1 / norm : 1;
            n++;
            if (n == blockSize) {
                score(qb, queryMatrix, ids, block, inverseNorms, n, best);
                n = 0;
            }
        }
        if (n > 0) {
            score(qb, queryMatrix, ids, Arrays.copyOf(block, n * qb.width), inverseNorms, n, best);
        }
        String[][] bestIds = new String[q][];
        float[][] bestScores = new float[q][];
        for (int i = 0; i < q; i++) {
            best[i].drainInto(bestIds, bestScores, i);
        }
        return new PartialRankings(bestIds, bestScores, scanned, withoutEmbedding);
    }

    private static void score(QueryBlock qb, INDArray queryMatrix, String[] ids, float[] block,
                              double[] inverseNorms, int n, TopK[] best) {
        INDArray targetMatrix = Nd4j.create(block, new long[] {n, qb.width}, 'c');
        float[][] dots = Nd4j.gemm(queryMatrix, targetMatrix, false, true).toFloatMatrix();
        for (int j = 0; j < n; j++) {
            String id = ids[j];
            Integer self = qb.selves == null ? null : qb.selves.get(id);
            int[] only = qb.candidates == null ? null : qb.candidates.get(id);
            int count = only == null ? dots.length : only.length;
            for (int c = 0; c < count; c++) {
                int i = only == null ? c : only[c];
                if (self != null && self == i) {
                    continue;
                }
                // + 0f turns -0 into 0, which Float.compare would otherwise rank below 0.
                float similarity = (float) (dots[i][j] * qb.inverseNorms[i] * inverseNorms[j]) + 0f;
                best[i].offer(id, similarity);
            }
        }
    }
}
