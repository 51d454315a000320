package org.bidnn.samples;

import org.bidnn.io.Segment;

/**
 * A generated segment with its ground truth: the dominant topic of its mixture (what relevance
 * judgments are based on) and which modalities it has.
 */
public record SampleSegment(Segment segment, int topic, Availability availability) {
}
