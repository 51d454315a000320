package org.bidnn.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The dated directory a run of {@code pipeline} or {@code compare} writes into: the run works in
 * {@code ROOT/.incomplete-STAMP} and, once every stage has succeeded, {@link #publish()} renames it
 * to {@code ROOT/STAMP} ({@code 2026-11-23T07-45-12}, local time), so a directory named by its
 * stamp alone is complete. A run that fails leaves its {@code .incomplete-} directory with a
 * {@code _FAILED} file saying which stage failed and why; one that was killed leaves it without.
 */
public final class RunDirectory {

    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss", Locale.ROOT);
    public static final String INCOMPLETE_PREFIX = ".incomplete-";
    public static final String FAILED_MARKER = "_FAILED";

    private final LocalDateTime started;
    private final Path work;
    private final Path done;

    private RunDirectory(LocalDateTime started, Path work, Path done) {
        this.started = started;
        this.work = work;
        this.done = done;
    }

    /** Creates the working directory of a run starting now, under {@code root} (created if needed). */
    public static RunDirectory create(Path root, Clock clock) throws IOException {
        LocalDateTime started = LocalDateTime.now(clock);
        Files.createDirectories(root);
        String name = freeName(root, STAMP.format(started));
        Path work = root.resolve(INCOMPLETE_PREFIX + name);
        Files.createDirectory(work);
        return new RunDirectory(started, work, root.resolve(name));
    }

    public LocalDateTime started() {
        return started;
    }

    /** Where the run writes while it runs. */
    public Path work() {
        return work;
    }

    /** Where the run will be once published. */
    public Path done() {
        return done;
    }

    /** Gives the run its final name, atomically. */
    public void publish() throws IOException {
        Files.move(work, done, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Leaves the {@code _FAILED} marker; a failure to write it is added to {@code failure}. */
    public void markFailed(String stage, Throwable failure) {
        try {
            Files.writeString(work.resolve(FAILED_MARKER), "stage: " + stage + "\nerror: " + failure + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** The stamp, or the stamp with -2, -3... if a run of the same second already has it. */
    private static String freeName(Path root, String stamp) {
        String name = stamp;
        for (int i = 2; Files.exists(root.resolve(name)) || Files.exists(root.resolve(INCOMPLETE_PREFIX + name)); i++) {
            name = stamp + "-" + i;
        }
        return name;
    }
}
