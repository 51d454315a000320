package org.bidnn.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bidnn.io.Storage;
import org.bidnn.jobs.RunDirectory;
import org.bidnn.jobs.pipeline.PipelineJob;
import org.bidnn.jobs.pipeline.SampleConf;
import org.bidnn.model.ModelFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real job on an in-process YARN cluster whose default file system is an in-process HDFS, as
 * on a Hadoop cluster: {@code train} then {@code embed} in client mode on the submitter's disk,
 * the same in cluster mode (the driver runs in YARN's application master and must end by
 * returning) through HDFS, and the whole {@code pipeline} in cluster mode with every path on HDFS,
 * leaving nothing in the driver container's working directory.
 */
@Tag(ClusterTests.TAG)
class YarnJobIT {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);
    /** What a pipeline run writes; none of it may land on the driver's local disk. */
    private static final Set<String> RUN_FILES = Set.of(PipelineJob.CONF, PipelineJob.MODEL,
            PipelineJob.EMBEDDING, PipelineJob.RANKINGS, PipelineJob.REPORT_JSON);

    private static Path dir;
    private static YarnCluster yarn;
    private static HdfsCluster hdfs;

    @BeforeAll
    static void startCluster() throws Exception {
        dir = BuildLayout.clusterTestDir().resolve("yarn-job");
        SparkHome.deleteTree(dir);
        yarn = YarnCluster.startWithHdfs(dir, 1);
        hdfs = yarn.hdfs();
    }

    @AfterAll
    static void stopCluster() {
        if (yarn != null) {
            yarn.close();
        }
    }

    @Test
    void trainThenEmbedInClientModeOnTheSubmittersDisk() throws Exception {
        Path work = Files.createDirectories(dir.resolve("client"));
        // file:// URIs: the cluster's default file system is HDFS, where a bare path would go.
        BidnnJobs.trainThenEmbed(yarn, DeployMode.CLIENT, work, JOB_TIMEOUT, p -> p.toUri().toString());
    }

    @Test
    void trainThenEmbedInClusterModeThroughHdfs() throws Exception {
        String segments = hdfs.put(BidnnJobs.SEGMENTS, "/cluster-mode/segments.svm");
        String model = hdfs.uri("/cluster-mode/model.bidnn");
        String embedding = hdfs.uri("/cluster-mode/embedding");
        yarn.assertSucceeded(yarn.submit(BidnnJobs.train(segments, model, 3, 64, "--checkpoint-every", "1"),
                DeployMode.CLUSTER), JOB_TIMEOUT);
        ModelFile.Loaded loaded = ModelFile.load(hdfs.storage(), model);
        assertEquals(3, loaded.network().epochsTrained());
        assertEquals(List.of("epoch-00002.bidnn", "epoch-00003.bidnn"), hdfs.list("/cluster-mode/model.bidnn.checkpoints"));
        Submission embed = yarn.submit(BidnnJobs.embed(model, segments, embedding), DeployMode.CLUSTER);
        yarn.assertSucceeded(embed, JOB_TIMEOUT);
        Path local = dir.resolve("cluster-mode-embedding");
        hdfs.fileSystem().copyToLocalFile(new org.apache.hadoop.fs.Path(embedding),
                new org.apache.hadoop.fs.Path(local.toUri()));
        BidnnJobs.assertEmbedding(local, BidnnJobs.inputIds(BidnnJobs.SEGMENTS));
        assertNothingOnTheDriversDisk(yarn.applicationId(embed), Set.of("model.bidnn", "embedding"));
    }

    @Test
    void pipelineInClusterModeWithEveryPathOnHdfs() throws Exception {
        hdfs.put(BuildLayout.projectDir().resolve("data-samples/hyperlinking"), "/pipeline/data");
        Path localConf = SampleConf.write(Files.createDirectories(dir.resolve("pipeline-conf")),
                "input.path", hdfs.uri("/pipeline/data/segments.svm"),
                "rank.anchors", hdfs.uri("/pipeline/data/anchors.txt"),
                "rank.candidates", hdfs.uri("/pipeline/data/qrels.tsv"),
                "eval.qrels", hdfs.uri("/pipeline/data/qrels.tsv"),
                "output.root", hdfs.uri("/pipeline/runs"),
                "model.hidden", "32", "model.rep", "16", "model.epochs", "3", "spark.master", "", "spark.workers", "2");
        String conf = hdfs.put(localConf, "/pipeline/job.conf");
        Submission s = yarn.submit(SparkApp.bidnn("pipeline", "--conf", conf, "-v", "1"), DeployMode.CLUSTER);
        yarn.assertSucceeded(s, JOB_TIMEOUT);

        List<String> runs = hdfs.list("/pipeline/runs");
        assertEquals(1, runs.size(), runs.toString());
        assertFalse(runs.get(0).startsWith(RunDirectory.INCOMPLETE_PREFIX), runs.toString());
        String run = "/pipeline/runs/" + runs.get(0);
        String report = hdfs.read(run + "/" + PipelineJob.REPORT_JSON);
        assertTrue(report.contains("\"run\" : \"" + hdfs.uri(run) + "\""), report);
        assertTrue(report.contains("\"meanAveragePrecision\""), report);
        ModelFile.Loaded model = ModelFile.load(hdfs.storage(), Storage.child(hdfs.uri(run), PipelineJob.MODEL));
        assertEquals(3, model.network().epochsTrained());
        assertTrue(hdfs.exists(run + "/" + PipelineJob.EMBEDDING + "/_SUCCESS"));
        assertNothingOnTheDriversDisk(yarn.applicationId(s), RUN_FILES);
    }

    /** The driver's container ran the job, and none of the job's outputs is in its working directory. */
    private static void assertNothingOnTheDriversDisk(String applicationId, Set<String> outputs) throws IOException {
        Path driver = yarn.driverContainerDir(applicationId);
        assertTrue(Files.isDirectory(driver.resolve("__app__.jar")) || Files.exists(driver.resolve("__app__.jar")),
                "not the driver's container: " + driver);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(driver)) {
            files.filter(p -> outputs.contains(p.getFileName().toString()) || p.getFileName().toString().startsWith("hdfs:"))
                    .forEach(p -> found.add(driver.relativize(p).toString()));
        }
        assertEquals(List.of(), found, "outputs on the driver's local disk");
    }
}
