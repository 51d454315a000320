package org.bidnn.samples;

/**
 * One relevance judgment, a line of qrels: whether {@code target} was judged relevant (1) or not
 * (0) to {@code anchor}. Judgments are noisy: see {@link HyperlinkingParameters#labelNoise()}.
 */
public record Judgment(String anchor, String target, int relevance) {
}
