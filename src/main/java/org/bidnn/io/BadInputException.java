package org.bidnn.io;

/**
 * Something the user gave cannot be used: a setting out of range, data that does not fit the
 * model, too little data to train on. The message says what and, where there is one, names the
 * file. The command line reports it in one line with exit status 1; every other exception is an
 * internal failure, reported with its stack trace (exit 70). An {@link IllegalArgumentException},
 * so that code validating its arguments reads as usual.
 */
public class BadInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
