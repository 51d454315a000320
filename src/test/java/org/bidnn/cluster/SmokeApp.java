package org.bidnn.cluster;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.bidnn.cli.BidnnCli;
import org.bidnn.spark.SparkSessions;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small Spark application that proves a cluster runs our kind of job: the numbers 1..N over P
 * partitions, each partition summed with ND4J on an executor and sent back as an INDArray (through
 * Kryo and ND4J's registrator, as DL4J's Spark training sends parameters), and the total written
 * by the driver to a properties file.
 *
 * <pre>
 * SmokeApp --numbers N --partitions P --out FILE [--sleep-ms MS] [--markers DIR]
 * </pre>
 *
 * {@code --sleep-ms} makes each task last that long; with {@code --markers}, each task first
 * creates an empty file {@code p<partition>-a<attempt>-e<executor>-pid<pid>} there, so a test can
 * see which executor runs what, kill it mid-task, and see the retry. Shipped to the cluster by
 * {@link SmokeJar}; it uses nothing else from the tests, and from the spark-submit jar
 * {@link SparkSessions} (as bidnn's commands start Spark) and {@link BidnnCli#exit(int)} (as they end).
 */
public final class SmokeApp {

    private SmokeApp() {
    }

    /** What one partition reports. */
    public static final class PartitionSum implements Serializable {
        private static final long serialVersionUID = 1L;
        int partition;
        int attempt;
        String executorId;
        long pid;
        long count;
        INDArray sum;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long numbers = Long.parseLong(options.getOrDefault("numbers", "1000"));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "4"));
        long sleepMs = Long.parseLong(options.getOrDefault("sleep-ms", "0"));
        String markers = options.get("markers");
        Path out = Path.of(required(options, "out"));

        SparkSession spark = SparkSessions.getOrCreate("bidnn-smoke", null);
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<Long> values = LongStream.rangeClosed(1, numbers).boxed().toList();
            List<PartitionSum> sums = jsc.parallelize(values, partitions)
                    .mapPartitions(it -> List.of(sum(it, sleepMs, markers)).iterator())
                    .collect();

            double total = 0;
            long count = 0;
            TreeSet<String> executors = new TreeSet<>();
            TreeSet<Long> pids = new TreeSet<>();
            int maxAttempt = 0;
            for (PartitionSum s : sums) {
                total += s.sum.getDouble(0);
                count += s.count;
                executors.add(s.executorId);
                pids.add(s.pid);
                maxAttempt = Math.max(maxAttempt, s.attempt);
            }
            Map<String, String> result = new TreeMap<>();
            result.put("numbers", Long.toString(numbers));
            result.put("partitions", Integer.toString(sums.size()));
            result.put("count", Long.toString(count));
            result.put("sum", Long.toString(Math.round(total)));
            result.put("executors", String.join(",", executors));
            result.put("pids", pids.stream().map(String::valueOf).collect(Collectors.joining(",")));
            result.put("maxAttempt", Integer.toString(maxAttempt));
            result.put("master", spark.sparkContext().master());
            result.put("deployMode", spark.sparkContext().deployMode());
            write(out, result);
        } finally {
            spark.stop();
        }
        // Ends as bidnn's own main does, so that the cluster tests check that way out too (in
        // YARN cluster mode a System.exit(0) would turn a success into a failure).
        BidnnCli.exit(0);
    }

    private static PartitionSum sum(Iterator<Long> values, long sleepMs, String markers) throws Exception {
        TaskContext task = TaskContext.get();
        PartitionSum s = new PartitionSum();
        s.partition = task.partitionId();
        s.attempt = task.attemptNumber();
        s.executorId = SparkEnv.get().executorId();
        s.pid = ProcessHandle.current().pid();
        if (markers != null) {
            Files.createFile(Path.of(markers, "p" + s.partition + "-a" + s.attempt + "-e" + s.executorId + "-pid" + s.pid));
        }
        List<Double> xs = new ArrayList<>();
        values.forEachRemaining(v -> xs.add(v.doubleValue()));
        s.count = xs.size();
        s.sum = Nd4j.create(xs.stream().mapToDouble(Double::doubleValue).toArray()).sum();
        if (sleepMs > 0) {
            Thread.sleep(sleepMs);
        }
        return s;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: SmokeApp --numbers N --partitions P --out FILE "
                        + "[--sleep-ms MS] [--markers DIR]; got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** Writes KEY=value lines to a temporary file beside {@code out}, then renames it into place. */
    private static void write(Path out, Map<String, String> result) {
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
            StringBuilder text = new StringBuilder();
            result.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
