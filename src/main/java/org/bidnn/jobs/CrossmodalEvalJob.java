package org.bidnn.jobs;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.bidnn.embed.ModelBroadcast;
import org.bidnn.embed.PartitionEmbedder;
import org.bidnn.eval.CrossmodalReport;
import org.bidnn.eval.JudgedRanking;
import org.bidnn.eval.Labels;
import org.bidnn.eval.RankingMeasures;
import org.bidnn.eval.SparkRankingMetrics;
import org.bidnn.io.BadInputException;
import org.bidnn.io.JsonFiles;
import org.bidnn.io.Segment;
import org.bidnn.io.Storage;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.io.spark.SegmentReaders;
import org.bidnn.model.Architecture;
import org.bidnn.model.FeatureScaler;
import org.bidnn.model.ModelFile;
import org.bidnn.model.OutputMode;
import org.bidnn.model.Presence;
import org.bidnn.model.SegmentTransformer;
import org.bidnn.model.TrainedModel;
import org.bidnn.rank.Hit;
import org.bidnn.rank.QueryExpansion;
import org.bidnn.rank.Ranking;
import org.bidnn.rank.Similarity;
import org.bidnn.rank.SimilarityRanker;
import org.bidnn.spark.SparkSessions;
import org.bidnn.spark.TaskFailures;

/**
 * {@code bidnn crossmodal-eval}: crossmodal retrieval with a trained BiDNN, the standard protocol of
 * labelled image/text sets such as Wikipedia (Rasiwasia et al. 2010). Each segment is queried by
 * one modality, every segment is retrieved by the other, and an item is relevant when it has the
 * query's label; the score is the mean average precision over the whole ranking, in both
 * directions (modality 1 to 2 and 2 to 1), with the chance level beside it.
 *
 * <p>Two ways to compare across modalities ({@link Space}):
 * <ul>
 *   <li>joint: the query's embedding from its modality alone, which by the model's rule is its
 *       central layer duplicated ({@code [h1b | h1b]}), against the items' embeddings from the other
 *       modality alone ({@code [h2b | h2b]});</li>
 *   <li>translation: the query translated into the other modality (the crossmodal expansion of the
 *       query with that modality missing), against the items' raw other modality.</li>
 *   <li>both-translations: the mean of two cosines, the translation's above and the query's own
 *       modality against the item's translation into it, so that each side is also compared in the
 *       space of its own modality (the cosine of the two unit-length halves concatenated).</li>
 * </ul>
 * All go through {@link PartitionEmbedder} on the executors, then {@link SimilarityRanker} ranks every
 * item for every query (k = the number of items), by cosine or by inner product ({@link Similarity}),
 * optionally after expanding each query by its best items ({@link QueryExpansion}), and Spark's
 * {@code RankingMetrics} gives the mAP.
 * The queries are broadcast, so the set is meant to be an evaluation set (thousands of segments),
 * not a corpus. A segment lacking a modality is neither a query nor an item by it.
 */
public final class CrossmodalEvalJob {


    /** How a query and the items of the other modality are compared. */
    public enum Space {
        JOINT, TRANSLATION, BOTH_TRANSLATIONS;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param idColumn    1-based column of the segment id in the labels file
     * @param labelColumn 1-based column of the label, 0 for the last
     * @param similarity  how a query and an item are scored
     * @param expandQuery best items of a first ranking each query is expanded by; 0 for none
     * @param batchSize   segments per inference batch
     */
    public record Options(String input, SegmentFormat inputFormat, String labels, int idColumn, int labelColumn,
                          String model, Space space, Similarity similarity, int expandQuery, String report,
                          int batchSize) {
        public Options {
            if (batchSize <= 0) {
                throw new BadInputException("--batch-size must be positive, got " + batchSize);
            }
            if (expandQuery < 0) {
                throw new BadInputException("--expand-query cannot be negative, got " + expandQuery);
            }
        }
    }

    private final Options options;
    private final Console console;

    public CrossmodalEvalJob(Options options, Console console) {
        this.options = options;
        this.console = console;
    }

    /** Which modalities a segment has. */
    private record Has(String id, boolean mod1, boolean mod2) implements Serializable {
    }

    /** Runs the evaluation, writes the report and returns it. */
    public CrossmodalReport execute(SparkSession spark) throws Exception {
        console.say(Console.SETTINGS, "Input: %s (%s)%nLabels: %s%nModel: %s%nSpace: %s%nSimilarity: %s%n"
                + "Query expansion: %d items%nReport: %s", options.input(), options.inputFormat(), options.labels(),
                options.model(), options.space(), options.similarity(), options.expandQuery(), options.report());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Storage storage = SparkSessions.storage(spark);
        Map<String, String> labels = Labels.read(storage, options.labels(), options.idColumn(), options.labelColumn());
        TrainedModel trained = ModelFile.load(storage, options.model()).model();
        Architecture a = trained.network().architecture();
        console.say(Console.PROGRESS, "Model %s: mod1size %d, mod2size %d, hdnsize %d, repsize %d, scaling %s",
                options.model(), a.mod1Size(), a.mod2Size(), a.hiddenSize(), a.embeddingSize(),
                trained.scaler().method().cliName());
        ModelBroadcast model = ModelBroadcast.of(sc, trained, options.model());
        FeatureScaler scaler = trained.scaler();
        JavaRDD<Segment> segments = null;
        try {
            segments = SegmentReaders.read(spark, options.input(), options.inputFormat(), a.mod1Size(), a.mod2Size())
                    .persist(StorageLevel.MEMORY_AND_DISK());
            List<Has> present = presence(segments, a.mod1Size(), labels);
            long start = System.nanoTime();
            List<CrossmodalReport.Direction> directions = new ArrayList<>();
            for (int from : new int[] {1, 2}) {
                directions.add(direction(sc, segments, model, scaler, a, from, present, labels));
            }
            int distinctLabels = (int) present.stream().map(h -> labels.get(h.id())).distinct().count();
            CrossmodalReport report = new CrossmodalReport(options.input(), options.labels(), options.model(),
                    options.space().toString(), options.similarity().toString(), options.expandQuery(), present.size(),
                    distinctLabels, directions);
            JsonFiles.write(storage, options.report(), report);
            console.say(Console.PROGRESS, "Evaluated in %.3fs; wrote %s", (System.nanoTime() - start) / 1e9, options.report());
            return report;
        } catch (Exception e) {
            throw TaskFailures.unwrap(e);
        } finally {
            if (segments != null) {
                segments.unpersist(false);
            }
            model.destroy();
        }
    }

    /** Which modalities each segment has; every segment must be labelled, and appear once. */
    private List<Has> presence(JavaRDD<Segment> segments, int mod1Size, Map<String, String> labels) {
        List<Has> present = segments.map(s -> {
            Presence p = Presence.of(s.values(), mod1Size, false);
            return new Has(s.id(), p == Presence.BOTH || p == Presence.ONLY_MOD1, p == Presence.BOTH || p == Presence.ONLY_MOD2);
        }).collect();
        Set<String> seen = new HashSet<>();
        List<String> unlabelled = new ArrayList<>();
        for (Has h : present) {
            if (!seen.add(h.id())) {
                throw new BadInputException("segment '" + h.id() + "' appears more than once in " + options.input());
            }
            if (!labels.containsKey(h.id())) {
                unlabelled.add(h.id());
            }
        }
        if (!unlabelled.isEmpty()) {
            throw new BadInputException(unlabelled.size() + " segments of " + options.input() + " have no label in "
                    + options.labels() + ", e.g. '" + unlabelled.get(0) + "' (ids are matched with column "
                    + options.idColumn() + ")");
        }
        long both = present.stream().filter(h -> h.mod1() && h.mod2()).count();
        console.say(Console.PROGRESS, "Read %d labelled segments: %d with both modalities, %d with only the 1st, %d "
                + "with only the 2nd", present.size(), both, present.stream().filter(h -> h.mod1() && !h.mod2()).count(),
                present.stream().filter(h -> !h.mod1() && h.mod2()).count());
        return present;
    }

    private CrossmodalReport.Direction direction(JavaSparkContext sc, JavaRDD<Segment> segments, ModelBroadcast model,
                                                 FeatureScaler scaler, Architecture a, int from, List<Has> present,
                                                 Map<String, String> labels) {
        int to = 3 - from;
        String name = "mod" + from + "->mod" + to;
        JavaRDD<Segment> queries = view(segments, model, scaler, a, from, true);
        JavaRDD<Segment> items = view(segments, model, scaler, a, to, false);
        List<Segment> queryList = queries.collect();
        List<String> itemIds = present.stream().filter(h -> to == 1 ? h.mod1() : h.mod2()).map(Has::id).toList();
        if (queryList.isEmpty() || itemIds.isEmpty()) {
            throw new BadInputException("no segment of " + options.input() + " has modality " + (queryList.isEmpty() ? from : to)
                    + ": " + name + " retrieval cannot be evaluated");
        }
        Map<String, List<String>> itemsByLabel = new HashMap<>();
        for (String id : itemIds) {
            itemsByLabel.computeIfAbsent(labels.get(id), l -> new ArrayList<>()).add(id);
        }
        SimilarityRanker.Result ranked = QueryExpansion.rank(sc, queryList, items,
                new SimilarityRanker.Settings(itemIds.size(), false, null, "queries", options.similarity()),
                Math.min(options.expandQuery(), itemIds.size()));
        List<JudgedRanking> judged = new ArrayList<>();
        double chance = 0;
        int withoutRelevant = 0;
        for (Ranking r : ranked.rankings()) {
            List<String> relevantItems = itemsByLabel.getOrDefault(labels.get(r.query()), List.of());
            Map<String, Integer> relevance = new HashMap<>();
            relevantItems.forEach(id -> relevance.put(id, 1));
            judged.add(new JudgedRanking(r.query(), r.hits().stream().map(Hit::target).toList(), relevance));
            chance += (double) relevantItems.size() / itemIds.size();
            withoutRelevant += relevantItems.isEmpty() ? 1 : 0;
        }
        double map = SparkRankingMetrics.of(sc, judged).meanAveragePrecision();
        Map<String, double[]> sums = new TreeMap<>(Labels.NATURAL_ORDER);
        for (JudgedRanking r : judged) {
            double[] s = sums.computeIfAbsent(labels.get(r.query()), l -> new double[2]);
            s[0] += RankingMeasures.averagePrecision(r);
            s[1]++;
        }
        Map<String, Double> perLabel = new LinkedHashMap<>();
        sums.forEach((label, s) -> perLabel.put(label, s[0] / s[1]));
        chance /= judged.size();
        console.say(Console.PROGRESS, "%s: %d queries, %d items, mAP %.4f (chance %.4f)", name, judged.size(),
                itemIds.size(), map, chance);
        return new CrossmodalReport.Direction(name, judged.size(), itemIds.size(), map, chance, withoutRelevant, perLabel);
    }

    /**
     * The vectors compared for modality {@code m} of the segments that have it: in the joint space
     * its embedding alone; in the translation space, for a query its translation into the other
     * modality, for an item the modality itself.
     */
    private JavaRDD<Segment> view(JavaRDD<Segment> segments, ModelBroadcast model, FeatureScaler scaler, Architecture a,
                                  int m, boolean query) {
        int d1 = a.mod1Size();
        int width = a.inputSize();
        JavaRDD<Segment> alone = segments
                .filter(s -> Presence.of(only(s.values(), m, d1), d1, false) != Presence.NONE)
                .map(s -> new Segment(s.id(), only(s.values(), m, d1)));
        if (options.space() == Space.JOINT) {
            return new PartitionEmbedder(model, OutputMode.EMBEDDING, false, false, options.batchSize()).apply(alone);
        }
        Space space = options.space();
        // The expansion fills the missing (other) modality with the translation of this one, in the
        // input's units; scaled again, it is the network's output.
        return new PartitionEmbedder(model, OutputMode.CROSSMODAL, false, false, options.batchSize())
                .apply(alone).map(s -> {
            float[] v = scaler.scale(s.values(), d1, false);
            float[] own = m == 1 ? Arrays.copyOfRange(v, 0, d1) : Arrays.copyOfRange(v, d1, width);
            float[] other = m == 1 ? Arrays.copyOfRange(v, d1, width) : Arrays.copyOfRange(v, 0, d1);
            if (space == Space.TRANSLATION) {
                return new Segment(s.id(), query ? other : own);
            }
            // Both translations: the query's [translation | own] against the item's [own | translation],
            // each half at unit length, so that the cosine is the mean of the halves' cosines.
            float[] row = query ? concat(other, own) : concat(own, other);
            SegmentTransformer.normalize(row, 0, query ? other.length : own.length);
            SegmentTransformer.normalize(row, query ? other.length : own.length, row.length);
            return new Segment(s.id(), row);
        });
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** A copy of {@code row} with only modality {@code m} kept, the other zeroed (missing). */
    private static float[] only(float[] row, int m, int mod1Size) {
        float[] kept = new float[row.length];
        if (m == 1) {
            System.arraycopy(row, 0, kept, 0, mod1Size);
        } else {
            System.arraycopy(row, mod1Size, kept, mod1Size, row.length - mod1Size);
        }
        return kept;
    }

    /** One line for people: what the command prints. */
    public static String summary(CrossmodalReport r) {
        StringBuilder s = new StringBuilder(r.space()).append(", ").append(r.similarity());
        if (r.queryExpansion() > 0) {
            s.append(", queries expanded by ").append(r.queryExpansion()).append(" items");
        }
        s.append(':');
        for (CrossmodalReport.Direction d : r.directions()) {
            s.append(String.format(Locale.ROOT, "  %s mAP %.4f (chance %.4f)", d.direction(), d.meanAveragePrecision(),
                    d.chance()));
        }
        return s.append(String.format(Locale.ROOT, "  (%d segments)", r.segments())).toString();
    }
}
