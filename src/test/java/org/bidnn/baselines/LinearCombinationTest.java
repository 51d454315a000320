package org.bidnn.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.bidnn.rank.Hit;
import org.bidnn.rank.Ranking;
import org.junit.jupiter.api.Test;

/** Late fusion of two modalities' cosines, by hand-computed sums. */
class LinearCombinationTest {

    private static Ranking r(String anchor, Object... idScore) {
        Hit[] hits = new Hit[idScore.length / 2];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = new Hit((String) idScore[2 * i], ((Number) idScore[2 * i + 1]).floatValue());
        }
        return new Ranking(anchor, List.of(hits));
    }

    private static final List<Ranking> TEXT = List.of(r("a", "t1", 0.9, "t2", 0.5, "t3", 0.1));
    // t1 has no visual modality: it is missing from the visual ranking and gets 0 from it.
    private static final List<Ranking> VISUAL = List.of(r("a", "t3", 0.7, "t2", 0.6, "t4", 0.2));

    @Test
    void theWeightsAtTheEndsGiveEachModalityAlone() {
        assertEquals(List.of("t1", "t2", "t3"), LinearCombination.combine(TEXT, VISUAL, 1, 10).get("a"),
                "weight 1: the text ranking itself; t4 (visual only) is not in it");
        assertEquals(List.of("t3", "t2", "t4"), LinearCombination.combine(TEXT, VISUAL, 0, 10).get("a"));
        assertEquals(List.of(), LinearCombination.combine(List.of(r("a")), VISUAL, 1, 10).get("a"),
                "an anchor without text ranks nothing on text alone");
    }

    @Test
    void aWeightedSumInBetween() {
        // 0.5: t1 0.45, t2 0.55, t3 0.4, t4 0.1 (t1 without visual, t4 without text: 0 from it).
        assertEquals(List.of("t2", "t1", "t3", "t4"), LinearCombination.combine(TEXT, VISUAL, 0.5, 10).get("a"));
        // 0.25: t1 0.225, t2 0.575, t3 0.55, t4 0.15.
        assertEquals(List.of("t2", "t3"), LinearCombination.combine(TEXT, VISUAL, 0.25, 2).get("a"), "top 2");
        // A tie is broken by id: t5 equals t4 on the combined score.
        List<Ranking> visual = List.of(r("a", "t5", 0.5, "t4", 0.5));
        assertEquals(List.of("t4", "t5"), LinearCombination.combine(List.of(r("a")), visual, 0.5, 10).get("a"));
    }

    @Test
    void mismatchedInputsAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> LinearCombination.combine(TEXT, VISUAL, 1.5, 10));
        assertThrows(IllegalArgumentException.class,
                () -> LinearCombination.combine(TEXT, List.of(r("b", "t1", 1)), 0.5, 10));
        assertThrows(IllegalArgumentException.class, () -> LinearCombination.combine(TEXT, List.of(), 0.5, 10));
    }
}
