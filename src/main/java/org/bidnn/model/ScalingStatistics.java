package org.bidnn.model;

import java.io.Serializable;

/**
 * The scaling a model applies to its inputs, as its model file stores it (in
 * {@code bidnn-model.json}): what was fitted on the training rows, per column of {@code [x1 | x2]}.
 *
 * @param method    a {@link Scaling} name
 * @param deviation each column's standard deviation after scaling
 * @param mean      the columns' means over the training rows
 * @param std       the columns' sample standard deviations (n - 1) over the training rows
 */
public record ScalingStatistics(String method, double deviation, double[] mean, double[] std) implements Serializable {
}
