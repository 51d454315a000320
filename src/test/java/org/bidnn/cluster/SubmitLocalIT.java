package org.bidnn.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;
import org.bidnn.model.Optimizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * submit/local.sh runs bidnn from the spark-submit jar through a Spark installation's
 * spark-submit, with conf/spark-defaults.conf: the original tool's command on the sample data.
 */
@Tag(ClusterTests.TAG)
class SubmitLocalIT {

    @Test
    void runCommandThroughSparkSubmit() throws Exception {
        Path work = BuildLayout.clusterTestDir().resolve("local");
        SparkHome.deleteTree(work);
        Path samples = BuildLayout.projectDir().resolve("data-samples/segments.svm");
        Map<String, String> env = SparkHome.get().environment();

        SubmitScript.Result version = SubmitScript.run("local.sh", env, work, Duration.ofMinutes(2), "--", "--version");
        assertEquals(0, version.code(), version.toString());
        assertTrue(version.stdout().startsWith("bidnn 0.1.0"), version.toString());

        SubmitScript.Result run = SubmitScript.run("local.sh", env, work, Duration.ofMinutes(4), "--",
                "run", "-e", "2", "-v", "2", "-n", samples.toString(), "embedding.svm", "100", "100", "32", "16");
        assertEquals(0, run.code(), run.toString());
        assertEquals(2, run.stderr().lines().filter(l -> l.startsWith("Epoch ")).count(), run.stderr());
        assertEquals(Files.readAllLines(samples).size(), Files.readAllLines(work.resolve("embedding.svm")).size());
    }

    /**
     * submit/nightly.sh for real, through local.sh, with the smoke application standing in for
     * embed (it writes its result as the dated folder's _SUCCESS): the latest link, the pruning of
     * old folders, and a second run of the same date that does nothing.
     */
    @Test
    void nightlyPublishesTheDatedFolderAndPrunesOldOnes() throws Exception {
        Path work = BuildLayout.clusterTestDir().resolve("nightly");
        SparkHome.deleteTree(work);
        Path root = Files.createDirectories(work.resolve("embeddings"));
        for (String old : List.of("2030-12-29", "2030-12-30", "2030-12-31", "2031-01-01")) {
            Files.createDirectories(root.resolve(old));
        }
        Path settings = SubmitScript.settings(work.resolve("job.conf"),
                "BIDNN_NIGHTLY_SUBMIT=local",
                "BIDNN_NIGHTLY_OUTPUT_ROOT=" + root,
                "BIDNN_NIGHTLY_KEEP=3",
                "BIDNN_NIGHTLY_ARGS=(--numbers 100 --partitions 2 --out @OUTPUT@/_SUCCESS)",
                "BIDNN_MAIN_CLASS=" + SmokeApp.class.getName(),
                "BIDNN_JAR=" + SmokeJar.build(work),
                "BIDNN_DRIVER_MEMORY=1g",
                "BIDNN_SUBMIT_ARGS=(--jars " + BuildLayout.submitJar().toUri() + ")");
        Map<String, String> env = SparkHome.get().environment();

        SubmitScript.Result first = SubmitScript.run("nightly.sh", env, work, Duration.ofMinutes(8),
                "--conf", settings.toString(), "--date", "2031-01-02");
        assertEquals(0, first.code(), first.toString());
        assertEquals("5050", SmokeJar.result(root.resolve("2031-01-02/_SUCCESS")).getProperty("sum"));
        assertEquals(Path.of("2031-01-02"), Files.readSymbolicLink(root.resolve("latest")));
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(List.of("2030-12-31", "2031-01-01", "2031-01-02", "latest"),
                    left.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList(),
                    "the 3 newest dated folders are kept");
        }

        SubmitScript.Result again = SubmitScript.run("nightly.sh", env, work, Duration.ofMinutes(1),
                "--conf", settings.toString(), "--date", "2031-01-02");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.stderr().contains("already complete"), again.toString());
    }

    /**
     * submit/nightly.sh with its output root on HDFS (an in-process MiniDFSCluster): the real
     * embed job writes the dated folder, 'latest' is a file holding the date, old dated folders
     * are pruned through Hadoop's FileSystem, and a second run of the same date does nothing.
     */
    @Test
    void nightlyOnAnHdfsRootKeepsLatestAndPrunesThroughHadoop() throws Exception {
        Path work = BuildLayout.clusterTestDir().resolve("nightly-hdfs");
        SparkHome.deleteTree(work);
        try (HdfsCluster hdfs = HdfsCluster.start(work)) {
            // The hyperlinking sample: a corpus with judgments, so that each night is also evaluated.
            Path sample = BuildLayout.projectDir().resolve("data-samples/hyperlinking");
            String segments = hdfs.put(sample.resolve("segments.svm"), "/corpus/segments.svm");
            String anchors = hdfs.put(sample.resolve("anchors.txt"), "/corpus/anchors.txt");
            String qrels = hdfs.put(sample.resolve("qrels.tsv"), "/corpus/qrels.tsv");
            String model = hdfs.uri("/models/m.bidnn");
            ModelFile.save(BiDNNNetwork.create(new Architecture(100, 100, 32, BidnnJobs.EMBEDDING_SIZE,
                    ActivationFunction.TANH, true, 0.2), Optimizer.DEFAULT, 7), hdfs.storage(), model);
            for (String old : List.of("2030-12-29", "2030-12-30", "2030-12-31", "2031-01-01")) {
                hdfs.storage().writeString(hdfs.uri("/embeddings/" + old + "/_SUCCESS"), "");
            }
            Path settings = SubmitScript.settings(work.resolve("job.conf"),
                    "BIDNN_NIGHTLY_SUBMIT=local",
                    "BIDNN_NIGHTLY_OUTPUT_ROOT=" + hdfs.uri("/embeddings"),
                    "BIDNN_NIGHTLY_KEEP=3",
                    "BIDNN_NIGHTLY_ARGS=(embed --model " + model + " --input " + segments
                            + " --output @OUTPUT@ --incremental @PREVIOUS@ -v 1)",
                    // Its own lock: on a Hadoop root the default is in $TMPDIR, shared with other runs.
                    "BIDNN_NIGHTLY_LOCK=" + work.resolve("nightly.lock"),
                    "BIDNN_NIGHTLY_ANCHORS=" + anchors,
                    "BIDNN_NIGHTLY_QRELS=" + qrels,
                    "BIDNN_NIGHTLY_RANK_ARGS=(--candidates " + qrels + " --k 100)",
                    "BIDNN_LOCAL_MASTER=local[2]",
                    "BIDNN_DRIVER_MEMORY=1g");
            Map<String, String> env = SparkHome.get().environment();

            SubmitScript.Result first = SubmitScript.run("nightly.sh", env, work, Duration.ofMinutes(8),
                    "--conf", settings.toString(), "--date", "2031-01-02");
            assertEquals(0, first.code(), first.toString());
            assertTrue(hdfs.exists("/embeddings/2031-01-02/_SUCCESS"), hdfs.list("/embeddings/2031-01-02").toString());
            assertEquals("2031-01-02\n", hdfs.read("/embeddings/latest"));
            assertEquals(List.of("2030-12-31", "2031-01-01", "2031-01-02", "latest"), hdfs.list("/embeddings"),
                    "the 3 newest dated folders are kept");
            assertTrue(first.stderr().contains("removed 2030-12-29") && first.stderr().contains("latest -> 2031-01-02"),
                    first.toString());
            // The night was ranked and evaluated on the judgments: its summary carries P@10 and MAP.
            String evaluated = hdfs.read("/embeddings/2031-01-02/_bidnn/summary.json");
            assertTrue(evaluated.contains("\"retrieval\"") && evaluated.contains("\"k\" : 10")
                    && evaluated.contains("\"anchors\" : 30") && evaluated.contains("\"meanAveragePrecision\""), evaluated);
            assertTrue(hdfs.exists("/embeddings/2031-01-02/_bidnn/rankings.tsv"), hdfs.list("/embeddings/2031-01-02/_bidnn").toString());

            SubmitScript.Result again = SubmitScript.run("nightly.sh", env, work, Duration.ofMinutes(2),
                    "--conf", settings.toString(), "--date", "2031-01-02");
            assertEquals(0, again.code(), again.toString());
            assertTrue(again.stderr().contains("already complete"), again.toString());

            // The next night, the corpus unchanged: every embedding is carried over from the last run.
            SubmitScript.Result next = SubmitScript.run("nightly.sh", env, work, Duration.ofMinutes(8),
                    "--conf", settings.toString(), "--date", "2031-01-03");
            assertEquals(0, next.code(), next.toString());
            String summary = hdfs.read("/embeddings/2031-01-03/_bidnn/summary.json");
            assertTrue(summary.contains("\"previous\" : \"" + hdfs.uri("/embeddings/2031-01-02") + "\"")
                    && summary.contains("\"embedded\" : 0") && summary.contains("\"carriedOver\" : 4030"), summary);
            assertTrue(next.stderr().contains("embed summary: {"), next.toString());
            assertEquals("2031-01-03\n", hdfs.read("/embeddings/latest"));
        }
    }
}
