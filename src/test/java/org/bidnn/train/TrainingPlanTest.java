package org.bidnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainingPlanTest {

    private static final int DEFAULT_WORKERS = 0;

    private static SparkParallelism local(String master) {
        int cores = SparkParallelism.localCores(master);
        return new SparkParallelism(1, cores, cores, 1, true, false);
    }

    /** A standalone cluster (or YARN, Kubernetes) without dynamic allocation. */
    private static SparkParallelism cluster(int executors, int cores) {
        return new SparkParallelism(executors, cores, 1, 1, false, SparkParallelism.supportsTaskResources("spark://h:7077", false));
    }

    @Test
    void localOneThreadTrainsInTheDriverWithOneThread() {
        TrainingPlan plan = TrainingPlan.of(local("local[1]"), DEFAULT_WORKERS);
        assertEquals(new TrainingPlan(1, 1, 1, false, false), plan);
        assertNull(plan.taskResources(), "no Spark task: nothing to ask of the scheduler");
    }

    @Test
    void localTwoThreadsTrainsInTheDriverWithBoth() {
        assertEquals(new TrainingPlan(1, 2, 2, false, false), TrainingPlan.of(local("local[2]"), DEFAULT_WORKERS));
        int all = Runtime.getRuntime().availableProcessors();
        assertEquals(new TrainingPlan(1, all, all, false, false), TrainingPlan.of(local("local[*]"), DEFAULT_WORKERS));
    }

    @Test
    void twoLocalWorkersShareTheMastersThreads() {
        // Spark's local mode gives every task one cpu and refuses stage-level profiles: the plan sets the threads.
        assertEquals(new TrainingPlan(2, 1, 1, false, false), TrainingPlan.of(local("local[2]"), 2));
        assertEquals(new TrainingPlan(2, 1, 2, false, false), TrainingPlan.of(local("local[4]"), 2));
        assertEquals(new TrainingPlan(3, 1, 1, false, false), TrainingPlan.of(local("local[2]"), 3));
    }

    @Test
    void onAClusterEachWorkersTaskGetsAllItsExecutorsCores() {
        TrainingPlan plan = TrainingPlan.of(cluster(3, 4), DEFAULT_WORKERS);
        assertEquals(new TrainingPlan(3, 4, 4, true, true), plan);
        assertEquals(4.0, plan.taskResources().taskResources().get("cpus").get().amount());
        assertTrue(plan.taskResources().executorResources().isEmpty(), "the executors the application has");
    }

    @Test
    void moreWorkersThanExecutorsShareTheirCores() {
        assertEquals(new TrainingPlan(6, 2, 2, true, true), TrainingPlan.of(cluster(3, 4), 6));
        assertEquals(new TrainingPlan(4, 2, 2, true, true), TrainingPlan.of(cluster(3, 4), 4));
        assertEquals(new TrainingPlan(40, 1, 1, true, true), TrainingPlan.of(cluster(3, 4), 40));
        assertEquals(new TrainingPlan(2, 4, 4, true, true), TrainingPlan.of(cluster(3, 4), 2));
    }

    @Test
    void oneExecutorTrainsInTheDriverWithTheDriversCores() {
        SparkParallelism one = new SparkParallelism(1, 8, 3, 1, false, true);
        assertEquals(new TrainingPlan(1, 3, 3, false, false), TrainingPlan.of(one, DEFAULT_WORKERS));
    }

    @Test
    void withDynamicAllocationWorkersStartTheThreadsOfSparksTaskCpus() {
        assertFalse(SparkParallelism.supportsTaskResources("yarn", true));
        SparkParallelism dynamic = new SparkParallelism(2, 4, 1, 4, false, false);
        assertEquals(new TrainingPlan(2, 4, 4, false, true), TrainingPlan.of(dynamic, DEFAULT_WORKERS));
    }

    @Test
    void theThreadsOfTheTasksAnExecutorRunsAtOnceNeverOutnumberItsCores() {
        for (int executors = 1; executors <= 4; executors++) {
            for (int cores = 1; cores <= 8; cores++) {
                for (int workers = 2; workers <= 20; workers++) {
                    TrainingPlan plan = TrainingPlan.of(cluster(executors, cores), workers);
                    int dealt = (workers + executors - 1) / executors;
                    int atOnce = Math.min(dealt, cores / plan.cpusPerTask());
                    assertTrue(plan.cpusPerTask() <= cores, plan + " on " + cores + " cores");
                    assertTrue(atOnce * plan.threads() <= cores, plan + " on " + executors + " x " + cores);
                    assertEquals(plan.cpusPerTask(), plan.threads(), plan.toString());
                }
            }
        }
    }

    @Test
    void localMastersCores() {
        assertEquals(1, SparkParallelism.localCores("local"));
        assertEquals(2, SparkParallelism.localCores("local[2]"));
        assertEquals(3, SparkParallelism.localCores("local[3,4]"));
        assertEquals(Runtime.getRuntime().availableProcessors(), SparkParallelism.localCores("local[*]"));
    }

    @Test
    void stageLevelTaskCpusWhereSpark35HonoursThemWithoutDynamicAllocation() {
        assertTrue(SparkParallelism.supportsTaskResources("spark://127.0.0.1:7077", false));
        assertTrue(SparkParallelism.supportsTaskResources("yarn", false));
        assertTrue(SparkParallelism.supportsTaskResources("k8s://https://10.0.0.1:6443", false));
        assertFalse(SparkParallelism.supportsTaskResources("local[2]", false));
        assertFalse(SparkParallelism.supportsTaskResources("spark://127.0.0.1:7077", true));
    }
}
