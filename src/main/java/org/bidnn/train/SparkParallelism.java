package org.bidnn.train;

import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.status.api.v1.ExecutorSummary;
import scala.collection.JavaConverters;

/**
 * The executors a training can count on and their cores, from the Spark context: what sets the
 * default worker count (one per executor), the cores each worker's task is given and its native
 * threads ({@link TrainingPlan}).
 *
 * @param executors              executors (1 in local mode: the driver)
 * @param executorCores          cores of each executor (the fewest any has); in local mode the
 *                               master's thread count, {@code local[N]}'s N
 * @param driverCores            cores the driver may use when it trains alone (one worker)
 * @param taskCpus               cpus Spark gives a task by default ({@code spark.task.cpus})
 * @param local                  local mode: the driver is the only executor
 * @param taskResourcesSupported whether Spark honours a stage's own task cpus
 *                               ({@link org.apache.spark.resource.TaskResourceProfile}); see
 *                               {@link #supportsTaskResources}
 */
record SparkParallelism(int executors, int executorCores, int driverCores, int taskCpus, boolean local,
                        boolean taskResourcesSupported) {

    private static final Pattern LOCAL_MASTER = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?])?");

    SparkParallelism {
        if (executors < 1 || executorCores < 1 || driverCores < 1 || taskCpus < 1) {
            throw new IllegalArgumentException("executors " + executors + ", cores " + executorCores
                    + ", driver cores " + driverCores + ", task cpus " + taskCpus);
        }
    }

    static SparkParallelism of(JavaSparkContext sc) {
        SparkConf conf = sc.getConf();
        String master = sc.master();
        int taskCpus = Math.max(1, conf.getInt("spark.task.cpus", 1));
        if (sc.isLocal()) {
            int cores = localCores(master);
            return new SparkParallelism(1, cores, cores, taskCpus, true, false);
        }
        // Registered executors (the driver is in the list too), or those asked for if none has yet.
        int registered = sc.sc().getExecutorMemoryStatus().size() - 1;
        int executors = Math.max(1, registered > 0 ? registered : conf.getInt("spark.executor.instances", 1));
        int cores = registeredExecutorCores(sc.sc());
        if (cores == 0) {
            cores = conf.getInt("spark.executor.cores", Math.max(1, sc.defaultParallelism() / executors));
        }
        int driverCores = conf.getInt("spark.driver.cores", Runtime.getRuntime().availableProcessors());
        boolean dynamic = conf.getBoolean("spark.dynamicAllocation.enabled", false);
        return new SparkParallelism(executors, cores, Math.max(1, driverCores), taskCpus, false,
                supportsTaskResources(master, dynamic));
    }

    /** The task slots of a local master: {@code local} 1, {@code local[N]} and {@code local[N,F]} N, {@code local[*]} all. */
    static int localCores(String master) {
        Matcher m = LOCAL_MASTER.matcher(master);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a local master: " + master);
        }
        String n = m.group(1);
        if (n == null) {
            return 1;
        }
        return n.equals("*") ? Runtime.getRuntime().availableProcessors() : Math.max(1, Integer.parseInt(n));
    }

    /**
     * Whether Spark 3.5 schedules a stage's tasks with cpus of their own (a {@code TaskResourceProfile},
     * on the executors the application already has): on standalone, YARN and Kubernetes masters with
     * dynamic allocation off (Spark's {@code ResourceProfileManager.isSupported}). In local mode it
     * refuses such a profile; with dynamic allocation it would ask for new executors for it, away
     * from the cached shards.
     */
    static boolean supportsTaskResources(String master, boolean dynamicAllocation) {
        boolean cluster = master.startsWith("spark://") || master.startsWith("local-cluster")
                || master.equals("yarn") || master.startsWith("k8s://");
        return cluster && !dynamicAllocation;
    }

    /**
     * The fewest cores of any registered executor, as the executors reported them when they
     * registered (Spark's status store, what its UI shows); 0 if none is known yet. On standalone
     * without {@code spark.executor.cores} an executor takes all its Worker's cores, which no
     * setting tells.
     */
    private static int registeredExecutorCores(SparkContext sc) {
        try {
            sc.listenerBus().waitUntilEmpty();
        } catch (TimeoutException e) {
            // The executors' registrations are then read as far as they have arrived.
        }
        int fewest = 0;
        for (ExecutorSummary e : JavaConverters.seqAsJavaList(sc.statusStore().executorList(true))) {
            if (!e.id().equals("driver") && e.totalCores() > 0) {
                fewest = fewest == 0 ? e.totalCores() : Math.min(fewest, e.totalCores());
            }
        }
        return fewest;
    }
}
