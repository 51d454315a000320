package org.bidnn.cluster;

/**
 * Cluster tests are JUnit classes named *IT in this package, tagged {@code @Tag(ClusterTests.TAG)}:
 * the cluster-tests execution of failsafe (pom.xml, profile cluster-tests) runs them, the default
 * one leaves them out, also when a single test is picked with -Dit.test.
 */
public final class ClusterTests {

    public static final String TAG = "cluster";

    private ClusterTests() {
    }
}
