package org.bidnn.jobs.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bidnn.io.Segment;
import org.junit.jupiter.api.Test;

/** Scoring a representation on an in-memory evaluation set, and the best linear combination, by hand. */
class EvaluationSetTest {

    /** Rows [x1 (2) | x2 (2)]. */
    private static Segment s(String id, float... values) {
        return new Segment(id, values);
    }

    /**
     * Anchor a: text points along the first axis, visual along the first axis. Its relevant target r
     * agrees in text only, n1 in visual only; n2 disagrees in both. Anchor b has no text at all.
     */
    private static EvaluationSet set(int evalK) {
        List<Segment> anchors = List.of(s("a", 1, 0, 1, 0), s("b", 0, 0, 0, 1));
        List<Segment> targets = List.of(s("r", 1, 0.1f, 0, 1), s("n1", 0, 1, 1, 0.1f), s("n2", 0, 1, 0, 1),
                s("a", 1, 0, 1, 0), s("b", 0, 0, 0, 1));
        Map<String, Set<String>> candidates = Map.of("a", Set.of("r", "n1", "n2"), "b", Set.of("r", "n1", "n2"));
        Map<String, Map<String, Integer>> relevant = Map.of("a", Map.of("r", 1), "b", Map.of("n2", 1));
        return new EvaluationSet(anchors, targets, candidates, relevant, 100, evalK);
    }

    @Test
    void eachMethodIsScoredOnTheSameAnchorsAnUnrepresentableOneScoringZero() {
        EvaluationSet set = set(1);
        Map<String, List<String>> text = set.rank(Representations.raw(Method.RAW_MOD1, 2));
        assertEquals(List.of("r", "n1", "n2"), text.get("a"), "cos r 0.995, n1 0, n2 0: ties by id");
        assertEquals(List.of(), text.get("b"), "b has no text: an empty ranking, not left out");
        // P@1: a gets r first (1), b nothing (0) -> 0.5. AP: a 1, b 0 -> 0.5.
        assertEquals(new EvaluationSet.Score(0.5, 0.5), set.score(text));

        Map<String, List<String>> visual = set.rank(Representations.raw(Method.RAW_MOD2, 2));
        assertEquals(List.of("n1", "n2", "r"), visual.get("a"), "n2 and r tie at 0: by id");
        assertEquals(List.of("n2", "r", "n1"), visual.get("b"), "n2 and r tie at 1: by id");
        // a: r at rank 3 -> P@1 0, AP 1/3; b: n2 first -> P@1 1, AP 1.
        EvaluationSet.Score score = set.score(visual);
        assertEquals(0.5, score.precisionAtK(), 1e-12);
        assertEquals((1.0 / 3 + 1) / 2, score.meanAveragePrecision(), 1e-12);
    }

    @Test
    void theBestLinearCombinationIsChosenByPrecision() {
        EvaluationSet set = set(1);
        WeightSearch.Outcome o = WeightSearch.search(set, Representations.raw(Method.RAW_MOD1, 2),
                Representations.raw(Method.RAW_MOD2, 2), 4);
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, o.weights());
        // a: r (text 0.995, visual 0) against n1 (text 0, visual 0.995): r first only when w > 0.5
        // (at 0.5 they tie and n1 wins by id). b has no text, so its text part is nothing: n2 and r
        // tie on visual and n2 wins by id, unless w = 1, where b ranks nothing, as on text alone.
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 1.0, 0.5}, o.precisionAtK(), 1e-12);
        assertEquals(0.75, o.bestWeight());
        assertEquals(List.of("r", "n1", "n2"), o.bestRankings().get("a"));
        assertEquals(List.of("n2", "r", "n1"), o.bestRankings().get("b"));
    }

    @Test
    void halvesAreScaledToUnitLengthEachAndSummariesHaveSampleStd() {
        float[][] rows = Halves.unitHalves(new float[][] {{3, 4, 0, 2}, {0, 0, 0, 5}, {}}, 2);
        assertArrayEquals(new float[] {0.6f, 0.8f, 0, 1}, rows[0], 1e-6f);
        assertArrayEquals(new float[] {0, 0, 0, 1}, rows[1], 1e-6f, "a zero half stays zero");
        assertEquals(0, rows[2].length);
        Summary s = Summary.of(0.5, 0.7);
        assertEquals(0.6, s.mean(), 1e-12);
        assertEquals(0.2 / Math.sqrt(2), s.std(), 1e-12);
        assertEquals(0, Summary.of(0.4).std());
    }
}
