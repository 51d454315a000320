package org.bidnn.cli;

import org.bidnn.io.BadInputException;

/** The {@code -v} flag of the Spark commands: checked, then applied to the libraries' logs. */
final class Verbosity {

    private Verbosity() {
    }

    static int check(int verbosity) {
        if (verbosity < 0 || verbosity > 3) {
            throw new BadInputException("--verbosity must be 0 to 3, got " + verbosity);
        }
        LogLevels.apply(verbosity);
        return verbosity;
    }
}
