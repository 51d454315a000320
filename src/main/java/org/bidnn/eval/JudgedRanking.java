package org.bidnn.eval;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One query's ranking with what is relevant to it.
 *
 * @param query     the query (anchor) id
 * @param ranking   the ranked ids, best first
 * @param relevance the relevant ids with their relevance (all above 0); anything else, judged
 *                  non-relevant or not judged at all, counts as non-relevant
 */
public record JudgedRanking(String query, List<String> ranking, Map<String, Integer> relevance) {

    public JudgedRanking {
        ranking = List.copyOf(ranking);
        relevance = Map.copyOf(relevance);
        if (relevance.values().stream().anyMatch(r -> r <= 0)) {
            throw new IllegalArgumentException("only relevant ids (relevance above 0) belong in the relevance map");
        }
    }

    /**
     * The relevant ids, most relevant first (then by id): the order in which Spark's
     * {@code RankingMetrics} reads the ideal ranking of graded nDCG.
     */
    public List<String> relevantByRelevance() {
        return relevance.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }
}
