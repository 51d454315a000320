package org.bidnn.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bidnn.cluster.BuildLayout;
import org.bidnn.cluster.SubmitScript;
import org.bidnn.cluster.SubmitScript.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark-submit command lines the scripts of submit/ build (--dry-run), and their errors. The
 * cluster tests (org.bidnn.cluster) run them for real.
 */
class SubmitScriptsIT {

    private static final Path PROJECT = BuildLayout.projectDir();
    private static final String JAR = PROJECT.resolve("target/bidnn-spark-submit.jar").toString();
    private static final String PROPS = PROJECT.resolve("conf/spark-defaults.conf").toString();
    private static final String FAKE_SPARK_HOME = "/opt/spark-for-dry-runs";
    /** The bidnn command line: the scripts pass it through as it is, blanks, quotes and flags included. */
    private static final List<String> BIDNN_ARGS = List.of("embed", "--model", "/data/m odel.bidnn", "-c", "it's \"quoted\"", "--");

    @TempDir
    Path dir;

    private Result run(String script, Map<String, String> env, String... args) {
        Map<String, String> all = new HashMap<>();
        all.put("SPARK_HOME", FAKE_SPARK_HOME);
        all.put("HADOOP_CONF_DIR", null);
        all.put("YARN_CONF_DIR", null);
        all.put("SPARK_SUBMIT_OPTS", null);
        all.putAll(env);
        return SubmitScript.run(script, all, dir, Duration.ofSeconds(30), args);
    }

    private Result dryRun(String script, Map<String, String> env, String... options) {
        String[] args = new String[options.length + 2 + BIDNN_ARGS.size()];
        System.arraycopy(options, 0, args, 0, options.length);
        args[options.length] = "--dry-run";
        args[options.length + 1] = "--";
        for (int i = 0; i < BIDNN_ARGS.size(); i++) {
            args[options.length + 2 + i] = BIDNN_ARGS.get(i);
        }
        Result r = run(script, env, args);
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    /** The spark-submit words of a dry run, without the leading VAR=value environment words. */
    private static List<String> submit(Result r) {
        List<String> words = r.command();
        int start = 0;
        while (words.get(start).matches("[A-Z_]+=.*")) {
            start++;
        }
        return words.subList(start, words.size());
    }

    private static String after(List<String> words, String option) {
        int i = words.indexOf(option);
        assertTrue(i >= 0 && i + 1 < words.size(), option + " in " + words);
        return words.get(i + 1);
    }

    private static void assertEndsWithJarAndArgs(List<String> words, String jar) {
        List<String> tail = words.subList(words.size() - BIDNN_ARGS.size() - 1, words.size());
        assertEquals(jar, tail.get(0), "the application jar, then the bidnn command: " + words);
        assertEquals(BIDNN_ARGS, tail.subList(1, tail.size()));
    }

    private static void assertCommon(List<String> words) {
        assertEquals(FAKE_SPARK_HOME + "/bin/spark-submit", words.get(0), "spark-submit of SPARK_HOME");
        assertEquals("org.bidnn.cli.BidnnCli", after(words, "--class"));
        assertEquals(PROPS, after(words, "--properties-file"));
        assertEquals("bidnn-embed", after(words, "--name"));
    }

    @Test
    void localRunsOnThisMachine() {
        Result r = dryRun("local.sh", Map.of());
        List<String> words = submit(r);
        assertCommon(words);
        assertEquals("local[*]", after(words, "--master"));
        assertEndsWithJarAndArgs(words, JAR);
        assertTrue(r.command().get(0).startsWith("SPARK_SUBMIT_OPTS=-Dlog4j2.configurationFile=" + PROJECT.resolve("conf/log4j2.properties")),
                "the local driver logs as bin/bidnn: " + r.command());
    }

    @Test
    void yarnDefaultsToClusterModeAndTakesClientMode() {
        List<String> cluster = submit(dryRun("yarn.sh", Map.of("BIDNN_YARN_QUEUE", "nightly")));
        assertCommon(cluster);
        assertEquals("yarn", after(cluster, "--master"));
        assertEquals("cluster", after(cluster, "--deploy-mode"));
        assertEquals("nightly", after(cluster, "--queue"), "a BIDNN_ variable of the environment wins over conf/job.conf");
        assertEquals("4", after(cluster, "--num-executors"));
        assertEndsWithJarAndArgs(cluster, JAR);

        Result client = dryRun("yarn.sh", Map.of(), "--deploy-mode", "client");
        assertEquals("client", after(submit(client), "--deploy-mode"));
        assertTrue(client.command().get(0).startsWith("SPARK_SUBMIT_OPTS="), "a client-mode driver logs here");
    }

    @Test
    void yarnNeedsTheClusterConfiguration() {
        Result r = run("yarn.sh", Map.of(), "--", "embed");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.stderr().contains("HADOOP_CONF_DIR"), r.stderr());
    }

    @Test
    void standaloneAsksForExecutorsAsCoresAndWaitsForClusterModeDrivers() {
        Map<String, String> env = Map.of("BIDNN_STANDALONE_MASTER", "spark://master.example.org:7077", "BIDNN_EXECUTOR_CORES", "3");
        List<String> client = submit(dryRun("standalone.sh", env));
        assertCommon(client);
        assertEquals("spark://master.example.org:7077", after(client, "--master"));
        assertEquals("client", after(client, "--deploy-mode"));
        assertEquals("12", after(client, "--total-executor-cores"), "4 executors of 3 cores");
        assertEndsWithJarAndArgs(client, JAR);

        List<String> cluster = submit(dryRun("standalone.sh", env, "--deploy-mode", "cluster"));
        assertEquals("cluster", after(cluster, "--deploy-mode"));
        assertTrue(cluster.contains("spark.standalone.submit.waitAppCompletion=true"), cluster.toString());
        assertEndsWithJarAndArgs(cluster, "file://" + JAR);
    }

    @Test
    void kubernetesSubmitsTheImageInClusterMode() {
        Map<String, String> env = Map.of("BIDNN_K8S_MASTER", "k8s://https://k8s.example.org:6443",
                "BIDNN_K8S_IMAGE", "registry.example.org/team/bidnn:1.2", "BIDNN_K8S_NAMESPACE", "ml",
                "BIDNN_K8S_SERVICE_ACCOUNT", "bidnn-driver");
        Result r = dryRun("kubernetes.sh", env);
        List<String> words = submit(r);
        assertCommon(words);
        assertEquals("k8s://https://k8s.example.org:6443", after(words, "--master"));
        assertEquals("cluster", after(words, "--deploy-mode"));
        assertTrue(words.contains("spark.kubernetes.container.image=registry.example.org/team/bidnn:1.2"), words.toString());
        assertTrue(words.contains("spark.kubernetes.namespace=ml"), words.toString());
        assertTrue(words.contains("spark.kubernetes.authenticate.driver.serviceAccountName=bidnn-driver"), words.toString());
        assertTrue(words.contains("spark.kubernetes.container.image.pullPolicy=IfNotPresent"), words.toString());
        assertEquals("4", after(words, "--num-executors"));
        assertEndsWithJarAndArgs(words, "local:///opt/bidnn/bidnn-spark-submit.jar");
        assertTrue(r.command().get(0).endsWith("spark-submit"), "no driver logging settings: the driver is a pod");
    }

    @Test
    void kubernetesRefusesAMasterThatIsNotKubernetes() {
        Result r = run("kubernetes.sh", Map.of("BIDNN_K8S_MASTER", "yarn"), "--dry-run", "--", "embed");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.stderr().contains("must start with k8s://"), r.stderr());
    }

    @Test
    void settingsFileAndResourcesComeThrough() {
        Path conf = SubmitScript.settings(dir.resolve("job.conf"), "BIDNN_LOCAL_MASTER='local[2]'",
                "BIDNN_DRIVER_MEMORY=3g", "BIDNN_SPARK_PROPERTIES=/etc/bidnn/spark.conf",
                "BIDNN_SUBMIT_ARGS=(--conf 'spark.eventLog.dir=/var/log/spark events')", "BIDNN_DRIVER_LOG4J=");
        Result r = dryRun("local.sh", Map.of(), "--conf", conf.toString());
        List<String> words = r.command();
        assertEquals(FAKE_SPARK_HOME + "/bin/spark-submit", words.get(0), "no SPARK_SUBMIT_OPTS when BIDNN_DRIVER_LOG4J is empty");
        assertEquals("local[2]", after(words, "--master"));
        assertEquals("3g", after(words, "--driver-memory"));
        assertEquals("/etc/bidnn/spark.conf", after(words, "--properties-file"));
        assertEquals("spark.eventLog.dir=/var/log/spark events", after(words, "--conf"));
        assertEndsWithJarAndArgs(words, JAR);
    }

    @Test
    void nightlyEmbedsIntoADatedFolder() {
        Path conf = SubmitScript.settings(dir.resolve("job.conf"), "BIDNN_NIGHTLY_SUBMIT=local",
                "BIDNN_NIGHTLY_OUTPUT_ROOT=" + dir.resolve("embeddings"),
                "BIDNN_NIGHTLY_ARGS=(embed --model /m.bidnn --output @OUTPUT@ --tag run-@DATE@ --incremental @PREVIOUS@)");
        Result r = run("nightly.sh", Map.of(), "--conf", conf.toString(), "--date", "2031-02-03", "--dry-run");
        assertEquals(0, r.code(), r.toString());
        String[] lines = r.stdout().strip().split("\n");
        List<String> words = submit(new Result(0, lines[0], ""));
        assertEquals("local[*]", after(words, "--master"));
        assertEquals(List.of(JAR, "embed", "--model", "/m.bidnn", "--output", dir.resolve("embeddings/2031-02-03").toString(),
                "--tag", "run-2031-02-03", "--incremental", dir.resolve("embeddings/none").toString()),
                words.subList(words.indexOf(JAR), words.size()));
        assertTrue(lines[1].contains("latest at 2031-02-03"), r.stdout());

        // After a first night, @PREVIOUS@ is the folder 'latest' points at.
        try {
            java.nio.file.Files.createDirectories(dir.resolve("embeddings/2031-02-02"));
            java.nio.file.Files.createSymbolicLink(dir.resolve("embeddings/latest"), Path.of("2031-02-02"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Result next = run("nightly.sh", Map.of(), "--conf", conf.toString(), "--date", "2031-02-03", "--dry-run");
        List<String> nextWords = submit(new Result(0, next.stdout().strip().split("\n")[0], ""));
        assertEquals(dir.resolve("embeddings/2031-02-02").toString(), nextWords.get(nextWords.size() - 1));
    }

    @Test
    void nightlyEvaluatesTheNightWhenJudgmentsAreSet() {
        Path conf = SubmitScript.settings(dir.resolve("job.conf"), "BIDNN_NIGHTLY_SUBMIT=local",
                "BIDNN_NIGHTLY_OUTPUT_ROOT=" + dir.resolve("embeddings"),
                "BIDNN_NIGHTLY_ARGS=(embed --model /m.bidnn --output @OUTPUT@ --format parquet --incremental @PREVIOUS@)",
                "BIDNN_NIGHTLY_ANCHORS=/j/anchors.txt", "BIDNN_NIGHTLY_QRELS=/j/qrels.tsv");
        Result r = run("nightly.sh", Map.of(), "--conf", conf.toString(), "--date", "2031-02-03", "--dry-run");
        assertEquals(0, r.code(), r.toString());
        String[] lines = r.stdout().strip().split("\n");
        assertEquals(4, lines.length, r.stdout());
        String night = dir.resolve("embeddings/2031-02-03").toString();
        List<String> rank = submit(new Result(0, lines[2], ""));
        assertEquals(List.of(JAR, "rank", "--embeddings", night, "--format", "parquet", "--anchors", "/j/anchors.txt",
                "--all-targets", "--k", "1000", "--output", night + "/_bidnn/rankings.tsv", "--overwrite"),
                rank.subList(rank.indexOf(JAR), rank.size()));
        List<String> evaluate = submit(new Result(0, lines[3], ""));
        assertEquals(List.of(JAR, "evaluate", "--rankings", night + "/_bidnn/rankings.tsv", "--qrels", "/j/qrels.tsv",
                "--k", "10", "--report", night + "/_bidnn/evaluation.json", "--summary", night + "/_bidnn/summary.json"),
                evaluate.subList(evaluate.indexOf(JAR), evaluate.size()));

        // Without judgments, nothing is evaluated; with half of them, the settings are refused.
        Path none = SubmitScript.settings(dir.resolve("none.conf"), "BIDNN_NIGHTLY_SUBMIT=local",
                "BIDNN_NIGHTLY_OUTPUT_ROOT=" + dir.resolve("embeddings"), "BIDNN_NIGHTLY_ARGS=(embed --output @OUTPUT@)");
        Result plain = run("nightly.sh", Map.of(), "--conf", none.toString(), "--date", "2031-02-03", "--dry-run");
        assertEquals(2, plain.stdout().strip().split("\n").length, plain.stdout());
        Path half = SubmitScript.settings(dir.resolve("half.conf"), "BIDNN_NIGHTLY_SUBMIT=local",
                "BIDNN_NIGHTLY_OUTPUT_ROOT=" + dir.resolve("embeddings"), "BIDNN_NIGHTLY_ARGS=(embed --output @OUTPUT@)",
                "BIDNN_NIGHTLY_QRELS=/j/qrels.tsv");
        Result refused = run("nightly.sh", Map.of(), "--conf", half.toString(), "--date", "2031-02-03", "--dry-run");
        assertEquals(2, refused.code(), refused.toString());
        assertTrue(refused.stderr().contains("set both BIDNN_NIGHTLY_ANCHORS and BIDNN_NIGHTLY_QRELS"), refused.stderr());
    }

    @Test
    void mistakesAreReportedWithExitCode2() {
        for (String[] args : List.of(new String[] {}, new String[] {"--dry-run"}, new String[] {"--frobnicate", "embed"},
                new String[] {"--conf", "/no/such/job.conf", "embed"}, new String[] {"--deploy-mode", "client", "embed"})) {
            Result r = run("local.sh", Map.of(), args);
            assertEquals(2, r.code(), String.join(" ", args) + "\n" + r);
            assertTrue(r.stderr().startsWith("local.sh: "), r.stderr());
        }
        Result noSpark = run("local.sh", Map.of("SPARK_HOME", dir.toString()), "--", "embed");
        assertEquals(2, noSpark.code(), noSpark.toString());
        assertTrue(noSpark.stderr().contains("has no bin/spark-submit"), noSpark.stderr());
    }

    @Test
    void everyScriptExplainsItself() {
        for (String script : List.of("local.sh", "standalone.sh", "yarn.sh", "kubernetes.sh", "nightly.sh")) {
            Result r = run(script, Map.of(), "--help");
            assertEquals(0, r.code(), script + "\n" + r);
            assertTrue(r.stdout().contains("Usage: submit/" + script), script + "\n" + r.stdout());
        }
        assertTrue(run("nightly.sh", Map.of(), "--help").stdout().contains("30 2 * * *"), "nightly.sh shows a crontab line");
    }
}
