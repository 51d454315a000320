package org.bidnn.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a script of submit/ as a user does, for the tests. */
public final class SubmitScript {

    /** What a run printed and returned. */
    public record Result(int code, String stdout, String stderr) {

        /** The command a --dry-run printed (its last line), split into words as bash does. */
        public List<String> command() {
            String[] lines = stdout.strip().split("\n");
            return words(lines[lines.length - 1]);
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private SubmitScript() {
    }

    public static Path script(String name) {
        return BuildLayout.projectDir().resolve("submit").resolve(name);
    }

    /**
     * Runs {@code submit/NAME ARGS...} from {@code workDir}, with {@code env} added to (or, for a
     * null value, removed from) this JVM's environment, and waits for it.
     */
    public static Result run(String name, Map<String, String> env, Path workDir, Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script(name).toString()));
        command.addAll(Arrays.asList(args));
        try {
            Files.createDirectories(workDir);
            Path out = Files.createTempFile(workDir, name, ".out");
            Path err = Files.createTempFile(workDir, name, ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            env.forEach((k, v) -> {
                if (v == null) {
                    builder.environment().remove(k);
                } else {
                    builder.environment().put(k, v);
                }
            });
            Process p = builder.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                List<ProcessHandle> children = p.descendants().toList();
                p.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                throw new AssertionError(name + " did not finish within " + timeout + "\n"
                        + ClusterProcess.tail(out, 60) + "\n" + ClusterProcess.tail(err, 60));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Splits a shell-quoted line into words, by asking bash. */
    public static List<String> words(String line) {
        try {
            Process p = new ProcessBuilder("bash", "-c", "eval \"w=($1)\"; printf '%s\\0' \"${w[@]}\"", "_", line)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new AssertionError("bash cannot split: " + line + "\n" + out);
            }
            return out.isEmpty() ? List.of() : List.of(out.substring(0, out.length() - 1).split("\0", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Writes a settings file for the scripts: {@code lines} as they are (KEY=value, bash syntax),
     * after the project's conf/job.conf, so that unset keys keep its values.
     */
    public static Path settings(Path file, String... lines) {
        try {
            Files.createDirectories(file.getParent());
            String base = Files.readString(BuildLayout.projectDir().resolve("conf/job.conf"));
            Files.writeString(file, base + "\n# test settings\n" + String.join("\n", lines) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spark settings as a bash array of --conf arguments, for BIDNN_SUBMIT_ARGS. */
    public static String confArray(Map<String, String> conf) {
        StringBuilder b = new StringBuilder("(");
        conf.forEach((k, v) -> b.append(" --conf ").append(quote(k + "=" + v)));
        return b.append(" )").toString();
    }

    /** A value quoted for bash. */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
