package org.bidnn.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A process started by a cluster fixture (a Spark daemon, a spark-submit), with its output in a
 * log file. It is stopped by PID, together with every process it started (executors, drivers),
 * by {@link #close()}. Should the test JVM be stopped first (failsafe's fork timeout, Ctrl-C), a
 * shutdown hook kills these processes and every other process this JVM started (YARN
 * containers, scripts), so that no cluster process outlives the tests.
 */
public final class ClusterProcess implements AutoCloseable {

    private static final Set<ClusterProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            RUNNING.forEach(ClusterProcess::close);
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        }, "cluster-process-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ClusterProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} in {@code workDir}, stdout and stderr together in {@code log}.
     *
     * @param environment added to this JVM's environment
     */
    public static ClusterProcess start(String name, List<String> command, Map<String, String> environment,
            Path workDir, Path log) {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Files.writeString(log, "$ " + String.join(" ", command) + "\n\n", StandardCharsets.UTF_8);
            ClusterProcess started = new ClusterProcess(name, builder.start(), log);
            RUNNING.add(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the exit code; null if the process still runs after {@code timeout}. */
    public Integer waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** The last {@code lines} lines of the log, for failure messages. */
    public String logTail(int lines) {
        return tail(log, lines);
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return "--- " + file + (all.size() > lines ? " (last " + lines + " lines)" : "") + "\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /**
     * Kills the process and everything it started, by PID (SIGKILL): the process first, so that it
     * cannot start more, then the children it had (known only while it lived).
     */
    @Override
    public void close() {
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A process that outlives SIGKILL by 30 s is beyond reach; go on with the others.
        }
        RUNNING.remove(this);
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
