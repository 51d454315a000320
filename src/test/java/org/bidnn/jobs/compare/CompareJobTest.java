package org.bidnn.jobs.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.LibSvmReader;
import org.bidnn.io.Segment;
import org.bidnn.io.TestStorage;
import org.bidnn.jobs.Console;
import org.bidnn.jobs.RunDirectory;
import org.bidnn.jobs.pipeline.PipelineConf;
import org.bidnn.jobs.pipeline.SampleConf;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.FeatureScaler;
import org.bidnn.model.Presence;
import org.bidnn.model.TrainedModel;
import org.bidnn.rank.AnchorList;
import org.bidnn.rank.BruteForce;
import org.bidnn.rank.Qrels;
import org.bidnn.testing.SharedSpark;
import org.bidnn.train.EpochListener;
import org.bidnn.train.LocalTrainer;
import org.bidnn.train.ScalingFit;
import org.bidnn.train.TrainingSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code bidnn compare} on the sample hyperlinking set with a small, briefly trained model: the
 * table's figures are checked against independent computations, not against themselves.
 */
@ExtendWith(SharedSpark.class)
class CompareJobTest {

    private static final int EPOCHS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SparkSession spark;
    private static PipelineConf conf;
    private static CompareJob.Result result;
    private static String log;

    @TempDir
    static Path dir;

    @BeforeAll
    static void runOnce() throws Exception {
        spark = SharedSpark.session();
        conf = PipelineConf.read(TestStorage.LOCAL, String.valueOf(SampleConf.write(dir, "model.hidden", "32", "model.rep", "16", "model.epochs",
                "" + EPOCHS, "model.batch", "64", "compare.runs", "2", "compare.weight-steps", "10",
                "output.root", dir.resolve("runs").toString())));
        StringWriter messages = new StringWriter();
        result = new CompareJob(conf, new Console(2, new PrintWriter(messages)), Clock.systemDefaultZone()).execute(spark);
        log = messages.toString();
    }

    private static List<Segment> corpus() {
        return LibSvmReader.read(TestStorage.LOCAL, String.valueOf(Path.of(conf.input())), 200);
    }

    @Test
    void theTableHasEveryMethodOnTheSameAnchors() {
        CompareReport r = result.report();
        assertEquals(Arrays.stream(Method.values()).map(Method::id).toList(),
                r.methods().stream().map(CompareReport.MethodResult::id).toList());
        assertEquals("text only (raw features)", r.method(Method.RAW_MOD1).label());
        assertEquals("BiDNN embedding of visual", r.method(Method.BIDNN_EMBEDDING_MOD2).label());
        assertEquals(30, r.anchors(), "every sample anchor has relevant judgments");
        assertEquals(10, r.k());
        assertEquals(2, r.runs());
        assertArrayEquals(new long[] {1234, 1235}, r.seeds());
        for (CompareReport.MethodResult m : r.methods()) {
            assertEquals(m.trained() ? 2 : 1, m.precisionAtK().perRun().length, m.id());
            assertTrue(m.precisionAtK().mean() > 0 && m.precisionAtK().mean() <= 1, m.id());
        }
    }

    /** P@10 and AP of raw cosines computed here in plain loops, straight from the files. */
    @Test
    void rawFeatureScoresEqualABruteForceComputation() {
        Map<String, float[]> byId = new HashMap<>();
        corpus().forEach(s -> byId.put(s.id(), s.values()));
        Qrels qrels = Qrels.read(TestStorage.LOCAL, conf.qrels().toString());
        for (Method m : List.of(Method.RAW_MOD1, Method.RAW_MOD2)) {
            int from = m == Method.RAW_MOD1 ? 0 : 100;
            double precision = 0;
            double ap = 0;
            List<String> anchors = AnchorList.read(TestStorage.LOCAL, conf.anchors().toString());
            for (String anchor : anchors) {
                float[] a = Arrays.copyOfRange(byId.get(anchor), from, from + 100);
                List<String> targets = new ArrayList<>(qrels.judgments(anchor).keySet());
                Map<String, Double> cos = new HashMap<>();
                for (String t : targets) {
                    cos.put(t, BruteForce.cosine(a, Arrays.copyOfRange(byId.get(t), from, from + 100)));
                }
                List<String> ranked = targets.stream().filter(t -> !Double.isNaN(cos.get(t)))
                        .sorted(Comparator.comparing((String t) -> -cos.get(t)).thenComparing(t -> t)).toList();
                long relevantTotal = qrels.judgments(anchor).values().stream().filter(v -> v > 0).count();
                int found = 0;
                double sum = 0;
                for (int i = 0; i < ranked.size(); i++) {
                    if (qrels.judgments(anchor).get(ranked.get(i)) > 0) {
                        found++;
                        sum += (double) found / (i + 1);
                        if (i < 10) {
                            precision += 0.1;
                        }
                    }
                }
                ap += sum / relevantTotal;
            }
            CompareReport.MethodResult got = result.report().method(m);
            assertEquals(precision / anchors.size(), got.precisionAtK().mean(), 1e-6, m.id());
            assertEquals(ap / anchors.size(), got.meanAveragePrecision().mean(), 1e-6, m.id());
        }
    }

    @Test
    void theBestLinearCombinationIsAtLeastAsGoodAsEitherModality() {
        CompareReport r = result.report();
        double best = r.method(Method.LINEAR_COMBINATION).precisionAtK().mean();
        assertTrue(best >= r.method(Method.RAW_MOD1).precisionAtK().mean() - 1e-12, "weight 1 is among those tried");
        assertTrue(best >= r.method(Method.RAW_MOD2).precisionAtK().mean() - 1e-12, "weight 0 is among those tried");
        assertEquals(11, r.linearCombination().weights().length);
        assertEquals(r.method(Method.RAW_MOD1).precisionAtK().mean(), r.linearCombination().precisionAtK()[10], 1e-12,
                "weight 1 ranks as text alone");
        assertEquals(r.linearCombination().bestWeight(), r.method(Method.LINEAR_COMBINATION).weight());
    }

    @Test
    void trainedMethodsReportEachRunAndTheirSpread() {
        for (Method m : Method.values()) {
            CompareReport.MethodResult got = result.report().method(m);
            if (!m.family().trained()) {
                continue;
            }
            double[] runs = got.precisionAtK().perRun();
            assertEquals((runs[0] + runs[1]) / 2, got.precisionAtK().mean(), 1e-12, m.id());
            assertEquals(Math.abs(runs[0] - runs[1]) / Math.sqrt(2), got.precisionAtK().std(), 1e-12, m.id());
            assertEquals(EPOCHS, got.precisionAtKByEpoch().length, m.id());
            // The per-epoch scores (computed in the task) end where Spark's RankingMetrics puts the table.
            assertEquals(got.precisionAtK().mean(), got.precisionAtKByEpoch()[EPOCHS - 1], 1e-9, m.id());
            assertTrue(got.lossByEpoch()[EPOCHS - 1] < got.lossByEpoch()[0], m.id() + " loss falls");
        }
        assertNotEquals(result.report().method(Method.BIDNN_EMBEDDING_BOTH).precisionAtK().perRun()[0],
                result.report().method(Method.BIDNN_EMBEDDING_BOTH).precisionAtK().perRun()[1],
                "two seeds, two different models");
    }

    /** The BiDNN of run 1, trained again here without Spark, scores exactly what the table says. */
    @Test
    void theFirstRunsBiDNNIsTheModelLocalTrainingGives() throws Exception {
        List<Segment> corpus = corpus();
        List<float[]> complete = corpus.stream().map(Segment::values)
                .filter(v -> Presence.of(v, 100, false) == Presence.BOTH).toList();
        BiDNNNetwork network = BiDNNNetwork.create(conf.architecture(), conf.optimizer(), 1234);
        // The comparison's models learn from rows scaled as the configuration says (by default, standard).
        FeatureScaler scaler = ScalingFit.local(conf.scaling(), Nd4j.create(complete.toArray(new float[0][])));
        new LocalTrainer(new TrainingSettings(EPOCHS, 64, 1234)).train(network,
                Nd4j.create(scaler.scale(complete.toArray(new float[0][]), 100, false)), EpochListener.NONE);
        TrainedModel trained = new TrainedModel(network, scaler, null);
        Qrels qrels = Qrels.read(TestStorage.LOCAL, conf.qrels().toString());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        EvaluationSet set = EvaluationSets.collect(sc, sc.parallelize(corpus, 3), conf.input(),
                AnchorList.read(TestStorage.LOCAL, conf.anchors().toString()), qrels, qrels, 1000, 10).set();
        Map<Method, Representation> methods = Representations.bidnn(trained, false);
        Representation[] halves = Representations.embeddingHalves(trained, false);
        for (Method m : Method.Family.BIDNN.methods()) {
            EvaluationSet.Score score = set.score(m == Method.BIDNN_EMBEDDING_WEIGHTED
                    ? WeightSearch.search(set, halves[0], halves[1], conf.compare().weightSteps()).bestRankings()
                    : set.rank(methods.get(m)));
            assertEquals(result.report().method(m).precisionAtK().perRun()[0], score.precisionAtK(), 1e-12, m.id());
            assertEquals(result.report().method(m).meanAveragePrecision().perRun()[0], score.meanAveragePrecision(),
                    1e-12, m.id());
        }
    }

    @Test
    void theEvaluationSetNamesTheAnchorsItLeavesOutOrCannotRank() throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Segment> corpus = List.of(new Segment("a1", new float[] {1, 0}), new Segment("a3", new float[] {0, 1}),
                new Segment("a4", new float[] {1, 1}), new Segment("t2", new float[] {1, 0}),
                new Segment("t1", new float[] {0, 1}), new Segment("t3", new float[] {1, 1}));
        Qrels qrels = Qrels.read(TestStorage.LOCAL, String.valueOf(Files.writeString(dir.resolve("qrels.tsv"),
                "a1\tt1\t1\na1\tt2\t0\na2\tt1\t1\na3\tt2\t0\na4\tt3\t1\n")));
        Qrels candidates = Qrels.read(TestStorage.LOCAL, String.valueOf(Files.writeString(dir.resolve("candidates.tsv"), "a1\tt1\t1\na1\tt2\t0\n")));
        List<String> anchors = List.of("a1", "a2", "a3", "a4");

        EvaluationSets.Built judged = EvaluationSets.collect(sc, sc.parallelize(corpus, 3), "corpus.svm", anchors,
                qrels, candidates, 10, 10);
        assertEquals(List.of("a2"), judged.notInCorpus());
        assertEquals(List.of("a3"), judged.withoutRelevant());
        assertEquals(List.of("a4"), judged.noCandidates(), "judged relevant, but nothing to rank in candidates.tsv");
        assertEquals(List.of("a1", "a4"), judged.set().anchors().stream().map(Segment::id).toList());
        assertEquals(List.of("a1", "a4", "t1", "t2"), judged.set().targets().stream().map(Segment::id).toList(),
                "only what is needed leaves the executors, sorted by id");
        Map<String, List<String>> ranked = judged.set().rank(rows -> rows);
        assertEquals(List.of("t2", "t1"), ranked.get("a1"), "its candidates only");
        assertEquals(List.of(), ranked.get("a4"));
        assertEquals(0.5 * (1.0 / 10), judged.set().score(ranked).precisionAtK(), 1e-12, "a4 counts, as 0");

        EvaluationSets.Built all = EvaluationSets.collect(sc, sc.parallelize(corpus, 3), "corpus.svm", anchors, qrels,
                null, 10, 10);
        assertEquals(List.of(), all.noCandidates());
        assertEquals(List.of("a1", "a3", "a4", "t1", "t2", "t3"),
                all.set().targets().stream().map(Segment::id).toList(), "every segment");
        assertEquals(List.of("t2", "a4", "t3", "a3", "t1"), all.set().rank(rows -> rows).get("a1"),
                "any segment but itself, ties by id");

        assertNull(EvaluationSets.collect(sc, sc.parallelize(corpus, 2), "corpus.svm", List.of("a2", "a3"),
                qrels, null, 10, 10).set(), "nothing to evaluate");
        List<Segment> twice = List.of(corpus.get(0), new Segment("a1", new float[] {0, 1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvaluationSets.collect(sc, sc.parallelize(twice, 2), "corpus.svm", anchors, qrels, null, 10, 10));
        assertEquals("corpus.svm: segment 'a1' appears more than once", e.getMessage());
    }

    @Test
    void theRunDirectoryHasTheReportTheTableAndThePlots() throws Exception {
        Path run = Path.of(result.runDirectory());
        assertEquals(dir.resolve("runs"), run.getParent());
        try (Stream<Path> s = Files.list(run.getParent())) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(RunDirectory.INCOMPLETE_PREFIX)));
        }
        JsonNode json = JSON.readTree(run.resolve(CompareJob.REPORT_JSON).toFile());
        assertEquals(Method.values().length, json.get("methods").size());
        assertEquals(result.report().method(Method.BIDNN_EMBEDDING_BOTH).precisionAtK().mean(),
                json.get("methods").get(Method.BIDNN_EMBEDDING_BOTH.ordinal()).get("precisionAtK").get("mean").asDouble(),
                1e-15);
        String md = Files.readString(run.resolve(CompareJob.REPORT_MD));
        assertTrue(md.startsWith("| method | P@10 | MAP |\n|---|---|---|\n"), md);
        assertEquals(Method.values().length + 2, md.lines().filter(l -> l.startsWith("|")).count(), md);
        assertTrue(md.contains("| BiDNN multimodal embedding (text + visual) | 0."), md);
        assertTrue(md.contains(" ± "), md);
        assertEquals(Files.readString(Path.of(conf.file())), Files.readString(run.resolve(CompareJob.CONF)));
        for (String png : List.of(CompareJob.PRECISION_PLOT, CompareJob.PROJECTION_PLOT)) {
            BufferedImage image = ImageIO.read(run.resolve(png).toFile());
            assertTrue(image.getWidth() > 300 && image.getHeight() > 200, png);
        }
        for (String stage : List.of("read", "baselines", "train", "score")) {
            assertTrue(result.report().stages().stream().anyMatch(s -> s.name().equals(stage)), stage);
        }
        assertTrue(log.contains("Trained BiDNN, run 2 (seed 1235)"), log);
    }
}
