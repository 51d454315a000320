package org.bidnn.train;

import org.bidnn.io.BadInputException;
import org.bidnn.model.ValueRules;

/**
 * How training is spread over a Spark cluster.
 *
 * @param workers model replicas trained in parallel between averagings; 0 means Spark's default
 *                parallelism (the executor cores, or the local threads)
 * @param averagingFrequency minibatches each worker fits between two parameter averagings
 */
public record SparkTrainingOptions(int workers, int averagingFrequency) {

    public static final int DEFAULT_AVERAGING_FREQUENCY = 5;

    public SparkTrainingOptions {
        if (!ValueRules.isCount(workers)) {
            throw new BadInputException("--workers must be positive, got " + workers);
        }
        if (!ValueRules.isSize(averagingFrequency)) {
            throw new BadInputException("--averaging-frequency must be positive, got " + averagingFrequency);
        }
    }
}
