package org.bidnn.model;

/**
 * What a valid size, count, rate, probability or weight of a BiDNN is, defined once: the records that
 * hold them ({@link Architecture}, {@link Optimizer}, {@link ModalityWeight}, the training settings),
 * the pipeline configuration and the Spark ML parameters' validators all ask these predicates, so a
 * rule changes in one place. Each predicate is false for NaN.
 */
public final class ValueRules {

    /** How {@link #isSize} is written in messages and parameter docs. */
    public static final String SIZE = "> 0";
    /** How {@link #isCount} is written. */
    public static final String COUNT = ">= 0";
    /** How {@link #isEmbeddingSize} is written. */
    public static final String EMBEDDING_SIZE = "> 0, even: each central layer has half of it";
    /** How {@link #isProbability} is written: a drop probability or a momentum. */
    public static final String BELOW_ONE = "in [0, 1)";
    /** How {@link #isWeight} is written. */
    public static final String WEIGHT = "in [0, 1]";
    /** How {@link #isShare} is written. */
    public static final String SHARE = "in [0, 1]";
    /** How {@link #isRate} is written. */
    public static final String RATE = "> 0, finite";

    private ValueRules() {
    }

    /** A layer size, a batch size, a frequency: positive. */
    public static boolean isSize(int n) {
        return n > 0;
    }

    /** A number of epochs or of workers (0 meaning "the default"): 0 or more. */
    public static boolean isCount(int n) {
        return n >= 0;
    }

    /** The embedding: positive and even, as it concatenates the two directions' central layers. */
    public static boolean isEmbeddingSize(int n) {
        return n > 0 && n % 2 == 0;
    }

    /** A drop probability or a momentum: in [0, 1); 1 would drop everything, or never forget. */
    public static boolean isProbability(double p) {
        return p >= 0 && p < 1;
    }

    /** A learning rate: positive and finite. */
    public static boolean isRate(double r) {
        return r > 0 && !Double.isInfinite(r);
    }

    /** The weight of modality 1 in the embedding, or in a linear combination of the modalities: in [0, 1]. */
    public static boolean isWeight(double w) {
        return w >= 0 && w <= 1;
    }

    /** A share of rows, e.g. those trained with one modality dropped: in [0, 1]. */
    public static boolean isShare(double s) {
        return s >= 0 && s <= 1;
    }
}
