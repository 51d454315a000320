package org.bidnn.train;

import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;

/**
 * How a training uses the cluster's cores: how many workers, how many cpus Spark gives each
 * worker's task, and how many native threads (ND4J's loops, OpenBLAS) each worker starts.
 *
 * <p>By default one worker per executor, its task given all the executor's cores and that many
 * threads: on one machine two BLAS teams of half the cores are no faster than one team of all of
 * them, and every extra worker adds a parameter round trip. With {@code --workers N} the workers
 * that share an executor share its cores. Either way the threads of the tasks an executor runs at
 * once never outnumber its cores:
 *
 * <ul>
 *   <li>on a cluster (standalone, YARN, Kubernetes, without dynamic allocation) the training stage
 *       asks Spark for {@link #cpusPerTask} cpus a task (a stage-level task resource profile), so
 *       the scheduler runs at most cores / cpus training tasks on an executor, and each task sets
 *       its threads to the cpus Spark gave it;</li>
 *   <li>in local mode Spark refuses stage-level profiles; there one worker trains in the driver
 *       with the master's {@code local[N]} threads, and N workers, run as tasks of one cpu each,
 *       set their threads to their share of the N.</li>
 * </ul>
 *
 * With dynamic allocation a profile would make Spark ask for executors of its own, away from
 * the cached shards; then the tasks get Spark's {@code spark.task.cpus} (set it to the executor's
 * cores to give each worker all of them) and start that many threads, since nothing else keeps
 * two of them off one executor.
 *
 * @param workers            model replicas; 1 trains in the driver, with no parameter round trip
 * @param cpusPerTask        cpus each worker's task takes from its executor (the driver's when 1 worker)
 * @param threads            native threads of each worker
 * @param stageTaskResources whether the training stage asks Spark for {@code cpusPerTask} cpus a task
 * @param threadsOfTask      whether a worker's task starts as many threads as the cpus Spark gave it
 *                           ({@code TaskContext.cpus()}, on a cluster) rather than {@link #threads}
 *                           (local mode, where every task is given one cpu)
 */
record TrainingPlan(int workers, int cpusPerTask, int threads, boolean stageTaskResources, boolean threadsOfTask) {

    /**
     * The plan for {@code requestedWorkers} workers (0: the default, one per executor) on
     * {@code parallelism}.
     */
    static TrainingPlan of(SparkParallelism parallelism, int requestedWorkers) {
        int workers = requestedWorkers > 0 ? requestedWorkers : parallelism.executors();
        if (workers == 1) {
            // Trained in the driver, which in local mode is the executor with all the master's threads.
            int cores = parallelism.local() ? parallelism.executorCores() : parallelism.driverCores();
            return new TrainingPlan(1, cores, cores, false, false);
        }
        int cores = parallelism.executorCores();
        int perExecutor = (workers + parallelism.executors() - 1) / parallelism.executors();
        int share = Math.max(1, cores / Math.min(perExecutor, cores));
        if (parallelism.local()) {
            // At most N tasks at once, all of them this training's workers.
            return new TrainingPlan(workers, parallelism.taskCpus(), share, false, false);
        }
        if (parallelism.taskResourcesSupported()) {
            return new TrainingPlan(workers, share, share, true, true);
        }
        return new TrainingPlan(workers, parallelism.taskCpus(), parallelism.taskCpus(), false, true);
    }

    /**
     * The stage-level profile the training stage asks for: {@link #cpusPerTask} cpus a task, on the
     * executors the application has. Null when the plan asks for none.
     */
    ResourceProfile taskResources() {
        if (!stageTaskResources) {
            return null;
        }
        return new ResourceProfileBuilder().require(new TaskResourceRequests().cpus(cpusPerTask)).build();
    }

    /** For logs. */
    String describe() {
        return String.format("%d worker%s x %d thread%s", workers, workers == 1 ? "" : "s", threads,
                threads == 1 ? "" : "s");
    }
}
