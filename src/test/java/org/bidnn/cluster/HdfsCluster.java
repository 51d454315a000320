package org.bidnn.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.bidnn.io.Storage;

/**
 * HDFS in this JVM (Hadoop's MiniDFSCluster: a NameNode and one DataNode), on 127.0.0.1, with its
 * blocks under a test folder. {@link #uri} names a file on it as a user would
 * ({@code hdfs://127.0.0.1:PORT/path}); {@link #configuration()} reaches it.
 *
 * <pre>{@code
 * try (HdfsCluster hdfs = HdfsCluster.start(dir)) {
 *     Storage storage = hdfs.storage();
 *     storage.writeString(hdfs.uri("/a/b.txt"), "hello");
 * }
 * }</pre>
 */
public final class HdfsCluster implements AutoCloseable {

    private final MiniDFSCluster cluster;
    private final String root;

    private HdfsCluster(MiniDFSCluster cluster) {
        this.cluster = cluster;
        // Kept: the NameNode's port is not known to the cluster object while the NameNode is down.
        this.root = "hdfs://" + Net.LOOPBACK + ":" + cluster.getNameNodePort();
    }

    /** Starts a NameNode and a DataNode on 127.0.0.1 with their folders under {@code dir}. */
    public static HdfsCluster start(Path dir) {
        Configuration conf = new Configuration();
        conf.set("hadoop.tmp.dir", dir.toAbsolutePath().resolve("hadoop-tmp").toString());
        conf.set("dfs.namenode.rpc-bind-host", Net.LOOPBACK);
        conf.set("dfs.namenode.http-address", Net.LOOPBACK + ":0");
        // Permissions on, as on a real cluster: the permission-error tests need them.
        conf.setBoolean("dfs.permissions.enabled", true);
        // A NameNode that is gone must fail a client fast, not after the default minutes of retries.
        conf.setInt("ipc.client.connect.max.retries", 1);
        conf.setInt("ipc.client.connect.max.retries.on.timeouts", 1);
        conf.setInt("ipc.client.connect.retry.interval", 100);
        try {
            MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf, dir.toAbsolutePath().resolve("hdfs").toFile())
                    .numDataNodes(1)
                    .nameNodePort(Net.freePort())
                    .build();
            cluster.waitActive();
            return new HdfsCluster(cluster);
        } catch (IOException e) {
            throw new UncheckedIOException("MiniDFSCluster did not start", e);
        }
    }

    /** {@code hdfs://127.0.0.1:PORT} */
    public String root() {
        return root;
    }

    /** An absolute path on this HDFS as a URI: {@code hdfs://127.0.0.1:PORT/path}. */
    public String uri(String absolutePath) {
        return root() + absolutePath;
    }

    /** A configuration whose default file system is this HDFS. */
    public Configuration configuration() {
        Configuration conf = new Configuration(cluster.getConfiguration(0));
        conf.set("fs.defaultFS", root());
        return conf;
    }

    public Storage storage() {
        return Storage.of(configuration());
    }

    public DistributedFileSystem fileSystem() {
        try {
            return cluster.getFileSystem();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a local file or directory to {@code absolutePath} on HDFS; returns its URI. */
    public String put(Path local, String absolutePath) throws IOException {
        fileSystem().copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toAbsolutePath().toUri()),
                new org.apache.hadoop.fs.Path(absolutePath));
        return uri(absolutePath);
    }

    /** A text file's content. */
    public String read(String absolutePathOrUri) throws IOException {
        try (InputStream in = fileSystem().open(new org.apache.hadoop.fs.Path(absolutePathOrUri))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The names in a directory, sorted. */
    public List<String> list(String absolutePathOrUri) throws IOException {
        FileSystem fs = fileSystem();
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(absolutePathOrUri);
        if (!fs.exists(p)) {
            return List.of();
        }
        return java.util.Arrays.stream(fs.listStatus(p)).map(FileStatus::getPath)
                .map(org.apache.hadoop.fs.Path::getName).sorted().toList();
    }

    public boolean exists(String absolutePathOrUri) throws IOException {
        return fileSystem().exists(new org.apache.hadoop.fs.Path(absolutePathOrUri));
    }

    /** Stops the NameNode only (the DataNode keeps running): clients find no file system. */
    public void stopNameNode() {
        cluster.shutdownNameNode(0);
    }

    /** Writes this HDFS as the default file system into {@code dir}/core-site.xml, for another JVM's HADOOP_CONF_DIR. */
    public void writeCoreSite(Path dir) throws IOException {
        Configuration core = new Configuration(false);
        core.set("fs.defaultFS", root());
        Files.createDirectories(dir);
        try (var out = Files.newOutputStream(dir.resolve("core-site.xml"))) {
            core.writeXml(out);
        }
    }

    @Override
    public void close() {
        cluster.shutdown(true);
    }
}
