package org.bidnn.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.spark.sql.SparkSession;
import org.bidnn.cli.CliRun;
import org.bidnn.io.InputFileException;
import org.bidnn.io.Storage;
import org.bidnn.io.StorageException;
import org.bidnn.jobs.RunDirectory;
import org.bidnn.jobs.pipeline.SampleConf;
import org.bidnn.ml.BiDNNModel;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;
import org.bidnn.model.ModelMetadata;
import org.bidnn.model.Optimizer;
import org.bidnn.spark.SparkSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every path of every command on a real HDFS (MiniDFSCluster on 127.0.0.1), with Spark in this
 * JVM: model files, checkpoints and resuming, the inputs and outputs of {@code run}, {@code train},
 * {@code embed}, {@code rank}, {@code evaluate}, {@code crossmodal-eval}, and the run directories
 * of {@code pipeline} and {@code compare}; and the failures a user meets there (a write cut short
 * by a quota, a permission, a NameNode that is gone), which leave nothing at the target.
 */
@Tag(ClusterTests.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HdfsStorageIT {

    private static final Path PROJECT = BuildLayout.projectDir();
    private static Path dir;
    private static HdfsCluster hdfs;
    private static Storage storage;
    private static SparkSession spark;
    private static String segments;

    @BeforeAll
    static void start() throws IOException {
        dir = BuildLayout.clusterTestDir().resolve("hdfs-storage");
        SparkHome.deleteTree(dir);
        hdfs = HdfsCluster.start(dir);
        storage = hdfs.storage();
        spark = SparkSessions.getOrCreate("HdfsStorageIT", "local[2]");
        segments = hdfs.put(PROJECT.resolve("data-samples/segments.svm"), "/data/segments.svm");
        hdfs.put(PROJECT.resolve("data-samples/segments-topics.tsv"), "/data/segments-topics.tsv");
        hdfs.put(PROJECT.resolve("data-samples/hyperlinking"), "/data/hyperlinking");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (hdfs != null) {
            hdfs.close();
        }
    }

    private static CliRun.Result bidnn(String... args) {
        return CliRun.bidnn(args);
    }

    /** No command may turn a URI into a local folder named after its scheme. */
    private static void assertNoSchemeFolder() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("").toAbsolutePath())) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertFalse(names.contains("hdfs:") || names.contains("file:"), names.toString());
        }
    }

    @Test
    @Order(1)
    void filesOnHdfsAreWrittenAtomicallyAndResolvedAsSparkResolvesThem() throws IOException {
        String file = hdfs.uri("/storage/a/b.txt");
        storage.writeString(file, "one");
        storage.writeString(file, "two");
        assertEquals("two", hdfs.read(file));
        assertEquals(List.of("b.txt"), hdfs.list("/storage/a"), "no temporary file left");
        // A bare path is on the default file system, under the user's home, as spark.read has it.
        String home = hdfs.fileSystem().getHomeDirectory().toUri().getPath();
        assertEquals(hdfs.uri(home + "/models/m.bidnn"), storage.resolve("models/m.bidnn").toString());
        storage.writeString("relative.txt", "r");
        assertEquals("r", hdfs.read(home + "/relative.txt"));
        assertEquals(List.of(Storage.child(hdfs.uri("/storage/a"), "b.txt")), storage.list(hdfs.uri("/storage/a")));
        storage.rename(hdfs.uri("/storage/a"), hdfs.uri("/storage/c"));
        assertTrue(storage.isDirectory(hdfs.uri("/storage/c")));
        InputFileException missing = assertThrows(InputFileException.class, () -> storage.open(hdfs.uri("/absent.svm")));
        assertEquals(hdfs.uri("/absent.svm") + ": cannot read file (no such file)", missing.getMessage());
    }

    @Test
    @Order(2)
    void aModelRoundTripsThroughHdfs() throws IOException {
        BiDNNNetwork network = BiDNNNetwork.create(new Architecture(6, 4, 5, 4, ActivationFunction.TANH, true, 0.1),
                Optimizer.DEFAULT, 3);
        String model = hdfs.uri("/models/round-trip.bidnn");
        ModelFile.save(network, storage, model);
        ModelFile.Loaded loaded = ModelFile.load(storage, model);
        assertEquals(network.architecture(), loaded.network().architecture());
        assertArrayEquals(network.network().params().toFloatVector(), loaded.network().network().params().toFloatVector());
        assertEquals(List.of("round-trip.bidnn"), hdfs.list("/models"));
    }

    @Test
    @Order(3)
    void aWriteCutShortByAQuotaLeavesTheOldFileAndNothingElse() throws IOException {
        org.apache.hadoop.fs.Path quota = new org.apache.hadoop.fs.Path("/quota");
        hdfs.fileSystem().mkdirs(quota);
        String target = hdfs.uri("/quota/m.bidnn");
        storage.writeString(target, "the previous model");
        // 1 MiB blocks and room for two: the third block of a 5 MiB write is refused, half-way.
        org.apache.hadoop.conf.Configuration small = hdfs.configuration();
        small.setLong("dfs.blocksize", 1 << 20);
        small.setBoolean("fs.hdfs.impl.disable.cache", true);
        hdfs.fileSystem().setQuota(quota, HdfsConstants.QUOTA_DONT_SET, (5L << 20) / 2);
        Storage limited = Storage.of(small);
        StorageException e = assertThrows(StorageException.class, () -> limited.write(target, out -> {
            byte[] mib = new byte[1 << 20];
            for (int i = 0; i < 5; i++) {
                out.write(mib);
            }
        }));
        assertTrue(e.getMessage().startsWith(target + ": the directory's quota is exceeded"), e.getMessage());
        assertEquals("the previous model", hdfs.read(target));
        assertEquals(List.of("m.bidnn"), hdfs.list("/quota"), "no temporary file left");
    }

    @Test
    @Order(4)
    void aPermissionErrorNamesThePathAndWritesNothing() throws Exception {
        org.apache.hadoop.fs.Path locked = new org.apache.hadoop.fs.Path("/locked");
        hdfs.fileSystem().mkdirs(locked, new FsPermission((short) 0755));
        String target = hdfs.uri("/locked/m.bidnn");
        UserGroupInformation alice = UserGroupInformation.createUserForTesting("alice", new String[] {"users"});
        StorageException e = alice.doAs((PrivilegedExceptionAction<StorageException>) () ->
                assertThrows(StorageException.class, () -> hdfs.storage().writeString(target, "x")));
        assertTrue(e.getMessage().startsWith(target + ": permission denied"), e.getMessage());
        assertEquals(List.of(), hdfs.list("/locked"));
    }

    @Test
    @Order(5)
    void trainCheckpointsAndResumesOnHdfs() throws IOException {
        String checkpoints = hdfs.uri("/train/checkpoints");
        String[] common = {"train", "--input", segments, "--mod1-size", "100", "--mod2-size", "100", "--hidden", "32",
            "--rep", "16", "-b", "64", "--workers", "2", "-v", "1"};
        CliRun.Result first = bidnn(concat(common, "-e", "2", "--checkpoint-every", "1", "--checkpoint-dir", checkpoints,
                "--model", hdfs.uri("/train/killed.bidnn")));
        assertEquals(0, first.code(), first.err());
        assertEquals(List.of("epoch-00001.bidnn", "epoch-00002.bidnn"), hdfs.list(checkpoints));

        String model = hdfs.uri("/train/m.bidnn");
        CliRun.Result resumed = bidnn(concat(common, "-e", "3", "--checkpoint-every", "1",
                "--resume", Storage.child(checkpoints, "epoch-00002.bidnn"), "--model", model));
        assertEquals(0, resumed.code(), resumed.err());
        ModelMetadata m = ModelFile.readMetadata(storage, model);
        assertEquals(3, m.epochsTrained());
        // Without --checkpoint-dir the checkpoints go beside the model, on its file system.
        assertEquals(List.of("epoch-00003.bidnn"), hdfs.list("/train/m.bidnn.checkpoints"));
        assertNoSchemeFolder();
    }

    @Test
    @Order(6)
    void runReadsAndWritesHdfs() throws IOException {
        String model = hdfs.uri("/run/m.bidnn");
        String out = hdfs.uri("/run/embedding.svm");
        CliRun.Result r = bidnn("run", "-e", "1", "-v", "0", "-s", model, segments, out, "100", "100", "32", "16");
        assertEquals(0, r.code(), r.err());
        assertEquals(2000, hdfs.read(out).lines().count());
        CliRun.Result again = bidnn("run", "-e", "0", "-v", "0", "-l", model, segments, hdfs.uri("/run/again.svm"),
                "100", "100", "32", "16");
        assertEquals(0, again.code(), again.err());
        assertEquals(hdfs.read(out), hdfs.read("/run/again.svm"), "the loaded model embeds as the saved one did");
        assertNoSchemeFolder();
    }

    @Test
    @Order(7)
    void embedAndCrossmodalEvalReadTheModelFromHdfs() throws IOException {
        String model = hdfs.uri("/train/m.bidnn");
        String output = hdfs.uri("/embed/embedding");
        CliRun.Result r = bidnn("embed", "--model", model, "--input", segments, "--output", output, "-v", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(hdfs.exists(output + "/_SUCCESS"), hdfs.list(output).toString());

        String report = hdfs.uri("/eval/crossmodal.json");
        CliRun.Result c = bidnn("crossmodal-eval", "--input", segments, "--labels", hdfs.uri("/data/segments-topics.tsv"),
                "--model", model, "--report", report, "-v", "0");
        assertEquals(0, c.code(), c.err());
        assertTrue(hdfs.read(report).contains("\"labelsFile\" : \"" + hdfs.uri("/data/segments-topics.tsv") + "\""),
                hdfs.read(report));
    }

    @Test
    @Order(8)
    void pipelineRankAndEvaluateKeepEverythingOnHdfs() throws IOException {
        String conf = hdfsConf("pipeline.conf", "output.root", hdfs.uri("/runs"));
        CliRun.Result r = bidnn("pipeline", "--conf", conf, "-v", "0");
        assertEquals(0, r.code(), r.err());
        List<String> runs = hdfs.list("/runs");
        assertEquals(1, runs.size(), runs.toString());
        assertFalse(runs.get(0).startsWith(RunDirectory.INCOMPLETE_PREFIX));
        String run = "/runs/" + runs.get(0);
        assertTrue(r.out().startsWith(hdfs.uri(run)), r.out());
        for (String f : List.of("pipeline.conf", "model.bidnn", "embedding", "rankings.tsv", "evaluation.json",
                "evaluation.md", "report.json", "report.md")) {
            assertTrue(hdfs.exists(run + "/" + f), f + " in " + hdfs.list(run));
        }
        assertTrue(hdfs.read(run + "/report.json").contains("\"run\" : \"" + hdfs.uri(run) + "\""));

        // The same stages as commands, from the pipeline's embedding on HDFS.
        String rankings = hdfs.uri("/rank/rankings.tsv");
        CliRun.Result rank = bidnn("rank", "--embeddings", hdfs.uri(run + "/embedding"),
                "--anchors", hdfs.uri("/data/hyperlinking/anchors.txt"), "--candidates",
                hdfs.uri("/data/hyperlinking/qrels.tsv"), "--k", "1000", "--output", rankings, "-v", "0");
        assertEquals(0, rank.code(), rank.err());
        assertEquals(hdfs.read(run + "/rankings.tsv"), hdfs.read(rankings));
        CliRun.Result eval = bidnn("evaluate", "--rankings", rankings, "--qrels", hdfs.uri("/data/hyperlinking/qrels.tsv"),
                "--report", hdfs.uri("/eval/evaluation.json"), "--markdown", hdfs.uri("/eval/evaluation.md"), "-v", "0");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(hdfs.read("/eval/evaluation.md").contains("P@10"));
        assertNoSchemeFolder();
    }

    @Test
    @Order(9)
    void aFailedPipelineLeavesItsIncompleteDirectoryWithTheMarkerOnHdfs() throws IOException {
        String conf = hdfsConf("failing.conf", "output.root", hdfs.uri("/failing"), "model.batch", "100000");
        CliRun.Result r = bidnn("pipeline", "--conf", conf, "-v", "0");
        assertEquals(1, r.code(), r.err());
        List<String> runs = hdfs.list("/failing");
        assertEquals(1, runs.size(), runs.toString());
        assertTrue(runs.get(0).startsWith(RunDirectory.INCOMPLETE_PREFIX), runs.toString());
        assertTrue(hdfs.read("/failing/" + runs.get(0) + "/_FAILED").startsWith("stage: train"));
    }

    @Test
    @Order(10)
    void compareWritesItsRunDirectoryOnHdfs() throws IOException {
        String conf = hdfsConf("compare.conf", "output.root", hdfs.uri("/compare"), "compare.runs", "1",
                "model.epochs", "2", "model.hidden", "16", "model.rep", "8");
        CliRun.Result r = bidnn("compare", "--conf", conf, "-v", "0");
        assertEquals(0, r.code(), r.err());
        List<String> runs = hdfs.list("/compare");
        assertEquals(1, runs.size(), runs.toString());
        String run = "/compare/" + runs.get(0);
        assertEquals(List.of("anchors-pca.png", "compare.conf", "compare.json", "compare.md", "precision-per-epoch.png"),
                hdfs.list(run));
        assertTrue(r.out().contains(hdfs.uri(run)), r.out());
    }

    @Test
    @Order(11)
    void theSparkMlModelAndTheSampleGeneratorsWriteToHdfs() throws IOException {
        String file = hdfs.uri("/train/m.bidnn");
        BiDNNModel model = BiDNNModel.fromModelFile(file).setL2Norm(true);
        String saved = hdfs.uri("/ml/bidnn-model");
        model.write().save(saved);
        BiDNNModel loaded = BiDNNModel.load(saved);
        assertArrayEquals(model.network().network().params().toFloatVector(),
                loaded.network().network().params().toFloatVector());
        assertEquals(true, loaded.getOrDefault(loaded.l2Norm()));

        CliRun.Result sample = bidnn("sample-data", "--out-dir", hdfs.uri("/samples/plain"), "--rows", "50");
        assertEquals(0, sample.code(), sample.err());
        assertEquals(50, hdfs.read("/samples/plain/segments.svm").lines().count());
        CliRun.Result hyperlinking = bidnn("sample-hyperlinking", "--out-dir", hdfs.uri("/samples/hyperlinking"));
        assertEquals(0, hyperlinking.code(), hyperlinking.err());
        assertEquals(List.of("anchors.txt", "qrels.tsv", "segments-stories.tsv", "segments.svm"),
                hdfs.list("/samples/hyperlinking"));
        assertNoSchemeFolder();
    }

    @Test
    @Order(12)
    void aNameNodeThatIsGoneIsAClearError() throws IOException {
        String model = hdfs.uri("/models/round-trip.bidnn");
        hdfs.stopNameNode();
        IOException e = assertThrows(IOException.class, () -> ModelFile.load(storage, model));
        assertTrue(e.getMessage().startsWith(model + ": cannot reach the file system"), e.getMessage());
        CliRun.Result r = bidnn("train", "--input", segments, "--mod1-size", "100", "--mod2-size", "100",
                "--hidden", "8", "--rep", "4", "-e", "1", "--model", hdfs.uri("/train/never.bidnn"), "-v", "0");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(segments) && r.err().contains("cannot reach the file system"), r.err());
        assertNotEquals("", r.err());
        assertNoSchemeFolder();
    }

    /** The sample job configuration with every path on HDFS and {@code keyValues} set, itself stored on HDFS. */
    private static String hdfsConf(String name, String... keyValues) throws IOException {
        String[] all = concat(new String[] {"input.path", hdfs.uri("/data/hyperlinking/segments.svm"),
            "rank.anchors", hdfs.uri("/data/hyperlinking/anchors.txt"),
            "rank.candidates", hdfs.uri("/data/hyperlinking/qrels.tsv"),
            "eval.qrels", hdfs.uri("/data/hyperlinking/qrels.tsv"),
            "model.hidden", "32", "model.rep", "16", "model.epochs", "2", "spark.master", ""}, keyValues);
        Path local = SampleConf.write(Files.createDirectories(dir.resolve("conf-" + name)), all);
        return hdfs.put(local, "/jobs/" + name);
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
