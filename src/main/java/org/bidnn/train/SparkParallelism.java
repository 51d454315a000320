package org.bidnn.train;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The executors a training can count on and their cores, from the Spark context: what sets the
 * default worker count (one per executor) and each worker's native threads.
 *
 * @param executors     executors (1 in local mode: the driver)
 * @param executorCores cores of each executor (the local thread count in local mode)
 */
record SparkParallelism(int executors, int executorCores) {

    static SparkParallelism of(JavaSparkContext sc) {
        SparkConf conf = sc.getConf();
        if (sc.isLocal()) {
            return new SparkParallelism(1, Math.max(1, sc.defaultParallelism()));
        }
        // Registered executors (the driver is in the list too), or those asked for if none has yet.
        int registered = sc.sc().getExecutorMemoryStatus().size() - 1;
        int executors = Math.max(1, registered > 0 ? registered : conf.getInt("spark.executor.instances", 1));
        int cores = conf.getInt("spark.executor.cores", Math.max(1, sc.defaultParallelism() / executors));
        return new SparkParallelism(executors, cores);
    }

    /**
     * Native threads for each of {@code workers} workers: the executor's cores shared among the
     * workers that run on it at the same time, so that they never start more threads than it has cores.
     */
    int threadsPerWorker(int workers) {
        int perExecutor = (workers + executors - 1) / executors;
        return Math.max(1, executorCores / Math.min(perExecutor, executorCores));
    }
}
