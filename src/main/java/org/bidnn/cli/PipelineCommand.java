package org.bidnn.cli;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bidnn.jobs.Console;
import org.bidnn.jobs.EvaluateJob;
import org.bidnn.jobs.pipeline.PipelineConf;
import org.bidnn.jobs.pipeline.PipelineJob;
import org.bidnn.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bidnn pipeline}: train, embed, rank, evaluate and report from one job configuration file. */
@Command(name = "pipeline", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the whole job from one configuration file: train a BiDNN, embed the corpus, rank "
                + "each anchor's targets, evaluate the rankings and write a report, in one Spark session, into a "
                + "new dated directory under the configured output root. docs/configuration.md lists the keys."})
public final class PipelineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfJobFlags flags;

    @Override
    public Integer call() throws Exception {
        Console console = flags.console(spec.commandLine().getErr());
        PipelineConf settings = flags.read();
        // A progress bar only where someone watches it; in a log, the plain per-epoch lines.
        boolean terminal = System.console() != null;
        PipelineJob job = new PipelineJob(settings, console, terminal ? System.err : null, Clock.systemDefaultZone());
        // Not stopped here: the JVM's shutdown hook stops it, and under spark-submit or in a test the
        // session belongs to whoever started it.
        PipelineJob.Result result = job.execute(SparkSessions.getOrCreate("bidnn pipeline", settings.master()));
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "%s  %s", result.runDirectory(),
                EvaluateJob.summary(result.report().evaluation())));
        return 0;
    }
}
