package org.bidnn.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMApp;

/**
 * A YARN cluster in this JVM (Hadoop's MiniYARNCluster: a ResourceManager and NodeManagers), on
 * 127.0.0.1, with its configuration written to {@link #hadoopConfDir()} for spark-submit.
 * Containers run the jars of {@link SparkHome} ({@code spark.yarn.jars=local:...}, nothing is
 * uploaded) plus what the application ships.
 *
 * <pre>{@code
 * try (YarnCluster yarn = YarnCluster.start(dir, 1)) {
 *     Submission s = yarn.submit(SparkApp.bidnn("train", ...), DeployMode.CLUSTER);
 *     yarn.assertSucceeded(s, Duration.ofMinutes(3));
 * }
 * }</pre>
 *
 * <p>What it takes on this kind of machine (Java 17, no Hadoop installed):
 * <ul>
 *   <li>the capacity scheduler's root queue, configured here (there is no capacity-scheduler.xml),
 *       and application masters allowed the whole queue;</li>
 *   <li>the NodeManagers' memory checks off (JVMs with ND4J reserve much virtual memory), the
 *       disk checks relaxed, and JAVA_HOME given to the containers;</li>
 *   <li>every address on 127.0.0.1, and {@code -Djava.io.tmpdir} of every JVM in the test folder;</li>
 *   <li>on the test classpath: BouncyCastle (the ResourceManager's proxy CA) and JAXB
 *       (javax.xml.bind, for its web services), which comes with Spark MLlib's jaxb-runtime;</li>
 *   <li>for the drivers: hadoop-yarn-server-web-proxy in the Spark installation's jars (YARN
 *       puts its AmIpFilter on their web UI), see {@link SparkHome};</li>
 *   <li>for spark-submit: {@link #hadoopConfDir()} as HADOOP_CONF_DIR and on its classpath.</li>
 * </ul>
 *
 * <p>{@link #close()} stops the cluster and kills, by PID, the submissions still running and
 * any container process left.
 */
public final class YarnCluster implements SparkCluster {

    private static final Pattern APP_ID = Pattern.compile("(application_\\d+_\\d+)");

    private final Path dir;
    private final SparkHome home;
    private HdfsCluster hdfs;
    private final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private final Map<Submission, String> tags = new java.util.concurrent.ConcurrentHashMap<>();
    private MiniYARNCluster yarn;
    private int submitted;

    private YarnCluster(Path dir, SparkHome home) {
        this.dir = dir;
        this.home = home;
    }

    /** Starts a ResourceManager and {@code nodeManagers} NodeManagers and waits until they are connected. */
    public static YarnCluster start(Path dir, int nodeManagers) {
        return start(dir, nodeManagers, false);
    }

    /**
     * As {@link #start(Path, int)}, with an HDFS ({@link #hdfs()}) as the default file system of
     * the cluster and of its submitters, as on a real Hadoop cluster: a bare path is on HDFS there.
     * The containers' folders are kept after their applications end, so that tests can look into
     * the driver's working directory.
     */
    public static YarnCluster startWithHdfs(Path dir, int nodeManagers) {
        return start(dir, nodeManagers, true);
    }

    private static YarnCluster start(Path dir, int nodeManagers, boolean withHdfs) {
        YarnCluster cluster = new YarnCluster(dir.toAbsolutePath(), SparkHome.get());
        try {
            if (withHdfs) {
                cluster.hdfs = HdfsCluster.start(cluster.dir);
            }
            cluster.startYarn(nodeManagers);
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw new IllegalStateException("MiniYARNCluster did not start", e);
        }
    }

    private void startYarn(int nodeManagers) throws Exception {
        Files.createDirectories(dir);
        YarnConfiguration conf = new YarnConfiguration();
        conf.set("hadoop.tmp.dir", dir.resolve("hadoop-tmp").toString());
        conf.set("fs.defaultFS", defaultFs());
        if (hdfs != null) {
            conf.setInt(YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, 3600);
        }
        // Every address on loopback: fixed addresses, with free ports for the ResourceManager (its
        // clients need them) and port 0 for the NodeManagers (they report theirs).
        conf.setBoolean(YarnConfiguration.YARN_MINICLUSTER_FIXED_PORTS, true);
        for (String key : List.of(YarnConfiguration.RM_ADDRESS, YarnConfiguration.RM_SCHEDULER_ADDRESS,
                YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS, YarnConfiguration.RM_ADMIN_ADDRESS,
                YarnConfiguration.RM_WEBAPP_ADDRESS)) {
            conf.set(key, Net.LOOPBACK + ":" + Net.freePort());
        }
        conf.set(YarnConfiguration.RM_HOSTNAME, Net.LOOPBACK);
        for (String key : List.of(YarnConfiguration.NM_ADDRESS, YarnConfiguration.NM_LOCALIZER_ADDRESS,
                YarnConfiguration.NM_WEBAPP_ADDRESS, YarnConfiguration.NM_COLLECTOR_SERVICE_ADDRESS)) {
            conf.set(key, Net.LOOPBACK + ":0");
        }
        // No capacity-scheduler.xml: one root queue, which may run application masters freely.
        conf.set("yarn.scheduler.capacity.root.queues", "default");
        conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
        conf.set("yarn.scheduler.capacity.root.default.maximum-capacity", "100");
        conf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "1.0");
        // Resources: 6 GiB and 4 vcores a NodeManager, small containers allowed, no memory checks.
        conf.setInt(YarnConfiguration.NM_PMEM_MB, 6144);
        conf.setInt(YarnConfiguration.NM_VCORES, 4);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, 4096);
        conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100.0f);
        conf.setLong(YarnConfiguration.NM_MIN_PER_DISK_FREE_SPACE_MB, 0);
        // Containers start "$JAVA_HOME/bin/java": give them this JVM's Java 17.
        conf.set(YarnConfiguration.NM_ADMIN_USER_ENV, "JAVA_HOME=" + System.getProperty("java.home"));
        conf.setBoolean(YarnConfiguration.TIMELINE_SERVICE_ENABLED, false);

        // MiniYARNCluster puts its folders under ${test.build.data}/<name>.
        System.setProperty("test.build.data", dir.toString());
        yarn = new MiniYARNCluster("yarn", 1, nodeManagers, 1, 1);
        yarn.init(conf);
        yarn.start();
        if (!yarn.waitForNodeManagersToConnect(60_000)) {
            throw new IllegalStateException("the NodeManagers did not connect within 60 s");
        }
        writeHadoopConf(yarn.getConfig());
    }

    private void writeHadoopConf(Configuration effective) throws IOException {
        Path confDir = Files.createDirectories(hadoopConfDir());
        try (OutputStream out = Files.newOutputStream(confDir.resolve("yarn-site.xml"))) {
            effective.writeXml(out);
        }
        Configuration core = new Configuration(false);
        core.set("fs.defaultFS", defaultFs());
        core.set("hadoop.tmp.dir", dir.resolve("hadoop-tmp").toString());
        try (OutputStream out = Files.newOutputStream(confDir.resolve("core-site.xml"))) {
            core.writeXml(out);
        }
    }

    private String defaultFs() {
        return hdfs == null ? "file:///" : hdfs.root();
    }

    /** The cluster's HDFS; only for a cluster started with {@link #startWithHdfs}. */
    public HdfsCluster hdfs() {
        if (hdfs == null) {
            throw new IllegalStateException("this YARN cluster has no HDFS (start it with startWithHdfs)");
        }
        return hdfs;
    }

    /**
     * The working directory of an application's first container, its ApplicationMaster: the
     * driver's in cluster mode (kept only on a cluster started with {@link #startWithHdfs}).
     */
    public Path driverContainerDir(String applicationId) throws IOException {
        String container = "container_" + applicationId.substring("application_".length()) + "_01_000001";
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().equals(container) && Files.isDirectory(p))
                    .filter(p -> p.toString().contains("/appcache/"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no working directory of " + container + " under " + dir));
        }
    }

    /** yarn-site.xml and core-site.xml of this cluster: HADOOP_CONF_DIR of a submitter. */
    public Path hadoopConfDir() {
        return dir.resolve("hadoop-conf");
    }

    public Path dir() {
        return dir;
    }

    public SparkHome sparkHome() {
        return home;
    }

    /** Environment of a spark-submit to this cluster (also for the scripts of submit/). */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(home.environment());
        env.put("HADOOP_CONF_DIR", hadoopConfDir().toString());
        return env;
    }

    /**
     * The settings every submission gets unless the application sets its own: the installation's
     * jars from the local disk, staging in the test folder, Java 17 openings for the application
     * master, the driver and the executors, loopback addresses in the containers, two executors of
     * 1 core and 768 MiB, no second attempt.
     */
    public Map<String, String> defaults(DeployMode mode) {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.yarn.jars", "local:" + home.jars() + "/*");
        conf.put("spark.yarn.stagingDir", dir.resolve("staging").toUri().toString());
        String opens = BuildLayout.java17OptionString();
        conf.put("spark.yarn.am.extraJavaOptions", opens);
        conf.put("spark.driver.extraJavaOptions", opens);
        conf.put("spark.executor.extraJavaOptions", opens);
        conf.put("spark.yarn.appMasterEnv.SPARK_LOCAL_IP", Net.LOOPBACK);
        conf.put("spark.executorEnv.SPARK_LOCAL_IP", Net.LOOPBACK);
        conf.put("spark.executor.instances", "2");
        conf.put("spark.executor.cores", "1");
        conf.put("spark.executor.memory", "768m");
        conf.put("spark.executor.memoryOverhead", "384m");
        conf.put("spark.yarn.am.memory", "384m");
        conf.put("spark.driver.memory", "768m");
        conf.put("spark.driver.memoryOverhead", "384m");
        conf.put("spark.yarn.maxAppAttempts", "1");
        conf.put("spark.scheduler.minRegisteredResourcesRatio", "1.0");
        conf.put("spark.scheduler.maxRegisteredResourcesWaitingTime", "60s");
        return conf;
    }

    /**
     * Starts spark-submit (org.apache.spark.deploy.SparkSubmit) in a JVM of its own, with
     * {@link #hadoopConfDir()} on its classpath and as HADOOP_CONF_DIR, and returns at once. In
     * client mode that JVM is the driver; in cluster mode spark-submit waits for the application.
     */
    @Override
    public synchronized Submission submit(SparkApp app, DeployMode mode) {
        String name = "submit-" + (++submitted) + "-" + mode.sparkName();
        List<String> command = BuildLayout.sparkSubmitCommand(mode, tmpDir(), home.classpath() + ":" + hadoopConfDir());
        // A tag per submission finds its application when spark-submit's log does not name it (a
        // client-mode driver whose command turned Spark's INFO logs off).
        Map<String, String> conf = defaults(mode);
        conf.put("spark.yarn.tags", name);
        command.addAll(app.submitArguments("yarn", mode, conf));
        ClusterProcess p = ClusterProcess.start(name, command, environment(), dir.resolve(name),
                dir.resolve("logs/" + name + ".log"));
        Submission s = new Submission(p, mode);
        submissions.add(s);
        tags.put(s, name);
        return s;
    }

    /**
     * Waits for the submission and checks that the application succeeded: spark-submit's exit
     * code 0 and the ResourceManager's final status SUCCEEDED.
     */
    @Override
    public void assertSucceeded(Submission s, Duration timeout) throws InterruptedException {
        int code = s.await(timeout);
        String appId = applicationId(s);
        if (code != 0) {
            throw new AssertionError("spark-submit exited with " + code + "\n" + s.logTail(120) + "\n" + containerLogs(appId));
        }
        Net.await(appId + " to reach a final status", Duration.ofSeconds(30),
                () -> !"UNDEFINED".equals(finalStatus(appId)), () -> containerLogs(appId));
        String status = finalStatus(appId);
        if (!"SUCCEEDED".equals(status)) {
            throw new AssertionError(appId + " ended " + status + "\n" + s.logTail(80) + "\n" + containerLogs(appId));
        }
    }

    /**
     * The YARN application id of a submission: from spark-submit's log, else the application the
     * ResourceManager knows by the submission's tag.
     */
    public String applicationId(Submission s) {
        String output;
        try {
            output = Files.readString(s.log(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!APP_ID.matcher(output).find() && tags.containsKey(s)) {
            String tag = tags.get(s).toLowerCase(java.util.Locale.ROOT);
            for (RMApp app : yarn.getResourceManager().getRMContext().getRMApps().values()) {
                if (app.getApplicationTags().contains(tag)) {
                    return app.getApplicationId().toString();
                }
            }
        }
        return applicationId(output);
    }

    /** The first YARN application id in spark-submit's output. */
    public static String applicationId(String output) {
        Matcher m = APP_ID.matcher(output);
        if (!m.find()) {
            throw new AssertionError("no application id in spark-submit's output\n" + output);
        }
        return m.group(1);
    }

    /** The ResourceManager's final status of an application: SUCCEEDED, FAILED, KILLED or UNDEFINED. */
    public String finalStatus(String applicationId) {
        RMApp app = yarn.getResourceManager().getRMContext().getRMApps().get(ApplicationId.fromString(applicationId));
        if (app == null) {
            throw new AssertionError("the ResourceManager does not know " + applicationId);
        }
        return app.getFinalApplicationStatus().name();
    }

    /** The ends of the stderr and stdout of every container of an application, for failure messages. */
    public String containerLogs(String applicationId) {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().contains("/" + applicationId + "/"))
                    .filter(p -> p.getFileName().toString().matches("stderr|stdout"))
                    .sorted()
                    .forEach(p -> b.append(ClusterProcess.tail(p, 60)).append('\n'));
        } catch (IOException e) {
            b.append("(cannot list the container logs: ").append(e).append(")");
        }
        return b.toString();
    }

    private Path tmpDir() {
        try {
            return Files.createDirectories(dir.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the submissions still running, stops YARN, then kills any container process left, by PID. */
    @Override
    public void close() {
        submissions.forEach(Submission::kill);
        if (yarn != null) {
            yarn.stop();
        }
        ProcessTable.killAllUnder(dir);
        if (hdfs != null) {
            hdfs.close();
        }
    }
}
