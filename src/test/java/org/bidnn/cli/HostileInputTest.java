package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bidnn.io.TestStorage;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;
import org.bidnn.model.Optimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bidnn run} against input a user gets wrong: each case is one clear line naming the file
 * (and the line where there is one), exit 1, no stack trace, and nothing written at the outputs.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    private Path svm(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static CliRun.Result run(String... args) {
        String[] all = Stream.concat(Stream.of("run", "-v", "0"), Stream.of(args)).toArray(String[]::new);
        return CliRun.bidnn(all);
    }

    private static void assertBadInput(CliRun.Result r, String expectedStart) {
        assertEquals(ErrorReporter.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith("bidnn: error: " + expectedStart), r.err());
        assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r.err());
    }

    private static String rows(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("s").append(i).append(" 1:").append(i % 3 + 1).append(" 3:0.5 4:").append(i % 2 + 1).append('\n');
        }
        return b.toString();
    }

    @Test
    void anOutputThatIsTheInputIsRefusedAndTheInputKept() throws IOException {
        Path in = svm("in.svm", rows(8));
        String before = Files.readString(in);
        assertBadInput(run("-e", "1", "-b", "4", in.toString(), in.toString(), "2", "2", "4", "2"),
                in + ": is also an input");
        Path link = dir.resolve("link.svm");
        Files.createSymbolicLink(link, in);
        assertBadInput(run("-e", "1", "-b", "4", in.toString(), link.toUri().toString(), "2", "2", "4", "2"),
                link.toUri() + ": is also an input");
        assertEquals(before, Files.readString(in));
    }

    @Test
    void aModelTargetThatIsADirectoryIsRefusedBeforeTrainingAndNothingIsPublished() throws IOException {
        Path in = svm("in.svm", rows(8));
        Path model = Files.createDirectories(dir.resolve("m.bidnn"));
        Path out = dir.resolve("out.svm");
        assertBadInput(run("-e", "1", "-b", "4", "-s", model.toString(), in.toString(), out.toString(), "2", "2", "4", "2"),
                model + ": is a directory, not a file");
        assertFalse(Files.exists(out), "no output published by a run that failed");
    }

    @Test
    void noRowWithBothModalitiesNamesTheFileAndTheCause() throws IOException {
        Path in = svm("half.svm", "a 1:1\nb 2:1\nc 1:0.5 2:1\n");
        assertBadInput(run("-e", "1", "-b", "2", in.toString(), dir.resolve("o.svm").toString(), "2", "2", "4", "2"),
                in + ": no row has both modalities (3 have only the 1st, 0 only the 2nd, 0 neither)");
        Path few = svm("few.svm", rows(3));
        assertBadInput(run("-e", "1", "-b", "8", few.toString(), dir.resolve("o.svm").toString(), "2", "2", "4", "2"),
                few + ": only 3 training rows (rows with both modalities), fewer than one batch of 8: give -b 3 or less");
    }

    @Test
    void anIdThatIsNotUtf8IsReportedWithItsLine() throws IOException {
        Path in = dir.resolve("latin1.svm");
        Files.write(in, ("ok 1:1 3:1\n" + "caf").getBytes(StandardCharsets.UTF_8));
        Files.write(in, new byte[] {(byte) 0xe9, ' ', '1', ':', '1', '\n'}, java.nio.file.StandardOpenOption.APPEND);
        assertBadInput(run("-e", "1", "-b", "1", in.toString(), dir.resolve("o.svm").toString(), "2", "2", "4", "2"),
                in + ":2: not UTF-8 text");
    }

    @Test
    void aModelWithATruncatedNetworkIsNamed() throws IOException {
        Path model = dir.resolve("m.bidnn");
        ModelFile.save(BiDNNNetwork.create(new Architecture(2, 2, 4, 2, ActivationFunction.TANH, true, 0), Optimizer.DEFAULT, 1),
                TestStorage.LOCAL, model.toString());
        Path truncated = dir.resolve("truncated.bidnn");
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(model));
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(truncated))) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                byte[] bytes = zin.readAllBytes();
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(bytes, 0, e.getName().equals("network.zip") ? bytes.length / 2 : bytes.length);
                zout.closeEntry();
            }
        }
        assertBadInput(run("-e", "0", "-l", truncated.toString(), svm("in.svm", rows(4)).toString(),
                dir.resolve("o.svm").toString(), "2", "2", "4", "2"), truncated + ": its network.zip is not a readable network");
        Path notZip = svm("text.bidnn", "just text\n");
        assertBadInput(run("-e", "0", "-l", notZip.toString(), dir.resolve("in.svm").toString(),
                dir.resolve("o.svm").toString(), "2", "2", "4", "2"), notZip + ": not a BiDNN model file");
    }

    @Test
    void theNextWriteRemovesTemporariesThatAKilledRunLeft() throws IOException {
        Path in = svm("in.svm", rows(8));
        Path out = dir.resolve("out.svm");
        Path stale = dir.resolve(".out.svm.tmp-killed");
        Path recent = dir.resolve(".out.svm.tmp-running");
        for (Path p : List.of(stale, recent)) {
            try (OutputStream o = Files.newOutputStream(p)) {
                o.write("half a file".getBytes(StandardCharsets.UTF_8));
            }
        }
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(2 * 3600)));
        CliRun.Result r = run("-e", "1", "-b", "4", in.toString(), out.toString(), "2", "2", "4", "2");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(stale), "a temporary untouched for hours is a killed run's");
        assertTrue(Files.exists(recent), "a recent one may be a write under way");
    }
}
