package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.TestStorage;
import org.bidnn.model.ModelFile;
import org.bidnn.model.ModelMetadata;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code bidnn train} as a user types it. */
@ExtendWith(SharedSpark.class)
class TrainCommandTest {

    private static final String SAMPLES = Path.of(System.getProperty("user.dir"), "data-samples", "segments.svm").toString();
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
    }

    @Test
    void trainsWithCheckpointsAndSavesAModelThatRunCanUse() throws IOException {
        Path model = dir.resolve("model.bidnn");
        CliRun.Result r = CliRun.bidnn("train", "--input", SAMPLES, "--mod1-size", "100", "--mod2-size", "100",
                "--hidden", "32", "--rep", "16", "-e", "3", "-b", "64", "--workers", "2", "--averaging-frequency", "3",
                "--checkpoint-every", "2", "-a", "sigmoid", "-v", "2", "--model", model.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.err().lines().filter(l -> l.matches("Epoch \\d of 3 took .*s training loss:\t.*")).count(), r.err());
        ModelMetadata m = ModelFile.readMetadata(TestStorage.LOCAL, model.toString());
        assertEquals(3, m.epochsTrained());
        assertEquals("sigmoid", m.activation());
        assertTrue(Files.exists(dir.resolve("model.bidnn.checkpoints").resolve("epoch-00002.bidnn")));

        Path out = dir.resolve("embedding.svm");
        assertEquals(0, BidnnCli.commandLine().execute("run", "-e", "0", "-v", "0", "-a", "sigmoid", "-l", model.toString(),
                SAMPLES, out.toString(), "100", "100", "32", "16"));
        assertEquals(2000, Files.readAllLines(out).size());
    }

    /** The model, its checkpoints and the input as file: URIs: local files, and no folder named "file:". */
    @Test
    void fileUrisNameLocalFilesAndNeverAFolderNamedAfterTheScheme() throws IOException {
        Path model = dir.resolve("x/m.bidnn");
        CliRun.Result r = CliRun.bidnn("train", "--input", Path.of(SAMPLES).toUri().toString(), "--mod1-size", "100",
                "--mod2-size", "100", "--hidden", "32", "--rep", "16", "-e", "1", "-b", "64", "--workers", "1",
                "--checkpoint-every", "1", "-v", "0", "--model", "file://" + model);
        assertEquals(0, r.code(), r.err());
        assertEquals(1, ModelFile.readMetadata(TestStorage.LOCAL, model.toString()).epochsTrained());
        assertTrue(Files.exists(dir.resolve("x/m.bidnn.checkpoints/epoch-00001.bidnn")));
        assertFalse(Files.exists(Path.of("").toAbsolutePath().resolve("file:")), "a folder named after the scheme");
    }

    @Test
    void aMissingInputIsAClearErrorAndNoModelIsWritten() {
        Path model = dir.resolve("never.bidnn");
        CliRun.Result r = CliRun.bidnn("train", "--input", dir.resolve("absent.svm").toString(), "--mod1-size", "100",
                "--mod2-size", "100", "--hidden", "32", "--rep", "16", "-e", "1", "-v", "0", "--model", model.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("absent.svm"), r.err());
        assertFalse(Files.exists(model));
    }

    @Test
    void aBadLineFoundOnAnExecutorNamesFileAndLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.svm"), "a 1:0.5 101:0.5\nb 1:0.5 101:oops\n");
        CliRun.Result r = CliRun.bidnn("train", "--input", bad.toString(), "--mod1-size", "100", "--mod2-size", "100",
                "--hidden", "8", "--rep", "4", "-e", "1", "-b", "1", "-v", "0", "--model", dir.resolve("x.bidnn").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("bad.svm:2") && r.err().contains("101:oops"), r.err());
    }
}
