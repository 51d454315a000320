package org.bidnn.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bidnn.io.Storage;
import org.bidnn.io.StorageException;
import org.bidnn.io.TextLines;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.Optimizer;
import org.bidnn.model.OutputMode;
import org.bidnn.model.Scaling;
import org.bidnn.train.SparkTrainingOptions;
import org.bidnn.train.TrainingSettings;

/**
 * The job configuration of {@code bidnn pipeline}: one {@code key = value} a line, as in a Java
 * properties file but stricter. Blank lines and lines starting with {@code #} or {@code !} are
 * skipped; the key is everything before the first {@code =}, the value everything after it, both
 * trimmed; there are no line continuations or escapes. Every key must be one of {@link #KEYS}, at
 * most once; keys without a default must be given. Relative paths are relative to the working
 * directory, as on the command line.
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
     * Relevance by label instead of judgments ({@code eval.labels}, {@code compare} only): a segment is
     * relevant to another when their labels are equal, and every segment ranks every other.
     *
     * @param idColumn    1-based column of the segment id in the labels file
     * @param labelColumn 1-based column of the label, 0 for the last
     */
    public record LabelSettings(String file, int idColumn, int labelColumn) {
    }

    /**
     * What only {@code bidnn compare} reads.
     *
     * @param runs            trainings of each trained method, with seeds {@code model.seed},
     *                        {@code model.seed + 1}, ...: the table gives their mean and standard deviation
     * @param modalityDropout the autoencoder baselines' share of training rows shown with one modality zeroed
     * @param weightSteps     the linear combination tries the weights 0, 1/steps, ..., 1
     * @param mod1Name        what modality 1 is called in the table and the plots
     * @param mod2Name        what modality 2 is called (another name than modality 1's)
     * @param trainingInput   the corpus the models learn from (its segments with both modalities); by
     *                        default {@code input.path}, which is then also the evaluation corpus
     * @param missingShare    share of the evaluation segments shown without modality 1, and another
     *                        share without modality 2 (chosen by a hash of the id and {@code model.seed})
     */
    public record CompareSettings(int runs, double modalityDropout, int weightSteps, String mod1Name, String mod2Name,
                                  String trainingInput, double missingShare) {
    }

    /** A key of the file: its default (null when required) and what it means, for the documentation. */
    public record Key(String name, String defaultValue, String meaning) {
        boolean required() {
            return defaultValue == null;
        }
    }

    /** Every key, in the order of the documentation. */
    public static final List<Key> KEYS = List.of(
            new Key("input.path", null, "the corpus: a file, a directory of files or a glob (anchors and targets)"),
            new Key("input.format", "libsvm", "libsvm or parquet"),
            new Key("input.mod1-size", null, "dimensionality of modality 1"),
            new Key("input.mod2-size", null, "dimensionality of modality 2"),
            new Key("input.ignore-zeroes", "false", "do not treat all-zero vectors as missing modalities (-z)"),
            new Key("model.hidden", null, "size of the first hidden layer (hdnsize)"),
            new Key("model.rep", null, "size of the embedding (repsize, even)"),
            new Key("model.activation", Architecture.DEFAULT_ACTIVATION, "tanh, sigmoid, relu or linear"),
            new Key("model.epochs", "" + TrainingSettings.DEFAULT_EPOCHS, "epochs to train"),
            new Key("model.batch", "" + TrainingSettings.DEFAULT_BATCH_SIZE, "minibatch size (of each worker)"),
            new Key("model.dropout", "" + Architecture.DEFAULT_DROPOUT, "drop probability after the central layers"),
            new Key("model.lr", "" + Optimizer.DEFAULT_LEARNING_RATE, "learning rate"),
            new Key("model.momentum", "" + Optimizer.DEFAULT_MOMENTUM, "Nesterov momentum"),
            new Key("model.seed", "" + TrainingSettings.DEFAULT_SEED, "seed of weights, dropout masks and shuffles"),
            new Key("model.tied", "" + Architecture.DEFAULT_TIED, "tie the central weights of the two directions"),
            new Key("model.scale", Scaling.DEFAULT, "input scaling fitted on the training rows: standard or none (--scale)"),
            new Key("spark.master", "", "Spark master; empty: the submission's, else local[*]"),
            new Key("spark.workers", "0", "parallel model replicas; 0: one per executor"),
            new Key("spark.averaging-frequency", "" + SparkTrainingOptions.DEFAULT_AVERAGING_FREQUENCY,
                    "minibatches per worker between two parameter averagings"),
            new Key("embed.l2-norm", "false", "L2-normalise each embedding row (-n)"),
            new Key("embed.crossmodal", "false", "write the crossmodal expansion instead of the embedding (-c), and rank on it"),
            new Key("rank.anchors", null, "the anchor ids, one a line"),
            new Key("rank.candidates", "", "judgments whose judged targets are each anchor's only candidates"),
            new Key("rank.all-targets", "false", "rank every segment of the corpus instead (exactly one of the two)"),
            new Key("rank.k", "1000", "targets kept per anchor"),
            new Key("eval.qrels", null, "relevance judgments, anchor<TAB>target<TAB>relevance"),
            new Key("eval.k", "10", "cut-off of P@k and nDCG@k"),
            new Key("eval.labels", "", "compare: relevance = same label instead of eval.qrels: a tab-separated file "
                    + "of segment ids and labels; every segment then ranks every other, and rank.anchors is optional "
                    + "(default: every labelled segment)"),
            new Key("eval.label-id-column", "1", "compare: column of the segment id in eval.labels, from 1"),
            new Key("eval.label-column", "0", "compare: column of the label in eval.labels, from 1; 0 for the last"),
            new Key("output.root", null, "the directory under which each run gets its dated directory"),
            new Key("compare.runs", "3", "compare: trainings of each trained method (seeds model.seed, model.seed + 1, ...)"),
            new Key("compare.modality-dropout", "0.5",
                    "compare: share of the autoencoders' training rows shown with one modality zeroed"),
            new Key("compare.weight-steps", "20", "compare: the linear combination tries weights 0, 1/steps, ..., 1"),
            new Key("compare.mod1-name", "modality 1", "compare: what modality 1 is called in the table and plots"),
            new Key("compare.mod2-name", "modality 2", "compare: what modality 2 is called in the table and plots"),
            new Key("compare.training-input", "", "compare: the corpus the models are trained on (same format and "
                    + "sizes); empty: input.path, which is also the evaluation corpus"),
            new Key("compare.missing-share", "0", "compare: share of the evaluated segments shown without modality 1, "
                    + "and another share without modality 2, in [0, 0.5]"));

    /** Required keys that relevance by label ({@code eval.labels}) makes optional. */
    private static final java.util.Set<String> OPTIONAL_WITH_LABELS = java.util.Set.of("rank.anchors", "eval.qrels");

    private static final Map<String, Key> BY_NAME = new LinkedHashMap<>();

    static {
        KEYS.forEach(k -> BY_NAME.put(k.name(), k));
    }

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
        if (!storage.exists(file)) {
            throw new StorageException(file, "no such job configuration file");
        }
        List<String> lines = new ArrayList<>();
        try (TextLines in = TextLines.open(storage, file)) {
            for (String line = in.next(); line != null; line = in.next()) {
                lines.add(line);
            }
        }
        return parse(storage, file, lines);
    }

    /** Parses and checks the lines of {@code file}. */
    static PipelineConf parse(Storage storage, String file, List<String> lines) {
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ConfException(file, n, null, "expected 'key = value', got '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!BY_NAME.containsKey(key)) {
                throw new ConfException(file, n, key, "unknown key" + suggestion(key)
                        + " (the keys are listed in docs/configuration.md)");
            }
            if (lineOf.containsKey(key)) {
                throw new ConfException(file, n, key, "given twice (first on line " + lineOf.get(key) + ")");
            }
            lineOf.put(key, n);
            given.put(key, value);
        }
        boolean byLabel = !given.getOrDefault("eval.labels", "").isEmpty();
        for (Key k : KEYS) {
            if (byLabel && OPTIONAL_WITH_LABELS.contains(k.name())) {
                continue;
            }
            if (k.required() && (!given.containsKey(k.name()) || given.get(k.name()).isEmpty())) {
                throw new ConfException(file, lineOf.getOrDefault(k.name(), 0), k.name(),
                        given.containsKey(k.name()) ? "a value is required" : "missing required key");
            }
        }
        return new Reader(storage, file, given, lineOf).conf();
    }

    private static String suggestion(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        for (Key k : KEYS) {
            if (k.name().endsWith("." + last) || k.name().equals(last)) {
                return " (did you mean '" + k.name() + "'?)";
            }
        }
        return "";
    }

    /** Typed access to the values, each error naming its key and line. */
    private record Reader(Storage storage, String file, Map<String, String> given, Map<String, Integer> lineOf) {

        String string(String key) {
            return given.getOrDefault(key, BY_NAME.get(key).defaultValue());
        }

        ConfException error(String key, String message) {
            return new ConfException(file, lineOf.getOrDefault(key, 0), key, message);
        }

        int integer(String key, int min) {
            String v = string(key);
            int value;
            try {
                value = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw error(key, "not a whole number: '" + v + "'");
            }
            if (value < min) {
                throw error(key, "must be " + (min == 0 ? "0 or more" : min == 1 ? "positive" : "at least " + min)
                        + ", got " + value);
            }
            return value;
        }

        long longValue(String key) {
            String v = string(key);
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw error(key, "not a whole number: '" + v + "'");
            }
        }

        double number(String key) {
            String v = string(key);
            double value;
            try {
                value = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw error(key, "not a number: '" + v + "'");
            }
            if (!Double.isFinite(value)) {
                throw error(key, "not a finite number: '" + v + "'");
            }
            return value;
        }

        boolean bool(String key) {
            String v = string(key).toLowerCase(Locale.ROOT);
            return switch (v) {
                case "true", "yes" -> true;
                case "false", "no" -> false;
                default -> throw error(key, "expected true or false, got '" + string(key) + "'");
            };
        }

        String nonEmpty(String key) {
            String v = string(key);
            if (v.isEmpty()) {
                throw error(key, "a value is required");
            }
            return v;
        }

        String existingFile(String key) {
            String v = string(key);
            // Null: a required key that relevance by label made optional, not given.
            if (v == null || v.isEmpty()) {
                return null;
            }
            if (!exists(key, v) || isDirectory(key, v)) {
                throw error(key, "no such file: " + v);
            }
            return v;
        }

        private boolean exists(String key, String path) {
            try {
                return storage.exists(path);
            } catch (IOException e) {
                throw error(key, e.getMessage());
            }
        }

        private boolean isDirectory(String key, String path) {
            try {
                return storage.isDirectory(path);
            } catch (IOException e) {
                throw error(key, e.getMessage());
            }
        }

        PipelineConf conf() {
            String input = string("input.path");
            // A glob is left to Spark's reader, which expands it.
            boolean glob = input.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
            if (!glob && !exists("input.path", input)) {
                throw error("input.path", "no such file or directory: " + input);
            }
            SegmentFormat format;
            try {
                format = SegmentFormat.valueOf(string("input.format").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error("input.format", "expected libsvm or parquet, got '" + string("input.format") + "'");
            }
            int mod1 = integer("input.mod1-size", 1);
            int mod2 = integer("input.mod2-size", 1);
            int hidden = integer("model.hidden", 1);
            int rep = integer("model.rep", 2);
            if (rep % 2 != 0) {
                throw error("model.rep", "must be even (two central layers of rep/2 units), got " + rep);
            }
            ActivationFunction activation;
            try {
                activation = ActivationFunction.fromName(string("model.activation"));
            } catch (IllegalArgumentException e) {
                throw error("model.activation", e.getMessage());
            }
            double dropout = number("model.dropout");
            if (dropout < 0 || dropout >= 1) {
                throw error("model.dropout", "a drop probability in [0, 1), got " + dropout);
            }
            double lr = number("model.lr");
            if (lr <= 0) {
                throw error("model.lr", "must be positive, got " + lr);
            }
            double momentum = number("model.momentum");
            if (momentum < 0 || momentum >= 1) {
                throw error("model.momentum", "must be in [0, 1), got " + momentum);
            }
            Architecture architecture = new Architecture(mod1, mod2, hidden, rep, activation, bool("model.tied"), dropout);
            try {
                Scaling.fromName(string("model.scale"));
            } catch (IllegalArgumentException e) {
                throw error("model.scale", e.getMessage());
            }
            TrainingSettings training = new TrainingSettings(integer("model.epochs", 0), integer("model.batch", 1),
                    longValue("model.seed"));
            SparkTrainingOptions spark = new SparkTrainingOptions(integer("spark.workers", 0),
                    integer("spark.averaging-frequency", 1));
            String master = string("spark.master");
            String candidates = existingFile("rank.candidates");
            boolean allTargets = bool("rank.all-targets");
            LabelSettings labels = labels();
            if (labels != null && candidates != null) {
                throw error("rank.candidates", "with eval.labels every segment ranks every other: no rank.candidates");
            }
            if (labels == null && allTargets == (candidates != null)) {
                throw error(allTargets ? "rank.all-targets" : "rank.candidates", allTargets
                        ? "rank.candidates and rank.all-targets = true exclude each other: give one"
                        : "give rank.candidates (a judgments file) or rank.all-targets = true");
            }
            double modalityDropout = number("compare.modality-dropout");
            if (modalityDropout < 0 || modalityDropout > 1) {
                throw error("compare.modality-dropout", "a share of rows in [0, 1], got " + modalityDropout);
            }
            double missingShare = number("compare.missing-share");
            if (missingShare < 0 || missingShare > 0.5) {
                throw error("compare.missing-share", "a share of segments per modality in [0, 0.5], got " + missingShare);
            }
            String trainingInput = string("compare.training-input");
            if (!trainingInput.isEmpty() && !trainingInput.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)
                    && !exists("compare.training-input", trainingInput)) {
                throw error("compare.training-input", "no such file or directory: " + trainingInput);
            }
            CompareSettings compare = new CompareSettings(integer("compare.runs", 1), modalityDropout,
                    integer("compare.weight-steps", 1), nonEmpty("compare.mod1-name"), nonEmpty("compare.mod2-name"),
                    trainingInput.isEmpty() ? input : trainingInput, missingShare);
            if (compare.mod1Name().equals(compare.mod2Name())) {
                throw error("compare.mod2-name", "the two modalities need different names, both are '"
                        + compare.mod1Name() + "'");
            }
            Map<String, String> effective = new LinkedHashMap<>();
            KEYS.forEach(k -> effective.put(k.name(), string(k.name()) == null ? "" : string(k.name())));
            return new PipelineConf(file, effective, input, format, bool("input.ignore-zeroes"), architecture,
                    new Optimizer(lr, momentum), training, master.isEmpty() ? null : master, spark,
                    bool("embed.l2-norm"), bool("embed.crossmodal") ? OutputMode.CROSSMODAL : OutputMode.EMBEDDING,
                    existingFile("rank.anchors"), candidates, integer("rank.k", 1), existingFile("eval.qrels"),
                    integer("eval.k", 1), string("output.root"), compare, Map.copyOf(lineOf), labels);
        }

        /** {@code eval.labels} and its columns, or null; it excludes {@code eval.qrels}. */
        private LabelSettings labels() {
            String file = existingFile("eval.labels");
            if (file == null) {
                return null;
            }
            if (existingFile("eval.qrels") != null) {
                throw error("eval.labels", "eval.qrels and eval.labels exclude each other: relevance is judged or by label");
            }
            return new LabelSettings(file, integer("eval.label-id-column", 1), integer("eval.label-column", 0));
        }
    }
}
