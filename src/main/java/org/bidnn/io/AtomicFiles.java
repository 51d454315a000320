package org.bidnn.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a
 * truncated file: a crashed or failed run must not leave behind output that looks finished.
 *
 * <p>The content goes to a hidden temporary file in the target's directory (same file system, so
 * the final rename is atomic), is flushed and fsynced, and then renamed over the target.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} with what {@code body} writes to the stream it is given. Missing parent
     * directories are created. If the body throws, the temporary file is deleted, the target is left
     * as it was, and the exception propagates. The body need not close the stream (closing it is harmless).
     */
    public static void write(Path target, IoConsumer<OutputStream> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = createTemp(dir, absolute.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                body.accept(new KeepOpen(out));
                out.flush();
                // Without this the rename can reach the disk before the data, and a crash then leaves
                // an empty or partial file under the final name.
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (Throwable t) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
        syncDirectory(dir);
    }

    /**
     * A new, hidden file next to the target. Not Files.createTempFile: that creates owner-only
     * files, and the rename would carry those permissions over to the result.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            try {
                return Files.createFile(dir.resolve("." + name + ".tmp-" + suffix));
            } catch (FileAlreadyExistsException taken) {
                // Astronomically unlikely; draw another name.
            }
        }
    }

    /**
     * Makes the rename itself durable: on POSIX systems it lives in the directory, which has to be
     * synced separately. Best effort, since some platforms cannot open a directory at all.
     */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The file is complete and in place; only its survival of a power cut is less certain.
        }
    }

    /** Lets the body close "its" stream without closing the file before it has been fsynced. */
    static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
