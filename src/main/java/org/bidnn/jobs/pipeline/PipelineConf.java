package org.bidnn.jobs.pipeline;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.bidnn.io.Storage;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.Optimizer;
import org.bidnn.model.OutputMode;
import org.bidnn.model.Scaling;
import org.bidnn.model.ValueRules;
import org.bidnn.train.SparkTrainingOptions;
import org.bidnn.train.TrainingSettings;

/**
 * The job configuration of {@code bidnn pipeline} and {@code bidnn compare}, read from a file of
 * {@code key = value} lines ({@link ConfFileReader}) with the keys of {@link ConfSchema}. Relative
 * paths are relative to the working directory, as on the command line.
 *
 * <p>Everything is checked when the file is read, before any work starts: an error is a
 * {@link ConfException} naming the file, the line (when the key is there) and the key.
 */
public record PipelineConf(String file, Map<String, String> values, String input, SegmentFormat inputFormat,
                           boolean ignoreZeroes, Architecture architecture, Optimizer optimizer,
                           TrainingSettings training, String master, SparkTrainingOptions sparkOptions,
                           boolean l2Norm, OutputMode outputMode, String anchors, String candidates, int rankK,
                           String qrels, int evalK, String outputRoot, CompareSettings compare,
                           Map<String, Integer> lines, LabelSettings labels) {

    /**
     * Checks what {@code bidnn compare} needs beyond {@code pipeline}: at least one epoch, as it
     * scores its models after every epoch.
     *
     * @return this configuration
     */
    public PipelineConf requireCompareSettings() {
        if (training.epochs() < 1) {
            throw new ConfException(file, lines.getOrDefault("model.epochs", 0), "model.epochs",
                    "compare trains its models for at least 1 epoch, got " + training.epochs());
        }
        return this;
    }

    /** How a new model scales its inputs ({@code model.scale}, checked when the file was read). */
    public Scaling scaling() {
        return Scaling.fromName(values.get("model.scale"));
    }

    /** The seed of run {@code run} (0-based) of a comparison's trained methods. */
    public long compareSeed(int run) {
        return training.seed() + run;
    }

    /**
     * Reads and checks {@code file}. The file and every path in it are Hadoop paths
     * ({@link Storage}): the input files given must exist on their file systems.
     */
    public static PipelineConf read(Storage storage, String file) throws IOException {
        return of(ConfFileReader.read(storage, file));
    }

    /** The values' cross-field checks, and the settings records built from them. */
    private static PipelineConf of(ConfValues v) {
        String input = v.string("input.path");
        // A glob is left to Spark's reader, which expands it.
        boolean glob = ConfValues.isGlob(input);
        if (!glob && !v.exists("input.path", input)) {
            throw v.error("input.path", "no such file or directory: " + input);
        }
        SegmentFormat format;
        try {
            format = SegmentFormat.valueOf(v.string("input.format").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw v.error("input.format", "expected libsvm or parquet, got '" + v.string("input.format") + "'");
        }
        int mod1 = v.integer("input.mod1-size", 1);
        int mod2 = v.integer("input.mod2-size", 1);
        int hidden = v.integer("model.hidden", 1);
        int rep = v.integer("model.rep", 2);
        if (!ValueRules.isEmbeddingSize(rep)) {
            throw v.error("model.rep", "must be even (two central layers of rep/2 units), got " + rep);
        }
        ActivationFunction activation;
        try {
            activation = ActivationFunction.fromName(v.string("model.activation"));
        } catch (IllegalArgumentException e) {
            throw v.error("model.activation", e.getMessage());
        }
        double dropout = v.number("model.dropout");
        if (!ValueRules.isProbability(dropout)) {
            throw v.error("model.dropout", "a drop probability in [0, 1), got " + dropout);
        }
        double lr = v.number("model.lr");
        if (!ValueRules.isRate(lr)) {
            throw v.error("model.lr", "must be positive, got " + lr);
        }
        double momentum = v.number("model.momentum");
        if (!ValueRules.isProbability(momentum)) {
            throw v.error("model.momentum", "must be in [0, 1), got " + momentum);
        }
        Architecture architecture = new Architecture(mod1, mod2, hidden, rep, activation, v.bool("model.tied"), dropout);
        try {
            Scaling.fromName(v.string("model.scale"));
        } catch (IllegalArgumentException e) {
            throw v.error("model.scale", e.getMessage());
        }
        TrainingSettings training = new TrainingSettings(v.integer("model.epochs", 0), v.integer("model.batch", 1),
                v.longValue("model.seed"));
        SparkTrainingOptions spark = new SparkTrainingOptions(v.integer("spark.workers", 0),
                v.integer("spark.averaging-frequency", 1));
        String master = v.string("spark.master");
        String candidates = v.existingFile("rank.candidates");
        boolean allTargets = v.bool("rank.all-targets");
        LabelSettings labels = LabelSettings.read(v);
        if (labels != null && candidates != null) {
            throw v.error("rank.candidates", "with eval.labels every segment ranks every other: no rank.candidates");
        }
        if (labels == null && allTargets == (candidates != null)) {
            throw v.error(allTargets ? "rank.all-targets" : "rank.candidates", allTargets
                    ? "rank.candidates and rank.all-targets = true exclude each other: give one"
                    : "give rank.candidates (a judgments file) or rank.all-targets = true");
        }
        CompareSettings compare = CompareSettings.read(v, input);
        return new PipelineConf(v.file(), v.effective(), input, format, v.bool("input.ignore-zeroes"), architecture,
                new Optimizer(lr, momentum), training, master.isEmpty() ? null : master, spark,
                v.bool("embed.l2-norm"), v.bool("embed.crossmodal") ? OutputMode.CROSSMODAL : OutputMode.EMBEDDING,
                v.existingFile("rank.anchors"), candidates, v.integer("rank.k", 1), v.existingFile("eval.qrels"),
                v.integer("eval.k", 1), v.string("output.root"), compare, v.lines(), labels);
    }
}
