package org.bidnn.rank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.bidnn.io.Segment;

/**
 * Query expansion by pseudo-relevance feedback: each query is ranked once, moved towards its
 * {@code feedback} best targets, and ranked again. The expanded query is the query at unit length
 * plus the mean of those targets at unit length (Rocchio's update with equal weights and no
 * negative feedback), so a query whose nearest targets agree on a region of the space is pulled
 * into it. No labels are used: only the searched targets themselves.
 *
 * <p>Written here because neither Spark nor MLlib has it: it is two passes of
 * {@link SimilarityRanker} with the vectors of the first pass's best targets fetched in between.
 */
public final class QueryExpansion {

    private QueryExpansion() {
    }

    /**
     * Ranks {@code targets} for the expanded queries.
     *
     * @param feedback best targets of the first ranking each query is moved towards; 0 ranks once,
     *                 without expansion
     */
    public static SimilarityRanker.Result rank(JavaSparkContext sc, List<Segment> queries, JavaRDD<Segment> targets,
                                               SimilarityRanker.Settings settings, int feedback) {
        if (feedback < 0) {
            throw new IllegalArgumentException("the number of feedback targets cannot be negative, got " + feedback);
        }
        if (feedback == 0) {
            return SimilarityRanker.rank(sc, queries, targets, settings);
        }
        boolean cached = targets.getStorageLevel().equals(StorageLevel.NONE());
        if (cached) {
            targets.persist(StorageLevel.MEMORY_AND_DISK());
        }
        try {
            SimilarityRanker.Settings first = new SimilarityRanker.Settings(feedback, settings.excludeSelf(),
                    settings.candidates(), settings.noun(), settings.similarity(), settings.blockSize(),
                    settings.queriesPerPass());
            List<Ranking> best = SimilarityRanker.rank(sc, queries, targets, first).rankings();
            Set<String> wanted = new HashSet<>();
            best.forEach(r -> r.hits().forEach(h -> wanted.add(h.target())));
            Broadcast<Set<String>> ids = sc.broadcast(wanted);
            Map<String, float[]> vectors = new HashMap<>();
            try {
                targets.filter(t -> ids.value().contains(t.id())).collect().forEach(t -> vectors.put(t.id(), t.values()));
            } finally {
                ids.destroy();
            }
            return SimilarityRanker.rank(sc, expand(queries, best, vectors), targets, settings);
        } finally {
            if (cached) {
                targets.unpersist(false);
            }
        }
    }

    /**
     * The expanded queries, in the queries' order: each query at unit length plus the mean of its
     * first ranking's targets at unit length.
     *
     * @param firstRankings one per query, in the queries' order: the targets to move towards
     * @param vectors       the vector of every target of those rankings, by id
     */
    public static List<Segment> expand(List<Segment> queries, List<Ranking> firstRankings, Map<String, float[]> vectors) {
        if (firstRankings.size() != queries.size()) {
            throw new IllegalArgumentException(queries.size() + " queries but " + firstRankings.size() + " rankings");
        }
        List<Segment> expanded = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            Segment q = queries.get(i);
            double[] sum = new double[q.values().length];
            addUnit(sum, q.values(), 1);
            List<Hit> hits = firstRankings.get(i).hits();
            for (Hit h : hits) {
                addUnit(sum, vectors.get(h.target()), 1.0 / hits.size());
            }
            float[] v = new float[sum.length];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) sum[j];
            }
            expanded.add(new Segment(q.id(), v));
        }
        return expanded;
    }

    /** {@code sum += weight * v / |v|}. */
    private static void addUnit(double[] sum, float[] v, double weight) {
        double scale = weight / SimilarityRanker.norm(v);
        for (int j = 0; j < sum.length; j++) {
            sum[j] += scale * v[j];
        }
    }
}
