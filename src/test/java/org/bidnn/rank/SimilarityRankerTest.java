package org.bidnn.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.Segment;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The distributed top-k: known answers, ties, candidates, and brute force on random vectors. */
@ExtendWith(SharedSpark.class)
class SimilarityRankerTest {

    private static SparkSession spark;
    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    private static Segment s(String id, float... values) {
        return new Segment(id, values);
    }

    private static List<String> ids(Ranking r) {
        return r.hits().stream().map(Hit::target).toList();
    }

    private static SimilarityRanker.Settings all(int k) {
        return new SimilarityRanker.Settings(k, true, null, "anchors");
    }

    /** Anchor a points along x; the targets lie at 0, 30, 60, 90 and 180 degrees from it. */
    private static final List<Segment> CORPUS = List.of(
            s("a", 2, 0),
            s("t90", 0, 5),
            s("t0", 3, 0),
            s("t30", (float) Math.cos(Math.PI / 6), (float) Math.sin(Math.PI / 6)),
            s("t180", -1, 0),
            s("t60", 0.5f, (float) Math.sin(Math.PI / 3)),
            s("none", 0, 0));

    @Test
    void ranksByCosineNeverTheAnchorItselfAndSkipsEmptyTargets() {
        SimilarityRanker.Result r = SimilarityRanker.rank(sc, List.of(CORPUS.get(0)), sc.parallelize(CORPUS, 3), all(10));
        assertEquals(List.of("t0", "t30", "t60", "t90", "t180"), ids(r.rankings().get(0)));
        List<Hit> hits = r.rankings().get(0).hits();
        assertEquals(1.0, hits.get(0).score(), 1e-6);
        assertEquals(Math.cos(Math.PI / 6), hits.get(1).score(), 1e-6);
        assertEquals(0.5, hits.get(2).score(), 1e-6);
        assertEquals(0.0, hits.get(3).score(), 1e-6);
        assertEquals(-1.0, hits.get(4).score(), 1e-6);
        assertEquals(7, r.targets());
        assertEquals(1, r.withoutEmbedding(), "the segment with no embedding");

        SimilarityRanker.Result top2 = SimilarityRanker.rank(sc, List.of(CORPUS.get(0)), sc.parallelize(CORPUS, 3), all(2));
        assertEquals(List.of("t0", "t30"), ids(top2.rankings().get(0)));
    }

    @Test
    void theInnerProductRanksLongerTargetsInTheQuerysDirectionFirst() {
        // Anchor along x; by cosine "unit" and "half" (both at 0 degrees) tie above "long45" (45
        // degrees); by inner product "long45" (2) comes first, then "unit" (1), then "half" (0.5).
        List<Segment> corpus = List.of(s("q", 1, 0), s("half", 0.5f, 0), s("long45", 2, 2), s("unit", 1, 0),
                s("back", -3, 0), s("none", 0, 0));
        for (int slices : new int[] {1, 3}) {
            SimilarityRanker.Result cosine = SimilarityRanker.rank(sc, List.of(corpus.get(0)), sc.parallelize(corpus, slices),
                    all(10));
            assertEquals(List.of("half", "unit", "long45", "back"), ids(cosine.rankings().get(0)));
            SimilarityRanker.Settings dot = new SimilarityRanker.Settings(10, true, null, "anchors", Similarity.DOT);
            SimilarityRanker.Result r = SimilarityRanker.rank(sc, List.of(s("q", 3, 0)), sc.parallelize(corpus, slices), dot);
            assertEquals(List.of("long45", "unit", "half", "back"), ids(r.rankings().get(0)), slices + " partitions");
            assertEquals(List.of(6f, 3f, 1.5f, -9f), r.rankings().get(0).hits().stream().map(Hit::score).toList(),
                    "the scores are the inner products, the query's length included");
            assertEquals(1, r.withoutEmbedding(), "a target with no vector is skipped by inner product too");
            assertEquals(r, SimilarityRanker.rankLocally(List.of(s("q", 3, 0)), corpus, dot));
        }
    }

    @Test
    void tiesAreBrokenByTargetIdWhateverThePartitioning() {
        // Four targets in the same direction as the anchor (exactly equal cosines), one slightly off.
        List<Segment> corpus = List.of(s("q", 1, 1, 0), s("d", 2, 2, 0), s("b", 1, 1, 0), s("off", 1, 1, 0.01f),
                s("c", 3, 3, 0), s("a", 0.5f, 0.5f, 0));
        for (int slices : new int[] {1, 2, 4}) {
            SimilarityRanker.Result r = SimilarityRanker.rank(sc, List.of(corpus.get(0)), sc.parallelize(corpus, slices), all(10));
            assertEquals(List.of("a", "b", "c", "d", "off"), ids(r.rankings().get(0)), slices + " partitions");
            SimilarityRanker.Result top2 = SimilarityRanker.rank(sc, List.of(corpus.get(0)), sc.parallelize(corpus, slices), all(2));
            assertEquals(List.of("a", "b"), ids(top2.rankings().get(0)), slices + " partitions");
        }
    }

    @Test
    void topKEqualsBruteForceOnRandomVectors() {
        Random random = new Random(7);
        int n = 400;
        int d = 16;
        List<Segment> corpus = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[d];
            for (int j = 0; j < d; j++) {
                v[j] = (float) random.nextGaussian();
            }
            corpus.add(new Segment(String.format("seg%03d", i), v));
        }
        List<Segment> queries = List.of(corpus.get(3), corpus.get(150), corpus.get(399), corpus.get(42), corpus.get(0));
        JavaRDD<Segment> targets = sc.parallelize(corpus, 5);
        assertTrue(targets.getNumPartitions() >= 3);
        // Small blocks (several products per partition) and two passes of queries.
        SimilarityRanker.Settings settings = new SimilarityRanker.Settings(25, true, null, "anchors", Similarity.COSINE, 32, 2);
        SimilarityRanker.Result result = SimilarityRanker.rank(sc, queries, targets, settings);
        for (int q = 0; q < queries.size(); q++) {
            Segment query = queries.get(q);
            List<Hit> brute = new ArrayList<>();
            for (Segment t : corpus) {
                if (!t.id().equals(query.id())) {
                    brute.add(new Hit(t.id(), (float) BruteForce.cosine(query.values(), t.values())));
                }
            }
            brute.sort(Comparator.comparingDouble((Hit h) -> -h.score()).thenComparing(Hit::target));
            Ranking got = result.rankings().get(q);
            assertEquals(query.id(), got.query());
            assertEquals(brute.subList(0, 25).stream().map(Hit::target).toList(), ids(got), query.id());
            for (int i = 0; i < 25; i++) {
                assertEquals(brute.get(i).score(), got.hits().get(i).score(), 1e-5, query.id() + " rank " + (i + 1));
            }
        }
        assertEquals(n, result.targets());
        assertEquals(result, SimilarityRanker.rankLocally(queries, corpus, settings),
                "the in-memory ranking equals the distributed one, scores included");

        // k beyond the corpus: every other segment, once.
        Ranking everything = SimilarityRanker.rank(sc, List.of(queries.get(0)), targets, all(10_000)).rankings().get(0);
        assertEquals(n - 1, everything.hits().size());
    }

    @Test
    void candidatesModeRanksOnlyEachAnchorsJudgedTargets() {
        List<Segment> queries = List.of(CORPUS.get(0), s("b", 0, 1));
        Map<String, Set<String>> judged = Map.of("a", Set.of("t90", "t180", "absent"), "b", Set.of("t0", "t90", "a"));
        SimilarityRanker.Result r = SimilarityRanker.rank(sc, queries, sc.parallelize(CORPUS, 2),
                new SimilarityRanker.Settings(10, true, judged, "anchors"));
        assertEquals(List.of("t90", "t180"), ids(r.rankings().get(0)), "t0, t30 and t60 are closer but not judged");
        assertEquals(List.of("t90", "a", "t0"), ids(r.rankings().get(1)),
                "anchors are targets of other anchors; a and t0 tie at 0, the smaller id first");
        assertEquals(r, SimilarityRanker.rankLocally(queries, CORPUS, new SimilarityRanker.Settings(10, true, judged, "anchors")));
    }

    @Test
    void aQueryMayRankItselfWhenAsked() {
        SimilarityRanker.Result r = SimilarityRanker.rank(sc, List.of(s("t0", 1, 0)), sc.parallelize(CORPUS, 2),
                new SimilarityRanker.Settings(2, false, null, "queries"));
        assertEquals(List.of("a", "t0"), ids(r.rankings().get(0)), "t0 itself, tied with a, the smaller id first");
    }

    @Test
    void badVectorsAreClearErrors() {
        JavaRDD<Segment> targets = sc.parallelize(List.of(s("x", 1, 0), s("wide", 1, 0, 0)), 2);
        Exception wide = assertThrows(Exception.class,
                () -> SimilarityRanker.rank(sc, List.of(s("q", 1, 1)), targets, all(5)));
        assertTrue(rootMessage(wide).contains("segment 'wide' has an embedding of 3 values, the anchors have 2"),
                rootMessage(wide));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> SimilarityRanker.rank(sc, List.of(s("q", 0, 0)), targets, all(5)));
        assertTrue(empty.getMessage().contains("'q' cannot be ranked for: its vector is empty"), empty.getMessage());
        JavaRDD<Segment> twice = sc.parallelize(List.of(s("x", 1, 0), s("y", 0, 1), s("x", 1, 0.1f)), 3);
        Exception duplicate = assertThrows(Exception.class,
                () -> SimilarityRanker.rank(sc, List.of(s("q", 1, 1)), twice, all(5)));
        assertTrue(rootMessage(duplicate).contains("segment 'x' appears more than once"), rootMessage(duplicate));
    }

    private static String rootMessage(Throwable t) {
        String message = t.getMessage();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IllegalArgumentException) {
                return c.getMessage();
            }
            message = c.getMessage();
        }
        return message;
    }

}
