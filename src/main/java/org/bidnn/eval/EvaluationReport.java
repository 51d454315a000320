package org.bidnn.eval;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What {@code bidnn evaluate} reports, as written to JSON: the means over the evaluated anchors
 * (from Spark's {@code RankingMetrics}), each anchor's values (same definitions,
 * {@link RankingMeasures}), and the anchors left out and why.
 *
 * @param relevance        "binary" (judgments 0/1) or "graded" (some above 1: nDCG uses the grades)
 * @param countUnranked    whether judged anchors without a ranking were scored as empty rankings
 * @param judgedNotRanked  anchors with relevant judgments but no ranking (scored 0 if countUnranked,
 *                         left out otherwise)
 * @param rankedNotJudged  anchors ranked but absent from the judgments: left out
 * @param withoutRelevant  judged anchors none of whose judgments is relevant: left out (every
 *                         measure is undefined for them)
 */
@JsonPropertyOrder({"rankings", "qrels", "k", "relevance", "countUnranked", "evaluated", "mean", "perAnchor",
        "judgedNotRanked", "rankedNotJudged", "withoutRelevant"})
public record EvaluationReport(String rankings, String qrels, int k, String relevance, boolean countUnranked,
                               int evaluated, Mean mean, List<Anchor> perAnchor, List<String> judgedNotRanked,
                               List<String> rankedNotJudged, List<String> withoutRelevant) {

    /**
     * @param unjudgedAtK the mean share of the first k ranked targets that nobody judged (counted as
     *                    non-relevant): how far the pool of judgments covers the rankings
     */
    public record Mean(double precisionAtK, double meanAveragePrecision, double ndcgAtK, double unjudgedAtK) {
    }

    /**
     * @param ranked            whether the anchor had a ranking (false only with countUnranked)
     * @param relevant          targets judged relevant
     * @param retrieved         targets in its ranking
     * @param relevantRetrieved relevant targets anywhere in its ranking
     */
    @JsonPropertyOrder({"anchor", "precisionAtK", "averagePrecision", "ndcgAtK", "unjudgedAtK", "relevant", "retrieved",
            "relevantRetrieved", "ranked"})
    public record Anchor(String anchor, double precisionAtK, double averagePrecision, double ndcgAtK,
                         double unjudgedAtK, int relevant, int retrieved, int relevantRetrieved, boolean ranked) {
    }
}
