package org.bidnn.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory this process cannot write into, for the tests of outputs that cannot be written. A
 * directory without write permission, where permissions bind this user; as root, where they do not,
 * {@code /sys}, into which the kernel lets no one create a file. {@link #restore()} gives the made
 * directory its permissions back.
 */
public record ReadOnlyDirectory(Path path, boolean made) {

    private static final Path SYSFS = Path.of("/sys");

    /** A read-only directory under {@code scratch}, or {@code /sys} where permissions are not enforced. */
    public static ReadOnlyDirectory under(Path scratch) throws IOException {
        Path locked = Files.createDirectories(scratch.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!Files.isWritable(locked)) {
            return new ReadOnlyDirectory(locked, true);
        }
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.delete(locked);
        if (!Files.isDirectory(SYSFS)) {
            throw new IllegalStateException("no read-only directory here: permissions are not enforced and there is no "
                    + SYSFS);
        }
        return new ReadOnlyDirectory(SYSFS, false);
    }

    /** The entries whose name contains {@code name}: what an attempt to write {@code name} left behind. */
    public List<Path> traces(String name) throws IOException {
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(p -> p.getFileName().toString().contains(name)).toList();
        }
    }

    public void restore() throws IOException {
        if (made) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
