package org.bidnn.jobs.compare;

/**
 * A measure over the runs of a method: its mean, its sample standard deviation (0 for one run, or
 * for a method that is not trained and so gives the same value every run), and each run's value.
 */
public record Summary(double mean, double std, double[] perRun) {

    public static Summary of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double std = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
        return new Summary(mean, std, values.clone());
    }
}
