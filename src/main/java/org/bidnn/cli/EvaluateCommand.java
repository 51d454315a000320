package org.bidnn.cli;

import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.bidnn.eval.EvaluationReport;
import org.bidnn.eval.RunSummaryMeasures;
import org.bidnn.io.JsonFiles;
import org.bidnn.io.Storage;
import org.bidnn.jobs.Console;
import org.bidnn.jobs.EvaluateJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bidnn evaluate}: P@k, MAP and nDCG@k of rankings against relevance judgments. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score rankings (as written by 'bidnn rank') against relevance judgments by P@k, MAP and "
                + "nDCG@k with Spark's RankingMetrics, per anchor and averaged over the anchors. Prints the means; "
                + "the report has every anchor's values and the anchors left out."})
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rankings", required = true, paramLabel = "FILE",
            description = "anchor<TAB>rank<TAB>target<TAB>score lines")
    String rankings;

    @Option(names = "--qrels", required = true, paramLabel = "FILE",
            description = "anchor<TAB>target<TAB>relevance lines; relevance 0 (not relevant), 1, or graded 2, 3, ...")
    String qrels;

    @Option(names = "--k", defaultValue = "10", paramLabel = "N",
            description = "cut-off of P@k and nDCG@k (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--report", required = true, paramLabel = "OUT.json", description = "the report, JSON")
    String report;

    @Option(names = "--markdown", paramLabel = "OUT.md", description = "also a summary in Markdown")
    String markdown;

    @Option(names = "--count-unranked",
            description = "score judged anchors that have no ranking as 0 instead of leaving them out (trec_eval -c)")
    boolean countUnranked;

    @Option(names = "--summary", paramLabel = "SUMMARY.json",
            description = {"also add P@k and MAP to this run summary of 'bidnn embed --incremental' "
                    + "(OUTPUT/_bidnn/summary.json, as 'retrieval'), and print it as the line 'embed summary: {...}'"})
    String summary;

    @Mixin
    SparkJobFlags sparkFlags;

    @Override
    public Integer call() throws Exception {
        Console console = new Console(sparkFlags.verbosity(), spec.commandLine().getErr());
        EvaluateJob.Options options = new EvaluateJob.Options(rankings, qrels, k, report, markdown, countUnranked);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(
                sparkFlags.session("bidnn evaluate").sparkContext());
        Storage storage = Storage.of(sc.hadoopConfiguration());
        if (summary != null) {
            RunSummaryMeasures.requireSummary(storage, summary);
        }
        EvaluationReport result = new EvaluateJob(options, console).execute(sc);
        spec.commandLine().getOut().println(EvaluateJob.summary(result));
        if (summary != null) {
            // The same line as embed's, now with the measures: a monitor reads the last one.
            console.say(0, "embed summary: %s", JsonFiles.oneLine(RunSummaryMeasures.addTo(storage, summary, result)));
        }
        return 0;
    }
}
