package org.bidnn.jobs;

import org.bidnn.io.BadInputException;
import org.bidnn.io.BadRowPolicy;
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
 * @param incremental  null for a plain run; otherwise keep the segments' hashes with the output and
 *                     carry the unchanged ones over from this previous output (which may not exist:
 *                     then every segment is embedded)
 * @param modalityWeight weight of modality 1 in the embedding, instead of the model's; null: the model's
 * @param onBadRow     fail on the first malformed input row, or leave such rows out and count them
 */
public record EmbedOptions(String model, String input, SegmentFormat inputFormat, String output,
                           SegmentFormat outputFormat, OutputMode mode, boolean l2Normalize,
                           boolean ignoreZeroes, boolean zeroBased, int batchSize, boolean overwrite,
                           String incremental, Double modalityWeight, BadRowPolicy onBadRow) {

    /** Options that fail on a malformed input row. */
    public EmbedOptions(String model, String input, SegmentFormat inputFormat, String output,
                        SegmentFormat outputFormat, OutputMode mode, boolean l2Normalize,
                        boolean ignoreZeroes, boolean zeroBased, int batchSize, boolean overwrite,
                        String incremental, Double modalityWeight) {
        this(model, input, inputFormat, output, outputFormat, mode, l2Normalize, ignoreZeroes, zeroBased, batchSize,
                overwrite, incremental, modalityWeight, BadRowPolicy.FAIL);
    }

    /** Options of a plain run (not incremental) that embeds with the model's own modality weight. */
    public EmbedOptions(String model, String input, SegmentFormat inputFormat, String output,
                        SegmentFormat outputFormat, OutputMode mode, boolean l2Normalize,
                        boolean ignoreZeroes, boolean zeroBased, int batchSize, boolean overwrite) {
        this(model, input, inputFormat, output, outputFormat, mode, l2Normalize, ignoreZeroes, zeroBased, batchSize,
                overwrite, null, null, BadRowPolicy.FAIL);
    }

    public EmbedOptions {
        if (onBadRow == null) {
            onBadRow = BadRowPolicy.FAIL;
        }
        org.bidnn.model.ModalityWeight.check(modalityWeight);
        if (batchSize <= 0) {
            throw new BadInputException("--batch-size must be positive, got " + batchSize);
        }
        if (incremental != null && outputFormat == SegmentFormat.PARQUET && mode == OutputMode.CROSSMODAL) {
            throw new BadInputException("--incremental reads the previous output back, which Parquet crossmodal "
                    + "output cannot be: use --format libsvm, or embed everything");
        }
        if (zeroBased && outputFormat != SegmentFormat.LIBSVM) {
            throw new BadInputException("--zero-based is about LibSVM indices; "
                    + outputFormat + " output has none");
        }
    }
}
