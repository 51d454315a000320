package org.bidnn.jobs.compare;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bidnn.eval.JudgedRanking;
import org.bidnn.eval.RankingMeasures;
import org.bidnn.io.BadInputException;
import org.bidnn.io.Segment;
import org.bidnn.rank.Hit;
import org.bidnn.rank.Ranking;
import org.bidnn.rank.SimilarityRanker;

/**
 * The segments a comparison ranks, in memory: the anchors that have at least one relevant
 * judgment, the targets they may rank (their judged targets, or every segment of the corpus), and
 * what is relevant to each anchor. Every method is scored on exactly these anchors: one that a
 * method cannot represent (say, an anchor without modality 2 under "modality 2 only") counts as an
 * empty ranking, scoring 0, rather than being left out, so that all methods' means are over the
 * same anchors.
 *
 * <p>It is built once on the driver ({@link EvaluationSets}) and broadcast to the tasks that train
 * the models, each of which scores its model after every epoch. A record, as what Spark ships is.
 *
 * @param anchors    anchors' input rows, each with at least one relevant judgment
 * @param targets    input rows of every segment an anchor may rank
 * @param candidates per anchor, the only targets it may rank; null: any target but itself
 * @param relevant   per anchor, its relevant targets and their relevance (above 0)
 * @param rankK      targets kept per anchor
 * @param evalK      the cut-off of P@k
 */
public record EvaluationSet(List<Segment> anchors, List<Segment> targets, Map<String, Set<String>> candidates,
                            Map<String, Map<String, Integer>> relevant, int rankK, int evalK) implements Serializable {

    /** Mean P@k and MAP over the anchors. */
    public record Score(double precisionAtK, double meanAveragePrecision) implements Serializable {
    }

    public EvaluationSet {
        if (anchors.isEmpty()) {
            throw new BadInputException("no anchor with a relevant judgment to evaluate");
        }
        anchors = List.copyOf(anchors);
        targets = List.copyOf(targets);
    }

    /** Every anchor's ranking under {@code representation}, its {@code k} best targets with their cosines. */
    public List<Ranking> rankings(Representation representation, int k) {
        List<Segment> queries = new ArrayList<>();
        for (Segment s : represent(anchors, representation)) {
            if (SimilarityRanker.norm(s.values()) > 0) {
                queries.add(s);
            }
        }
        Map<String, Ranking> byAnchor = new LinkedHashMap<>();
        if (!queries.isEmpty()) {
            SimilarityRanker.Settings settings = new SimilarityRanker.Settings(k, true, candidates, "anchors");
            for (Ranking r : SimilarityRanker.rankLocally(queries, represent(targets, representation), settings).rankings()) {
                byAnchor.put(r.query(), r);
            }
        }
        List<Ranking> all = new ArrayList<>(anchors.size());
        for (Segment a : anchors) {
            all.add(byAnchor.getOrDefault(a.id(), new Ranking(a.id(), List.of())));
        }
        return all;
    }

    /** Every anchor's ranked target ids under {@code representation}, as many as the ranking keeps. */
    public Map<String, List<String>> rank(Representation representation) {
        return idsOf(rankings(representation, rankK));
    }

    /** The ranked ids of each ranking, by anchor. */
    public static Map<String, List<String>> idsOf(List<Ranking> rankings) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (Ranking r : rankings) {
            ids.put(r.query(), r.hits().stream().map(Hit::target).toList());
        }
        return ids;
    }


    /** The rankings with their relevance judgments, one per anchor, an anchor without ranking as an empty one. */
    public List<JudgedRanking> judge(Map<String, List<String>> rankings) {
        List<JudgedRanking> judged = new ArrayList<>(anchors.size());
        for (Segment a : anchors) {
            judged.add(new JudgedRanking(a.id(), rankings.getOrDefault(a.id(), List.of()), relevant.get(a.id())));
        }
        return judged;
    }

    /**
     * Mean P@k and MAP, by the per-anchor definitions of {@link RankingMeasures} (which equal Spark's
     * {@code RankingMetrics}): what a task computes after every epoch, where there is no Spark.
     */
    public Score score(Map<String, List<String>> rankings) {
        double precision = 0;
        double averagePrecision = 0;
        List<JudgedRanking> judged = judge(rankings);
        for (JudgedRanking r : judged) {
            precision += RankingMeasures.precisionAt(r, evalK);
            averagePrecision += RankingMeasures.averagePrecision(r);
        }
        return new Score(precision / judged.size(), averagePrecision / judged.size());
    }

    /** Segments per call of a representation: one matrix product per layer per batch, bounded in memory. */
    private static final int BATCH = 1024;

    private static List<Segment> represent(List<Segment> segments, Representation representation) {
        List<Segment> out = new ArrayList<>(segments.size());
        for (int from = 0; from < segments.size(); from += BATCH) {
            List<Segment> batch = segments.subList(from, Math.min(segments.size(), from + BATCH));
            float[][] rows = new float[batch.size()][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = batch.get(i).values();
            }
            float[][] vectors = representation.apply(rows);
            for (int i = 0; i < rows.length; i++) {
                out.add(new Segment(batch.get(i).id(), vectors[i]));
            }
        }
        return out;
    }
}
