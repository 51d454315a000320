package org.bidnn.eval;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * What {@code bidnn crossmodal-eval} reports, as written to JSON: for each direction (query by one
 * modality, retrieve by the other), the mean average precision over the whole ranking of the
 * items, and the chance level.
 *
 * @param space    "joint" (central layers compared), "translation" (the query translated, compared
 *                 with the items' other modality) or "both-translations"
 * @param similarity "cosine" or "dot" (inner product)
 * @param queryExpansion best items of a first ranking each query was expanded by; 0 for none
 * @param segments segments read, each labelled
 * @param distinctLabels distinct labels among them
 */
@JsonPropertyOrder({"input", "labelsFile", "model", "space", "similarity", "queryExpansion", "segments",
        "distinctLabels", "directions"})
public record CrossmodalReport(String input, String labelsFile, String model, String space, String similarity,
                               int queryExpansion, long segments, int distinctLabels, List<Direction> directions) {

    /**
     * @param direction             "mod1->mod2" or "mod2->mod1"
     * @param queries               segments with the query modality
     * @param items                 segments with the retrieved modality, every one ranked for every query
     * @param meanAveragePrecision  mAP over the queries (Spark's RankingMetrics), relevant = same label
     * @param chance                the mean over the queries of the share of relevant items: the
     *                              mAP expected of a random ranking, roughly
     * @param queriesWithoutRelevant queries whose label no item has (AP 0, counted in the mean)
     * @param perLabel              mAP of the queries of each label
     */
    @JsonPropertyOrder({"direction", "queries", "items", "meanAveragePrecision", "chance", "queriesWithoutRelevant",
            "perLabel"})
    public record Direction(String direction, int queries, long items, double meanAveragePrecision, double chance,
                            int queriesWithoutRelevant, Map<String, Double> perLabel) {
    }
}
