package org.bidnn.embed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * What a run of {@code bidnn embed --incremental} did, for the people and the monitoring that
 * watch a nightly job: kept as {@code OUTPUT/_bidnn/summary.json} and printed as one log line.
 * The next night reads it back to decide whether the previous embeddings can be reused.
 *
 * @param modelHash            SHA-256 of the model file's bytes
 * @param settings             the settings that shape an embedding (mode, normalisation, zeros, format)
 * @param previous             the previous run the unchanged segments were carried over from, or null
 * @param fullEmbeddingBecause why every segment was embedded, or null when the previous run was reused
 * @param segmentsIn           segments in the input
 * @param embedded             segments embedded by this run: new, changed, or everything
 * @param carriedOver          segments whose features and model are unchanged, copied from the previous run
 * @param deleted              segments of the previous run that are no longer in the input
 * @param rejected             malformed input rows left out under {@code --on-bad-row skip}; 0 when failing
 *                             on them (the default), where a bad row fails the run with its file and line
 * @param stageSeconds         wall-clock seconds of each stage
 * @param retrieval            retrieval quality of the output, added by {@code bidnn evaluate --summary}
 *                             when judgments are configured; absent otherwise
 */
@JsonPropertyOrder({"output", "input", "model", "modelHash", "settings", "previous", "fullEmbeddingBecause",
    "segmentsIn", "embedded", "carriedOver", "deleted", "rejected", "stageSeconds", "retrieval"})
public record EmbedSummary(String output, String input, String model, String modelHash, String settings,
                           String previous, String fullEmbeddingBecause, long segmentsIn, long embedded,
                           long carriedOver, long deleted, long rejected, Map<String, Double> stageSeconds,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Retrieval retrieval) {

    /** A summary without retrieval measures, as the embedding run writes it. */
    public EmbedSummary(String output, String input, String model, String modelHash, String settings,
                        String previous, String fullEmbeddingBecause, long segmentsIn, long embedded,
                        long carriedOver, long deleted, long rejected, Map<String, Double> stageSeconds) {
        this(output, input, model, modelHash, settings, previous, fullEmbeddingBecause, segmentsIn, embedded,
                carriedOver, deleted, rejected, stageSeconds, null);
    }

    /**
     * How well the output ranks the judged targets of the configured anchors.
     *
     * @param rankings             the rankings scored
     * @param qrels                the judgments
     * @param k                    the cut-off of P@k
     * @param anchors              anchors evaluated (judged, ranked, with a relevant target)
     * @param precisionAtK         mean P@k over those anchors
     * @param meanAveragePrecision MAP over those anchors
     */
    @JsonPropertyOrder({"rankings", "qrels", "k", "anchors", "precisionAtK", "meanAveragePrecision"})
    public record Retrieval(String rankings, String qrels, int k, int anchors, double precisionAtK,
                            double meanAveragePrecision) {
    }

    /** This summary with retrieval measures, replacing any it had. */
    public EmbedSummary withRetrieval(Retrieval measures) {
        return new EmbedSummary(output, input, model, modelHash, settings, previous, fullEmbeddingBecause, segmentsIn,
                embedded, carriedOver, deleted, rejected, stageSeconds, measures);
    }
}
