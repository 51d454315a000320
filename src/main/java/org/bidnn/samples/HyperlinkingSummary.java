package org.bidnn.samples;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shape of a hyperlinking set, as its README reports it: counts, the availability mix of the
 * targets, judgments and relevant targets per anchor, and how many judgments disagree with the
 * ground truth (the label noise actually drawn).
 *
 * @param availability      targets per {@link Availability}, by ordinal
 * @param judgedPerAnchor   judgments per anchor, in anchor order
 * @param relevantPerAnchor targets sharing the anchor's story, in anchor order
 * @param judgedRelevant    judgments of relevance 1 per anchor, in anchor order
 * @param flipped           judgments that disagree with the stories
 */
public record HyperlinkingSummary(int anchors, int targets, int[] availability, int[] judgedPerAnchor,
                                  int[] relevantPerAnchor, int[] judgedRelevant, int flipped) {

    public static HyperlinkingSummary of(HyperlinkingSample sample) {
        Map<String, Integer> storyOf = new HashMap<>();
        Map<String, Integer> anchorIndex = new HashMap<>();
        int[] availability = new int[Availability.values().length];
        for (HyperlinkingSegment t : sample.targets()) {
            storyOf.put(t.segment().id(), t.story());
            availability[t.availability().ordinal()]++;
        }
        List<HyperlinkingSegment> anchors = sample.anchors();
        int[] relevant = new int[anchors.size()];
        for (int a = 0; a < anchors.size(); a++) {
            anchorIndex.put(anchors.get(a).segment().id(), a);
            int story = anchors.get(a).story();
            relevant[a] = (int) sample.targets().stream().filter(t -> t.story() == story).count();
        }
        int[] judged = new int[anchors.size()];
        int[] judgedRelevant = new int[anchors.size()];
        int flipped = 0;
        for (Judgment j : sample.judgments()) {
            int a = anchorIndex.get(j.anchor());
            judged[a]++;
            judgedRelevant[a] += j.relevance();
            boolean truth = storyOf.get(j.target()) == anchors.get(a).story();
            if (truth != (j.relevance() == 1)) {
                flipped++;
            }
        }
        return new HyperlinkingSummary(anchors.size(), sample.targets().size(), availability, judged, relevant,
                judgedRelevant, flipped);
    }

    public int judgments() {
        return Arrays.stream(judgedPerAnchor).sum();
    }

    public double flippedShare() {
        return (double) flipped / judgments();
    }

    /** A few lines for people, as the README quotes them. */
    public String describe(String dir) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%d anchors and %d targets in %s%n", anchors, targets, dir));
        s.append(String.format(Locale.ROOT, "targets: both modalities %d, text only %d, visual only %d%n",
                availability[Availability.BOTH.ordinal()], availability[Availability.MODALITY_1_ONLY.ordinal()],
                availability[Availability.MODALITY_2_ONLY.ordinal()]));
        s.append(String.format(Locale.ROOT, "judgments: %d, per anchor %s%n", judgments(), spread(judgedPerAnchor)));
        s.append(String.format(Locale.ROOT, "relevant targets per anchor: %s (judged relevant: %s)%n",
                spread(relevantPerAnchor), spread(judgedRelevant)));
        s.append(String.format(Locale.ROOT, "judgments disagreeing with the stories: %d (%.1f%%)%n", flipped,
                100 * flippedShare()));
        return s.toString();
    }

    /** {@code min / median / max}. */
    static String spread(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        String m = median == Math.rint(median) ? Long.toString((long) median) : Double.toString(median);
        return "min " + sorted[0] + " / median " + m + " / max " + sorted[n - 1];
    }
}
