package org.bidnn.eval;

import java.io.IOException;
import org.bidnn.embed.EmbedSummary;
import org.bidnn.io.InputFileException;
import org.bidnn.io.JsonFiles;
import org.bidnn.io.Storage;

/**
 * Adds an evaluation's P@k and MAP to the summary of the embedding run it evaluated
 * ({@code OUTPUT/_bidnn/summary.json} of {@code bidnn embed --incremental}), so that the nightly
 * job's one summary says how good the night's embedding is as well as what it did. The file is
 * replaced atomically: a reader sees the summary with the measures or without.
 */
public final class RunSummaryMeasures {

    private RunSummaryMeasures() {
    }

    /** Refuses, before the evaluation's work, a summary that is not there. */
    public static void requireSummary(Storage storage, String summaryFile) throws IOException {
        if (!storage.exists(summaryFile)) {
            throw new InputFileException(summaryFile, 0, null, "no run summary",
                    "'bidnn embed --incremental' writes one as OUTPUT/_bidnn/summary.json");
        }
    }

    /**
     * @return the summary as written, with the measures
     * @throws InputFileException if there is no summary there or it cannot be read
     */
    public static EmbedSummary addTo(Storage storage, String summaryFile, EvaluationReport report) throws IOException {
        requireSummary(storage, summaryFile);
        EmbedSummary summary = JsonFiles.read(storage, summaryFile, EmbedSummary.class);
        EmbedSummary measured = summary.withRetrieval(new EmbedSummary.Retrieval(report.rankings(), report.qrels(),
                report.k(), report.evaluated(), report.mean().precisionAtK(), report.mean().meanAveragePrecision()));
        JsonFiles.write(storage, summaryFile, measured);
        return measured;
    }
}
