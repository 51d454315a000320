package org.bidnn.samples;

import java.util.List;

/** A generated hyperlinking set: anchors, targets (together the corpus) and the relevance judgments. */
public record HyperlinkingSample(List<HyperlinkingSegment> anchors, List<HyperlinkingSegment> targets,
                                 List<Judgment> judgments) {
}
