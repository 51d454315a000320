package org.bidnn.cli;

import org.apache.spark.sql.SparkSession;
import org.bidnn.spark.SparkSessions;
import picocli.CommandLine.Option;

/** The flags every Spark command shares: where Spark runs, and how much the command says. */
public final class SparkJobFlags {

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: the submission's, or " + SparkSessions.DEFAULT_MASTER + ")")
    String master;

    @Option(names = {"-v", "--verbosity"}, defaultValue = "3", paramLabel = "0-3",
            description = "0 errors only, 1 settings and warnings, 2 progress, 3 library logs too (default: ${DEFAULT-VALUE})")
    int verbosity;

    /** Checks {@code -v} and applies it to the libraries' logs. */
    int verbosity() {
        return Verbosity.check(verbosity);
    }

    /** The session, started on {@code --master} unless one is running or the submission says otherwise. */
    SparkSession session(String appName) {
        return SparkSessions.getOrCreate(appName, master);
    }
}
