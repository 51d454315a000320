package org.bidnn.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.bidnn.io.DatedFolders;
import org.bidnn.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bidnn nightly-publish}: the bookkeeping of {@code submit/nightly.sh} for an output root on
 * HDFS or another Hadoop file system, where the script cannot use {@code ln} and {@code rm}.
 */
@Command(name = "nightly-publish", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publish a dated output folder under a root on any Hadoop file system: check its "
                + "_SUCCESS, point ROOT/latest (a file holding the date) at it atomically, and delete all but "
                + "the newest dated folders. With --status, only print whether the folder is complete; with --latest, "
                + "the date of the folder 'latest' names."})
public final class NightlyPublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--root", required = true, paramLabel = "PATH", description = "the folder of the dated folders")
    String root;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "the folder to publish")
    String date;

    @Option(names = "--keep", defaultValue = "7", paramLabel = "N",
            description = "dated folders kept (default: ${DEFAULT-VALUE})")
    int keep;

    @Option(names = "--status", description = "print 'complete' or 'incomplete' and change nothing")
    boolean status;

    @Option(names = "--latest", description = "print the date 'latest' names (nothing if none) and change nothing")
    boolean latest;

    @Override
    public Integer call() throws Exception {
        DatedFolders folders = new DatedFolders(SparkSessions.storageWithoutSession(), root);
        PrintWriter out = spec.commandLine().getOut();
        if (latest) {
            out.println(folders.latest().orElse(""));
            return 0;
        }
        if (status) {
            out.println(folders.isComplete(date) ? "complete" : "incomplete");
            return 0;
        }
        for (String removed : folders.publish(date, keep)) {
            out.println("removed " + removed);
        }
        out.println("latest -> " + date);
        return 0;
    }
}
