package org.bidnn.io.spark;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.bidnn.io.AtomicFiles;
import org.bidnn.io.BadInputException;
import org.bidnn.io.IoConsumer;
import org.bidnn.io.StorageException;
import org.bidnn.spark.TaskFailures;

/**
 * Publishes the output directory of a Spark job so that readers see either the old output or the
 * complete new one, never a half-written one: the directory counterpart of {@link AtomicFiles}, on
 * any Hadoop file system.
 *
 * <p>The job writes into a hidden temporary sibling of the target ({@code .NAME.tmp-XXXX}: same
 * parent, so the same file system and a rename that moves no data; hidden, so Spark and Hadoop
 * skip it when they list the parent). Only when the job has succeeded, which Spark's output
 * committer records as a {@code _SUCCESS} file, is it renamed to the target. An existing target is
 * refused unless overwriting is asked for; then it is renamed aside, the new output renamed in,
 * and the old one deleted. On any failure the temporary directory is deleted.
 *
 * <p>Between the two renames of an overwrite, the target is briefly absent (and stays absent, with
 * the old output kept aside as {@code .NAME.old-XXXX}, if the driver dies exactly there): readers
 * may find nothing, but never a partial output. A driver killed while the job runs leaves its
 * hidden temporary directory behind, never anything under the target's name. The next publish of
 * the same target (or {@link #recover}) repairs both: it first puts a previous output that was left
 * aside back in place, deletes one whose replacement was published, and deletes temporary
 * directories in which nothing has changed for an hour.
 */
public final class AtomicDirectories {

    static final String SUCCESS_MARKER = "_SUCCESS";
    private static final Duration KILLED_TASKS_TIMEOUT = Duration.ofSeconds(30);

    private AtomicDirectories() {
    }

    /** Called between the two renames of an overwrite; tests replace it to kill the process there. */
    static volatile Runnable betweenRenames = () -> { };

    /** Temporary directories in which nothing changed for this long belong to a killed job. */
    static final long STALE_AFTER_MILLIS = 60 * 60 * 1000L;

    /**
     * Repairs what earlier publishes of {@code target} left when they were killed: an old output
     * moved aside ({@code .NAME.old-*}) is put back if nothing is at the target, and deleted if the
     * new output was published; temporary directories ({@code .NAME.tmp-*}) in which nothing
     * changed for {@link #STALE_AFTER_MILLIS} are deleted (a younger one may be a job under way).
     * Publishing calls it first; a job that checks its target before its work should too.
     */
    public static void recover(Configuration conf, String target) throws IOException {
        try {
            recoverLeftovers(conf, target);
        } catch (IOException e) {
            throw StorageException.of(target, e);
        }
    }

    private static void recoverLeftovers(Configuration conf, String target) throws IOException {
        Path path = new Path(target);
        FileSystem fs = path.getFileSystem(conf);
        Path qualified = fs.makeQualified(path);
        Path parent = qualified.getParent();
        if (parent == null || !fs.exists(parent)) {
            return;
        }
        String old = "." + qualified.getName() + ".old-";
        String tmp = "." + qualified.getName() + ".tmp-";
        FileStatus[] leftovers = fs.listStatus(parent, p -> p.getName().startsWith(old) || p.getName().startsWith(tmp));
        // The newest old output is the one the killed publish moved aside; any other is older still.
        Arrays.sort(leftovers, Comparator.comparingLong(FileStatus::getModificationTime).reversed());
        for (FileStatus s : leftovers) {
            if (s.getPath().getName().startsWith(old)) {
                if (!fs.exists(qualified) && fs.exists(new Path(s.getPath(), SUCCESS_MARKER))) {
                    rename(fs, s.getPath(), qualified);
                } else {
                    fs.delete(s.getPath(), true);
                }
            } else if (lastChange(fs, s.getPath()) < System.currentTimeMillis() - STALE_AFTER_MILLIS) {
                fs.delete(s.getPath(), true);
            }
        }
    }

    /** The newest modification time in a directory tree: Spark's tasks write deep inside it. */
    private static long lastChange(FileSystem fs, Path dir) throws IOException {
        long last = fs.getFileStatus(dir).getModificationTime();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
        while (files.hasNext()) {
            last = Math.max(last, files.next().getModificationTime());
        }
        return last;
    }

    /** Whether something exists at {@code target}, to refuse early, before any work is done. */
    public static boolean exists(Configuration conf, String target) throws IOException {
        Path path = new Path(target);
        return path.getFileSystem(conf).exists(path);
    }

    /**
     * Runs {@code write} with a new temporary directory (a qualified path string that does not exist
     * yet) and publishes what it wrote as {@code target}.
     *
     * @param overwrite replace an existing target; without it an existing target is an error
     * @throws FileAlreadyExistsException if the target exists and {@code overwrite} is false
     * @throws IOException if the write did not mark its output complete, or a rename fails
     */
    public static void publish(Configuration conf, String target, boolean overwrite, IoConsumer<String> write)
            throws IOException {
        Path path = new Path(target);
        FileSystem fs = path.getFileSystem(conf);
        Path qualified = fs.makeQualified(path);
        Path parent = qualified.getParent();
        if (parent == null) {
            throw new BadInputException("the output cannot be a root directory: " + target);
        }
        recover(conf, target);
        Path temp = sibling(fs, qualified, "tmp");
        checkWritable(fs, temp, target);
        try {
            write.accept(temp.toString());
            if (!fs.exists(new Path(temp, SUCCESS_MARKER))) {
                throw new IOException("the job did not mark its output complete (no " + SUCCESS_MARKER
                        + " in " + temp + "); is mapreduce.fileoutputcommitter.marksuccessfuljobs off?");
            }
            moveIntoPlace(fs, temp, qualified, target, overwrite);
        } catch (Throwable t) {
            // Throwable: Spark's own SparkException is checked but undeclared, and must clean up too.
            // A failed job returns while the tasks it killed may still be writing into the
            // temporary directory (and would create it again): they end first.
            TaskFailures.awaitRunningTasks(KILLED_TASKS_TIMEOUT);
            try {
                fs.delete(temp, true);
            } catch (IOException cleanup) {
                t.addSuppressed(cleanup);
            }
            throw t;
        }
    }

    /**
     * Refuses, before any work, an output that cannot be created where it is asked for: a parent
     * that is a file, or one without permission to write. Spark would fail later, at the end of
     * the job, with Hadoop's exception and its stack trace.
     */
    private static void checkWritable(FileSystem fs, Path temp, String target) throws IOException {
        boolean created;
        try {
            created = fs.mkdirs(temp);
        } catch (ParentNotDirectoryException | org.apache.hadoop.fs.FileAlreadyExistsException e) {
            throw new StorageException(target, "a path above it is a file, not a directory", e);
        } catch (IOException e) {
            throw StorageException.of(target, e);
        }
        if (!created) {
            // The local file system says no more than that.
            throw new StorageException(target, "cannot create it (permission denied in " + temp.getParent() + "?)");
        }
        fs.delete(temp, true);
    }

    private static void moveIntoPlace(FileSystem fs, Path temp, Path target, String typed, boolean overwrite)
            throws IOException {
        Path old = null;
        if (fs.exists(target)) {
            if (!overwrite) {
                throw new FileAlreadyExistsException(typed, null, "the output already exists");
            }
            old = sibling(fs, target, "old");
            // FileSystem.rename moves a directory *into* an existing one, so the old output has to
            // go first.
            rename(fs, target, old);
            betweenRenames.run();
        }
        try {
            rename(fs, temp, target);
            if (fs.exists(new Path(target, temp.getName()))) {
                // Someone created the target in between, and the rename nested ours inside it.
                rename(fs, new Path(target, temp.getName()), temp);
                throw new FileAlreadyExistsException(typed, null, "the output was created by someone else meanwhile");
            }
        } catch (IOException | RuntimeException e) {
            if (old != null && !fs.exists(target)) {
                fs.rename(old, target);
            }
            throw e;
        }
        if (old != null && !fs.delete(old, true)) {
            throw new IOException("the new output is in place at " + typed + ", but the previous one, moved to "
                    + old + ", could not be deleted");
        }
    }

    private static void rename(FileSystem fs, Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("cannot rename " + from + " to " + to);
        }
    }

    /** A new hidden name beside {@code target}: {@code .NAME.KIND-XXXX}. */
    private static Path sibling(FileSystem fs, Path target, String kind) throws IOException {
        while (true) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path p = new Path(target.getParent(), "." + target.getName() + "." + kind + "-" + suffix);
            if (!fs.exists(p)) {
                return p;
            }
        }
    }
}
