package org.bidnn.cli;

import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import org.bidnn.io.BadInputException;
import org.bidnn.io.StorageException;
import org.bidnn.model.ModelFile;
import picocli.CommandLine;

/**
 * Turns a failed command into one clear line on stderr and a non-zero exit status: 1 for bad
 * input (the project's own input exceptions: data, model, settings, files and paths, whose
 * messages name the file and line), 70 for anything else, an internal failure, with the stack
 * trace, which is then what is useful.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    static final int BAD_INPUT = 1;
    static final int INTERNAL_ERROR = 70;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (isBadInput(cause)) {
            commandLine.getErr().println("bidnn: error: " + cause.getMessage());
            return BAD_INPUT;
        }
        commandLine.getErr().println("bidnn: internal error: " + cause);
        cause.printStackTrace(commandLine.getErr());
        return INTERNAL_ERROR;
    }

    /** Whether {@code t} is about what the user gave, rather than a failure of the program. */
    static boolean isBadInput(Throwable t) {
        return t instanceof BadInputException
                || t instanceof ModelFile.ModelFileException
                || t instanceof StorageException
                || t instanceof FileAlreadyExistsException
                || t instanceof CommandLine.ParameterException;
    }
}
