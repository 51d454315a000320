package org.bidnn.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The smoke application on a Spark standalone cluster of two Workers: client mode, cluster mode, a killed executor. */
@Tag(ClusterTests.TAG)
class StandaloneClusterIT {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);

    private static Path dir;
    private static StandaloneCluster cluster;
    private static Path smokeJar;

    @BeforeAll
    static void startCluster() throws Exception {
        dir = BuildLayout.clusterTestDir().resolve("standalone");
        SparkHome.deleteTree(dir);
        cluster = StandaloneCluster.start(dir, 2);
        smokeJar = SmokeJar.build(dir);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static SparkApp smoke(String... args) {
        return SparkApp.of(SmokeApp.class.getName(), smokeJar, args);
    }

    private static void assertSum(Properties result, long numbers, int partitions) {
        assertEquals(Long.toString(numbers * (numbers + 1) / 2), result.getProperty("sum"), result.toString());
        assertEquals(Long.toString(numbers), result.getProperty("count"), result.toString());
        assertEquals(Integer.toString(partitions), result.getProperty("partitions"), result.toString());
        assertEquals(cluster.masterUrl(), result.getProperty("master"), result.toString());
    }

    @Test
    void clientMode() throws Exception {
        Path out = dir.resolve("client/result.properties");
        Submission s = cluster.submit(smoke(SmokeJar.args(10_000, 8, out)), DeployMode.CLIENT);
        cluster.assertSucceeded(s, JOB_TIMEOUT);

        Properties result = SmokeJar.result(out);
        assertSum(result, 10_000, 8);
        assertEquals("client", result.getProperty("deployMode"));
        assertEquals(2, result.getProperty("executors").split(",").length, "both executors worked: " + result);
    }

    @Test
    void clusterMode() throws Exception {
        Path out = dir.resolve("cluster/result.properties");
        Submission s = cluster.submit(smoke(SmokeJar.args(5_000, 6, out)), DeployMode.CLUSTER);
        cluster.assertSucceeded(s, JOB_TIMEOUT);  // the Master's /json/ says FINISHED

        Properties result = SmokeJar.result(out);
        assertSum(result, 5_000, 6);
        assertEquals("cluster", result.getProperty("deployMode"));
    }

    @Test
    void jobFinishesWhenAnExecutorIsKilledMidTask() throws Exception {
        Path out = dir.resolve("kill/result.properties");
        Path markers = Files.createDirectories(dir.resolve("kill/markers"));
        SparkApp app = smoke("--numbers", "6000", "--partitions", "6", "--out", out.toString(),
                "--sleep-ms", "4000", "--markers", markers.toString());
        Submission s = cluster.submit(app, DeployMode.CLIENT);

        // The first task to start names its executor's pid; kill that executor while the task sleeps.
        Net.await("a task to start", Duration.ofMinutes(2), () -> !list(markers).isEmpty(), () -> s.logTail(60));
        String first = list(markers).get(0);
        long pid = Long.parseLong(first.substring(first.indexOf("-pid") + 4));
        int partition = Integer.parseInt(first.substring(1, first.indexOf("-a")));
        cluster.killExecutor(pid);

        cluster.assertSucceeded(s, JOB_TIMEOUT);
        Properties result = SmokeJar.result(out);
        assertSum(result, 6000, 6);
        assertTrue(Integer.parseInt(result.getProperty("maxAttempt")) >= 1, "a task was retried: " + result);
        assertTrue(list(markers).stream().anyMatch(m -> m.startsWith("p" + partition + "-a") && !m.endsWith("-pid" + pid)),
                "partition " + partition + " ran again elsewhere: " + list(markers));
    }

    /**
     * submit/standalone.sh in cluster mode, with conf/spark-defaults.conf and this cluster's Spark
     * installation as SPARK_HOME: the smoke application succeeds, and a driver that fails makes
     * the script fail although spark-submit exits 0.
     */
    @Test
    void standaloneScriptReportsTheDriversFinalState() throws Exception {
        Path work = dir.resolve("script");
        Path out = work.resolve("result.properties");
        Path settings = SubmitScript.settings(work.resolve("job.conf"),
                "BIDNN_STANDALONE_MASTER=" + cluster.masterUrl(),
                "BIDNN_STANDALONE_MASTER_UI=" + cluster.masterWebUi(),
                "BIDNN_STANDALONE_DEPLOY_MODE=cluster",
                "BIDNN_MAIN_CLASS=" + SmokeApp.class.getName(),
                "BIDNN_JAR=" + smokeJar,
                "BIDNN_NUM_EXECUTORS=2", "BIDNN_EXECUTOR_CORES=1", "BIDNN_EXECUTOR_MEMORY=768m", "BIDNN_DRIVER_MEMORY=768m",
                "BIDNN_SUBMIT_ARGS=(--jars " + BuildLayout.submitJar().toUri() + " "
                        + SubmitScript.confArray(java.util.Map.of("spark.local.dir", dir.resolve("tmp").toString(),
                                "spark.scheduler.minRegisteredResourcesRatio", "1.0")).substring(1));
        java.util.Map<String, String> env = cluster.sparkHome().environment();

        SubmitScript.Result ok = SubmitScript.run("standalone.sh", env, work, JOB_TIMEOUT,
                "--conf", settings.toString(), "--", "--numbers", "4000", "--partitions", "4", "--out", out.toString());
        assertEquals(0, ok.code(), ok + "\n" + cluster.diagnostics());
        assertTrue(ok.stderr().contains("ended FINISHED"), ok.stderr());
        assertSum(SmokeJar.result(out), 4000, 4);
        assertEquals("cluster", SmokeJar.result(out).getProperty("deployMode"));

        SubmitScript.Result failed = SubmitScript.run("standalone.sh", env, work, JOB_TIMEOUT,
                "--conf", settings.toString(), "--", "--numbers", "10");  // no --out: the driver throws
        assertTrue(failed.code() != 0, failed.toString());
        assertTrue(failed.stderr().contains("ended FAILED"), failed.stderr());
    }

    private static List<String> list(Path markers) {
        try (Stream<Path> files = Files.list(markers)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
