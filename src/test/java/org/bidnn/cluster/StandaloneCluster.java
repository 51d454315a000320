package org.bidnn.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
import java.util.stream.Collectors;

/**
 * A Spark standalone cluster on 127.0.0.1: a Master and {@code n} Workers, each its own JVM, run
 * from {@link SparkHome}. Each Worker offers 2 cores and 2 GiB; applications get, by default
 * ({@link #defaults(DeployMode)}), two executors of 1 core and 768 MiB.
 *
 * <pre>{@code
 * try (StandaloneCluster cluster = StandaloneCluster.start(dir, 2)) {
 *     Submission s = cluster.submit(SparkApp.bidnn("embed", ...), DeployMode.CLUSTER);
 *     cluster.assertSucceeded(s, Duration.ofMinutes(3));
 * }
 * }</pre>
 *
 * <p>{@link #close()} kills, by PID, the submissions still running, the Workers with their
 * executors and drivers, and the Master, whatever the outcome of the test.
 */
public final class StandaloneCluster implements SparkCluster {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DRIVER_ID = Pattern.compile("(driver-\\d{14}-\\d{4})");
    private static final String EXECUTOR_CLASS = "org.apache.spark.executor.CoarseGrainedExecutorBackend";
    private static final String DRIVER_WRAPPER_CLASS = "org.apache.spark.deploy.worker.DriverWrapper";

    private final Path dir;
    private final SparkHome home;
    private final int port = Net.freePort();
    private final int webUiPort = Net.freePort();
    private final List<ClusterProcess> daemons = new ArrayList<>();
    private final List<ClusterProcess> workers = new ArrayList<>();
    private final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private int submitted;

    private StandaloneCluster(Path dir, SparkHome home) {
        this.dir = dir;
        this.home = home;
    }

    /** Starts a Master and {@code workers} Workers, and waits until every Worker has registered. */
    public static StandaloneCluster start(Path dir, int workers) {
        StandaloneCluster cluster = new StandaloneCluster(dir.toAbsolutePath(), SparkHome.get());
        try {
            cluster.startDaemons(workers);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startDaemons(int count) {
        ClusterProcess master = daemon("master", List.of("org.apache.spark.deploy.master.Master",
                "--host", Net.LOOPBACK, "--port", Integer.toString(port), "--webui-port", Integer.toString(webUiPort)));
        daemons.add(master);
        for (int i = 1; i <= count; i++) {
            ClusterProcess worker = daemon("worker-" + i, List.of("org.apache.spark.deploy.worker.Worker",
                    "--host", Net.LOOPBACK, "--webui-port", "0", "--cores", "2", "--memory", "2g",
                    "--work-dir", dir.resolve("worker-" + i).toString(), masterUrl()));
            daemons.add(worker);
            workers.add(worker);
        }
        Net.await(count + " workers registered with the master", Duration.ofSeconds(120), () -> {
            JsonNode state = masterStateOrNull();
            return state != null && state.path("aliveworkers").asInt() == count;
        }, this::diagnostics);
    }

    private ClusterProcess daemon(String name, List<String> mainAndArgs) {
        List<String> command = new ArrayList<>(List.of(BuildLayout.javaBin(), "-Xmx256m"));
        command.addAll(BuildLayout.java17Options());
        command.add("-Djava.io.tmpdir=" + tmpDir());
        command.addAll(List.of("-cp", home.classpath()));
        command.addAll(mainAndArgs);
        return ClusterProcess.start(name, command, home.environment(), dir.resolve(name), dir.resolve("logs/" + name + ".log"));
    }

    public String masterUrl() {
        return "spark://" + Net.LOOPBACK + ":" + port;
    }

    public URI masterWebUi() {
        return URI.create("http://" + Net.LOOPBACK + ":" + webUiPort + "/");
    }

    public Path dir() {
        return dir;
    }

    public SparkHome sparkHome() {
        return home;
    }

    /**
     * The settings every submission gets unless the application sets its own: Java 17 openings
     * for drivers and executors (a cluster-mode driver is started by a Worker and needs them in
     * spark.driver.extraJavaOptions), two executors of 1 core, scratch space in the test folder,
     * and the wait until both executors are up.
     */
    public Map<String, String> defaults(DeployMode mode) {
        Map<String, String> conf = new LinkedHashMap<>();
        String tmp = " -Djava.io.tmpdir=" + tmpDir();
        conf.put("spark.executor.extraJavaOptions", BuildLayout.java17OptionString() + tmp);
        conf.put("spark.driver.extraJavaOptions", BuildLayout.java17OptionString() + tmp);
        conf.put("spark.executor.memory", "768m");
        conf.put("spark.executor.cores", "1");
        conf.put("spark.cores.max", "2");
        conf.put("spark.driver.memory", "768m");
        conf.put("spark.local.dir", tmpDir().toString());
        conf.put("spark.scheduler.minRegisteredResourcesRatio", "1.0");
        conf.put("spark.scheduler.maxRegisteredResourcesWaitingTime", "60s");
        if (mode == DeployMode.CLUSTER) {
            conf.put("spark.standalone.submit.waitAppCompletion", "true");
        }
        return conf;
    }

    /**
     * Starts spark-submit (org.apache.spark.deploy.SparkSubmit) in a JVM of its own and returns at
     * once. In client mode that JVM is the driver; in cluster mode a Worker starts the driver and
     * spark-submit waits for it to end.
     */
    @Override
    public synchronized Submission submit(SparkApp app, DeployMode mode) {
        String name = "submit-" + (++submitted) + "-" + mode.sparkName();
        List<String> command = BuildLayout.sparkSubmitCommand(mode, tmpDir(), home.classpath());
        command.addAll(app.submitArguments(masterUrl(), mode, defaults(mode)));
        ClusterProcess p = ClusterProcess.start(name, command, home.environment(), dir.resolve(name),
                dir.resolve("logs/" + name + ".log"));
        Submission s = new Submission(p, mode);
        submissions.add(s);
        return s;
    }

    /**
     * Waits for the submission and checks that the application succeeded: exit code 0 and, in
     * cluster mode, the driver FINISHED in the Master's state (standalone cluster-mode
     * spark-submit exits 0 even when the driver FAILED).
     */
    @Override
    public void assertSucceeded(Submission s, Duration timeout) throws InterruptedException {
        int code = s.await(timeout);
        if (code != 0) {
            throw new AssertionError("spark-submit exited with " + code + "\n" + s.logTail(120) + "\n" + diagnostics());
        }
        if (s.mode() == DeployMode.CLUSTER) {
            String id = driverId(s);
            Net.await("driver " + id + " to complete", Duration.ofSeconds(60), () -> driverState(id) != null,
                    this::diagnostics);
            String state = driverState(id);
            if (!"FINISHED".equals(state)) {
                throw new AssertionError("driver " + id + " ended " + state + "\n" + driverLogs(id) + "\n" + diagnostics());
            }
        }
    }

    /** The id (driver-...) of a cluster-mode submission, from spark-submit's log. */
    public String driverId(Submission s) {
        try {
            Matcher m = DRIVER_ID.matcher(Files.readString(s.log(), java.nio.charset.StandardCharsets.ISO_8859_1));
            if (!m.find()) {
                throw new AssertionError("no driver id in spark-submit's log\n" + s.logTail(80));
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state of a completed driver (FINISHED, FAILED, KILLED, ERROR), or null while it runs. */
    public String driverState(String driverId) {
        JsonNode state = masterStateOrNull();
        if (state == null) {
            return null;
        }
        for (JsonNode d : state.path("completeddrivers")) {
            if (driverId.equals(d.path("id").asText())) {
                return d.path("state").asText();
            }
        }
        return null;
    }

    /** The Master's state: GET /json/ of its web UI. */
    public JsonNode masterState() {
        JsonNode state = masterStateOrNull();
        if (state == null) {
            throw new AssertionError("the master's web UI does not answer at " + masterWebUi() + "\n" + diagnostics());
        }
        return state;
    }

    private JsonNode masterStateOrNull() {
        String body = Net.get(masterWebUi().resolve("json/"));
        try {
            return body == null ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Executor JVMs (CoarseGrainedExecutorBackend) the Workers have running now. */
    public List<ProcessHandle> executors() {
        return workerChildren(EXECUTOR_CLASS);
    }

    /** Cluster-mode driver JVMs the Workers have running now. */
    public List<ProcessHandle> drivers() {
        return workerChildren(DRIVER_WRAPPER_CLASS);
    }

    private List<ProcessHandle> workerChildren(String mainClass) {
        return workers.stream().flatMap(w -> w.handle().descendants())
                .filter(p -> ProcessTable.commandLine(p).contains(mainClass)).toList();
    }

    /**
     * Kills executor {@code pid} with SIGKILL, as a machine failure would, and waits until it is
     * gone. The pid must be one of {@link #executors()}.
     */
    public void killExecutor(long pid) {
        ProcessHandle executor = executors().stream().filter(p -> p.pid() == pid).findFirst()
                .orElseThrow(() -> new AssertionError("pid " + pid + " is not an executor of this cluster; executors: "
                        + executors().stream().map(p -> Long.toString(p.pid())).collect(Collectors.joining(","))));
        executor.destroyForcibly();
        executor.onExit().join();
    }

    /** Kills one running executor (see {@link #killExecutor(long)}) and returns its pid. */
    public long killOneExecutor() {
        List<ProcessHandle> running = executors();
        if (running.isEmpty()) {
            throw new AssertionError("no executor is running\n" + diagnostics());
        }
        long pid = running.get(0).pid();
        killExecutor(pid);
        return pid;
    }

    /** Logs of the daemons and of the running submissions, for failure messages. */
    public String diagnostics() {
        StringBuilder b = new StringBuilder();
        daemons.forEach(d -> b.append(d.logTail(25)).append('\n'));
        return b.toString();
    }

    /** stdout and stderr of a cluster-mode driver, from the Worker's folder. */
    public String driverLogs(String driverId) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= workers.size(); i++) {
            Path d = dir.resolve("worker-" + i).resolve(driverId);
            if (Files.isDirectory(d)) {
                b.append(ClusterProcess.tail(d.resolve("stderr"), 120)).append('\n');
                b.append(ClusterProcess.tail(d.resolve("stdout"), 40)).append('\n');
            }
        }
        return b.toString();
    }

    private Path tmpDir() {
        Path tmp = dir.resolve("tmp");
        try {
            return Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills everything this cluster started, by PID: submissions, Workers (and their children), Master. */
    @Override
    public void close() {
        submissions.forEach(Submission::kill);
        for (int i = daemons.size() - 1; i >= 0; i--) {
            daemons.get(i).close();
        }
        ProcessTable.killAllUnder(dir);
    }
}
