package org.bidnn.io.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.bidnn.io.IoConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publication of output directories, on the local file system through Hadoop's API. */
class AtomicDirectoriesTest {

    private static final Configuration CONF = new Configuration();

    @TempDir
    Path dir;

    /** A job that writes one part file with {@code content} and marks success, as Spark does. */
    private static IoConsumer<String> job(String content) {
        return temp -> {
            Path out = Files.createDirectories(Path.of(java.net.URI.create(temp)));
            Files.writeString(out.resolve("part-00000"), content);
            Files.createFile(out.resolve(AtomicDirectories.SUCCESS_MARKER));
        };
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void publishesTheCompleteOutputUnderTheTargetName() throws IOException {
        Path target = dir.resolve("out");
        AtomicDirectories.publish(CONF, target.toString(), false, job("new"));
        assertEquals("new", Files.readString(target.resolve("part-00000")));
        assertTrue(Files.exists(target.resolve("_SUCCESS")));
        assertEquals(List.of("out"), names(), "no temporary directory is left");
    }

    @Test
    void aFailedJobLeavesNoOutputAndNoTemporaryDirectory() throws IOException {
        Path target = dir.resolve("out");
        IOException e = assertThrows(IOException.class, () -> AtomicDirectories.publish(CONF, target.toString(), false,
                temp -> {
                    Files.createDirectories(Path.of(java.net.URI.create(temp)).resolve("_temporary"));
                    throw new IOException("task failed");
                }));
        assertEquals("task failed", e.getMessage());
        assertEquals(List.of(), names());
    }

    @Test
    void anOutputWithoutTheSuccessMarkerIsNotPublished() {
        Path target = dir.resolve("out");
        IOException e = assertThrows(IOException.class, () -> AtomicDirectories.publish(CONF, target.toString(), false,
                temp -> Files.writeString(Files.createDirectories(Path.of(java.net.URI.create(temp))).resolve("part-0"), "x")));
        assertTrue(e.getMessage().contains("_SUCCESS"), e.getMessage());
        assertFalse(Files.exists(target));
        assertTrue(dir.toFile().list().length == 0, "temporary directory deleted");
    }

    @Test
    void anExistingOutputIsKeptUnlessOverwriting() throws IOException {
        Path target = dir.resolve("out");
        AtomicDirectories.publish(CONF, target.toString(), false, job("old"));
        assertTrue(AtomicDirectories.exists(CONF, target.toString()));

        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> AtomicDirectories.publish(CONF, target.toString(), false, job("new")));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("old", Files.readString(target.resolve("part-00000")));
        assertEquals(List.of("out"), names());

        AtomicDirectories.publish(CONF, target.toString(), true, job("new"));
        assertEquals("new", Files.readString(target.resolve("part-00000")));
        assertEquals(List.of("out"), names(), "the old output and the temporary directory are gone");
    }

    @Test
    void overwritingAFileReplacesIt() throws IOException {
        Path target = Files.writeString(dir.resolve("out"), "a file");
        AtomicDirectories.publish(CONF, target.toString(), true, job("new"));
        assertTrue(Files.isDirectory(target));
        assertEquals(List.of("out"), names());
    }

    @Test
    void aFailedOverwriteKeepsTheOldOutput() throws IOException {
        Path target = dir.resolve("out");
        AtomicDirectories.publish(CONF, target.toString(), false, job("old"));
        assertThrows(IOException.class, () -> AtomicDirectories.publish(CONF, target.toString(), true,
                temp -> {
                    throw new IOException("task failed");
                }));
        assertEquals("old", Files.readString(target.resolve("part-00000")));
        assertEquals(List.of("out"), names());
    }

    @Test
    void theParentIsCreatedWhenMissing() throws IOException {
        Path target = dir.resolve("a/b/out");
        AtomicDirectories.publish(CONF, target.toString(), false, job("new"));
        assertEquals("new", Files.readString(target.resolve("part-00000")));
        assertEquals(List.of("out"), List.of(dir.resolve("a/b").toFile().list()));
    }
}
