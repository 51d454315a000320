package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.LibSvmReader;
import org.bidnn.io.TestStorage;
import org.bidnn.model.ModelFile;
import org.bidnn.model.Presence;
import org.bidnn.model.Provenance;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The provenance that {@code bidnn run} and {@code bidnn train}, as a user types them, record in their models. */
@ExtendWith(SharedSpark.class)
class ModelProvenanceTest {

    private static final String SAMPLES = Path.of(System.getProperty("user.dir"), "data-samples", "segments.svm").toString();
    private static SparkSession spark;
    /** The sample rows with both modalities: those the models train on. */
    private static long complete;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
        complete = LibSvmReader.read(TestStorage.LOCAL, SAMPLES, 200).stream()
                .filter(s -> Presence.of(s.values(), 100, false) == Presence.BOTH).count();
    }

    /** The model file's provenance, which must also survive a load and a save. */
    private Provenance provenanceOf(Path model) throws IOException {
        Provenance p = ModelFile.readMetadata(TestStorage.LOCAL, model.toString()).provenance();
        assertNotNull(p, model + " records its provenance");
        ModelFile.Loaded loaded = ModelFile.load(TestStorage.LOCAL, model.toString());
        assertEquals(p, loaded.model().provenance());
        Path again = dir.resolve("again-" + model.getFileName());
        ModelFile.save(loaded.model(), TestStorage.LOCAL, again.toString());
        assertEquals(p, ModelFile.readMetadata(TestStorage.LOCAL, again.toString()).provenance(), "saved again");
        return p;
    }

    private static void assertVersions(Provenance p) {
        assertEquals(spark.version(), p.versions().get("spark"));
        assertEquals("1.0.0-M2", p.versions().get("deeplearning4j"));
        assertEquals("1.0.0-M2", p.versions().get("nd4j"));
        assertEquals(System.getProperty("java.version"), p.versions().get("java"));
        assertNotNull(p.versions().get("bidnn"));
    }

    @Test
    void runRecordsItsCommandLineAndItsData() throws IOException {
        Path model = dir.resolve("run.bidnn");
        String[] args = {"run", "-e", "2", "-b", "64", "--seed", "5", "-v", "0", "-s", model.toString(), SAMPLES,
                dir.resolve("out.svm").toString(), "100", "100", "32", "16"};
        CliRun.Result r = CliRun.bidnn(args);
        assertEquals(0, r.code(), r.err());
        Provenance p = provenanceOf(model);
        assertEquals("run", p.command());
        assertEquals(List.of(args), p.arguments());
        assertEquals(List.of(SAMPLES), p.inputs());
        assertEquals(complete, p.trainingRows());
        assertEquals(64, p.batchSize());
        assertEquals(5L, p.seed());
        assertNull(p.workers(), "one machine: no workers");
        assertNull(p.averagingFrequency());
        assertNull(p.resumedFrom());
        assertVersions(p);

        Path more = dir.resolve("run-more.bidnn");
        assertEquals(0, CliRun.bidnn("run", "-e", "1", "-b", "32", "-v", "0", "-l", model.toString(), "-s",
                more.toString(), SAMPLES, dir.resolve("out2.svm").toString(), "100", "100", "32", "16").code());
        Provenance resumed = provenanceOf(more);
        assertEquals(model.toString(), resumed.resumedFrom());
        assertEquals(32, resumed.batchSize(), "the latest training's");
    }

    @Test
    void trainRecordsItsCommandLineItsDataAndItsWorkers() throws IOException {
        Path model = dir.resolve("train.bidnn");
        String[] args = {"train", "--input", SAMPLES, "--mod1-size", "100", "--mod2-size", "100", "--hidden", "32",
                "--rep", "16", "-e", "2", "-b", "64", "--workers", "2", "--averaging-frequency", "3", "-v", "0",
                "--model", model.toString()};
        CliRun.Result r = CliRun.bidnn(args);
        assertEquals(0, r.code(), r.err());
        Provenance p = provenanceOf(model);
        assertEquals("train", p.command());
        assertEquals(List.of(args), p.arguments());
        assertEquals(List.of(SAMPLES), p.inputs());
        assertEquals(complete, p.trainingRows());
        assertEquals(64, p.batchSize());
        assertEquals(2, p.workers());
        assertEquals(3, p.averagingFrequency());
        assertEquals(1234L, p.seed(), "the default seed");
        assertNull(p.resumedFrom());
        assertVersions(p);

        Path resumed = dir.resolve("train-resumed.bidnn");
        assertEquals(0, CliRun.bidnn("train", "--input", SAMPLES, "--mod1-size", "100", "--mod2-size", "100",
                "--hidden", "32", "--rep", "16", "-e", "3", "-b", "64", "--workers", "1", "-v", "0",
                "--resume", model.toString(), "--model", resumed.toString()).code());
        Provenance q = provenanceOf(resumed);
        assertEquals(model.toString(), q.resumedFrom());
        assertEquals(1, q.workers());
        assertEquals(complete, q.trainingRows());
        assertTrue(q.arguments().contains("--resume"));
    }
}
