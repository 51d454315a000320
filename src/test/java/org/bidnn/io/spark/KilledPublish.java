package org.bidnn.io.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * A process that publishes TARGET with --overwrite and dies like a SIGKILLed driver (no shutdown
 * hooks, no clean-up) between moving the old output aside and moving the new one in. Run by
 * {@link AtomicDirectoriesTest}: {@code KilledPublish TARGET CONTENT}.
 */
public final class KilledPublish {

    static final int KILLED = 137;

    private KilledPublish() {
    }

    /**
     * Runs it in a JVM of its own, publishing two part files of {@code content} at {@code target},
     * and waits for it to die between the renames.
     */
    public static void run(Path target, String content) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledPublish.class.getName(), target.toString(), content)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != KILLED) {
            throw new IllegalStateException("the publish was not killed between its renames (exit " + p.exitValue()
                    + "): " + output);
        }
    }

    public static void main(String[] args) throws IOException {
        AtomicDirectories.betweenRenames = () -> Runtime.getRuntime().halt(KILLED);
        AtomicDirectories.publish(new Configuration(), args[0], true, temp -> {
            Path out = Files.createDirectories(Path.of(java.net.URI.create(temp)));
            Files.writeString(out.resolve("part-00000"), args[1]);
            Files.writeString(out.resolve("part-00001"), args[1]);
            Files.createFile(out.resolve(AtomicDirectories.SUCCESS_MARKER));
        });
        System.exit(0);
    }
}
