package org.bidnn.jobs;

/**
 * The original tool's {@code %e} placeholder in output paths, model paths and commands: the epoch
 * number zero-padded to five digits for intermediate writes, {@code final} for the last one.
 */
public final class EpochPlaceholder {

    public static final String TOKEN = "%e";
    public static final String FINAL = "final";

    private EpochPlaceholder() {
    }

    public static String forEpoch(String pattern, int epoch) {
        return pattern.replace(TOKEN, String.format("%05d", epoch));
    }

    public static String forFinal(String pattern) {
        return pattern.replace(TOKEN, FINAL);
    }
}
