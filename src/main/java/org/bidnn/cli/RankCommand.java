package org.bidnn.cli;

import java.util.concurrent.Callable;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.jobs.Console;
import org.bidnn.jobs.RankJob;
import org.bidnn.jobs.RankOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bidnn rank}: each anchor's targets ranked by cosine similarity of their embeddings, with Spark. */
@Command(name = "rank", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rank targets for each anchor by cosine similarity of their embeddings (as written by "
                + "'bidnn embed' or 'bidnn run'), on Spark: either the anchor's judged targets only "
                + "(--candidates), or every segment of the corpus (--all-targets, a distributed top-k). "
                + "Writes anchor<TAB>rank<TAB>target<TAB>score lines."})
public final class RankCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--embeddings", required = true, paramLabel = "PATH",
            description = "the embeddings of anchors and targets: a file, a directory of files or a glob")
    String embeddings;

    @Option(names = "--format", defaultValue = "libsvm", paramLabel = "FORMAT",
            description = "format of the embeddings: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    SegmentFormat format;

    @Option(names = "--anchors", required = true, paramLabel = "FILE", description = "the anchor ids, one a line")
    String anchors;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Targets targets;

    static final class Targets {
        @Option(names = "--candidates", required = true, paramLabel = "QRELS",
                description = "rank only each anchor's judged targets, from anchor<TAB>target<TAB>relevance lines")
        String qrels;

        @Option(names = "--all-targets", required = true, description = "rank every segment of the corpus but the anchor")
        boolean all;
    }

    @Option(names = "--k", required = true, paramLabel = "N", description = "targets kept per anchor")
    int k;

    @Option(names = "--output", required = true, paramLabel = "PATH", description = "the rankings file (TSV)")
    String output;

    @Mixin
    SparkJobFlags sparkFlags;

    @Option(names = "--overwrite", description = "replace an existing output")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        Console console = new Console(sparkFlags.verbosity(), spec.commandLine().getErr());
        RankOptions options = new RankOptions(embeddings, format, anchors, targets.qrels, k, output, overwrite);
        // Not stopped here: the JVM's shutdown hook stops it, and under spark-submit or in a test the
        // session may be shared with the caller.
        new RankJob(options, console).execute(sparkFlags.session("bidnn rank"));
        return 0;
    }
}
