package org.bidnn.rank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.bidnn.io.BadInputException;
import org.bidnn.io.Segment;

/**
 * Ranks targets for a few queries by their {@link Similarity} (the cosine, or the inner product), on
 * Spark, keeping each query's k best: a distributed top-k that never builds the query-by-target
 * matrix anywhere.
 *
 * <p>The queries (anchors: few) are broadcast. Each partition of targets is scored block by block,
 * one matrix product per block of target rows, and keeps a bounded priority queue of k hits per
 * query ({@link PartitionScorer}); the partitions' lists are then merged pairwise, as sorted lists
 * truncated to k, in a tree ({@code treeReduce}), so the driver receives one list of at most k
 * hits per query. Spark MLlib has no such top-k for arbitrary queries (its nearest-neighbour search
 * is approximate, LSH), hence this one.
 *
 * <p>Ties are broken by target id ({@link Hit#BEST_FIRST}), so a ranking does not depend on the
 * partitioning. A target whose vector is all zeros or empty (a segment with no modality) has no
 * cosine with anything and is skipped, whatever the similarity. Queries beyond
 * {@link Settings#queriesPerPass} are ranked in several passes over the targets, which are then
 * cached for the duration.
 */
public final class SimilarityRanker {

    /** Target rows per matrix product. */
    public static final int DEFAULT_BLOCK_SIZE = 1024;
    /** Queries per pass: bounds each task's scores (queries x block) and lists (queries x k). */
    public static final int DEFAULT_QUERIES_PER_PASS = 1024;

    private SimilarityRanker() {
    }

    /**
     * @param k              hits kept per query
     * @param excludeSelf    whether a target with a query's id is left out of that query's ranking
     * @param candidates     per query id, the only targets it may rank; null to rank every target
     * @param noun           what the queries are called in error messages ("anchors")
     * @param similarity     how a query and a target are scored
     */
    public record Settings(int k, boolean excludeSelf, Map<String, Set<String>> candidates, String noun,
                           Similarity similarity, int blockSize, int queriesPerPass) {

        public Settings {
            if (k <= 0) {
                throw new IllegalArgumentException("k must be positive, got " + k);
            }
            if (blockSize <= 0 || queriesPerPass <= 0) {
                throw new IllegalArgumentException("block size and queries per pass must be positive");
            }
            if (similarity == null) {
                throw new IllegalArgumentException("a similarity is needed");
            }
        }

        /** By cosine. */
        public Settings(int k, boolean excludeSelf, Map<String, Set<String>> candidates, String noun) {
            this(k, excludeSelf, candidates, noun, Similarity.COSINE);
        }

        public Settings(int k, boolean excludeSelf, Map<String, Set<String>> candidates, String noun,
                        Similarity similarity) {
            this(k, excludeSelf, candidates, noun, similarity, DEFAULT_BLOCK_SIZE, DEFAULT_QUERIES_PER_PASS);
        }
    }

    /**
     * @param rankings         one per query, in the queries' order
     * @param targets          targets read (in one pass)
     * @param withoutEmbedding targets skipped because their vector is empty or all zeros
     */
    public record Result(List<Ranking> rankings, long targets, long withoutEmbedding) {
    }

    /**
     * @param queries non-empty vectors, all of one width, with distinct ids
     * @throws IllegalArgumentException if a query is empty or of another width, or (from the job) a
     *                                  target's vector is of another width or a target id appears twice
     */
    public static Result rank(JavaSparkContext sc, List<Segment> queries, JavaRDD<Segment> targets, Settings settings) {
        int width = checkQueries(queries, settings);
        boolean severalPasses = queries.size() > settings.queriesPerPass();
        boolean cached = severalPasses && targets.getStorageLevel().equals(StorageLevel.NONE());
        if (cached) {
            targets.persist(StorageLevel.MEMORY_AND_DISK());
        }
        try {
            return inPasses(queries, settings, pass -> {
                Broadcast<QueryBlock> block = sc.broadcast(queryBlock(pass, width, settings));
                try {
                    if (targets.getNumPartitions() == 0) {
                        return empty(pass.size());
                    }
                    int k = settings.k();
                    return targets.mapPartitions(new PartitionScorer(block, k, settings.blockSize()))
                            .treeReduce((a, b) -> PartialRankings.merge(a, b, k));
                } finally {
                    block.destroy();
                }
            });
        } finally {
            if (cached) {
                targets.unpersist(false);
            }
        }
    }

    /**
     * The same rankings without Spark, in this thread, for queries and targets that are already in
     * memory: what {@code bidnn compare} evaluates after every epoch inside one task.
     */
    public static Result rankLocally(List<Segment> queries, List<Segment> targets, Settings settings) {
        int width = checkQueries(queries, settings);
        return inPasses(queries, settings, pass -> PartitionScorer.scoreAll(queryBlock(pass, width, settings),
                targets.iterator(), settings.k(), settings.blockSize()));
    }

    /** The width of the queries' vectors, after checking that they can be ranked for. */
    private static int checkQueries(List<Segment> queries, Settings settings) {
        if (queries.isEmpty()) {
            throw new BadInputException("no " + settings.noun() + " to rank for");
        }
        int width = queries.get(0).values().length;
        Set<String> seen = new HashSet<>();
        for (Segment q : queries) {
            if (q.values().length != width || norm(q.values()) == 0) {
                throw new BadInputException("segment '" + q.id() + "' cannot be ranked for: its vector "
                        + (norm(q.values()) == 0 ? "is empty" : "has " + q.values().length + " values, not " + width));
            }
            if (!seen.add(q.id())) {
                throw new BadInputException("segment '" + q.id() + "' is given twice among the " + settings.noun());
            }
        }
        return width;
    }

    /** Ranks the queries {@link Settings#queriesPerPass} at a time, each pass scanning every target once. */
    private static Result inPasses(List<Segment> queries, Settings settings,
                                   Function<List<Segment>, PartialRankings> onePass) {
        List<Ranking> rankings = new ArrayList<>(queries.size());
        long scanned = 0;
        long withoutEmbedding = 0;
        for (int from = 0; from < queries.size(); from += settings.queriesPerPass()) {
            List<Segment> pass = queries.subList(from, Math.min(queries.size(), from + settings.queriesPerPass()));
            PartialRankings merged = onePass.apply(pass);
            for (int i = 0; i < pass.size(); i++) {
                rankings.add(ranking(pass.get(i).id(), merged.ids[i], merged.scores[i]));
            }
            scanned = merged.scanned;
            withoutEmbedding = merged.withoutEmbedding;
        }
        return new Result(rankings, scanned, withoutEmbedding);
    }

    private static QueryBlock queryBlock(List<Segment> queries, int width, Settings settings) {
        int q = queries.size();
        String[] ids = new String[q];
        float[] vectors = new float[q * width];
        double[] inverseNorms = new double[q];
        boolean cosine = settings.similarity() == Similarity.COSINE;
        Map<String, Integer> selves = settings.excludeSelf() ? new HashMap<>() : null;
        for (int i = 0; i < q; i++) {
            Segment s = queries.get(i);
            ids[i] = s.id();
            System.arraycopy(s.values(), 0, vectors, i * width, width);
            inverseNorms[i] = cosine ? 1 / norm(s.values()) : 1;
            if (selves != null) {
                selves.put(s.id(), i);
            }
        }
        Map<String, int[]> candidates = settings.candidates() == null ? null : byTarget(ids, settings.candidates());
        return new QueryBlock(ids, width, vectors, inverseNorms, cosine, candidates, selves, settings.noun());
    }

    private static PartialRankings empty(int queries) {
        String[][] ids = new String[queries][0];
        return new PartialRankings(ids, new float[queries][0], 0, 0);
    }

    /** Inverts "query: its candidate targets" into "target: the queries it is a candidate of". */
    private static Map<String, int[]> byTarget(String[] queryIds, Map<String, Set<String>> candidates) {
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < queryIds.length; i++) {
            for (String target : candidates.getOrDefault(queryIds[i], Set.of())) {
                lists.computeIfAbsent(target, t -> new ArrayList<>()).add(i);
            }
        }
        Map<String, int[]> result = new HashMap<>();
        lists.forEach((target, qs) -> result.put(target, qs.stream().mapToInt(Integer::intValue).toArray()));
        return result;
    }

    private static Ranking ranking(String query, String[] ids, float[] scores) {
        List<Hit> hits = new ArrayList<>(ids.length);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.length; i++) {
            if (!seen.add(ids[i])) {
                throw new BadInputException("segment '" + ids[i] + "' appears more than once among the targets");
            }
            hits.add(new Hit(ids[i], scores[i]));
        }
        return new Ranking(query, hits);
    }

    /** The L2 norm, accumulated in double; 0 for an empty or all-zero vector. */
    public static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }
}
