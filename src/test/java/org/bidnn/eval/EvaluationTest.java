package org.bidnn.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.evaluation.RankingMetrics;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.TestStorage;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.jobs.Console;
import org.bidnn.jobs.EvaluateJob;
import org.bidnn.jobs.RankJob;
import org.bidnn.jobs.RankOptions;
import org.bidnn.rank.Qrels;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** P@k, MAP and nDCG@k: known answers computed by hand, and agreement with Spark's RankingMetrics. */
@ExtendWith(SharedSpark.class)
class EvaluationTest {

    private static SparkSession spark;
    private static JavaSparkContext sc;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    private static final Console QUIET = new Console(0, new PrintWriter(new StringWriter()));

    private static String at(String id, double degrees) {
        double r = Math.toRadians(degrees);
        return String.format(Locale.ROOT, "%s 1:%.9f 2:%.9f", id, Math.cos(r), Math.sin(r));
    }

    /**
     * Anchor a points at 0 degrees and t01..t12 at 1..12 degrees, so a's ranking is t01, t02, ...;
     * anchor b points at 90 degrees, u1..u3 at 91..93. t20, relevant to a, has no embedding.
     */
    private Path handBuiltEmbeddings() throws IOException {
        List<String> lines = new ArrayList<>(List.of(at("a", 0), at("b", 90), at("u1", 91), at("u2", 92), at("u3", 93), "t20"));
        for (int i = 1; i <= 12; i++) {
            lines.add(at(String.format("t%02d", i), i));
        }
        return Files.write(dir.resolve("embeddings.svm"), lines);
    }

    @Test
    void handBuiltEmbeddingsGiveTheHandComputedMeasures() throws Exception {
        Path embeddings = handBuiltEmbeddings();
        Path anchors = Files.writeString(dir.resolve("anchors.txt"), "a\nb\n");
        Path qrels = Files.writeString(dir.resolve("qrels.tsv"),
                "a\tt01\t1\na\tt02\t0\na\tt03\t1\na\tt06\t1\na\tt20\t1\nb\tu3\t1\nb\tu1\t0\n");
        Path rankings = dir.resolve("rankings.tsv");
        new RankJob(new RankOptions(embeddings.toString(), SegmentFormat.LIBSVM, anchors.toString(), null, 12, rankings.toString(), false),
                QUIET).execute(spark);
        List<String> lines = Files.readAllLines(rankings);
        assertEquals(24, lines.size());
        assertTrue(lines.get(0).startsWith("a\t1\tt01\t0.99984"), lines.get(0));
        assertTrue(lines.get(11).startsWith("a\t12\tt12\t0.97814"), lines.get(11));
        assertTrue(lines.get(12).startsWith("b\t1\tu1\t"), lines.get(12));

        Path report = dir.resolve("report.json");
        Path markdown = dir.resolve("report.md");
        EvaluationReport r = new EvaluateJob(new EvaluateJob.Options(rankings.toString(), qrels.toString(), 10, report.toString(), markdown.toString(), false), QUIET)
                .execute(sc);
        // a: relevant t01, t03, t06 at ranks 1, 3, 6 and t20 never ranked.
        double apA = (1.0 / 1 + 2.0 / 3 + 3.0 / 6) / 4;
        double ndcgA = (1 / ln(2) + 1 / ln(4) + 1 / ln(7)) / (1 / ln(2) + 1 / ln(3) + 1 / ln(4) + 1 / ln(5));
        // b: its one relevant target u3 at rank 3.
        double apB = 1.0 / 3;
        double ndcgB = (1 / ln(4)) / (1 / ln(2));
        assertEquals(2, r.evaluated());
        assertEquals((0.3 + 0.1) / 2, r.mean().precisionAtK(), 1e-12);
        assertEquals((apA + apB) / 2, r.mean().meanAveragePrecision(), 1e-12);
        assertEquals((ndcgA + ndcgB) / 2, r.mean().ndcgAtK(), 1e-12);
        EvaluationReport.Anchor a = r.perAnchor().get(0);
        assertEquals("a", a.anchor());
        assertEquals(0.3, a.precisionAtK(), 1e-12);
        assertEquals(apA, a.averagePrecision(), 1e-12);
        assertEquals(ndcgA, a.ndcgAtK(), 1e-12);
        assertEquals(4, a.relevant());
        assertEquals(12, a.retrieved());
        assertEquals(3, a.relevantRetrieved());
        assertEquals(0.6, a.unjudgedAtK(), 1e-12, "t04, t05, t07..t10 were not judged");
        assertEquals("binary", r.relevance());

        String json = Files.readString(report);
        assertTrue(json.contains("\"meanAveragePrecision\" : " + r.mean().meanAveragePrecision()), json);
        assertTrue(json.contains("\"judgedNotRanked\" : [ ]"), json);
        String md = Files.readString(markdown);
        assertTrue(md.contains("| 2 | 0.2000 | " + String.format(Locale.ROOT, "%.4f", (apA + apB) / 2)), md);
        assertTrue(md.contains("| a | 0.3000 |"), md);
    }

    @Test
    void candidatesModeRanksOnlyJudgedTargetsAndNeverTheAnchor() throws Exception {
        Path embeddings = handBuiltEmbeddings();
        Path anchors = Files.writeString(dir.resolve("anchors.txt"), "a\nb\nmissing\n");
        Path qrels = Files.writeString(dir.resolve("qrels.tsv"), "a\tt09\t1\na\tt02\t0\na\ta\t1\na\tu2\t1\nb\tt20\t1\n");
        Path rankings = dir.resolve("rankings.tsv");
        StringWriter err = new StringWriter();
        new RankJob(new RankOptions(embeddings.toString(), SegmentFormat.LIBSVM, anchors.toString(), qrels.toString(), 100, rankings.toString(), false),
                new Console(1, new PrintWriter(err, true))).execute(spark);
        assertEquals(List.of("a\t1\tt02", "a\t2\tt09", "a\t3\tu2"),
                Files.readAllLines(rankings).stream().map(l -> l.substring(0, l.lastIndexOf('\t'))).toList());
        assertTrue(err.toString().contains("warning: 1 anchor not in the embeddings, not ranked: missing"), err.toString());
        assertTrue(err.toString().contains("warning: 1 of the 4 judged targets are not in the embeddings or have an "
                + "empty embedding, and are not ranked"), err.toString());
        assertTrue(err.toString().contains("warning: 1 anchor with no target that could be ranked: b"), err.toString());
    }

    @Test
    void anchorsLeftOutAreReportedNotDropped() throws IOException {
        Map<String, List<String>> rankings = Map.of("ranked", List.of("t1", "t2"), "unjudged", List.of("t1"),
                "nothingRelevant", List.of("t1"));
        Path qrelsFile = Files.writeString(dir.resolve("q.tsv"),
                "ranked\tt2\t1\nnotRanked\tt1\t1\nnotRanked\tt3\t2\nnothingRelevant\tt1\t0\n");
        Qrels qrels = Qrels.read(TestStorage.LOCAL, qrelsFile.toString());
        EvaluationReport r = EvaluateJob.evaluate(sc, rankings, qrels, 10, false, "r", "q");
        assertEquals(1, r.evaluated());
        assertEquals(List.of("notRanked"), r.judgedNotRanked());
        assertEquals(List.of("unjudged"), r.rankedNotJudged());
        assertEquals(List.of("nothingRelevant"), r.withoutRelevant());
        assertEquals("graded", r.relevance());
        assertEquals(0.5, r.mean().meanAveragePrecision(), 1e-12);

        EvaluationReport counted = EvaluateJob.evaluate(sc, rankings, qrels, 10, true, "r", "q");
        assertEquals(2, counted.evaluated());
        assertEquals(0.25, counted.mean().meanAveragePrecision(), 1e-12, "the unranked anchor scores 0");
        assertFalse(counted.perAnchor().get(1).ranked());
        assertEquals(List.of("notRanked"), counted.judgedNotRanked(), "still listed");

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> EvaluateJob.evaluate(sc, Map.of("x", List.of("t1")), qrels, 10, false, "r.tsv", "q.tsv"));
        assertEquals("no anchor of r.tsv has a relevant judgment in q.tsv: nothing to evaluate", none.getMessage());
    }

    @Test
    void gradedNdcgByHand() {
        JudgedRanking r = new JudgedRanking("q", List.of("x", "y", "z"), Map.of("y", 2, "z", 1, "w", 3));
        double dcg = 3 / ln(3) + 1 / ln(4);
        double ideal = 7 / ln(2) + 3 / ln(3) + 1 / ln(4);
        assertEquals(dcg / ideal, RankingMeasures.ndcgAt(r, 10), 1e-12);
        assertEquals(dcg / ideal, SparkRankingMetrics.of(sc, List.of(r)).ndcgAt(10), 1e-12);
        double cut = (3 / ln(3)) / (7 / ln(2) + 3 / ln(3));
        assertEquals(cut, RankingMeasures.ndcgAt(r, 2), 1e-12);
        assertEquals(List.of("w", "y", "z"), r.relevantByRelevance());
    }

    @Test
    void perAnchorValuesAverageToRankingMetrics() {
        Random random = new Random(11);
        List<JudgedRanking> rankings = new ArrayList<>();
        for (int q = 0; q < 60; q++) {
            int length = q % 7 == 0 ? 0 : 1 + random.nextInt(40);
            List<String> ranking = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                ranking.add("t" + (i * 7 + random.nextInt(7)));
            }
            Map<String, Integer> relevance = new HashMap<>();
            int relevant = 1 + random.nextInt(15);
            for (int i = 0; i < relevant; i++) {
                relevance.put("t" + random.nextInt(200), 1 + (q % 2 == 0 ? 0 : random.nextInt(3)));
            }
            rankings.add(new JudgedRanking("q" + q, ranking, relevance));
        }
        RankingMetrics<String> spark = SparkRankingMetrics.of(sc, rankings);
        for (int k : new int[] {1, 5, 10, 30}) {
            assertEquals(spark.precisionAt(k), rankings.stream().mapToDouble(r -> RankingMeasures.precisionAt(r, k))
                    .average().orElseThrow(), 1e-12, "P@" + k);
            assertEquals(spark.ndcgAt(k), rankings.stream().mapToDouble(r -> RankingMeasures.ndcgAt(r, k))
                    .average().orElseThrow(), 1e-12, "nDCG@" + k);
        }
        assertEquals(spark.meanAveragePrecision(), rankings.stream().mapToDouble(RankingMeasures::averagePrecision)
                .average().orElseThrow(), 1e-12, "MAP");
    }

    private static double ln(double x) {
        return Math.log(x);
    }
}
