package org.bidnn.embed;

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
 */
@JsonPropertyOrder({"output", "input", "model", "modelHash", "settings", "previous", "fullEmbeddingBecause",
    "segmentsIn", "embedded", "carriedOver", "deleted", "rejected", "stageSeconds"})
public record EmbedSummary(String output, String input, String model, String modelHash, String settings,
                           String previous, String fullEmbeddingBecause, long segmentsIn, long embedded,
                           long carriedOver, long deleted, long rejected, Map<String, Double> stageSeconds) {
}
