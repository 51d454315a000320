package org.bidnn.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.bidnn.io.TestStorage;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;
import org.bidnn.model.Optimizer;

/** An untrained BiDNN of mod1size 2 and mod2size 2 (columns 1-2 and 3-4), for commands that need a model file. */
final class TinyModel {

    private TinyModel() {
    }

    /** Saves it at {@code file}; returns {@code file}. */
    static Path save(Path file) throws IOException {
        ModelFile.save(BiDNNNetwork.create(new Architecture(2, 2, 4, 2, ActivationFunction.TANH, true, 0),
                Optimizer.DEFAULT, 1), TestStorage.LOCAL, file.toString());
        return file;
    }
}
