package org.bidnn.jobs.compare;

import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.mllib.evaluation.RankingMetrics;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.bidnn.eval.Labels;
import org.bidnn.eval.SparkRankingMetrics;
import org.bidnn.io.BadInputException;
import org.bidnn.io.JsonFiles;
import org.bidnn.io.Segment;
import org.bidnn.io.Storage;
import org.bidnn.io.spark.SegmentReaders;
import org.bidnn.jobs.Console;
import org.bidnn.jobs.RunDirectory;
import org.bidnn.jobs.StagedRun;
import org.bidnn.jobs.pipeline.CompareSettings;
import org.bidnn.jobs.pipeline.LabelSettings;
import org.bidnn.jobs.pipeline.PipelineConf;
import org.bidnn.model.FeatureScaler;
import org.bidnn.rank.AnchorList;
import org.bidnn.rank.Qrels;
import org.bidnn.spark.SparkSessions;
import org.bidnn.train.ScalingFit;
import org.bidnn.train.TrainingRows;

/**
 * {@code bidnn compare}: the BiDNN paper's comparison table on the user's data, in one Spark
 * application. Every {@link Method} ranks the same anchors' targets by cosine and is scored by P@k
 * and MAP (Spark's {@code RankingMetrics}); the trained ones (BiDNN and the two autoencoders) are
 * trained {@code compare.runs} times with different seeds, one Spark task per training, and
 * reported as mean and standard deviation over the runs.
 *
 * <p>Stages: {@code read} (the corpus on Spark; the training rows and the evaluation set are
 * collected and broadcast), {@code baselines} (raw features and the best linear combination, on
 * the driver), {@code train} (the trainings, scored after every epoch), {@code score} (the final
 * rankings through {@code RankingMetrics}), {@code report} (JSON, Markdown, PNG plots), into a
 * dated {@link RunDirectory}. Everything a training needs is broadcast: a comparison is meant for
 * an evaluation corpus that fits in memory; {@code bidnn train} is for training on a whole corpus.
 */
public final class CompareJob {

    /** Files of a run directory. */
    public static final String CONF = "compare.conf";
    public static final String REPORT_JSON = "compare.json";
    public static final String REPORT_MD = "compare.md";
    public static final String PRECISION_PLOT = "precision-per-epoch.png";
    public static final String PROJECTION_PLOT = "anchors-pca.png";


    /** What a successful run gives back. */
    public record Result(String runDirectory, CompareReport report) {
    }

    private final PipelineConf conf;
    private final Console console;
    private final Clock clock;

    /** @throws org.bidnn.jobs.pipeline.ConfException if the configuration cannot make a comparison (0 epochs) */
    public CompareJob(PipelineConf conf, Console console, Clock clock) {
        this.conf = conf.requireCompareSettings();
        this.console = console;
        this.clock = clock;
    }

    public Result execute(SparkSession spark) throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Storage storage = SparkSessions.storage(spark);
        return new StagedRun("Compare", storage, console).execute(conf.outputRoot(), clock, conf.file(), CONF,
                (run, stages) -> {
                    Inputs inputs = stages.call("read", () -> read(spark, sc, storage));
                    EvaluationSet set = inputs.built.set();
                    Map<Method, Scored> scored = new EnumMap<>(Method.class);
                    WeightSearch.Outcome fusion = stages.call("baselines", () -> baselines(sc, set, scored));
                    List<TrainingOutcome> trained = stages.call("train", () -> train(sc, inputs));
                    stages.run("score", () -> score(sc, set, trained, scored));
                    CompareReport report = stages.call("report", () -> {
                        CompareReport r = new CompareReportBuilder(conf, set, inputs, fusion, scored, trained)
                                .build(run, stages.finished());
                        write(spark, storage, run, r, set, trained);
                        return r;
                    });
                    return new Result(run.done(), report);
                });
    }

    /** The evaluation set, the training rows and the input scaling fitted on them. */
    record Inputs(EvaluationSets.Built built, float[][] trainingRows, FeatureScaler scaler) {
    }

    /** A method's final P@k and MAP in each run (one value for a method that is not trained). */
    record Scored(double[] precisionAtK, double[] meanAveragePrecision) {
    }

    private Inputs read(SparkSession spark, JavaSparkContext sc, Storage storage) throws Exception {
        int d1 = conf.architecture().mod1Size();
        int d2 = conf.architecture().mod2Size();
        CompareSettings c = conf.compare();
        MissingModalities hiding = new MissingModalities(c.missingShare(), conf.training().seed(), d1);
        JavaRDD<Segment> corpus = SegmentReaders.read(spark, conf.input(), conf.inputFormat(), d1, d2)
                .map(hiding::apply).persist(StorageLevel.MEMORY_AND_DISK());
        boolean separate = !c.trainingInput().equals(conf.input());
        JavaRDD<Segment> trainingCorpus = separate
                ? SegmentReaders.read(spark, c.trainingInput(), conf.inputFormat(), d1, d2).persist(StorageLevel.MEMORY_AND_DISK())
                : SegmentReaders.read(spark, conf.input(), conf.inputFormat(), d1, d2).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            EvaluationSets.Built built = evaluationSet(sc, storage, corpus);
            console.warnAboutAnchors(built.notInCorpus(), "not in the corpus, left out");
            console.warnAboutAnchors(built.withoutRelevant(), "without any relevant " + (conf.labels() == null
                    ? "judgment" : "segment (no other segment has its label)") + ", left out");
            console.warnAboutAnchors(built.noCandidates(), "without judged targets in " + conf.candidates()
                    + ", scored 0 by every method");
            if (built.set() == null) {
                throw new BadInputException(conf.labels() == null
                        ? "nothing to evaluate: none of the anchors of " + conf.anchors() + " is both in " + conf.input()
                                + " and judged relevant to something in " + conf.qrels() + " ("
                                + built.notInCorpus().size() + " not in the corpus, " + built.withoutRelevant().size()
                                + " without a relevant judgment)"
                        : "nothing to evaluate: none of the segments of " + (conf.anchors() == null
                                ? conf.labels().file() : conf.anchors()) + " is both in " + conf.input()
                                + " and shares its label with another in " + conf.labels().file() + " ("
                                + built.notInCorpus().size() + " not in the corpus, " + built.withoutRelevant().size()
                                + " alone with their label)");
            }
            JavaRDD<float[]> training = TrainingRows.select(trainingCorpus.map(Segment::values), d1, conf.ignoreZeroes());
            float[][] rows = training.collect().toArray(new float[0][]);
            if (rows.length < conf.training().batchSize()) {
                throw new BadInputException(c.trainingInput() + ": only " + rows.length + " segments with both "
                        + "modalities to train on, fewer than one batch of " + conf.training().batchSize()
                        + " (model.batch)");
            }
            FeatureScaler scaler = ScalingFit.spark(conf.scaling(), spark, training);
            console.say(Console.PROGRESS, "Evaluation set: %d anchors, %d targets; %d training rows%s; input scaling %s",
                    built.set().anchors().size(), built.set().targets().size(), rows.length,
                    separate ? " from " + c.trainingInput() : "", scaler.method().cliName());
            return new Inputs(built, rows, scaler);
        } finally {
            corpus.unpersist(false);
            trainingCorpus.unpersist(false);
        }
    }

    /** The anchors, their targets and what is relevant to them: by judgments, or by label. */
    private EvaluationSets.Built evaluationSet(JavaSparkContext sc, Storage storage, JavaRDD<Segment> corpus)
            throws Exception {
        if (conf.labels() != null) {
            LabelSettings l = conf.labels();
            Map<String, String> labels = Labels.read(storage, l.file(), l.idColumn(), l.labelColumn());
            Qrels sameLabel = Qrels.sameLabel(labels, l.file());
            List<String> anchors = conf.anchors() == null ? List.copyOf(labels.keySet())
                    : AnchorList.read(storage, conf.anchors());
            return EvaluationSets.collect(sc, corpus, conf.input(), anchors, sameLabel, null, conf.rankK(), conf.evalK());
        }
        Qrels qrels = Qrels.read(storage, conf.qrels());
        Qrels candidates = conf.candidates() == null ? null
                : conf.candidates().equals(conf.qrels()) ? qrels : Qrels.read(storage, conf.candidates());
        return EvaluationSets.collect(sc, corpus, conf.input(), AnchorList.read(storage, conf.anchors()), qrels,
                candidates, conf.rankK(), conf.evalK());
    }

    /** How relevance was decided, for the report. */
    static String protocol(PipelineConf conf) {
        String hidden = conf.compare().missingShare() == 0 ? "" : String.format(java.util.Locale.ROOT,
                "; %.0f%% of the evaluated segments shown without %s and %.0f%% without %s",
                100 * conf.compare().missingShare(), conf.compare().mod1Name(), 100 * conf.compare().missingShare(),
                conf.compare().mod2Name());
        String trainedOn = conf.compare().trainingInput().equals(conf.input()) ? ""
                : "; models trained on " + conf.compare().trainingInput();
        if (conf.labels() != null) {
            return "labels: relevant = same label (" + conf.labels().file() + "), every segment ranks every other"
                    + hidden + trainedOn;
        }
        return "judgments: " + conf.qrels() + (conf.candidates() == null ? ", every segment ranks every other"
                : ", each anchor ranks its judged targets (" + conf.candidates() + ")") + hidden + trainedOn;
    }

    private WeightSearch.Outcome baselines(JavaSparkContext sc, EvaluationSet set, Map<Method, Scored> scored) {
        int d1 = conf.architecture().mod1Size();
        Representation mod1 = Representations.raw(Method.RAW_MOD1, d1);
        Representation mod2 = Representations.raw(Method.RAW_MOD2, d1);
        scored.put(Method.RAW_MOD1, scoreOnSpark(sc, set, List.of(set.rank(mod1))));
        scored.put(Method.RAW_MOD2, scoreOnSpark(sc, set, List.of(set.rank(mod2))));
        WeightSearch.Outcome fusion = WeightSearch.search(set, mod1, mod2, conf.compare().weightSteps(),
                conf.labels() != null);
        scored.put(Method.LINEAR_COMBINATION, scoreOnSpark(sc, set, List.of(fusion.bestRankings())));
        console.say(Console.PROGRESS, "Best linear combination: weight %.3f on %s", fusion.bestWeight(),
                conf.compare().mod1Name());
        return fusion;
    }

    private List<TrainingOutcome> train(JavaSparkContext sc, Inputs inputs) {
        List<TrainingTask> tasks = new ArrayList<>();
        for (Method.Family family : Method.Family.values()) {
            if (!family.trained()) {
                continue;
            }
            for (int r = 0; r < conf.compare().runs(); r++) {
                tasks.add(new TrainingTask(family, r, conf.compareSeed(r)));
            }
        }
        console.say(Console.PROGRESS, "Training %d models (%d runs each of BiDNN and the two autoencoders), "
                + "%d epochs each, one task each", tasks.size(), conf.compare().runs(), conf.training().epochs());
        Broadcast<CompareData> data = sc.broadcast(new CompareData(inputs.trainingRows(), inputs.built().set(),
                conf.architecture(), conf.optimizer(), conf.training(), conf.compare().modalityDropout(),
                conf.ignoreZeroes(), inputs.scaler(), conf.compare().weightSteps(), conf.labels() != null));
        try {
            List<TrainingOutcome> outcomes = sc.parallelize(tasks, tasks.size())
                    .map(task -> task.execute(data.value()))
                    .collect();
            for (TrainingOutcome o : outcomes) {
                console.say(Console.PROGRESS, "Trained %s, run %d (seed %d) in %.1fs", o.family().label(), o.run() + 1,
                        o.seed(), o.seconds());
            }
            return outcomes;
        } finally {
            data.destroy();
        }
    }

    private static void score(JavaSparkContext sc, EvaluationSet set, List<TrainingOutcome> trained,
                              Map<Method, Scored> scored) {
        for (Method.Family family : Method.Family.values()) {
            if (!family.trained()) {
                continue;
            }
            List<TrainingOutcome> runs = trained.stream().filter(o -> o.family() == family)
                    .sorted(Comparator.comparingInt(TrainingOutcome::run)).toList();
            for (Method m : family.methods()) {
                scored.put(m, scoreOnSpark(sc, set, runs.stream().map(o -> o.finalRankings().get(m)).toList()));
            }
        }
    }

    /** P@k and MAP of each run's rankings, from Spark's {@code RankingMetrics}. */
    private static Scored scoreOnSpark(JavaSparkContext sc, EvaluationSet set, List<Map<String, List<String>>> runs) {
        double[] precision = new double[runs.size()];
        double[] map = new double[runs.size()];
        for (int r = 0; r < runs.size(); r++) {
            RankingMetrics<String> metrics = SparkRankingMetrics.of(sc, set.judge(runs.get(r)));
            precision[r] = metrics.precisionAt(set.evalK());
            map[r] = metrics.meanAveragePrecision();
        }
        return new Scored(precision, map);
    }

    private void write(SparkSession spark, Storage storage, RunDirectory run, CompareReport report, EvaluationSet set,
                       List<TrainingOutcome> trained) throws Exception {
        JsonFiles.write(storage, run.work(REPORT_JSON), report);
        String table = CompareTable.markdown(report);
        storage.writeString(run.work(REPORT_MD), table);
        ComparePlots.writePrecisionPerEpoch(storage, run.work(PRECISION_PLOT), report);
        String skipped = ComparePlots.writeAnchorProjections(spark, storage, run.work(PROJECTION_PLOT), set, trained,
                conf.compare());
        if (skipped != null) {
            console.say(Console.SETTINGS, "warning: no %s: %s", PROJECTION_PLOT, skipped);
        }
    }

}
