package org.bidnn.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The relevance judgments of a hyperlinking set, as a benchmark would have them.
 *
 * <p>In the benchmark only the pooled top results of the submitted runs were judged. Here each
 * anchor gets every target of its story (so recall can be measured), plus a sample of non-relevant
 * targets of its topic, the near misses that fill real pools, plus a sample of other targets.
 * Assessors disagree, so each judgment is then flipped with probability
 * {@link HyperlinkingParameters#labelNoise()}: some relevant targets are judged non-relevant and
 * some near misses relevant, and a perfect system cannot score 1.
 */
final class Judgments {

    private Judgments() {
    }

    /** Per anchor, its judged targets in target order; draws from {@code random} in that order too. */
    static List<Judgment> draw(Random random, Stories stories, HyperlinkingParameters p,
                               List<String> anchorIds, List<String> targetIds) {
        List<Judgment> judgments = new ArrayList<>();
        int targets = stories.targetStory.length;
        for (int a = 0; a < anchorIds.size(); a++) {
            int story = stories.anchorStory[a];
            int topic = stories.storyTopic[story];
            boolean[] judged = new boolean[targets];
            List<Integer> nearMisses = new ArrayList<>();
            List<Integer> others = new ArrayList<>();
            for (int t = 0; t < targets; t++) {
                if (stories.targetStory[t] == story) {
                    judged[t] = true;
                } else if (stories.targetTopic[t] == topic) {
                    nearMisses.add(t);
                } else {
                    others.add(t);
                }
            }
            for (int t : Stories.sample(random, nearMisses, Math.min(p.sameTopicNegatives(), nearMisses.size()))) {
                judged[t] = true;
            }
            for (int t : Stories.sample(random, others, Math.min(p.randomNegatives(), others.size()))) {
                judged[t] = true;
            }
            for (int t = 0; t < targets; t++) {
                if (judged[t]) {
                    boolean relevant = stories.targetStory[t] == story;
                    boolean flipped = random.nextDouble() < p.labelNoise();
                    judgments.add(new Judgment(anchorIds.get(a), targetIds.get(t), relevant != flipped ? 1 : 0));
                }
            }
        }
        return judgments;
    }
}
