package org.bidnn.jobs;

import java.io.Serializable;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.bidnn.io.BadInputException;
import org.bidnn.io.Segment;
import org.bidnn.io.Storage;
import org.bidnn.io.spark.SegmentReaders;
import org.bidnn.rank.AnchorList;
import org.bidnn.rank.Qrels;
import org.bidnn.rank.Ranking;
import org.bidnn.rank.RankingsFile;
import org.bidnn.rank.SimilarityRanker;
import org.bidnn.spark.SparkSessions;
import org.bidnn.spark.TaskFailures;

/**
 * {@code bidnn rank}: for each anchor, the targets ranked by cosine similarity of their embeddings,
 * with {@link SimilarityRanker}. Either every segment of the corpus but the anchor is a target
 * (all-targets mode), or only the anchor's judged targets are (candidates mode, the protocol of
 * the BiDNN papers). The anchors' embeddings are looked up in the same corpus. The rankings are
 * written to one file ({@link RankingsFile}), atomically.
 *
 * <p>Anchors that cannot be ranked are reported on stderr and get no line: those missing from the
 * corpus, those whose embedding is empty (a segment with no modality), and in candidates mode
 * those without judgments. Targets with an empty embedding are skipped and counted.
 */
public final class RankJob {

    private final RankOptions options;
    private final Console console;

    public RankJob(RankOptions options, Console console) {
        this.options = options;
        this.console = console;
    }

    /** What the lookup pass brings back of a segment: an anchor's vector, or whether a judged target can be ranked. */
    private record Found(String id, float[] anchorVector, boolean hasEmbedding) implements Serializable {
    }

    /** Runs the job in {@code spark}; a bad input line is thrown as the {@code InputFileException}. */
    public void execute(SparkSession spark) throws Exception {
        console.say(Console.SETTINGS, "Embeddings: %s (%s)%nAnchors: %s%nTargets: %s%nk: %d%nOutput: %s",
                options.embeddings(), options.format(), options.anchors(),
                options.allTargets() ? "all" : "judged in " + options.candidates(), options.k(), options.output());
        Storage storage = SparkSessions.storage(spark);
        if (!options.overwrite() && storage.exists(options.output())) {
            throw new FileAlreadyExistsException(options.output(), null,
                    "the output already exists (--overwrite replaces it)");
        }
        List<String> anchors = AnchorList.read(storage, options.anchors());
        Qrels qrels = options.allTargets() ? null : Qrels.read(storage, options.candidates());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        long start = System.nanoTime();
        JavaRDD<Segment> embeddings = null;
        try {
            embeddings = SegmentReaders.readEmbeddings(spark, options.embeddings(), options.format())
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Map<String, Set<String>> candidates = qrels == null ? null : candidatesOf(anchors, qrels);
            Map<String, Found> found = lookUp(embeddings, anchors, candidates);
            List<Segment> queries = queries(anchors, found, candidates);
            if (candidates != null) {
                reportUnrankableJudgments(candidates, found);
            }
            SimilarityRanker.Result result = SimilarityRanker.rank(sc, queries, embeddings,
                    new SimilarityRanker.Settings(options.k(), true, candidates, "anchors"));
            RankingsFile.write(storage, options.output(), result.rankings());
            List<String> nothingRanked = result.rankings().stream().filter(r -> r.hits().isEmpty())
                    .map(Ranking::query).toList();
            console.warnAboutAnchors(nothingRanked, "with no target that could be ranked");
            console.say(Console.PROGRESS, "Ranked targets for %d anchors among %d segments (%d without embedding, "
                            + "skipped) in %.3fs; wrote %s", queries.size(), result.targets(), result.withoutEmbedding(),
                    (System.nanoTime() - start) / 1e9, options.output());
        } catch (Exception e) {
            throw TaskFailures.unwrap(e);
        } finally {
            if (embeddings != null) {
                embeddings.unpersist(false);
            }
        }
    }

    /** Each listed anchor's judged targets, the anchor itself left out. */
    private static Map<String, Set<String>> candidatesOf(List<String> anchors, Qrels qrels) {
        Map<String, Set<String>> all = qrels.candidates();
        Map<String, Set<String>> candidates = new LinkedHashMap<>();
        for (String a : anchors) {
            Set<String> judged = new HashSet<>(all.getOrDefault(a, Set.of()));
            judged.remove(a);
            candidates.put(a, judged);
        }
        return candidates;
    }

    /** One pass over the corpus for the anchors' vectors and, in candidates mode, which judged targets exist. */
    private static Map<String, Found> lookUp(JavaRDD<Segment> embeddings, List<String> anchors,
                                             Map<String, Set<String>> candidates) {
        Set<String> anchorIds = new HashSet<>(anchors);
        Set<String> judged = new HashSet<>();
        if (candidates != null) {
            candidates.values().forEach(judged::addAll);
        }
        List<Found> hits = embeddings.filter(s -> anchorIds.contains(s.id()) || judged.contains(s.id()))
                .map(s -> new Found(s.id(), anchorIds.contains(s.id()) ? s.values() : null,
                        SimilarityRanker.norm(s.values()) > 0))
                .collect();
        Map<String, Found> byId = new HashMap<>();
        for (Found f : hits) {
            if (byId.put(f.id(), f) != null) {
                throw new BadInputException("segment '" + f.id() + "' appears more than once in " + "the embeddings");
            }
        }
        return byId;
    }

    private List<Segment> queries(List<String> anchors, Map<String, Found> found, Map<String, Set<String>> candidates) {
        List<String> missing = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        List<String> unjudged = new ArrayList<>();
        List<Segment> queries = new ArrayList<>();
        for (String a : anchors) {
            Found f = found.get(a);
            if (f == null) {
                missing.add(a);
            } else if (!f.hasEmbedding()) {
                empty.add(a);
            } else if (candidates != null && candidates.get(a).isEmpty()) {
                unjudged.add(a);
            } else {
                queries.add(new Segment(a, f.anchorVector()));
            }
        }
        console.warnAboutAnchors(missing, "not in the embeddings, not ranked");
        console.warnAboutAnchors(empty, "with an empty embedding (no modality), not ranked");
        console.warnAboutAnchors(unjudged, "without judged targets in " + options.candidates() + ", not ranked");
        if (queries.isEmpty()) {
            throw new BadInputException("none of the " + anchors.size() + " anchors of " + options.anchors()
                    + " can be ranked for (see the warnings above)");
        }
        console.say(Console.PROGRESS, "Ranking targets for %d of %d anchors", queries.size(), anchors.size());
        return queries;
    }


    private void reportUnrankableJudgments(Map<String, Set<String>> candidates, Map<String, Found> found) {
        long judgments = 0;
        long unrankable = 0;
        for (Set<String> targets : candidates.values()) {
            for (String t : targets) {
                judgments++;
                Found f = found.get(t);
                if (f == null || !f.hasEmbedding()) {
                    unrankable++;
                }
            }
        }
        if (unrankable > 0) {
            console.say(Console.SETTINGS, "warning: %d of the %d judged targets are not in the embeddings or have "
                    + "an empty embedding, and are not ranked", unrankable, judgments);
        }
    }
}
