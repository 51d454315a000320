package org.bidnn.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.bidnn.embed.PartitionEmbedder;
import org.bidnn.io.BadRowPolicy;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.jobs.Console;
import org.bidnn.jobs.EmbedJob;
import org.bidnn.jobs.EmbedOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bidnn embed}: a trained model applied to a corpus of any size, with Spark. */
@Command(name = "embed", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the multimodal embedding (or, with -c, the crossmodal expansion) of every "
                + "segment of a corpus with a trained model, on Spark. The output directory appears only "
                + "when the whole job has succeeded."})
public final class EmbedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "the model, as saved by 'bidnn run -s' (a local path or a Hadoop file system URI)")
    String model;

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "the segments: a file, a directory of files or a glob")
    String input;

    @Option(names = "--output", required = true, paramLabel = "PATH",
            description = "the output directory, one part file per partition")
    String output;

    @Mixin
    OutputFlags outputFlags;

    @Option(names = {"-z", "--ignore-zeroes"},
            description = "do not treat all-zero vectors as missing modalities; embed every row as complete")
    boolean ignoreZeroes;

    @Option(names = "--format", defaultValue = "libsvm", paramLabel = "FORMAT",
            description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    SegmentFormat format;

    @Option(names = "--input-format", defaultValue = "libsvm", paramLabel = "FORMAT",
            description = "input format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    SegmentFormat inputFormat;

    @Option(names = "--zero-based", description = "write 0-based feature indices (LibSVM output)")
    boolean zeroBased;

    @Option(names = {"-b", "--batch-size"}, defaultValue = "" + PartitionEmbedder.DEFAULT_BATCH_SIZE,
            description = "segments per inference batch on the executors (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--modality-weight", paramLabel = "W",
            description = "weight in [0, 1] of modality 1 in the embedding: each central layer at unit length, "
                    + "weighted so that cosines combine as W * cos1 + (1 - W) * cos2 (default: the model's, else "
                    + "the plain concatenation)")
    Double modalityWeight;

    @Mixin
    SparkJobFlags sparkFlags;

    @Option(names = "--overwrite", description = "replace an existing output (only once the new one is complete)")
    boolean overwrite;

    @Option(names = "--incremental", paramLabel = "PREVIOUS",
            description = {"keep each segment's content hash with the output, and carry over from PREVIOUS (the "
                    + "last run's output, if it exists) the embeddings of segments whose features are unchanged, when "
                    + "the model and settings are too; the rest is embedded. A summary goes to OUTPUT/_bidnn/summary.json "
                    + "and to the log."})
    String incremental;

    @Option(names = "--on-bad-row", defaultValue = "fail", paramLabel = "POLICY",
            description = {"what a malformed input row does: 'fail' stops the job with its file and line, "
                    + "publishing nothing; 'skip' leaves it out, counts it ('rejected' in the summary) and names the "
                    + "first " + org.bidnn.io.spark.RejectedRows.SHOWN + " (an input with no readable row still "
                    + "fails). Skipping reads the input once more, to count. (default: ${DEFAULT-VALUE})"})
    BadRowPolicy onBadRow;

    @Override
    public Integer call() throws Exception {
        int level = sparkFlags.verbosity();
        EmbedOptions options = new EmbedOptions(model, input, inputFormat, output, format,
                outputFlags.mode(), outputFlags.l2Norm, ignoreZeroes, zeroBased,
                batchSize, overwrite, incremental, modalityWeight, onBadRow);
        Console console = new Console(level, spec.commandLine().getErr());
        // Not stopped here: the JVM's shutdown hook stops it, and under spark-submit or in a test the
        // session may be shared with the caller.
        SparkSession spark = sparkFlags.session("bidnn embed");
        new EmbedJob(options, console).execute(spark);
        return 0;
    }
}
