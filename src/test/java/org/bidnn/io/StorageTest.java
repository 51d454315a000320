package org.bidnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths as Hadoop URIs on the local file system; the same on HDFS is in the cluster tests (HdfsStorageIT). */
class StorageTest {

    private static final Storage LOCAL = TestStorage.LOCAL;

    @TempDir
    Path dir;

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFileUriAPlainPathAndARelativePathNameTheSameFile() throws IOException {
        Path file = dir.resolve("a/b.txt");
        LOCAL.writeString(file.toUri().toString(), "one");
        assertEquals("one", Files.readString(file));
        LOCAL.writeString(file.toString(), "two");
        assertEquals("two", new String(LOCAL.readAllBytes("file://" + file), StandardCharsets.UTF_8));
        Path relative = Path.of("").toAbsolutePath().relativize(file);
        assertEquals("two", new String(LOCAL.readAllBytes(relative.toString()), StandardCharsets.UTF_8));
        assertEquals(LOCAL.resolve(file.toString()), LOCAL.resolve(relative.toString()));
        assertEquals(LOCAL.resolve(file.toString()), LOCAL.resolve(file.toUri().toString()));
        assertEquals(List.of("b.txt"), names(dir.resolve("a")), "no checksum or temporary file beside it");
    }

    @Test
    void aSchemeNeverBecomesALocalFolder() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        List<String> before = names(cwd);
        LOCAL.writeString("file://" + dir.resolve("x/m.txt"), "m");
        LOCAL.mkdirs("file://" + dir.resolve("y"));
        assertTrue(Files.isRegularFile(dir.resolve("x/m.txt")));
        assertTrue(Files.isDirectory(dir.resolve("y")));
        assertEquals(before, names(cwd));
        assertFalse(Files.exists(cwd.resolve("file:")));
    }

    @Test
    void aBarePathIsResolvedAgainstTheDefaultFileSystem() throws IOException {
        Configuration other = new Configuration();
        other.set("fs.defaultFS", "file:///");
        assertEquals("file", Storage.of(other).resolve("models/m.bidnn").toUri().getScheme());
        assertEquals(Path.of("models/m.bidnn").toAbsolutePath().toString(),
                Storage.of(other).resolve("models/m.bidnn").toUri().getPath());
    }

    @Test
    void anUnknownSchemeIsAClearError() {
        StorageException e = assertThrows(StorageException.class, () -> LOCAL.writeString("nosuch://host/m.bidnn", "x"));
        assertTrue(e.getMessage().startsWith("nosuch://host/m.bidnn: no file system on the classpath for this scheme"),
                e.getMessage());
        InputFileException read = assertThrows(InputFileException.class, () -> LOCAL.open("nosuch://host/in.svm"));
        assertTrue(read.getMessage().startsWith("nosuch://host/in.svm: cannot read file (no file system on the classpath"),
                read.getMessage());
    }

    @Test
    void aMissingFileADirectoryAndABadUriAreNamed() throws IOException {
        InputFileException missing = assertThrows(InputFileException.class, () -> LOCAL.open(dir + "/absent.txt"));
        assertEquals(dir + "/absent.txt: cannot read file (no such file)", missing.getMessage());
        InputFileException directory = assertThrows(InputFileException.class, () -> LOCAL.open(dir.toString()));
        assertEquals(dir + ": cannot read file (is a directory, not a file)", directory.getMessage());
        StorageException bad = assertThrows(StorageException.class, () -> LOCAL.exists("hdfs://bad host/x"));
        assertTrue(bad.getMessage().startsWith("hdfs://bad host/x: ") && bad.getMessage().contains("no host"),
                bad.getMessage());
        assertThrows(StorageException.class, () -> LOCAL.exists(""));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "old");
        IOException e = assertThrows(IOException.class, () -> LOCAL.write(file.toString(), out -> {
            out.write(new byte[1 << 17]);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(file));
        assertEquals(List.of("out.txt"), names(dir));
    }

    @Test
    void listsRenamesAndDeletes() throws IOException {
        String root = dir.toUri().toString();
        LOCAL.writeString(Storage.child(root, "d/b"), "b");
        LOCAL.writeString(Storage.child(root, "d/a"), "a");
        assertEquals(List.of(Storage.child(Storage.child(root, "d"), "a"), Storage.child(Storage.child(root, "d"), "b")),
                LOCAL.list(Storage.child(root, "d")));
        assertEquals(List.of(), LOCAL.list(Storage.child(root, "none")));
        LOCAL.rename(Storage.child(root, "d"), Storage.child(root, "e"));
        assertTrue(LOCAL.isDirectory(Storage.child(root, "e")));
        StorageException taken = assertThrows(StorageException.class,
                () -> LOCAL.rename(Storage.child(root, "e/a"), Storage.child(root, "e/b")));
        assertEquals(Storage.child(root, "e/b") + ": already exists", taken.getMessage());
        LOCAL.delete(Storage.child(root, "e"));
        assertFalse(LOCAL.exists(Storage.child(root, "e")));
        assertEquals("m.bidnn", Storage.name("hdfs://nn:8020/models/m.bidnn"));
        assertEquals("hdfs://nn:8020/models", Storage.parent("hdfs://nn:8020/models/m.bidnn"));
        assertEquals("hdfs://nn:8020/models/m.bidnn.checkpoints",
                Storage.child("hdfs://nn:8020/models", "m.bidnn.checkpoints"));
    }
}
