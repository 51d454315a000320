package org.bidnn.jobs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.evaluation.RankingMetrics;
import org.bidnn.eval.EvaluationReport;
import org.bidnn.eval.JudgedRanking;
import org.bidnn.eval.RankingMeasures;
import org.bidnn.eval.SparkRankingMetrics;
import org.bidnn.io.BadInputException;
import org.bidnn.io.JsonFiles;
import org.bidnn.io.Storage;
import org.bidnn.rank.Qrels;
import org.bidnn.rank.RankingsFile;

/**
 * {@code bidnn evaluate}: scores rankings ({@link RankingsFile}) against relevance judgments
 * ({@link Qrels}) by P@k, MAP and nDCG@k, averaged over the anchors with both a ranking and at
 * least one relevant judgment. The means come from Spark's {@code RankingMetrics}; the report
 * also has every anchor's values and lists the anchors left out. Targets ranked but not judged
 * count as non-relevant, as in trec_eval.
 */
public final class EvaluateJob {


    /**
     * @param markdown      also write a Markdown summary here, or null
     * @param countUnranked score judged anchors without a ranking as empty rankings (0), as trec_eval -c
     */
    public record Options(String rankings, String qrels, int k, String report, String markdown, boolean countUnranked) {
        public Options {
            if (k <= 0) {
                throw new BadInputException("--k must be positive, got " + k);
            }
        }
    }

    private final Options options;
    private final Console console;

    public EvaluateJob(Options options, Console console) {
        this.options = options;
        this.console = console;
    }

    /** Evaluates, writes the report(s), and returns the report. */
    public EvaluationReport execute(JavaSparkContext sc) throws IOException {
        Storage storage = Storage.of(sc.hadoopConfiguration());
        Map<String, List<String>> rankings = RankingsFile.read(storage, options.rankings());
        Qrels qrels = Qrels.read(storage, options.qrels());
        EvaluationReport report = evaluate(sc, rankings, qrels, options.k(), options.countUnranked(),
                options.rankings(), options.qrels());
        JsonFiles.write(storage, options.report(), report);
        if (options.markdown() != null) {
            storage.writeString(options.markdown(), markdown(report));
        }
        console.warnAboutAnchors(report.judgedNotRanked(), report.countUnranked() ? "judged but not ranked, scored 0"
                : "judged but not ranked, left out (--count-unranked scores them 0)");
        console.warnAboutAnchors(report.rankedNotJudged(), "ranked but not judged, left out");
        console.warnAboutAnchors(report.withoutRelevant(), "without any relevant judgment, left out");
        console.say(Console.PROGRESS, "Wrote %s%s", options.report(),
                options.markdown() == null ? "" : " and " + options.markdown());
        return report;
    }

    /** The evaluation itself, without files. */
    public static EvaluationReport evaluate(JavaSparkContext sc, Map<String, List<String>> rankings, Qrels qrels, int k,
                                            boolean countUnranked, String rankingsName, String qrelsName) {
        List<String> judgedNotRanked = new ArrayList<>();
        List<String> rankedNotJudged = new ArrayList<>();
        List<String> withoutRelevant = new ArrayList<>();
        List<JudgedRanking> evaluated = new ArrayList<>();
        Set<String> anchors = new LinkedHashSet<>(rankings.keySet());
        anchors.addAll(qrels.anchors());
        for (String anchor : anchors) {
            List<String> ranking = rankings.get(anchor);
            Map<String, Integer> judged = qrels.judgments(anchor);
            Map<String, Integer> relevant = qrels.relevant(anchor);
            if (judged.isEmpty()) {
                rankedNotJudged.add(anchor);
            } else if (relevant.isEmpty()) {
                withoutRelevant.add(anchor);
            } else if (ranking == null) {
                judgedNotRanked.add(anchor);
                if (countUnranked) {
                    evaluated.add(new JudgedRanking(anchor, List.of(), relevant));
                }
            } else {
                evaluated.add(new JudgedRanking(anchor, ranking, relevant));
            }
        }
        if (evaluated.isEmpty()) {
            throw new BadInputException("no anchor of " + rankingsName + " has a relevant judgment in " + qrelsName
                    + ": nothing to evaluate");
        }
        RankingMetrics<String> metrics = SparkRankingMetrics.of(sc, evaluated);
        List<EvaluationReport.Anchor> perAnchor = new ArrayList<>();
        double unjudgedSum = 0;
        for (JudgedRanking r : evaluated) {
            double unjudged = unjudgedAt(r.ranking(), qrels.judgments(r.query()), k);
            unjudgedSum += unjudged;
            perAnchor.add(new EvaluationReport.Anchor(r.query(), RankingMeasures.precisionAt(r, k),
                    RankingMeasures.averagePrecision(r), RankingMeasures.ndcgAt(r, k), unjudged, r.relevance().size(),
                    r.ranking().size(), RankingMeasures.relevantAmongFirst(r, Integer.MAX_VALUE), rankings.containsKey(r.query())));
        }
        EvaluationReport.Mean mean = new EvaluationReport.Mean(metrics.precisionAt(k), metrics.meanAveragePrecision(),
                metrics.ndcgAt(k), unjudgedSum / evaluated.size());
        return new EvaluationReport(rankingsName, qrelsName, k, qrels.graded() ? "graded" : "binary", countUnranked,
                evaluated.size(), mean, perAnchor, judgedNotRanked, rankedNotJudged, withoutRelevant);
    }

    /** The share of the first k ranked targets (k, not fewer: a short ranking has no unjudged tail) without a judgment. */
    private static double unjudgedAt(List<String> ranking, Map<String, Integer> judged, int k) {
        int n = Math.min(k, ranking.size());
        int unjudged = 0;
        for (int i = 0; i < n; i++) {
            if (!judged.containsKey(ranking.get(i))) {
                unjudged++;
            }
        }
        return n == 0 ? 0 : (double) unjudged / n;
    }

    /** One line for people: what the command prints. */
    public static String summary(EvaluationReport r) {
        return String.format(Locale.ROOT, "P@%d %.4f  MAP %.4f  nDCG@%d %.4f  (%d anchors)", r.k(),
                r.mean().precisionAtK(), r.mean().meanAveragePrecision(), r.k(), r.mean().ndcgAtK(), r.evaluated());
    }

    static String markdown(EvaluationReport r) {
        StringBuilder m = new StringBuilder();
        int k = r.k();
        m.append("# Evaluation of ").append(r.rankings()).append("\n\n");
        m.append("Judgments: ").append(r.qrels()).append(" (").append(r.relevance()).append(" relevance). ")
                .append("Unjudged targets count as non-relevant.\n\n");
        m.append(String.format(Locale.ROOT, "| anchors | P@%d | MAP | nDCG@%d | unjudged in top %d |%n|---|---|---|---|---|%n", k, k, k));
        EvaluationReport.Mean mean = r.mean();
        m.append(String.format(Locale.ROOT, "| %d | %.4f | %.4f | %.4f | %.1f%% |%n%n", r.evaluated(), mean.precisionAtK(),
                mean.meanAveragePrecision(), mean.ndcgAtK(), 100 * mean.unjudgedAtK()));
        m.append("## Per anchor\n\n");
        m.append(String.format(Locale.ROOT, "| anchor | P@%d | AP | nDCG@%d | relevant | ranked | relevant ranked |%n", k, k));
        m.append("|---|---|---|---|---|---|---|\n");
        for (EvaluationReport.Anchor a : r.perAnchor()) {
            m.append(String.format(Locale.ROOT, "| %s%s | %.4f | %.4f | %.4f | %d | %d | %d |%n", a.anchor(),
                    a.ranked() ? "" : " (no ranking)", a.precisionAtK(), a.averagePrecision(), a.ndcgAtK(), a.relevant(),
                    a.retrieved(), a.relevantRetrieved()));
        }
        appendList(m, "Judged but not ranked" + (r.countUnranked() ? " (scored 0 above)" : " (left out)"), r.judgedNotRanked());
        appendList(m, "Ranked but not judged (left out)", r.rankedNotJudged());
        appendList(m, "Without any relevant judgment (left out)", r.withoutRelevant());
        return m.toString();
    }

    private static void appendList(StringBuilder m, String title, List<String> anchors) {
        if (!anchors.isEmpty()) {
            m.append("\n## ").append(title).append("\n\n").append(String.join(", ", anchors)).append('\n');
        }
    }

}
