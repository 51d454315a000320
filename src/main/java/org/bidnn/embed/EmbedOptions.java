package org.bidnn.embed;

import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.model.OutputMode;

/**
 * Settings of one {@code bidnn embed} job.
 *
 * @param model        the model file (a local path or any Hadoop file system URI)
 * @param input        a file, directory or glob of segments
 * @param output       the output directory, published whole or not at all
 * @param zeroBased    write 0-based indices (LibSVM output only)
 * @param batchSize    segments per inference batch on the executors
 * @param overwrite    replace an existing output
 * @param modalityWeight weight of modality 1 in the embedding, instead of the model's; null: the model's
 */
public record EmbedOptions(String model, String input, SegmentFormat inputFormat, String output,
                           SegmentFormat outputFormat, OutputMode mode, boolean l2Normalize,
                           boolean ignoreZeroes, boolean zeroBased, int batchSize, boolean overwrite,
                           Double modalityWeight) {

    /** Options that embed with the model's own modality weight. */
    public EmbedOptions(String model, String input, SegmentFormat inputFormat, String output,
                        SegmentFormat outputFormat, OutputMode mode, boolean l2Normalize,
                        boolean ignoreZeroes, boolean zeroBased, int batchSize, boolean overwrite) {
        this(model, input, inputFormat, output, outputFormat, mode, l2Normalize, ignoreZeroes, zeroBased, batchSize,
                overwrite, null);
    }

    public EmbedOptions {
        org.bidnn.model.ModalityWeight.check(modalityWeight);
        if (batchSize <= 0) {
            throw new IllegalArgumentException("--batch-size must be positive, got " + batchSize);
        }
        if (zeroBased && outputFormat != SegmentFormat.LIBSVM) {
            throw new IllegalArgumentException("--zero-based is about LibSVM indices; "
                    + outputFormat + " output has none");
        }
    }
}
