package org.bidnn.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code bidnn train} then {@code bidnn embed} on an in-process YARN cluster, in client and in
 * cluster mode (where the driver runs in YARN's application master and must end by returning).
 */
@Tag(ClusterTests.TAG)
class YarnJobIT {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);

    private static Path dir;
    private static YarnCluster yarn;

    @BeforeAll
    static void startCluster() throws Exception {
        dir = BuildLayout.clusterTestDir().resolve("yarn-job");
        SparkHome.deleteTree(dir);
        yarn = YarnCluster.start(dir, 1);
    }

    @AfterAll
    static void stopCluster() {
        if (yarn != null) {
            yarn.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DeployMode.class)
    void trainThenEmbed(DeployMode mode) throws Exception {
        BidnnJobs.trainThenEmbed(yarn, mode, Files.createDirectories(dir.resolve(mode.sparkName())), JOB_TIMEOUT);
    }
}
