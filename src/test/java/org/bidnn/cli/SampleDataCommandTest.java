package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bidnn.io.LibSvmReader;
import org.bidnn.io.TestStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesACorpusOfTheRequestedShape() throws IOException {
        int code = BidnnCli.commandLine().execute("sample-data", "--out-dir", dir.toString(), "--rows", "50",
                "--mod1-size", "7", "--mod2-size", "30", "--only-mod1", "0", "--only-mod2", "0.2", "--seed", "3");
        assertEquals(0, code);
        assertEquals(50, LibSvmReader.read(TestStorage.LOCAL, dir.resolve("segments.svm").toString(), 37).size());
        assertEquals(50, Files.readAllLines(dir.resolve("segments-topics.tsv")).size());
    }

    @Test
    void defaultsReproduceTheShippedSamples() throws IOException {
        assertEquals(0, BidnnCli.commandLine().execute("sample-data", "--out-dir", dir.toString()));
        Path shipped = Path.of(System.getProperty("user.dir"), "data-samples", "segments.svm");
        assertEquals(-1L, Files.mismatch(shipped, dir.resolve("segments.svm")));
    }
}
