package org.bidnn.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The smoke application on an in-process YARN cluster, in client and cluster mode. */
@Tag(ClusterTests.TAG)
class YarnClusterIT {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);

    private static Path dir;
    private static YarnCluster yarn;
    private static Path smokeJar;

    @BeforeAll
    static void startCluster() throws Exception {
        dir = BuildLayout.clusterTestDir().resolve("yarn");
        SparkHome.deleteTree(dir);
        yarn = YarnCluster.start(dir, 1);
        smokeJar = SmokeJar.build(dir);
    }

    @AfterAll
    static void stopCluster() {
        if (yarn != null) {
            yarn.close();
        }
    }

    private static void run(DeployMode mode, long numbers, int partitions) throws Exception {
        Path out = dir.resolve(mode.sparkName() + "/result.properties");
        Submission s = yarn.submit(SparkApp.of(SmokeApp.class.getName(), smokeJar, SmokeJar.args(numbers, partitions, out)), mode);
        yarn.assertSucceeded(s, JOB_TIMEOUT);  // exit code 0 and final status SUCCEEDED

        Properties result = SmokeJar.result(out);
        assertEquals(Long.toString(numbers * (numbers + 1) / 2), result.getProperty("sum"), result.toString());
        assertEquals(Integer.toString(partitions), result.getProperty("partitions"), result.toString());
        assertEquals("yarn", result.getProperty("master"), result.toString());
        assertEquals(mode.sparkName(), result.getProperty("deployMode"), result.toString());
    }

    @Test
    void clientMode() throws Exception {
        run(DeployMode.CLIENT, 8_000, 8);
    }

    @Test
    void clusterMode() throws Exception {
        run(DeployMode.CLUSTER, 3_000, 4);
    }

    /**
     * submit/yarn.sh in cluster mode, with conf/spark-defaults.conf (Java 17 openings, Kryo, ND4J's
     * settings) and this cluster as HADOOP_CONF_DIR; sizes and placement scaled down for the test.
     */
    @Test
    void yarnScriptInClusterMode() throws Exception {
        Path work = dir.resolve("script");
        Path out = work.resolve("result.properties");
        Map<String, String> placement = new LinkedHashMap<>(yarn.defaults(DeployMode.CLUSTER));
        placement.keySet().removeIf(k -> k.endsWith("extraJavaOptions") || k.matches("spark\\.(executor|driver)\\.(memory|cores|instances)"));
        Path settings = SubmitScript.settings(work.resolve("job.conf"),
                "BIDNN_MAIN_CLASS=" + SmokeApp.class.getName(),
                "BIDNN_JAR=" + smokeJar,
                "BIDNN_NUM_EXECUTORS=2", "BIDNN_EXECUTOR_CORES=1", "BIDNN_EXECUTOR_MEMORY=768m", "BIDNN_DRIVER_MEMORY=768m",
                "BIDNN_SUBMIT_ARGS=(--jars " + BuildLayout.submitJar().toUri() + " "
                        + SubmitScript.confArray(placement).substring(1));

        SubmitScript.Result r = SubmitScript.run("yarn.sh", yarn.environment(), work, JOB_TIMEOUT,
                "--conf", settings.toString(), "--deploy-mode", "cluster", "--",
                "--numbers", "2000", "--partitions", "4", "--out", out.toString());
        String appId = YarnCluster.applicationId(r.stderr() + r.stdout());
        assertEquals(0, r.code(), r + "\n" + yarn.containerLogs(appId));
        assertEquals("SUCCEEDED", yarn.finalStatus(appId));
        Properties result = SmokeJar.result(out);
        assertEquals("2001000", result.getProperty("sum"), result.toString());
        assertEquals("cluster", result.getProperty("deployMode"), result.toString());
    }
}
