package org.bidnn.jobs.compare;

import java.util.List;
import java.util.Map;
import org.bidnn.baselines.LinearCombination;
import org.bidnn.rank.Ranking;

/**
 * Finds the best linear combination of the two modalities' cosines, as the paper's baseline: the
 * weight of modality 1 that gives the highest P@k on the evaluation set itself, trying
 * {@code 0, 1/steps, ..., 1}, the higher MAP breaking ties (then the smaller weight). With relevance by
 * label, whose protocol's figure is the MAP over the whole ranking, the highest MAP, P@k breaking ties. Being tuned
 * on the judgments it is scored on, it is an upper bound for late fusion, not a held-out figure.
 */
final class WeightSearch {

    /**
     * @param weights        the weights tried
     * @param precisionAtK   P@k at each weight
     * @param best           index of the chosen weight
     * @param bestRankings   the rankings at the chosen weight
     */
    record Outcome(double[] weights, double[] precisionAtK, double[] meanAveragePrecision, int best,
                   Map<String, List<String>> bestRankings) {

        double bestWeight() {
            return weights[best];
        }
    }

    /** Means of the same counts summed in another order differ by a few ulps: equal below this. */
    private static final double SAME = 1e-9;

    private WeightSearch() {
    }

    private static boolean better(double precision, double map, double bestPrecision, double bestMap, boolean mapFirst) {
        if (mapFirst) {
            return better(map, precision, bestMap, bestPrecision, false);
        }
        if (Math.abs(precision - bestPrecision) > SAME) {
            return precision > bestPrecision;
        }
        return map > bestMap + SAME;
    }

    static Outcome search(EvaluationSet set, Representation mod1, Representation mod2, int steps) {
        return search(set, mod1, mod2, steps, false);
    }

    /** @param mapFirst choose by MAP, P@k breaking ties (relevance by label) */
    static Outcome search(EvaluationSet set, Representation mod1, Representation mod2, int steps, boolean mapFirst) {
        int everything = set.targets().size();
        List<Ranking> first = set.rankings(mod1, everything);
        List<Ranking> second = set.rankings(mod2, everything);
        double[] weights = new double[steps + 1];
        double[] precision = new double[steps + 1];
        double[] map = new double[steps + 1];
        int best = 0;
        Map<String, List<String>> bestRankings = null;
        for (int i = 0; i <= steps; i++) {
            weights[i] = (double) i / steps;
            Map<String, List<String>> combined = LinearCombination.combine(first, second, weights[i], set.rankK());
            EvaluationSet.Score score = set.score(combined);
            precision[i] = score.precisionAtK();
            map[i] = score.meanAveragePrecision();
            if (bestRankings == null || better(precision[i], map[i], precision[best], map[best], mapFirst)) {
                best = i;
                bestRankings = combined;
            }
        }
        return new Outcome(weights, precision, map, best, bestRankings);
    }
}
