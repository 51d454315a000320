package org.bidnn.samples;

import org.bidnn.io.BadInputException;

/**
 * What {@link HyperlinkingSampleGenerator} generates: how many anchors and targets, the sizes of the
 * two modalities (text is modality 1, visual modality 2), the number of topics, how often a target
 * has each modality, how many non-relevant targets are judged per anchor, how many judgments are
 * flipped, and the seed.
 *
 * @param both               fraction of targets with text and visual features (anchors always have both)
 * @param onlyText           fraction of targets with text only (visual columns all zero)
 * @param onlyVisual         fraction of targets with visual features only (text columns all zero)
 * @param sameTopicNegatives non-relevant targets judged per anchor from the anchor's topic (fewer
 *                           if the topic has fewer): the near misses a pool of real runs is full of
 * @param randomNegatives    non-relevant targets judged per anchor from the other topics
 * @param labelNoise         in [0, 0.5): the probability that a judgment says the opposite of the truth
 */
public record HyperlinkingParameters(int anchors, int targets, int textSize, int visualSize, int topics,
                                     double both, double onlyText, double onlyVisual,
                                     int sameTopicNegatives, int randomNegatives, double labelNoise,
                                     long seed) {

    public HyperlinkingParameters {
        requireAtLeast("anchors", anchors, 1);
        requireAtLeast("targets", targets, 1);
        requireAtLeast("text size", textSize, 1);
        requireAtLeast("visual size", visualSize, 1);
        requireAtLeast("topics", topics, 2);
        requireAtLeast("same-topic negatives", sameTopicNegatives, 0);
        requireAtLeast("random negatives", randomNegatives, 0);
        for (double f : new double[] {both, onlyText, onlyVisual}) {
            if (!(f >= 0 && f <= 1)) {
                throw new BadInputException("availability fractions must be in [0, 1], got " + f);
            }
        }
        if (Math.abs(both + onlyText + onlyVisual - 1) > 1e-9) {
            throw new BadInputException("availability fractions must sum to 1, got "
                    + both + " + " + onlyText + " + " + onlyVisual);
        }
        // At 0.5 a judgment says nothing; beyond it, judgments would be mostly wrong.
        if (!(labelNoise >= 0 && labelNoise < 0.5)) {
            throw new BadInputException("label noise must be in [0, 0.5), got " + labelNoise);
        }
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new BadInputException(name + " must be at least " + min + ", got " + value);
        }
    }

    /**
     * The set committed under data-samples/hyperlinking/: 30 anchors and 4,000 targets as in a
     * MediaEval hyperlinking year, 100 + 100 dimensions, 20 topics, 85% of targets with both
     * modalities, 30 + 20 judged non-relevant targets per anchor, 7% of judgments flipped.
     */
    public static HyperlinkingParameters defaults() {
        return new HyperlinkingParameters(30, 4000, 100, 100, 20, 0.85, 0.08, 0.07, 30, 20, 0.07, 2014);
    }

    public HyperlinkingParameters withSeed(long newSeed) {
        return new HyperlinkingParameters(anchors, targets, textSize, visualSize, topics, both, onlyText,
                onlyVisual, sameTopicNegatives, randomNegatives, labelNoise, newSeed);
    }

    public HyperlinkingParameters withSize(int newAnchors, int newTargets) {
        return new HyperlinkingParameters(newAnchors, newTargets, textSize, visualSize, topics, both, onlyText,
                onlyVisual, sameTopicNegatives, randomNegatives, labelNoise, seed);
    }

    public HyperlinkingParameters withLabelNoise(double newLabelNoise) {
        return new HyperlinkingParameters(anchors, targets, textSize, visualSize, topics, both, onlyText,
                onlyVisual, sameTopicNegatives, randomNegatives, newLabelNoise, seed);
    }

    public int dimensions() {
        return textSize + visualSize;
    }
}
