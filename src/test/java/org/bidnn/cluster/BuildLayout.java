package org.bidnn.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the build put what the cluster tests need. Maven passes {@code bidnn.build.dir}
 * (the {@code target/} folder); run from an IDE, it is {@code target/} under the working directory.
 */
public final class BuildLayout {

    private BuildLayout() {
    }

    public static Path buildDir() {
        String dir = System.getProperty("bidnn.build.dir");
        return (dir != null ? Path.of(dir) : Path.of(System.getProperty("user.dir"), "target")).toAbsolutePath();
    }

    public static Path projectDir() {
        return buildDir().getParent();
    }

    /** Every runtime jar, Spark included (copy-dependencies, package phase). */
    public static Path libDir() {
        return existing(buildDir().resolve("lib"));
    }

    /** The jar given to spark-submit: our classes, DL4J and ND4J, without Spark (maven-shade-plugin). */
    public static Path submitJar() {
        return existing(buildDir().resolve("bidnn-spark-submit.jar"));
    }

    /** Jars a Spark distribution has that are not dependencies of the project (cluster-tests profile). */
    public static Path clusterLibDir() {
        return existing(buildDir().resolve("cluster-lib"));
    }

    public static Path testClasses() {
        return existing(buildDir().resolve("test-classes"));
    }

    /** Root of everything the cluster tests write: target/cluster-it. */
    public static Path clusterTestDir() {
        return buildDir().resolve("cluster-it");
    }

    /** The Java 17 module openings of pom.xml's jvm.opens, as the build wrote them. */
    public static List<String> java17Options() {
        Path file = existing(buildDir().resolve("classes/bidnn/java17-options.txt"));
        try {
            return Arrays.stream(Files.readString(file).trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #java17Options()} as one string, for spark.*.extraJavaOptions. */
    public static String java17OptionString() {
        return String.join(" ", java17Options());
    }

    /** The java launcher of this JVM (a Java 17: Spark 3.5 does not start on newer ones). */
    public static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The java command that starts {@code org.apache.spark.deploy.SparkSubmit} in a JVM of its own:
     * a client-mode submitter is the driver and gets a driver's heap, a cluster-mode one only waits;
     * the add-opens list; temporary files in {@code tmpDir}. The submission's arguments follow.
     */
    public static List<String> sparkSubmitCommand(DeployMode mode, Path tmpDir, String classpath) {
        List<String> command = new ArrayList<>(List.of(javaBin(), mode == DeployMode.CLIENT ? "-Xmx768m" : "-Xmx256m"));
        command.addAll(java17Options());
        command.add("-Djava.io.tmpdir=" + tmpDir);
        command.addAll(List.of("-cp", classpath, "org.apache.spark.deploy.SparkSubmit"));
        return command;
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: run the cluster tests through Maven "
                    + "(mvn verify), which packages the project first");
        }
        return path;
    }
}
