package org.bidnn.cli;

import org.bidnn.model.OutputMode;
import picocli.CommandLine.Option;

/** What a trained model writes for each segment: the original tool's -c and -n, shared by run and embed. */
public final class OutputFlags {

    @Option(names = {"-c", "--crossmodal"},
            description = "write the input with missing modalities filled in by translation, instead of the embedding")
    boolean crossmodal;

    @Option(names = {"-n", "--l2-norm"},
            description = "L2-normalise each written embedding row (with -c: each filled-in modality)")
    boolean l2Norm;

    OutputMode mode() {
        return crossmodal ? OutputMode.CROSSMODAL : OutputMode.EMBEDDING;
    }
}
