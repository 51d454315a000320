package org.bidnn.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bidnn.io.InputFileException;
import picocli.CommandLine;

/**
 * Turns a failed command into one clear line on stderr and a non-zero exit status: 1 for bad
 * input (data, model or settings, whose messages name the file and line), 70 for an internal
 * failure (with the stack trace, which is then useful).
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    static final int BAD_INPUT = 1;
    static final int INTERNAL_ERROR = 70;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof IOException || cause instanceof InputFileException || cause instanceof IllegalArgumentException
                || cause instanceof IllegalStateException) {
            commandLine.getErr().println("bidnn: error: " + cause.getMessage());
            return BAD_INPUT;
        }
        commandLine.getErr().println("bidnn: internal error: " + cause);
        cause.printStackTrace(commandLine.getErr());
        return INTERNAL_ERROR;
    }
}
