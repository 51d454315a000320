package org.bidnn.samples;

import org.bidnn.io.Segment;

/**
 * A generated anchor or target with its ground truth: its topic, its story (a sub-topic of the
 * topic; a target is relevant to an anchor exactly when they share the story) and which
 * modalities it has.
 */
public record HyperlinkingSegment(Segment segment, int topic, int story, Availability availability) {
}
