package org.bidnn.cli;

import java.util.concurrent.Callable;
import org.bidnn.embed.PartitionEmbedder;
import org.bidnn.eval.CrossmodalReport;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.jobs.Console;
import org.bidnn.jobs.CrossmodalEvalJob;
import org.bidnn.rank.Similarity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bidnn crossmodal-eval}: crossmodal retrieval mAP of a trained model on a labelled set. */
@Command(name = "crossmodal-eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Crossmodal retrieval with a trained BiDNN on a labelled set of segments with both "
                + "modalities: query by one modality, retrieve every segment by the other, relevant = same label. "
                + "Prints and reports the mAP over the whole ranking in both directions (mod1->mod2, mod2->mod1) "
                + "and the chance level. The modality sizes come from the model."})
public final class CrossmodalEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "the labelled segments: a file, a directory of files or a glob")
    String input;

    @Option(names = "--input-format", defaultValue = "libsvm", paramLabel = "FORMAT",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    SegmentFormat inputFormat;

    @Option(names = "--labels", required = true, paramLabel = "FILE",
            description = "tab-separated: a segment id and its label a line (e.g. id<TAB>label, or the Wikipedia "
                    + "set's text_id<TAB>image_id<TAB>category)")
    String labels;

    @Option(names = "--id-column", defaultValue = "1", paramLabel = "N",
            description = "column of the segment id in the labels file, from 1 (default: ${DEFAULT-VALUE})")
    int idColumn;

    @Option(names = "--label-column", defaultValue = "0", paramLabel = "N",
            description = "column of the label, from 1; 0 for the last column (default: the last)")
    int labelColumn;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "the model, as saved by 'bidnn run -s' or 'bidnn train' (a local path or a Hadoop URI)")
    String model;

    @Option(names = "--space", defaultValue = "joint", paramLabel = "SPACE",
            description = "joint: compare central layers (each modality alone embedded); translation: translate "
                    + "the query into the other modality and compare with the items' features; both-translations: "
                    + "the mean of that cosine and the query's features against the items' translation; "
                    + "features and translations in the model's scaled units (default: ${DEFAULT-VALUE})",
            converter = SpaceConverter.class)
    CrossmodalEvalJob.Space space;

    @Option(names = "--similarity", defaultValue = "cosine", paramLabel = "NAME",
            description = "cosine, or dot: the inner product, which ranks an item by its cosine with the query "
                    + "times its length, so that of two items in the query's direction the more distinctive "
                    + "(further from the training mean) comes first (default: ${DEFAULT-VALUE})")
    Similarity similarity;

    @Option(names = "--expand-query", defaultValue = "0", paramLabel = "K",
            description = "rank twice: the second time with each query (at unit length) plus the mean of its K "
                    + "best items of the first ranking (at unit length); 0 ranks once (default: ${DEFAULT-VALUE})")
    int expandQuery;

    @Option(names = "--report", required = true, paramLabel = "OUT.json", description = "the report, JSON")
    String report;

    @Option(names = {"-b", "--batch-size"}, defaultValue = "" + PartitionEmbedder.DEFAULT_BATCH_SIZE,
            description = "segments per inference batch (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Mixin
    SparkJobFlags sparkFlags;

    /** The space by its name as printed ({@code both-translations}), in any case. */
    static final class SpaceConverter implements picocli.CommandLine.ITypeConverter<CrossmodalEvalJob.Space> {
        @Override
        public CrossmodalEvalJob.Space convert(String value) {
            for (CrossmodalEvalJob.Space s : CrossmodalEvalJob.Space.values()) {
                if (s.toString().equalsIgnoreCase(value)) {
                    return s;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected one of "
                    + java.util.Arrays.toString(CrossmodalEvalJob.Space.values()) + " but was '" + value + "'");
        }
    }

    @Override
    public Integer call() throws Exception {
        Console console = new Console(sparkFlags.verbosity(), spec.commandLine().getErr());
        CrossmodalEvalJob.Options options = new CrossmodalEvalJob.Options(input, inputFormat, labels, idColumn,
                labelColumn, model, space, similarity, expandQuery, report, batchSize);
        CrossmodalReport result = new CrossmodalEvalJob(options, console)
                .execute(sparkFlags.session("bidnn crossmodal-eval"));
        spec.commandLine().getOut().println(CrossmodalEvalJob.summary(result));
        return 0;
    }
}
