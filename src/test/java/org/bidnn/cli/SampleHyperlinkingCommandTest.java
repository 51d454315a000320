package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bidnn.io.LibSvmReader;
import org.bidnn.io.TestStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleHyperlinkingCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesASetOfTheRequestedShape() throws IOException {
        int code = BidnnCli.commandLine().execute("sample-hyperlinking", "--out-dir", dir.toString(),
                "--anchors", "4", "--targets", "300", "--text-size", "20", "--visual-size", "12",
                "--topics", "5", "--only-text", "0", "--only-visual", "0.2", "--near-misses", "6",
                "--random-negatives", "3", "--label-noise", "0", "--seed", "3");
        assertEquals(0, code);
        assertEquals(304, LibSvmReader.read(TestStorage.LOCAL, dir.resolve("segments.svm").toString(), 32).size());
        List<String> anchors = Files.readAllLines(dir.resolve("anchors.txt"));
        assertEquals(List.of("anchor0", "anchor1", "anchor2", "anchor3"), anchors);
        assertEquals(304, Files.readAllLines(dir.resolve("segments-stories.tsv")).size());
        for (String line : Files.readAllLines(dir.resolve("qrels.tsv"))) {
            assertEquals(3, line.split("\t").length, line);
        }
    }

    @Test
    void inconsistentSettingsAreRejected() {
        assertEquals(ErrorReporter.BAD_INPUT, BidnnCli.commandLine().execute("sample-hyperlinking", "--out-dir", dir.toString(),
                "--label-noise", "0.6"));
    }

    @Test
    void defaultsReproduceTheShippedSet() throws IOException {
        Path shipped = Path.of(System.getProperty("user.dir"), "data-samples", "hyperlinking");
        assumeTrue(Files.isDirectory(shipped), "no " + shipped);
        assertEquals(0, BidnnCli.commandLine().execute("sample-hyperlinking", "--out-dir", dir.toString()));
        for (String name : new String[] {"segments.svm", "qrels.tsv"}) {
            assertEquals(-1L, Files.mismatch(shipped.resolve(name), dir.resolve(name)), name);
        }
    }
}
