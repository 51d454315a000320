package org.bidnn.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A Spark 3.5.5 installation, as a cluster has it, assembled from the project's own dependency
 * jars (nothing is downloaded), in {@code target/cluster-it/spark-home}:
 *
 * <ul>
 *   <li>{@code jars/}: links to the jars of {@code target/lib} that the spark-submit jar does not
 *       carry (Spark, Scala, Hadoop's client and the libraries Spark ships), plus spark-yarn and
 *       hadoop-yarn-server-web-proxy, as in a Spark distribution for Hadoop 3. So DL4J and ND4J
 *       reach drivers and executors only through {@code bidnn-spark-submit.jar}, as on a real
 *       cluster, and the tests check that jar as much as the cluster.</li>
 *   <li>{@code bin/spark-submit} and {@code bin/spark-class}: the same launch path as Spark's own
 *       scripts (Spark's launcher library builds the java command), so the scripts in
 *       {@code submit/} run against it with {@code SPARK_HOME} pointing here.</li>
 * </ul>
 *
 * <p>Spark's launcher and Worker need {@code SPARK_SCALA_VERSION} in their environment (Spark's
 * {@code load-spark-env.sh} sets it; without it every executor dies with "Cannot find any build
 * directories"), see {@link #environment()}.
 */
public final class SparkHome {

    private static SparkHome instance;

    private final Path dir;

    private SparkHome(Path dir) {
        this.dir = dir;
    }

    /** The installation of this test run, assembled on first use. */
    public static synchronized SparkHome get() {
        if (instance == null) {
            instance = assemble(BuildLayout.clusterTestDir().resolve("spark-home"));
        }
        return instance;
    }

    public Path dir() {
        return dir;
    }

    public Path jars() {
        return dir.resolve("jars");
    }

    /** Classpath of a Spark daemon or of spark-submit: every jar of the installation. */
    public String classpath() {
        return jars() + "/*";
    }

    public Path sparkSubmit() {
        return dir.resolve("bin/spark-submit");
    }

    /** What every process of the installation gets in its environment. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPARK_HOME", dir.toString());
        env.put("SPARK_SCALA_VERSION", "2.12");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    private static SparkHome assemble(Path dir) {
        try {
            deleteTree(dir);
            Path jars = Files.createDirectories(dir.resolve("jars"));
            Set<String> carried = entries(BuildLayout.submitJar());
            List<Path> clusterJars = new ArrayList<>();
            try (Stream<Path> lib = Files.list(BuildLayout.libDir())) {
                for (Path jar : lib.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    String name = jar.getFileName().toString();
                    // Spark has kryo-shaded (the same classes); kryo itself is only DL4J's dependency.
                    if (name.matches("kryo-\\d.*\\.jar")) {
                        continue;
                    }
                    if (!carried.contains(firstFileEntry(jar))) {
                        clusterJars.add(jar);
                    }
                }
            }
            clusterJars.add(jarOf("org.apache.spark.deploy.yarn.Client"));
            try (Stream<Path> extra = Files.list(BuildLayout.clusterLibDir())) {
                extra.filter(p -> p.toString().endsWith(".jar")).forEach(clusterJars::add);
            }
            for (Path jar : clusterJars) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
            }
            Files.writeString(dir.resolve("RELEASE"),
                    "Spark 3.5.5 built for Hadoop 3.3.4 (assembled by the cluster tests from the project's dependencies)\n");
            Files.createDirectories(dir.resolve("conf"));
            Path bin = Files.createDirectories(dir.resolve("bin"));
            script(bin.resolve("spark-class"), SPARK_CLASS);
            script(bin.resolve("spark-submit"), SPARK_SUBMIT);
            return new SparkHome(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot assemble the Spark installation in " + dir, e);
        }
    }

    /** The name of the first file (not a folder, not under META-INF/) of a jar, or "" if none. */
    private static String firstFileEntry(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (!e.isDirectory() && !e.getName().startsWith("META-INF/")) {
                    return e.getName();
                }
            }
        }
        return "";
    }

    private static Set<String> entries(Path jar) throws IOException {
        Set<String> names = new HashSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().forEach(e -> names.add(e.getName()));
        }
        return names;
    }

    private static Path jarOf(String className) {
        try {
            return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("no jar on the test classpath holds " + className, e);
        }
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    // Spark's bin/spark-class, reduced: the launcher library prints messages, a NUL line, then the
    // java command, NUL-separated; the script appends the launcher's exit code.
    private static final String SPARK_CLASS = """
            #!/usr/bin/env bash
            set -uo pipefail
            export SPARK_HOME="${SPARK_HOME:-$(cd "$(dirname "$0")/.." && pwd)}"
            export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.12}"
            java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
            build_command() {
              "$java" -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "$@"
              printf '%d\\0' $?
            }
            cmd=()
            delim=$'\\n'
            started=false
            while IFS= read -d "$delim" -r arg; do
              if [[ $started == true ]]; then cmd+=("$arg")
              elif [[ -z "$arg" ]]; then delim=''; started=true
              else echo "$arg"; fi
            done < <(build_command "$@")
            last=$((${#cmd[@]} - 1))
            if [[ $last -lt 0 ]]; then echo "spark-class: the launcher failed" >&2; exit 1; fi
            if [[ "${cmd[$last]}" != 0 ]]; then exit "${cmd[$last]}"; fi
            exec "${cmd[@]:0:$last}"
            """;

    private static final String SPARK_SUBMIT = """
            #!/usr/bin/env bash
            set -euo pipefail
            exec "$(dirname "$0")/spark-class" org.apache.spark.deploy.SparkSubmit "$@"
            """;
}
