package org.bidnn.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.bidnn.io.Segment;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Query expansion by the best targets of a first ranking: the update by hand, and the two passes on Spark. */
@ExtendWith(SharedSpark.class)
class QueryExpansionTest {

    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
    }

    @Test
    void theExpandedQueryIsTheUnitQueryPlusTheMeanOfItsUnitTargets() {
        List<Segment> queries = List.of(new Segment("q", new float[] {2, 0}));
        List<Ranking> first = List.of(new Ranking("q", List.of(new Hit("up", 1), new Hit("diagonal", 0.7f))));
        Map<String, float[]> vectors = Map.of("up", new float[] {0, 3}, "diagonal", new float[] {1, 1});
        Segment expanded = QueryExpansion.expand(queries, first, vectors).get(0);
        double half = Math.sqrt(0.5) / 2;
        assertEquals("q", expanded.id());
        // (1, 0) + ((0, 1) + (0.7071, 0.7071)) / 2
        assertArrayEquals(new float[] {(float) (1 + half), (float) (0.5 + half)}, expanded.values(), 1e-6f);
    }

    @Test
    void rankingWithFeedbackRanksTheExpandedQueriesByBruteForce() {
        Random random = new Random(11);
        List<Segment> corpus = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            float[] v = new float[6];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) random.nextGaussian() + (i % 3 == 0 ? 1.5f : 0);
            }
            corpus.add(new Segment(String.format("t%03d", i), v));
        }
        List<Segment> queries = List.of(corpus.get(0), corpus.get(7), corpus.get(30));
        for (Similarity similarity : Similarity.values()) {
            SimilarityRanker.Settings settings = new SimilarityRanker.Settings(119, true, null, "queries", similarity);
            SimilarityRanker.Result got = QueryExpansion.rank(sc, queries, sc.parallelize(corpus, 4), settings, 5);
            SimilarityRanker.Result once = SimilarityRanker.rank(sc, queries, sc.parallelize(corpus, 4), settings);
            assertEquals(once, QueryExpansion.rank(sc, queries, sc.parallelize(corpus, 4), settings, 0),
                    "no feedback: one ranking");
            for (int q = 0; q < queries.size(); q++) {
                Segment query = queries.get(q);
                List<float[]> best = bruteForce(query, corpus, similarity).subList(0, 5).stream()
                        .map(h -> corpus.get(Integer.parseInt(h.target().substring(1))).values()).toList();
                float[] expanded = BruteForce.expanded(query.values(), best);
                List<Hit> expected = bruteForce(new Segment(query.id(), expanded), corpus, similarity);
                Ranking ranking = got.rankings().get(q);
                assertEquals(expected.stream().map(Hit::target).toList(), ranking.hits().stream().map(Hit::target).toList(),
                        similarity + ", " + query.id());
                assertNotEquals(once.rankings().get(q), ranking, "the expansion changed the ranking");
            }
        }
    }

    private static List<Hit> bruteForce(Segment query, List<Segment> corpus, Similarity similarity) {
        List<Hit> hits = new ArrayList<>();
        for (Segment t : corpus) {
            if (!t.id().equals(query.id())) {
                double score = similarity == Similarity.COSINE ? BruteForce.cosine(query.values(), t.values())
                        : BruteForce.dot(query.values(), t.values());
                hits.add(new Hit(t.id(), (float) score));
            }
        }
        hits.sort(Comparator.comparingDouble((Hit h) -> -h.score()).thenComparing(Hit::target));
        return hits;
    }
}
