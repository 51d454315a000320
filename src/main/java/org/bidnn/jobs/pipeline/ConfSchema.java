package org.bidnn.jobs.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bidnn.model.Architecture;
import org.bidnn.model.Optimizer;
import org.bidnn.model.Scaling;
import org.bidnn.train.SparkTrainingOptions;
import org.bidnn.train.TrainingSettings;

/**
 * The keys of a job configuration file, their defaults and what they mean: the one list that the
 * reader checks files against and that the documentation's key table is tested against.
 */
public final class ConfSchema {

    /** A key of the file: its default (null when required) and what it means, for the documentation. */
    public record Key(String name, String defaultValue, String meaning) {
        public boolean required() {
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
    static final Set<String> OPTIONAL_WITH_LABELS = Set.of("rank.anchors", "eval.qrels");

    private static final Map<String, Key> BY_NAME = new LinkedHashMap<>();

    static {
        KEYS.forEach(k -> BY_NAME.put(k.name(), k));
    }

    private ConfSchema() {
    }

    /** The key called {@code name}, or null for none. */
    static Key key(String name) {
        return BY_NAME.get(name);
    }

    /** " (did you mean 'x.y'?)" for a key of the right last part in the wrong section, else "". */
    static String suggestion(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        for (Key k : KEYS) {
            if (k.name().endsWith("." + last) || k.name().equals(last)) {
                return " (did you mean '" + k.name() + "'?)";
            }
        }
        return "";
    }
}
