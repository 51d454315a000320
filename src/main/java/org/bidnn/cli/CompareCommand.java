package org.bidnn.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.bidnn.jobs.Console;
import org.bidnn.jobs.compare.CompareJob;
import org.bidnn.jobs.compare.CompareTable;
import org.bidnn.jobs.pipeline.PipelineConf;
import org.bidnn.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bidnn compare}: the paper's comparison table on the user's data, from a job configuration file. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare BiDNN with the baselines of the BiDNN paper on the configured data: raw features "
                + "of each modality, their best linear combination, two multimodal autoencoders, and the BiDNN's "
                + "embeddings and crossmodal expansions, each as P@k and MAP (mean and standard deviation over "
                + "compare.runs trainings). Takes the same configuration file as 'pipeline' (plus its compare.* "
                + "keys); writes compare.json, compare.md and PNG plots into a new dated directory under the "
                + "output root, and prints the table."})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfJobFlags flags;

    @Override
    public Integer call() throws Exception {
        Console console = flags.console(spec.commandLine().getErr());
        PipelineConf settings = flags.read();
        CompareJob.Result result = new CompareJob(settings, console, Clock.systemDefaultZone())
                .execute(SparkSessions.getOrCreate("bidnn compare", settings.master()));
        spec.commandLine().getOut().print(CompareTable.markdown(result.report()));
        spec.commandLine().getOut().println("Report: " + result.runDirectory());
        return 0;
    }
}
