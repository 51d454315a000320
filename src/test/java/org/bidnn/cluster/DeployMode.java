package org.bidnn.cluster;

/** Where the driver runs: in the spark-submit process (client) or on the cluster (cluster). */
public enum DeployMode {
    CLIENT, CLUSTER;

    public String sparkName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
