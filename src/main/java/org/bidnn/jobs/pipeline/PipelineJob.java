package org.bidnn.jobs.pipeline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.bidnn.embed.PartitionEmbedder;
import org.bidnn.eval.EvaluationReport;
import org.bidnn.io.JsonFiles;
import org.bidnn.io.Storage;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.jobs.Console;
import org.bidnn.jobs.EmbedJob;
import org.bidnn.jobs.EmbedOptions;
import org.bidnn.jobs.EvaluateJob;
import org.bidnn.jobs.RankJob;
import org.bidnn.jobs.RankOptions;
import org.bidnn.jobs.RunDirectory;
import org.bidnn.jobs.SparkTrainingJob;
import org.bidnn.jobs.StageTimer;
import org.bidnn.jobs.StagedRun;
import org.bidnn.model.Provenance;
import org.bidnn.spark.SparkSessions;
import org.bidnn.train.Checkpoints;
import org.bidnn.train.EpochListener;
import org.bidnn.train.TrainingProvenance;

/**
 * {@code bidnn pipeline}: train, embed the corpus, rank, evaluate and report, in one Spark session,
 * by the jobs of {@code train}, {@code embed}, {@code rank} and {@code evaluate}.
 *
 * <p>A run writes into its own dated {@link RunDirectory}, published only when every stage has
 * succeeded.
 */
public final class PipelineJob {

    /** Files of a run directory. */
    public static final String CONF = "pipeline.conf";
    public static final String MODEL = "model.bidnn";
    public static final String EMBEDDING = "embedding";
    public static final String RANKINGS = "rankings.tsv";
    public static final String EVALUATION_JSON = "evaluation.json";
    public static final String EVALUATION_MD = "evaluation.md";
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_MD = "report.md";


    /** The means of the evaluation, at the top of the report. */
    public record Scores(int k, double precisionAtK, double meanAveragePrecision, double ndcgAtK, int anchors) {
    }

    /**
     * {@code report.json}: where the run is, its settings, the times of the stages before the report
     * (train, embed, rank, evaluate), its scores and the full evaluation.
     */
    @JsonPropertyOrder({"run", "conf", "started", "scores", "stages", "settings", "evaluation"})
    public record Report(String run, String conf, String started, Scores scores, List<StageTimer.Stage> stages,
                         Map<String, String> settings, EvaluationReport evaluation) {
    }

    /** What a successful run gives back. */
    public record Result(String runDirectory, Report report) {
    }

    private final PipelineConf conf;
    private final Console console;
    private final PrintStream progressBarOut;
    private final Clock clock;

    /**
     * @param progressBarOut where to draw the training progress bar (a terminal's stderr), or null
     *                       for the training job's plain per-epoch lines instead
     */
    public PipelineJob(PipelineConf conf, Console console, PrintStream progressBarOut, Clock clock) {
        this.conf = conf;
        this.console = console;
        this.progressBarOut = progressBarOut;
        this.clock = clock;
    }

    public Result execute(SparkSession spark) throws Exception {
        if (conf.labels() != null) {
            throw new ConfException(conf.file(), conf.lines().getOrDefault("eval.labels", 0), "eval.labels",
                    "relevance by label is for bidnn compare; the pipeline evaluates with judgments (eval.qrels)");
        }
        Storage storage = SparkSessions.storage(spark);
        return new StagedRun("Pipeline", storage, console).execute(conf.outputRoot(), clock, conf.file(), CONF,
                (run, stages) -> {
                    // Every stage hands its output to the next through the run directory, on the file
                    // system of the output root (HDFS on a cluster), never through the driver's disk.
                    String model = run.work(MODEL);
                    String embedding = run.work(EMBEDDING);
                    String rankings = run.work(RANKINGS);
                    stages.run("train", () -> train(spark, model, run));
                    stages.run("embed", () -> new EmbedJob(new EmbedOptions(model, conf.input(), conf.inputFormat(),
                            embedding, SegmentFormat.LIBSVM, conf.outputMode(), conf.l2Norm(), conf.ignoreZeroes(),
                            false, PartitionEmbedder.DEFAULT_BATCH_SIZE, false), console).execute(spark));
                    stages.run("rank", () -> new RankJob(new RankOptions(embedding, SegmentFormat.LIBSVM,
                            conf.anchors(), conf.candidates(), conf.rankK(), rankings, false), console).execute(spark));
                    EvaluationReport e = stages.call("evaluate", () -> new EvaluateJob(new EvaluateJob.Options(
                            rankings, conf.qrels(), conf.evalK(), run.work(EVALUATION_JSON), run.work(EVALUATION_MD),
                            false), console).execute(JavaSparkContext.fromSparkContext(spark.sparkContext())));
                    // Named as they will be once the run directory has its final name.
                    EvaluationReport named = new EvaluationReport(run.done(RANKINGS), e.qrels(), e.k(),
                            e.relevance(), e.countUnranked(), e.evaluated(), e.mean(), e.perAnchor(),
                            e.judgedNotRanked(), e.rankedNotJudged(), e.withoutRelevant());
                    Scores scores = new Scores(e.k(), e.mean().precisionAtK(), e.mean().meanAveragePrecision(),
                            e.mean().ndcgAtK(), e.evaluated());
                    Report report = stages.call("report", () -> {
                        Report r = new Report(run.done(), conf.file(), run.started().toString(), scores,
                                stages.finished(), conf.values(), named);
                        writeReports(storage, run, r);
                        return r;
                    });
                    return new Result(run.done(), report);
                });
    }

    private void train(SparkSession spark, String model, RunDirectory run) throws IOException {
        SparkTrainingJob job = new SparkTrainingJob(conf.input(), conf.inputFormat(), conf.architecture(),
                conf.optimizer(), conf.training(), conf.sparkOptions(), conf.ignoreZeroes(), model, null,
                new Checkpoints(run.work(MODEL + ".checkpoints"), 0), conf.scaling());
        Provenance provenance = TrainingProvenance.spark("pipeline", List.of(conf.file()), List.of(conf.input()),
                conf.training(), conf.sparkOptions(), null);
        if (progressBarOut == null || conf.training().epochs() == 0) {
            job.run(spark, console, EpochListener.NONE, provenance);
            return;
        }
        // The bar replaces the job's per-epoch lines, which would break it up.
        Console quiet = new Console(Math.min(console.verbosity(), Console.SETTINGS), consoleWriter());
        try (TrainingProgress bar = new TrainingProgress(progressBarOut, conf.training().epochs(), 0)) {
            job.run(spark, quiet, bar, provenance);
        }
    }

    private java.io.PrintWriter consoleWriter() {
        return new java.io.PrintWriter(new java.io.OutputStreamWriter(progressBarOut, StandardCharsets.UTF_8), true);
    }

    private void writeReports(Storage storage, RunDirectory run, Report report) throws IOException {
        JsonFiles.write(storage, run.work(REPORT_JSON), report);
        StringBuilder md = new StringBuilder();
        Scores s = report.scores();
        md.append("# BiDNN pipeline run ").append(Storage.name(report.run())).append("\n\n");
        md.append("Configuration: `").append(report.conf()).append("` (copied to `").append(CONF)
                .append("`), started ").append(report.started()).append(".\n\n");
        md.append(String.format(Locale.ROOT, "| anchors | P@%d | MAP | nDCG@%d |%n|---|---|---|---|%n", s.k(), s.k()));
        md.append(String.format(Locale.ROOT, "| %d | %.4f | %.4f | %.4f |%n%n", s.anchors(), s.precisionAtK(),
                s.meanAveragePrecision(), s.ndcgAtK()));
        md.append("## Stages\n\n| stage | seconds |\n|---|---|\n");
        for (StageTimer.Stage st : report.stages()) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f |%n", st.name(), st.seconds()));
        }
        md.append("\n## Settings\n\n| key | value |\n|---|---|\n");
        report.settings().forEach((k, v) -> md.append("| `").append(k).append("` | ")
                .append(v.isEmpty() ? "" : "`" + v + "`").append(" |\n"));
        md.append("\nThe per-anchor evaluation is in `").append(EVALUATION_MD).append("` and `").append(REPORT_JSON)
                .append("`.\n");
        storage.writeString(run.work(REPORT_MD), md.toString());
    }
}
