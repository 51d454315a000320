package org.bidnn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void writesContentAndCreatesParents() throws IOException {
        Path target = dir.resolve("a/b/out.txt");
        AtomicFiles.write(target, out -> out.write("hello\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("hello\n", Files.readString(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList(), "no temporary file left");
        }
    }

    @Test
    void replacesAnExistingTarget() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old content that is longer");
        AtomicFiles.write(target, out -> out.write(new byte[] {'n', 'e', 'w'}));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void contentIsInATemporaryFileUntilTheBodyIsDone() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        AtomicReference<List<Path>> during = new AtomicReference<>();
        AtomicFiles.write(target, out -> {
            out.write(new byte[1 << 17]); // beyond any buffer, so bytes really reach the temp file
            assertEquals("old", Files.readString(target));
            during.set(listing());
        });
        assertEquals(2, during.get().size());
        Path temp = during.get().get(0);
        assertTrue(temp.getFileName().toString().startsWith(".out.txt.tmp-"), temp.toString());
        assertEquals(1 << 17, Files.size(target));
    }

    @Test
    void aFailingBodyLeavesNoTraceAndTheOldTarget() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        IOException failure = new IOException("disk on fire");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[1 << 17]);
            throw failure;
        }));
        assertSame(failure, thrown);
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void aFailingBodyWithoutAnOldTargetLeavesNothing() throws IOException {
        Path target = dir.resolve("new.txt");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("bug");
        }));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), listing());
    }

    @Test
    void theBodyMayCloseTheStream() throws IOException {
        Path target = dir.resolve("closed.txt");
        AtomicFiles.write(target, out -> {
            try (OutputStream o = out) {
                o.write(new byte[] {1, 2, 3});
            }
        });
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
    }
}
