package org.bidnn.train;

import org.bidnn.io.BadInputException;

/**
 * Not even one batch of training rows (rows with both modalities). Thrown by the trainers, which
 * do not know where the rows came from; the job that read them adds the input's name.
 */
public final class TooFewTrainingRowsException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public TooFewTrainingRowsException(String message) {
        super(message);
    }
}
