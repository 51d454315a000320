package org.bidnn.baselines;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bidnn.model.ValueRules;
import org.bidnn.rank.Hit;
import org.bidnn.rank.Ranking;

/**
 * Baseline: late fusion of two rankings by a weighted sum of their scores,
 * {@code w * score1 + (1 - w) * score2}, the usual way to use two modalities without learning a
 * joint representation. A target missing from one ranking (a segment without that modality) gets 0
 * from it; a ranking whose weight is 0 takes no part at all, so that the ends of the range are
 * exactly each modality alone (an anchor without that modality then ranks nothing). Ties are broken
 * by target id, as every ranking here.
 */
public final class LinearCombination {

    /** Best first: the higher combined score (summed in double, not rounded to float), then the smaller id. */
    private static final Comparator<Map.Entry<String, Double>> BEST_FIRST =
            Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    private LinearCombination() {
    }

    /**
     * @param first  per anchor, the cosines of modality 1 (every rankable target, not only the best)
     * @param second the same anchors in the same order, the cosines of modality 2
     * @param weight the weight of modality 1, in [0, 1]
     * @param k      targets kept per anchor
     * @return per anchor, the ids of the k best targets by the combined score
     */
    public static Map<String, List<String>> combine(List<Ranking> first, List<Ranking> second, double weight, int k) {
        if (!ValueRules.isWeight(weight)) {
            throw new IllegalArgumentException("the weight must be " + ValueRules.WEIGHT + ", got " + weight);
        }
        if (first.size() != second.size()) {
            throw new IllegalArgumentException("the two modalities rank different anchors");
        }
        Map<String, List<String>> combined = new LinkedHashMap<>();
        for (int i = 0; i < first.size(); i++) {
            Ranking a = first.get(i);
            Ranking b = second.get(i);
            if (!a.query().equals(b.query())) {
                throw new IllegalArgumentException("anchor " + i + " is '" + a.query() + "' in one ranking and '"
                        + b.query() + "' in the other");
            }
            Map<String, Double> score = new HashMap<>();
            add(score, a, weight);
            add(score, b, 1 - weight);
            List<Map.Entry<String, Double>> ranked = new ArrayList<>(score.entrySet());
            ranked.sort(BEST_FIRST);
            combined.put(a.query(), ranked.subList(0, Math.min(k, ranked.size())).stream().map(Map.Entry::getKey)
                    .toList());
        }
        return combined;
    }

    private static void add(Map<String, Double> score, Ranking ranking, double weight) {
        if (weight > 0) {
            for (Hit h : ranking.hits()) {
                score.merge(h.target(), weight * h.score(), Double::sum);
            }
        }
    }
}
