package org.bidnn.jobs.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.bidnn.io.BadInputException;
import org.bidnn.io.Segment;
import org.bidnn.rank.Qrels;

/** Builds the {@link EvaluationSet} of a comparison from the corpus on Spark. */
public final class EvaluationSets {

    private EvaluationSets() {
    }

    /**
     * The evaluation set and the listed anchors it leaves out or cannot rank for.
     *
     * @param set             the evaluation set; null when no listed anchor is both in the corpus and
     *                        judged relevant to something (nothing to evaluate)
     * @param notInCorpus     listed anchors the corpus does not have
     * @param withoutRelevant listed anchors without any relevant judgment (nothing to score them on)
     * @param noCandidates    anchors kept (they have relevant judgments) but without any candidate
     *                        target to rank: every method scores them 0
     */
    public record Built(EvaluationSet set, List<String> notInCorpus, List<String> withoutRelevant,
                        List<String> noCandidates) {
    }

    /**
     * Collects the listed anchors and the targets they may rank: the targets judged for them in
     * {@code candidates} (the papers' protocol), or, when it is null, the whole corpus, which must
     * then fit in the driver's memory. Only the needed segments leave the executors; their ids are
     * broadcast to filter the corpus.
     *
     * @param qrels what is relevant to each anchor
     * @param input the corpus's path, for messages
     * @throws IllegalArgumentException if a segment id appears twice among the needed segments
     */
    public static Built collect(JavaSparkContext sc, JavaRDD<Segment> corpus, String input, List<String> anchorIds,
                                Qrels qrels, Qrels candidates, int rankK, int evalK) {
        boolean allTargets = candidates == null;
        Map<String, Map<String, Integer>> relevant = new HashMap<>();
        List<String> withoutRelevant = new ArrayList<>();
        for (String anchor : anchorIds) {
            Map<String, Integer> rel = qrels.relevant(anchor);
            if (rel.isEmpty()) {
                withoutRelevant.add(anchor);
            } else {
                relevant.put(anchor, rel);
            }
        }
        Map<String, Set<String>> candidateTargets = null;
        Set<String> needed = new HashSet<>(relevant.keySet());
        if (!allTargets) {
            candidateTargets = new HashMap<>();
            for (String anchor : relevant.keySet()) {
                Set<String> judged = new HashSet<>(candidates.judgments(anchor).keySet());
                candidateTargets.put(anchor, judged);
                needed.addAll(judged);
            }
        }
        List<Segment> segments;
        if (allTargets) {
            segments = corpus.collect();
        } else {
            Broadcast<Set<String>> wanted = sc.broadcast(needed);
            try {
                segments = corpus.filter(s -> wanted.value().contains(s.id())).collect();
            } finally {
                wanted.destroy();
            }
        }
        Map<String, Segment> byId = new LinkedHashMap<>();
        for (Segment s : segments) {
            if (byId.put(s.id(), s) != null) {
                throw new BadInputException(input + ": segment '" + s.id() + "' appears more than once");
            }
        }
        List<Segment> anchors = new ArrayList<>();
        List<String> notInCorpus = new ArrayList<>();
        List<String> noCandidates = new ArrayList<>();
        for (String id : anchorIds) {
            if (!relevant.containsKey(id)) {
                continue;
            }
            Segment s = byId.get(id);
            if (s == null) {
                notInCorpus.add(id);
            } else {
                anchors.add(s);
                if (candidateTargets != null && candidateTargets.get(id).isEmpty()) {
                    noCandidates.add(id);
                }
            }
        }
        // Sorted by id so that the targets, hence the rankings' ties, do not depend on partitioning.
        List<Segment> targets = new ArrayList<>(byId.values());
        targets.sort((a, b) -> a.id().compareTo(b.id()));
        EvaluationSet set = anchors.isEmpty() ? null
                : new EvaluationSet(anchors, targets, candidateTargets, relevant, rankK, evalK);
        return new Built(set, notInCorpus, withoutRelevant, noCandidates);
    }
}
