package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** When bidnn's main may end the JVM itself (see BidnnCli.exit and the YARN cluster tests). */
class BidnnCliExitTest {

    private static Properties props(String master, String mode) {
        Properties p = new Properties();
        if (master != null) {
            p.setProperty("spark.master", master);
        }
        if (mode != null) {
            p.setProperty("spark.submit.deployMode", mode);
        }
        return p;
    }

    @Test
    void onlyAYarnClusterModeDriverReturnsInsteadOfExiting() {
        assertTrue(BidnnCli.isYarnClusterDriver(props("yarn", "cluster")));
        assertFalse(BidnnCli.isYarnClusterDriver(props("yarn", "client")));
        assertFalse(BidnnCli.isYarnClusterDriver(props("spark://master:7077", "cluster")));
        assertFalse(BidnnCli.isYarnClusterDriver(props("k8s://https://k8s:6443", "cluster")));
        assertFalse(BidnnCli.isYarnClusterDriver(props(null, null)), "bin/bidnn and local runs");
    }
}
