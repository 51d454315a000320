package org.bidnn.eval;

import java.util.List;
import java.util.Map;

/**
 * Precision at k, average precision and nDCG at k of one query, with exactly the definitions of
 * Spark MLlib's {@code RankingMetrics} (3.5), which computes only their means over all queries:
 * reports need them per query too. {@link SparkRankingMetrics} gives the means from Spark itself,
 * and the tests check that the means of these equal Spark's.
 * <ul>
 *   <li>P@k: relevant ids among the first k, divided by k (even when fewer than k are ranked);</li>
 *   <li>AP: the sum, over the relevant ids ranked, of the precision at their rank, divided by the
 *       number of relevant ids (ranked or not), as trec_eval's map;</li>
 *   <li>nDCG@k: DCG with gain {@code 2^rel - 1} and discount {@code 1/ln(i + 2)} at 0-based rank
 *       i, over the first n = min(max(ranked, relevant), k) ranks, divided by the DCG of the
 *       relevant ids sorted by relevance over the same n ranks. With binary relevance this is
 *       Spark's binary nDCG.</li>
 * </ul>
 * A query with no relevant id scores 0 on all three, as in Spark.
 */
public final class RankingMeasures {

    private RankingMeasures() {
    }

    public static double precisionAt(JudgedRanking r, int k) {
        requirePositive(k);
        if (r.relevance().isEmpty()) {
            return 0;
        }
        return (double) relevantAmongFirst(r, k) / k;
    }

    public static double averagePrecision(JudgedRanking r) {
        if (r.relevance().isEmpty()) {
            return 0;
        }
        List<String> ranking = r.ranking();
        int found = 0;
        double sum = 0;
        for (int i = 0; i < ranking.size(); i++) {
            if (r.relevance().containsKey(ranking.get(i))) {
                found++;
                sum += (double) found / (i + 1);
            }
        }
        return sum / r.relevance().size();
    }

    public static double ndcgAt(JudgedRanking r, int k) {
        requirePositive(k);
        Map<String, Integer> relevance = r.relevance();
        if (relevance.isEmpty()) {
            return 0;
        }
        List<String> ranking = r.ranking();
        List<String> ideal = r.relevantByRelevance();
        int n = Math.min(Math.max(ranking.size(), ideal.size()), k);
        double dcg = 0;
        double idealDcg = 0;
        for (int i = 0; i < n; i++) {
            double discount = Math.log(i + 2);
            if (i < ranking.size()) {
                dcg += (Math.pow(2, relevance.getOrDefault(ranking.get(i), 0)) - 1) / discount;
            }
            if (i < ideal.size()) {
                idealDcg += (Math.pow(2, relevance.get(ideal.get(i))) - 1) / discount;
            }
        }
        return dcg / idealDcg;
    }

    /** Relevant ids among the first k ranked. */
    public static int relevantAmongFirst(JudgedRanking r, int k) {
        int n = Math.min(k, r.ranking().size());
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (r.relevance().containsKey(r.ranking().get(i))) {
                count++;
            }
        }
        return count;
    }

    private static void requirePositive(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
    }
}
