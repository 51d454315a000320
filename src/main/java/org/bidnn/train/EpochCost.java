package org.bidnn.train;

/**
 * What an epoch of {@code bidnn train} cost beyond the fitting itself, from Spark's task metrics
 * and the averaging loop's clock.
 *
 * @param sparkJobs          Spark jobs run during the epoch
 * @param shuffleBytes       shuffle bytes read and written by the epoch's tasks (0 once the rows are dealt)
 * @param workers            model replicas
 * @param threads            native threads given to each worker (the most any worker had)
 * @param taskCpus           cpus Spark gave each worker's task (the most any was given; with one
 *                           worker, trained in the driver, the cores it was given)
 * @param rounds             averaging rounds (0 with one worker: nothing to average)
 * @param broadcastBytes     bytes broadcast per round (parameters and optimiser state, serialised once)
 * @param resultBytesPerRound bytes the workers sent back per round, all workers together (Spark's result sizes)
 * @param computeSeconds     per round, the longest a worker spent fitting (mean over rounds)
 * @param transferSeconds    per round, the rest of the round's wall time: broadcast, scheduling, results, averaging
 */
public record EpochCost(long sparkJobs, long shuffleBytes, int workers, int threads, int taskCpus, int rounds,
                        long broadcastBytes,
                        long resultBytesPerRound, double computeSeconds, double transferSeconds) {

    /** For logs: one line. */
    public String describe() {
        String base = String.format("%d Spark jobs, shuffle %s, %d worker%s x %d thread%s (%d cpu%s a worker)",
                sparkJobs, megabytes(shuffleBytes), workers, workers == 1 ? "" : "s", threads, threads == 1 ? "" : "s",
                taskCpus, taskCpus == 1 ? "" : "s");
        if (rounds == 0) {
            return base + ", no averaging";
        }
        return base + String.format(", %d averaging rounds, per round %s out + %s back, %.3fs compute + %.3fs transfer",
                rounds, megabytes(broadcastBytes), megabytes(resultBytesPerRound), computeSeconds, transferSeconds);
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }

    /** Told about every epoch's cost. */
    @FunctionalInterface
    public interface Listener {
        void epochCost(int epoch, EpochCost cost);

        Listener NONE = (epoch, cost) -> { };
    }
}
