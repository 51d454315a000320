package org.bidnn.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The story structure of a hyperlinking set: which topic and story each target is about, and which
 * story each anchor is about.
 *
 * <p>Targets come in topic by topic uniformly, and within its topic a target joins a story by a
 * Chinese restaurant process: an existing story with probability proportional to its size, a new
 * one with probability proportional to {@value #NEW_STORY_WEIGHT}. Coverage is rich-get-richer, as
 * in broadcast archives: a few stories are covered many times, many only once or twice. So the
 * number of relevant targets per anchor is uneven without being set per anchor.
 *
 * <p>Anchors are about distinct stories among those with at least {@value #MIN_STORY_SIZE} targets
 * (in the benchmark anchors were picked by people for being worth linking from, and a story nobody
 * else covers has nothing to link to), each drawn in proportion to its size: an anchor is a segment
 * someone was watching, and a segment picked from the archive is about a widely covered story more
 * often than about a rare one.
 */
final class Stories {

    /**
     * Weight of a new story in the restaurant process. With about 200 targets a topic this makes
     * some 40 stories a topic, from a single target to a few dozen.
     */
    static final double NEW_STORY_WEIGHT = 15;
    static final int MIN_STORY_SIZE = 3;

    final int[] targetTopic;
    final int[] targetStory;
    final int[] storyTopic;
    final int[] storySize;
    final int[] anchorStory;

    private Stories(int[] targetTopic, int[] targetStory, int[] storyTopic, int[] storySize, int[] anchorStory) {
        this.targetTopic = targetTopic;
        this.targetStory = targetStory;
        this.storyTopic = storyTopic;
        this.storySize = storySize;
        this.anchorStory = anchorStory;
    }

    int count() {
        return storyTopic.length;
    }

    static Stories draw(Random random, int targets, int topics, int anchors) {
        int[] targetTopic = new int[targets];
        int[] targetStory = new int[targets];
        List<List<Integer>> storiesOfTopic = new ArrayList<>();
        for (int k = 0; k < topics; k++) {
            storiesOfTopic.add(new ArrayList<>());
        }
        int[] targetsOfTopic = new int[topics];
        List<Integer> storyTopic = new ArrayList<>();
        List<Integer> storySize = new ArrayList<>();
        for (int t = 0; t < targets; t++) {
            int k = random.nextInt(topics);
            double u = random.nextDouble() * (targetsOfTopic[k] + NEW_STORY_WEIGHT);
            int story = -1;
            for (int s : storiesOfTopic.get(k)) {
                u -= storySize.get(s);
                if (u < 0) {
                    story = s;
                    break;
                }
            }
            if (story < 0) {
                story = storyTopic.size();
                storyTopic.add(k);
                storySize.add(0);
                storiesOfTopic.get(k).add(story);
            }
            storySize.set(story, storySize.get(story) + 1);
            targetsOfTopic[k]++;
            targetTopic[t] = k;
            targetStory[t] = story;
        }

        List<Integer> eligible = new ArrayList<>();
        for (int s = 0; s < storySize.size(); s++) {
            if (storySize.get(s) >= MIN_STORY_SIZE) {
                eligible.add(s);
            }
        }
        if (eligible.size() < anchors) {
            throw new IllegalArgumentException(anchors + " anchors need as many stories with at least "
                    + MIN_STORY_SIZE + " targets, but " + targets + " targets make only " + eligible.size()
                    + ": ask for more targets or fewer anchors");
        }
        int[] anchorStory = new int[anchors];
        long weight = 0;
        for (int s : eligible) {
            weight += storySize.get(s);
        }
        for (int a = 0; a < anchors; a++) {
            // Size-biased draws without replacement: one uniform draw over the sizes still eligible.
            long u = (long) (random.nextDouble() * weight);
            int i = 0;
            while (u >= storySize.get(eligible.get(i))) {
                u -= storySize.get(eligible.get(i));
                i++;
            }
            anchorStory[a] = eligible.remove(i);
            weight -= storySize.get(anchorStory[a]);
        }
        return new Stories(targetTopic, targetStory, toArray(storyTopic), toArray(storySize), anchorStory);
    }

    /** {@code n} distinct elements in random order: the first n steps of a Fisher-Yates shuffle of a copy. */
    static List<Integer> sample(Random random, List<Integer> from, int n) {
        List<Integer> pool = new ArrayList<>(from);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(pool.size() - i);
            Integer swap = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, swap);
        }
        return pool.subList(0, n);
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
