package org.bidnn.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Maps {@code -v} to the libraries' log levels: their INFO logs only at verbosity 3. */
final class LogLevels {

    private LogLevels() {
    }

    static void apply(int verbosity) {
        Level libraries = verbosity >= 3 ? Level.INFO : Level.WARN;
        Configurator.setRootLevel(verbosity == 0 ? Level.ERROR : Level.WARN);
        Configurator.setLevel("org.nd4j", libraries);
        Configurator.setLevel("org.deeplearning4j", libraries);
        Configurator.setLevel("org.bidnn", libraries);
    }
}
