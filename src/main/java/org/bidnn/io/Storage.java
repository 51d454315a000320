package org.bidnn.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/**
 * Every file and directory the job reads or writes outside Spark's own readers and writers, through
 * Hadoop's {@link FileSystem}: a path is any URI whose scheme the classpath supports
 * ({@code hdfs://}, {@code s3a://}, {@code viewfs://}, {@code file://}), and a path without a scheme
 * is resolved against {@code fs.defaultFS} and the file system's working directory, exactly as
 * {@code spark.read} resolves it (on a YARN cluster, HDFS and {@code /user/NAME}; in
 * {@code local[*]}, the local disk and the working directory).
 *
 * <p>Paths stay strings as the user typed them, so that every message names the file as it was
 * given. Failures of the file system itself become a {@link StorageException} naming the path and
 * saying what went wrong in words (no such file, permission denied, file system unreachable,
 * unknown scheme).
 *
 * <p>{@link #write} publishes a file atomically: the content goes to a hidden temporary sibling
 * ({@code .NAME.tmp-XXXX}, same directory, so the same file system), which is made durable and then
 * renamed over the target. On the local disk that is {@link AtomicFiles} (fsync, POSIX rename); on
 * HDFS, {@code hsync} and the NameNode's rename-with-overwrite, which is atomic. Object stores such
 * as {@code s3a} have no rename: there the rename is a copy, but an object only becomes visible
 * once its upload is complete, so readers still never see a partial file.
 */
public final class Storage {

    /** How long a temporary file may stay untouched before a later write of its target deletes it. */
    static final long STALE_AFTER_MILLIS = 60 * 60 * 1000L;

    private final Configuration hadoop;

    private Storage(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /** Files as {@code hadoop} (a Spark session's, or the one a submission gives the driver) sees them. */
    public static Storage of(Configuration hadoop) {
        return new Storage(hadoop);
    }

    public Configuration hadoop() {
        return hadoop;
    }

    /** {@code path} fully qualified (scheme, authority, absolute path), as Spark would resolve it. */
    public Path resolve(String path) throws IOException {
        Path p = parse(path);
        return fileSystem(path, p).makeQualified(p);
    }

    /** {@code name} inside the directory {@code dir}, in the same form as {@code dir} (qualified or not). */
    public static String child(String dir, String name) {
        return new Path(new Path(dir), name).toString();
    }

    /** The last component of {@code path}. */
    public static String name(String path) {
        return new Path(path).getName();
    }

    /** The directory that holds {@code path}, in the same form as {@code path}; null for a root. */
    public static String parent(String path) {
        Path parent = new Path(path).getParent();
        return parent == null ? null : parent.toString();
    }

    /** Opens a file for reading; a file that cannot be opened is an {@link InputFileException} naming it. */
    public InputStream open(String file) {
        try {
            Path p = parse(file);
            FileSystem fs = fileSystem(file, p);
            if (fs.getFileStatus(p).isDirectory()) {
                throw new StorageException(file, "is a directory, not a file");
            }
            return fs.open(p);
        } catch (IOException e) {
            throw InputFileException.unreadable(file, e);
        }
    }

    /** The whole content of a (small) file. */
    public byte[] readAllBytes(String file) {
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw InputFileException.unreadable(file, e);
        }
    }

    public boolean exists(String path) throws IOException {
        return onFileSystem(path, FileSystem::exists);
    }

    public boolean isDirectory(String path) throws IOException {
        return onFileSystem(path, (fs, p) -> fs.exists(p) && fs.getFileStatus(p).isDirectory());
    }

    /** Creates {@code dir} and its missing parents. */
    public void mkdirs(String dir) throws IOException {
        onFileSystem(dir, (fs, p) -> {
            if (fs.exists(p) && !fs.getFileStatus(p).isDirectory()) {
                throw new StorageException(dir, "exists and is not a directory");
            }
            if (!fs.mkdirs(p)) {
                throw new StorageException(dir, "cannot create the directory");
            }
            return null;
        });
    }

    /** The entries of {@code dir} (none if it does not exist), as paths inside {@code dir}, sorted by name. */
    public List<String> list(String dir) throws IOException {
        return onFileSystem(dir, (fs, p) -> {
            if (!fs.exists(p)) {
                return List.<String>of();
            }
            List<String> names = new ArrayList<>();
            for (FileStatus s : fs.listStatus(p)) {
                names.add(s.getPath().getName());
            }
            names.sort(null);
            return names.stream().map(n -> child(dir, n)).toList();
        });
    }

    /** Deletes a file, or a directory with what it holds; nothing if it does not exist. */
    public void delete(String path) throws IOException {
        onFileSystem(path, (fs, p) -> {
            if (fs.exists(p) && !fs.delete(p, true)) {
                throw new StorageException(path, "cannot delete");
            }
            return null;
        });
    }

    /**
     * Renames {@code from} to {@code to}, which must not exist; a directory is moved as a whole (one
     * metadata operation on HDFS and local disks).
     */
    public void rename(String from, String to) throws IOException {
        Path target = parse(to);
        onFileSystem(from, (fs, source) -> {
            if (fs.exists(target)) {
                // FileSystem.rename would move a directory into the existing one.
                throw new StorageException(to, "already exists");
            }
            if (!fs.rename(source, target)) {
                throw new StorageException(to, "cannot rename " + from + " to it");
            }
            return null;
        });
    }

    /** What is done with a file system and a path on it. */
    @FunctionalInterface
    private interface FileSystemCall<T> {
        T apply(FileSystem fs, Path path) throws IOException;
    }

    /** {@code call} on the file system of {@code path}; its failures are {@link StorageException}s naming the path. */
    private <T> T onFileSystem(String path, FileSystemCall<T> call) throws IOException {
        Path p = parse(path);
        try {
            return call.apply(fileSystem(path, p), p);
        } catch (IOException e) {
            throw StorageException.of(path, e);
        }
    }

    /**
     * Refuses, before any work is done, an output that could not be written or would destroy an
     * input: a directory where a file is to go, or the same file as one of {@code inputs} (after
     * resolving relative paths, schemes and, on the local disk, links).
     */
    public void checkOutputFile(String target, String... inputs) throws IOException {
        if (isDirectory(target)) {
            throw new StorageException(target, "is a directory, not a file");
        }
        for (String input : inputs) {
            if (input != null && sameFile(target, input)) {
                throw new StorageException(target, "is also an input (" + input + "): writing it would destroy it");
            }
        }
    }

    private boolean sameFile(String a, String b) throws IOException {
        Path first = resolve(a);
        Path second = resolve(b);
        if (first.equals(second)) {
            return true;
        }
        boolean local = "file".equals(first.toUri().getScheme()) && "file".equals(second.toUri().getScheme());
        if (local && exists(a) && exists(b)) {
            return java.nio.file.Files.isSameFile(java.nio.file.Path.of(first.toUri()), java.nio.file.Path.of(second.toUri()));
        }
        return false;
    }

    /** Writes {@code text} to {@code target} as UTF-8, atomically. */
    public void writeString(String target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Copies a (small) file, atomically at the target. */
    public void copy(String from, String to) throws IOException {
        byte[] bytes = readAllBytes(from);
        write(to, out -> out.write(bytes));
    }

    /**
     * Writes {@code target} with what {@code body} writes to the stream it is given, so that readers
     * see the old content or the complete new one, never a part. Missing parent directories are
     * created; an existing file is replaced. If the body throws, the temporary file is deleted, the
     * target is left as it was, and the exception propagates. The body need not close the stream.
     */
    public void write(String target, IoConsumer<OutputStream> body) throws IOException {
        Path qualified = resolve(target);
        FileSystem fs = fileSystem(target, qualified);
        Path parent = qualified.getParent();
        if (parent == null || isDirectory(target)) {
            throw new StorageException(target, "is a directory, not a file");
        }
        if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
            // The local disk keeps the java.nio path: fsync of the file and its directory, an atomic
            // POSIX rename, and no Hadoop checksum (.crc) files beside the user's outputs.
            try {
                AtomicFiles.write(java.nio.file.Path.of(qualified.toUri()), body);
            } catch (java.nio.file.FileSystemException e) {
                throw StorageException.of(target, e);
            }
            removeStaleTemporaries(fs, qualified);
            return;
        }
        Path temp = new Path(parent, "." + qualified.getName() + ".tmp-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
        try {
            try {
                fs.mkdirs(parent);
                writeDurably(fs.create(temp, false), body);
            } catch (IOException e) {
                throw StorageException.of(target, e);
            }
            renameOver(fs, temp, qualified, target);
            removeStaleTemporaries(fs, qualified);
        } catch (Throwable t) {
            try {
                fs.delete(temp, false);
            } catch (IOException cleanup) {
                t.addSuppressed(cleanup);
            }
            throw t;
        }
    }

    /**
     * Deletes what earlier writes of {@code target} left when they were killed (SIGKILL, a lost
     * container) between creating their temporary file and renaming it: hidden
     * {@code .NAME.tmp-*} siblings untouched for {@link #STALE_AFTER_MILLIS}. A younger one may
     * belong to a write still under way. Best effort: the write itself has succeeded.
     */
    private static void removeStaleTemporaries(FileSystem fs, Path target) {
        String prefix = "." + target.getName() + ".tmp-";
        long before = System.currentTimeMillis() - STALE_AFTER_MILLIS;
        try {
            for (FileStatus s : fs.listStatus(target.getParent(),
                    p -> p.getName().startsWith(prefix) && !p.getName().endsWith(".crc"))) {
                if (s.getModificationTime() < before) {
                    fs.delete(s.getPath(), true);
                }
            }
        } catch (IOException e) {
            // Left for the next write to try again.
        }
    }

    /**
     * Writes the body into {@code out} and closes it. Not try-with-resources: an HDFS stream that
     * failed rethrows the same exception from close(), which cannot suppress itself.
     */
    private static void writeDurably(FSDataOutputStream out, IoConsumer<OutputStream> body) throws IOException {
        try {
            body.accept(new AtomicFiles.KeepOpen(out));
            // HDFS's fsync: the blocks are on the DataNodes' disks before the name points to them.
            out.hsync();
        } catch (Throwable t) {
            try {
                out.close();
            } catch (Throwable closing) {
                if (closing != t) {
                    t.addSuppressed(closing);
                }
            }
            throw t;
        }
        out.close();
    }

    /**
     * Replaces {@code target} by {@code temp} in one step where the file system can (HDFS's rename
     * with overwrite, through FileContext, which FileSystem's public API lacks); elsewhere deletes
     * the target first.
     */
    private void renameOver(FileSystem fs, Path temp, Path target, String typed) throws IOException {
        try {
            FileContext context;
            try {
                context = FileContext.getFileContext(target.toUri(), hadoop);
            } catch (UnsupportedFileSystemException noContext) {
                fs.delete(target, false);
                if (!fs.rename(temp, target)) {
                    throw new StorageException(typed, "cannot rename " + temp + " to it");
                }
                return;
            }
            context.rename(temp, target, Options.Rename.OVERWRITE);
        } catch (IOException e) {
            throw StorageException.of(typed, e);
        }
    }

    private static Path parse(String path) throws StorageException {
        if (path == null || path.isBlank()) {
            throw new StorageException(String.valueOf(path), "an empty path");
        }
        try {
            return new Path(path);
        } catch (IllegalArgumentException e) {
            throw new StorageException(path, "not a valid path or URI (" + e.getMessage() + ")");
        }
    }

    private FileSystem fileSystem(String typed, Path p) throws StorageException {
        try {
            return p.getFileSystem(hadoop);
        } catch (IOException e) {
            throw StorageException.of(typed, e);
        }
    }
}
