package org.bidnn.jobs;

import org.bidnn.io.BadInputException;
import org.bidnn.io.spark.SegmentFormat;

/**
 * Settings of one {@code bidnn rank} job.
 *
 * @param embeddings a file, directory or glob of embeddings (a local path or a Hadoop URI)
 * @param candidates relevance judgments whose judged targets are each anchor's only candidates,
 *                   or null to rank every target of the corpus
 * @param k          targets kept per anchor
 * @param output     the rankings file, written whole or not at all
 * @param overwrite  replace an existing output
 */
public record RankOptions(String embeddings, SegmentFormat format, String anchors, String candidates, int k,
                          String output, boolean overwrite) {

    public RankOptions {
        if (k <= 0) {
            throw new BadInputException("--k must be positive, got " + k);
        }
    }

    public boolean allTargets() {
        return candidates == null;
    }
}
