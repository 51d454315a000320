package org.bidnn.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bidnn.io.Storage;
import org.bidnn.model.ModelFile;
import org.bidnn.train.Checkpoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Jobs killed (SIGKILL, by PID) where it hurts, through the real submit scripts with their data on
 * HDFS: a driver in the middle of training, which a resubmission resumes from its last checkpoint
 * to the model an uninterrupted job trains; and a nightly job in the middle of writing its
 * embedding, which leaves the last published night in place, and which the next run completes.
 */
@Tag(ClusterTests.TAG)
class FaultsIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    private static Path dir;
    private static HdfsCluster hdfs;
    private static Map<String, String> env;

    @BeforeAll
    static void start() throws java.io.IOException {
        dir = BuildLayout.clusterTestDir().resolve("faults");
        SparkHome.deleteTree(dir);
        hdfs = HdfsCluster.start(dir);
        env = new LinkedHashMap<>(SparkHome.get().environment());
        env.put("BIDNN_LOCAL_MASTER", "local[2]");
        env.put("BIDNN_DRIVER_MEMORY", "1g");
    }

    @AfterAll
    static void stop() {
        if (hdfs != null) {
            hdfs.close();
        }
    }

    private static List<String> train(String segments, int epochs, String model, String checkpoints, String... more) {
        List<String> args = new ArrayList<>(List.of("--", "train", "--input", segments, "--mod1-size", "100",
                "--mod2-size", "100", "--hidden", "32", "--rep", "16", "-b", "1", "--workers", "1",
                "-e", Integer.toString(epochs), "--checkpoint-every", "1", "--checkpoint-dir", checkpoints,
                "--model", model, "-v", "2"));
        args.addAll(List.of(more));
        return args;
    }

    private static ClusterProcess startScript(String name, String script, List<String> args) {
        List<String> command = new ArrayList<>(List.of("bash", SubmitScript.script(script).toString()));
        command.addAll(args);
        return ClusterProcess.start(name, command, env, dir.resolve(name), dir.resolve("logs/" + name + ".log"));
    }

    private static void awaitThenKill(ClusterProcess p, String what, java.util.function.BooleanSupplier reached) {
        Net.await(what, TIMEOUT, reached, () -> p.logTail(60));
        p.close();
    }

    private static boolean listing(String hdfsDir, java.util.function.Predicate<String> any) {
        try {
            return hdfs.list(hdfsDir).stream().anyMatch(any);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void aDriverKilledInTrainingResumesFromItsLastCheckpointToTheSameModel() throws Exception {
        String segments = hdfs.put(BidnnJobs.SEGMENTS, "/train/segments.svm");
        // One row per step: epochs long enough to kill the job between two checkpoints.
        int epochs = 8;
        SubmitScript.Result straight = SubmitScript.run("local.sh", env, dir.resolve("straight"), TIMEOUT,
                train(segments, epochs, hdfs.uri("/train/straight.bidnn"), hdfs.uri("/train/straight-checkpoints"))
                        .toArray(String[]::new));
        assertEquals(0, straight.code(), straight.toString());

        String checkpoints = hdfs.uri("/train/checkpoints");
        ClusterProcess killed = startScript("train-killed", "local.sh",
                train(segments, epochs, hdfs.uri("/train/killed.bidnn"), checkpoints));
        awaitThenKill(killed, "the third checkpoint", () -> listing("/train/checkpoints", n -> n.equals("epoch-00003.bidnn")));
        assertFalse(hdfs.exists("/train/killed.bidnn"), "no model from a killed job");
        Storage storage = hdfs.storage();
        for (String name : hdfs.list("/train/checkpoints")) {
            if (!name.startsWith(".")) {
                // Every checkpoint under its final name is whole: it loads.
                ModelFile.load(storage, Storage.child(checkpoints, name));
            }
        }

        String last = Checkpoints.latest(storage, checkpoints).orElseThrow();
        SubmitScript.Result resumed = SubmitScript.run("local.sh", env, dir.resolve("resumed"), TIMEOUT,
                train(segments, epochs, hdfs.uri("/train/resumed.bidnn"), checkpoints, "--resume", last)
                        .toArray(String[]::new));
        assertEquals(0, resumed.code(), resumed.toString());
        assertTrue(resumed.stderr().contains("Resuming from " + last), resumed.stderr());
        INDArray expected = ModelFile.load(storage, hdfs.uri("/train/straight.bidnn")).network().network().params();
        INDArray actual = ModelFile.load(storage, hdfs.uri("/train/resumed.bidnn")).network().network().params();
        assertEquals(epochs, ModelFile.readMetadata(storage, hdfs.uri("/train/resumed.bidnn")).epochsTrained());
        assertTrue(expected.sub(actual).amaxNumber().doubleValue() < 1e-6,
                "max |difference| " + expected.sub(actual).amaxNumber());
    }

    @Test
    void aNightKilledWhileWritingLeavesTheLastNightAndTheNextRunCompletesIt() throws Exception {
        String corpus = hdfs.put(BidnnJobs.replicatedCorpus(dir.resolve("corpus"), 8), "/nightly/corpus");
        String model = hdfs.uri("/nightly/m.bidnn");
        SubmitScript.Result trained = SubmitScript.run("local.sh", env, dir.resolve("model"), TIMEOUT,
                "--", "run", "-e", "1", "-v", "0", "-s", model, BidnnJobs.SEGMENTS.toString(),
                dir.resolve("model/embedding.svm").toString(), "100", "100", "32", "16");
        assertEquals(0, trained.code(), trained.toString());
        hdfs.storage().writeString(hdfs.uri("/nightly/embeddings/2031-01-01/_SUCCESS"), "");
        hdfs.storage().writeString(hdfs.uri("/nightly/embeddings/latest"), "2031-01-01\n");
        Path settings = SubmitScript.settings(dir.resolve("nightly.conf"),
                "BIDNN_NIGHTLY_SUBMIT=local",
                "BIDNN_NIGHTLY_OUTPUT_ROOT=" + hdfs.uri("/nightly/embeddings"),
                // One segment per batch: a job long enough to be killed while it writes.
                "BIDNN_NIGHTLY_ARGS=(embed --model " + model + " --input " + corpus + " --output @OUTPUT@ -b 1 -v 1)");

        ClusterProcess night = startScript("nightly-killed", "nightly.sh",
                List.of("--conf", settings.toString(), "--date", "2031-01-02"));
        awaitThenKill(night, "the night's output being written",
                () -> listing("/nightly/embeddings", n -> n.startsWith(".2031-01-02.tmp-")));
        assertFalse(hdfs.exists("/nightly/embeddings/2031-01-02"), "nothing under the night's name");
        assertEquals("2031-01-01\n", hdfs.read("/nightly/embeddings/latest"), "readers still see the last night");

        SubmitScript.Result again = SubmitScript.run("nightly.sh", env, dir.resolve("nightly-again"), TIMEOUT,
                "--conf", settings.toString(), "--date", "2031-01-02");
        assertEquals(0, again.code(), again.toString());
        assertEquals("2031-01-02\n", hdfs.read("/nightly/embeddings/latest"));
        List<String> ids = new ArrayList<>();
        for (String part : hdfs.list("/nightly/embeddings/2031-01-02")) {
            if (part.startsWith("part-")) {
                hdfs.read("/nightly/embeddings/2031-01-02/" + part).lines().forEach(l -> ids.add(l.split(" ", 2)[0]));
            }
        }
        Set<String> unique = new HashSet<>(ids);
        assertEquals(ids.size(), unique.size(), "every segment exactly once");
        try (Stream<String> expected = BidnnJobs.inputIds(dir.resolve("corpus")).stream()) {
            assertEquals(expected.collect(java.util.stream.Collectors.toSet()), unique);
        }
    }
}
