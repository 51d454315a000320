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

    private List<String> startingWith(String prefix) throws IOException {
        return names().stream().filter(n -> n.startsWith(prefix)).toList();
    }

    /** Both part files of one output: a reader that finds the target finds one output, whole. */
    private static void assertWhole(Path output, String content) throws IOException {
        assertEquals(List.of(content, content), List.of(Files.readString(output.resolve("part-00000")),
                Files.readString(output.resolve("part-00001"))));
        assertTrue(Files.exists(output.resolve(AtomicDirectories.SUCCESS_MARKER)));
    }

    private static IoConsumer<String> twoParts(String content) {
        return temp -> {
            Path out = Files.createDirectories(Path.of(java.net.URI.create(temp)));
            Files.writeString(out.resolve("part-00000"), content);
            Files.writeString(out.resolve("part-00001"), content);
            Files.createFile(out.resolve(AtomicDirectories.SUCCESS_MARKER));
        };
    }

    /** Every file and directory under {@code root} as if last changed two hours ago. */
    private static void age(Path root) throws IOException {
        java.nio.file.attribute.FileTime past = java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 2 * AtomicDirectories.STALE_AFTER_MILLIS);
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.setLastModifiedTime(p, past);
            }
        }
    }

    @Test
    void aPublishKilledBetweenItsRenamesLeavesNoMixAndTheNextPublishRepairsIt() throws Exception {
        Path target = dir.resolve("out");
        AtomicDirectories.publish(CONF, target.toString(), false, twoParts("old"));
        KilledPublish.run(target, "new");

        // What the kill left: nothing at the target, the old output whole aside, the new one whole.
        assertFalse(Files.exists(target));
        List<String> old = startingWith(".out.old-");
        List<String> temp = startingWith(".out.tmp-");
        assertEquals(List.of(1, 1), List.of(old.size(), temp.size()), names().toString());
        assertWhole(dir.resolve(old.get(0)), "old");
        assertWhole(dir.resolve(temp.get(0)), "new");

        // The next night, an hour later or more: one complete output, nothing else.
        age(dir);
        AtomicDirectories.publish(CONF, target.toString(), true, twoParts("next"));
        assertWhole(target, "next");
        assertEquals(List.of("out"), names());
    }

    @Test
    void recoveringPutsTheOldOutputBackAndKeepsATemporaryDirectoryThatMayBeInUse() throws Exception {
        Path target = dir.resolve("out");
        AtomicDirectories.publish(CONF, target.toString(), false, twoParts("old"));
        KilledPublish.run(target, "new");

        AtomicDirectories.recover(CONF, target.toString());
        assertWhole(target, "old");
        assertEquals(List.of(), startingWith(".out.old-"));
        assertEquals(1, startingWith(".out.tmp-").size(), "younger than an hour: it may be a job under way");
        // The output is back, so a run without --overwrite is refused as it would have been before.
        assertThrows(FileAlreadyExistsException.class,
                () -> AtomicDirectories.publish(CONF, target.toString(), false, twoParts("other")));
        assertWhole(target, "old");
    }

    @Test
    void anOldOutputLeftAsideAfterTheNewOneWasPublishedIsDeleted() throws IOException {
        Path target = dir.resolve("out");
        AtomicDirectories.publish(CONF, target.toString(), false, twoParts("new"));
        // Killed after the second rename, before deleting the old output.
        twoParts("old").accept(dir.resolve(".out.old-k1ll3d").toUri().toString());

        AtomicDirectories.recover(CONF, target.toString());
        assertWhole(target, "new");
        assertEquals(List.of("out"), names());
    }
}
