package org.bidnn.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
}
