package org.bidnn.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Maps {@code -v} to the libraries' log levels: their INFO logs only at verbosity 3. */
final class LogLevels {

    /**
     * Spark's reports of a failed task: each prints the task's stack trace again. A command reports
     * the failure itself, once, as its cause (a bad line: file, line and token), so these only bury
     * that message, except at verbosity 3.
     */
    private static final String[] TASK_FAILURE_LOGGERS = {
        "org.apache.spark.executor.Executor",
        "org.apache.spark.scheduler.TaskSetManager",
        "org.apache.spark.sql.execution.datasources.FileFormatWriter",
        // "Aborting task" with the trace of the tasks killed after the first one failed, and the
        // output committer's reports of the same aborts.
        "org.apache.spark.util.Utils",
        "org.apache.spark.internal.io.SparkHadoopWriter",
        "org.apache.spark.mapred.SparkHadoopMapRedUtil",
    };

    private LogLevels() {
    }

    static void apply(int verbosity) {
        Level libraries = verbosity >= 3 ? Level.INFO : Level.WARN;
        Level quiet = verbosity == 0 ? Level.ERROR : Level.WARN;
        Configurator.setRootLevel(quiet);
        // conf/log4j2.properties gives Spark (and its shaded Jetty) loggers of their own, which the
        // root level does not reach: at -v 0 their warnings (a broadcast removed while the JVM
        // exits after an error, say) would follow the one line that matters.
        Configurator.setLevel("org.apache.spark", quiet);
        Configurator.setLevel("org.sparkproject", quiet);
        Configurator.setLevel("org.nd4j", libraries);
        Configurator.setLevel("org.deeplearning4j", libraries);
        Configurator.setLevel("org.bidnn", libraries);
        for (String logger : TASK_FAILURE_LOGGERS) {
            Configurator.setLevel(logger, verbosity >= 3 ? Level.WARN : Level.OFF);
        }
    }
}
