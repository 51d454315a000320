package org.bidnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.bidnn.jobs.Console;
import org.bidnn.jobs.pipeline.PipelineConf;
import org.bidnn.spark.SparkSessions;
import picocli.CommandLine.Option;

/** The flags of the commands driven by a job configuration file ({@code pipeline}, {@code compare}). */
public final class ConfJobFlags {

    @Option(names = "--conf", required = true, paramLabel = "FILE", description = "the job configuration (key = value lines)")
    String conf;

    @Option(names = {"-v", "--verbosity"}, defaultValue = "2", paramLabel = "0-3",
            description = "0 errors and stage times only, 1 settings and warnings, 2 progress, 3 library logs too "
                    + "(default: ${DEFAULT-VALUE})")
    int verbosity;

    /** The configuration, read and checked. */
    PipelineConf read() throws IOException {
        return PipelineConf.read(SparkSessions.storageWithoutSession(), conf);
    }

    /** The console at the checked {@code -v}, which also sets the libraries' log levels. */
    Console console(PrintWriter err) {
        return new Console(Verbosity.check(verbosity), err);
    }
}
