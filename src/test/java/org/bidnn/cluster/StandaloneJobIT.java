package org.bidnn.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bidnn.io.TestStorage;
import org.bidnn.jobs.compare.CompareJob;
import org.bidnn.jobs.compare.Method;
import org.bidnn.jobs.pipeline.SampleConf;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;
import org.bidnn.model.Optimizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code bidnn train} then {@code bidnn embed} on a Spark standalone cluster of two Workers, in
 * client and cluster mode, and each of them with an executor killed (SIGKILL) in the middle;
 * {@code bidnn compare} with its trainings on the executors.
 */
@Tag(ClusterTests.TAG)
class StandaloneJobIT {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);

    private static Path dir;
    private static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        dir = BuildLayout.clusterTestDir().resolve("standalone-job");
        SparkHome.deleteTree(dir);
        cluster = StandaloneCluster.start(dir, 2);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DeployMode.class)
    void trainThenEmbed(DeployMode mode) throws Exception {
        Path work = Files.createDirectories(dir.resolve(mode.sparkName()));
        BidnnJobs.trainThenEmbed(cluster, mode, work, JOB_TIMEOUT);
        assertTrue(BidnnJobs.inputIds(BidnnJobs.SEGMENTS).size() == 2000);
        assertNoTemporaryLeft(work);
    }

    /**
     * {@code bidnn compare} with its trainings as tasks on the Workers' executors: what the tasks
     * are sent (the broadcast evaluation set and training rows) and send back (rankings and
     * per-epoch scores) crosses JVMs, through the job's serializers.
     */
    @Test
    void compareTrainsItsModelsOnTheExecutors() throws Exception {
        Path work = Files.createDirectories(dir.resolve("compare"));
        Path sample = BuildLayout.projectDir().resolve("data-samples/hyperlinking");
        Path root = work.resolve("runs");
        Path conf = SampleConf.write(work, "input.path", sample.resolve("segments.svm").toString(),
                "rank.anchors", sample.resolve("anchors.txt").toString(),
                "rank.candidates", sample.resolve("qrels.tsv").toString(),
                "eval.qrels", sample.resolve("qrels.tsv").toString(),
                "spark.master", "", "model.hidden", "16", "model.rep", "8", "model.epochs", "2", "compare.runs", "2",
                "output.root", root.toString());
        Submission s = cluster.submit(SparkApp.bidnn("compare", "--conf", conf.toString()), DeployMode.CLIENT);
        cluster.assertSucceeded(s, JOB_TIMEOUT);
        assertTrue(BidnnJobs.logContains(s.log(), "Trained the shared-central-layer autoencoder, run 2 (seed 1235)"),
                s.logTail(60));
        try (Stream<Path> runs = Files.list(root)) {
            Path run = runs.findFirst().orElseThrow();
            JsonNode report = new ObjectMapper().readTree(run.resolve(CompareJob.REPORT_JSON).toFile());
            assertEquals(Method.values().length, report.get("methods").size());
            assertEquals(2, report.get("methods").get(Method.BIDNN_EMBEDDING_BOTH.ordinal())
                    .get("precisionAtK").get("perRun").size());
            assertTrue(Files.size(run.resolve(CompareJob.PRECISION_PLOT)) > 0);
        }
    }

    /**
     * With the default workers, one per executor, each worker's task is given all its executor's
     * cores (the training stage's own task cpus) and starts as many native threads: two executors
     * of 2 cores train with 2 workers of 2 threads, as the workers' tasks report.
     */
    @Test
    void eachWorkerTakesAllItsExecutorsCores() throws Exception {
        Path work = Files.createDirectories(dir.resolve("cores"));
        Path model = work.resolve("model.bidnn");
        SparkApp app = SparkApp.bidnn("train", "--input", BidnnJobs.SEGMENTS.toString(), "--mod1-size", "100",
                        "--mod2-size", "100", "--hidden", "32", "--rep", Integer.toString(BidnnJobs.EMBEDDING_SIZE),
                        "-e", "2", "-b", "32", "--model", model.toString(), "-v", "2")
                .withConf("spark.executor.cores", "2")
                .withConf("spark.cores.max", "4");
        Submission s = cluster.submit(app, DeployMode.CLIENT);
        cluster.assertSucceeded(s, JOB_TIMEOUT);
        assertTrue(BidnnJobs.logContains(s.log(), "Epoch 2 on Spark: "), s.logTail(60));
        assertTrue(BidnnJobs.logContains(s.log(), "2 workers x 2 threads (2 cpus a worker)"), s.logTail(60));
        BidnnJobs.assertModel(model, 2);
    }

    /**
     * An executor dies (SIGKILL) once training has started: Spark runs the lost tasks again on the
     * other executor and on the one the Master starts instead, and the job ends with the model of
     * every epoch asked for.
     */
    @Test
    void trainingSurvivesAKilledExecutor() throws Exception {
        int epochs = 4;
        Path work = Files.createDirectories(dir.resolve("kill-train"));
        Path model = work.resolve("model.bidnn");
        Submission s = cluster.submit(BidnnJobs.train(BidnnJobs.SEGMENTS, model, epochs, 32), DeployMode.CLIENT);

        Net.await("the first epoch to end", JOB_TIMEOUT, () -> BidnnJobs.logContains(s.log(), "Epoch 1 of " + epochs)
                || !s.isRunning(), () -> s.logTail(60));
        assertTrue(s.isRunning(), "training ended before an executor could be killed\n" + s.logTail(60));
        String task = killAnExecutorRunningATask(s);
        assertFalse(BidnnJobs.logContains(s.log(), "Epoch " + epochs + " of " + epochs),
                "the executor was killed after the last epoch\n" + s.logTail(60));

        cluster.assertSucceeded(s, JOB_TIMEOUT);
        assertTrue(BidnnJobs.logContains(s.log(), "Lost executor"), "the driver saw the executor go (" + task + ")\n" + s.logTail(80));
        BidnnJobs.assertModel(model, epochs);
    }

    /**
     * An executor dies (SIGKILL) while tasks write their part files: the lost tasks run again, and
     * the published output has every segment exactly once (no part file of a killed attempt, no
     * segment missing).
     */
    @Test
    void embeddingSurvivesAKilledExecutor() throws Exception {
        Path work = Files.createDirectories(dir.resolve("kill-embed"));
        Path corpus = BidnnJobs.replicatedCorpus(work.resolve("corpus"), 4);
        // One segment per batch with a wide model: tasks that last long enough to be hit.
        Path model = wideModel(work);
        Path embedding = work.resolve("embedding");
        Submission s = cluster.submit(BidnnJobs.embed(model, corpus, embedding, "-b", "1"), DeployMode.CLIENT);

        killAnExecutorWhileItWrites(s, work, embedding, corpus);
        assertNoTemporaryLeft(work);
    }

    /**
     * Kills an executor once a task of {@code s} writes its part file, then checks that the job
     * still succeeds, saw the executor go, and wrote every segment of {@code corpus} exactly once.
     */
    private static void killAnExecutorWhileItWrites(Submission s, Path work, Path embedding, Path corpus)
            throws Exception {
        Net.await("a task to write its part file", JOB_TIMEOUT, () -> taskAttemptWriting(work) || !s.isRunning(),
                () -> s.logTail(60));
        assertTrue(s.isRunning(), "the job ended before an executor could be killed\n" + s.logTail(60));
        String task = killAnExecutorRunningATask(s);

        cluster.assertSucceeded(s, JOB_TIMEOUT);
        assertTrue(BidnnJobs.logContains(s.log(), "Lost executor"), "the driver saw the executor go (" + task + ")\n" + s.logTail(80));
        BidnnJobs.assertEmbedding(embedding, BidnnJobs.inputIds(corpus));
    }

    /**
     * The same during an incremental night: half the corpus changed since the last run, an
     * executor dies while the changed segments are embedded and written; the output still has
     * every segment exactly once, the unchanged ones as they were.
     */
    @Test
    void incrementalEmbeddingSurvivesAKilledExecutor() throws Exception {
        Path work = Files.createDirectories(dir.resolve("kill-incremental"));
        Path corpus = BidnnJobs.replicatedCorpus(work.resolve("corpus"), 4);
        Path model = wideModel(work);
        Path night1 = work.resolve("night1");
        cluster.assertSucceeded(cluster.submit(BidnnJobs.embed(model, corpus, night1, "--incremental", "none"),
                DeployMode.CLIENT), JOB_TIMEOUT);
        for (String changed : List.of("segments-00.svm", "segments-01.svm")) {
            Path file = corpus.resolve(changed);
            // The last value of every line changes (a new index could repeat one the line has).
            Files.write(file, Files.readAllLines(file).stream()
                    .map(l -> l.substring(0, l.lastIndexOf(':') + 1) + "0.123457").toList());
        }

        Path embedding = work.resolve("embedding");
        Submission s = cluster.submit(BidnnJobs.embed(model, corpus, embedding, "-b", "1", "--incremental",
                night1.toString()), DeployMode.CLIENT);
        killAnExecutorWhileItWrites(s, work, embedding, corpus);
        String summary = Files.readString(embedding.resolve("_bidnn/summary.json"));
        assertTrue(summary.contains("\"embedded\" : 4000") && summary.contains("\"carriedOver\" : 4000"), summary);
        assertNoTemporaryLeft(work);
    }

    /** A wide untrained model (1024 hidden units): inference slow enough for a task to be killed in it. */
    private static Path wideModel(Path work) throws IOException {
        Path model = work.resolve("wide.bidnn");
        ModelFile.save(BiDNNNetwork.create(new Architecture(100, 100, 1024, BidnnJobs.EMBEDDING_SIZE,
                ActivationFunction.fromName("tanh"), true, 0.2), Optimizer.DEFAULT, 42), TestStorage.LOCAL, model.toString());
        return model;
    }

    private static final Pattern TASK_LINE = Pattern.compile("(Running|Finished) task (\\S+ in stage \\S+) \\(TID (\\d+)\\)");

    /**
     * Waits until an executor is in the middle of a task (its log, in the Worker's folder, shows
     * the task started and not finished) and kills it (SIGKILL) there; returns the task
     * ("1.0 in stage 65.0, executor pid 1234"). Past a minute, kills any executor.
     */
    private static String killAnExecutorRunningATask(Submission s) {
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < end && s.isRunning()) {
            for (ProcessHandle executor : cluster.executors()) {
                String task = runningTask(executor);
                if (task != null) {
                    cluster.killExecutor(executor.pid());
                    return task + ", executor pid " + executor.pid();
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return "no running task seen; killed executor pid " + cluster.killOneExecutor();
    }

    /** The task an executor has started and not finished, from its stderr (in its working folder), or null. */
    private static String runningTask(ProcessHandle executor) {
        try {
            Path stderr = Files.readSymbolicLink(Path.of("/proc", Long.toString(executor.pid()), "cwd")).resolve("stderr");
            String running = null;
            String runningTid = null;
            Matcher m = TASK_LINE.matcher(Files.readString(stderr, StandardCharsets.ISO_8859_1));
            while (m.find()) {
                if (m.group(1).equals("Running")) {
                    running = m.group(2);
                    runningTid = m.group(3);
                } else if (m.group(3).equals(runningTid)) {
                    running = null;
                }
            }
            return running;
        } catch (IOException | UncheckedIOException e) {
            return null;  // the executor is starting or gone
        }
    }

    /** Whether a task attempt's folder exists in the job's hidden temporary output. */
    private static boolean taskAttemptWriting(Path work) {
        try (Stream<Path> files = Files.walk(work)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("attempt_")
                    && p.toString().contains("/.embedding.tmp-"));
        } catch (IOException | UncheckedIOException e) {
            return false;  // the tree changed under the walk
        }
    }

    private static void assertNoTemporaryLeft(Path work) throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            List<String> hidden = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".embedding.")).toList();
            assertTrue(hidden.isEmpty(), "left behind: " + hidden);
        }
    }
}
