package org.bidnn.jobs;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.bidnn.io.Storage;

/**
 * The dated directory a run of {@code pipeline} or {@code compare} writes into: the run works in
 * {@code ROOT/.incomplete-STAMP} and, once every stage has succeeded, {@link #publish()} renames it
 * to {@code ROOT/STAMP} ({@code 2026-11-23T07-45-12}, local time), so a directory named by its
 * stamp alone is complete. A run that fails leaves its {@code .incomplete-} directory with a
 * {@code _FAILED} file saying which stage failed and why; one that was killed leaves it without.
 *
 * <p>The root may be on any file system ({@link Storage}), HDFS in a cluster: the directory is
 * renamed, not copied, so publishing is one atomic step on HDFS and local disks.
 */
public final class RunDirectory {

    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss", Locale.ROOT);
    public static final String INCOMPLETE_PREFIX = ".incomplete-";
    public static final String FAILED_MARKER = "_FAILED";

    private final Storage storage;
    private final LocalDateTime started;
    private final String work;
    private final String done;

    private RunDirectory(Storage storage, LocalDateTime started, String work, String done) {
        this.storage = storage;
        this.started = started;
        this.work = work;
        this.done = done;
    }

    /**
     * Creates the working directory of a run starting now, under {@code root} (created if needed).
     * The run's paths keep the form of {@code root} (a relative root gives relative paths, which
     * Spark and {@link Storage} resolve alike).
     */
    public static RunDirectory create(Storage storage, String root, Clock clock) throws IOException {
        LocalDateTime started = LocalDateTime.now(clock);
        storage.mkdirs(root);
        String name = freeName(storage, root, STAMP.format(started));
        String work = Storage.child(root, INCOMPLETE_PREFIX + name);
        storage.mkdirs(work);
        return new RunDirectory(storage, started, work, Storage.child(root, name));
    }

    public LocalDateTime started() {
        return started;
    }

    /** Where the run writes while it runs. */
    public String work() {
        return work;
    }

    /** {@code name} inside the working directory. */
    public String work(String name) {
        return Storage.child(work, name);
    }

    /** Where the run will be once published. */
    public String done() {
        return done;
    }

    /** {@code name} inside the run once published. */
    public String done(String name) {
        return Storage.child(done, name);
    }

    /** Gives the run its final name, atomically. */
    public void publish() throws IOException {
        storage.rename(work, done);
    }

    /** Leaves the {@code _FAILED} marker; a failure to write it is added to {@code failure}. */
    public void markFailed(String stage, Throwable failure) {
        try {
            storage.writeString(work(FAILED_MARKER), "stage: " + stage + "\nerror: " + failure + "\n");
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** The stamp, or the stamp with -2, -3... if a run of the same second already has it. */
    private static String freeName(Storage storage, String root, String stamp) throws IOException {
        String name = stamp;
        for (int i = 2; storage.exists(Storage.child(root, name))
                || storage.exists(Storage.child(root, INCOMPLETE_PREFIX + name)); i++) {
            name = stamp + "-" + i;
        }
        return name;
    }
}
