package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.TestStorage;
import org.bidnn.jobs.RunDirectory;
import org.bidnn.jobs.pipeline.PipelineJob;
import org.bidnn.jobs.pipeline.SampleConf;
import org.bidnn.model.ModelFile;
import org.bidnn.model.Provenance;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code bidnn pipeline --conf FILE} as a user types it, on the shipped sample configuration. */
@ExtendWith(SharedSpark.class)
class PipelineCommandTest {

    private static final Path SAMPLE = Path.of("conf/pipeline-sample.conf");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
    }

    /** The sample configuration with some keys replaced (or added), written to the test's folder. */
    private Path sampleWith(String... keyValues) throws IOException {
        return SampleConf.write(dir, keyValues);
    }

    private static Set<String> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void runsTheSampleIntoADatedRunDirectoryWithEveryFile() throws IOException {
        Path root = dir.resolve("runs");
        Path conf = sampleWith("model.epochs", "3", "output.root", root.toString(), "spark.master", "local[2]");
        CliRun.Result r = CliRun.bidnn("pipeline", "--conf", conf.toString());
        assertEquals(0, r.code(), r.err());

        Set<String> runs = list(root);
        assertEquals(1, runs.size(), runs.toString());
        String name = runs.iterator().next();
        assertTrue(name.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d"), name);
        Path run = root.resolve(name);
        assertEquals(new TreeSet<>(List.of(PipelineJob.CONF, PipelineJob.MODEL, PipelineJob.EMBEDDING, PipelineJob.RANKINGS,
                PipelineJob.EVALUATION_JSON, PipelineJob.EVALUATION_MD, PipelineJob.REPORT_JSON, PipelineJob.REPORT_MD)),
                list(run));
        assertEquals(Files.readString(conf), Files.readString(run.resolve(PipelineJob.CONF)));
        assertTrue(list(run.resolve(PipelineJob.EMBEDDING)).contains("_SUCCESS"));
        Provenance provenance = ModelFile.readMetadata(TestStorage.LOCAL, run.resolve(PipelineJob.MODEL).toString())
                .provenance();
        assertEquals("pipeline", provenance.command());
        assertEquals(1, provenance.arguments().size());
        assertTrue(provenance.arguments().get(0).endsWith(conf.getFileName().toString()), provenance.toString());
        assertEquals(1, provenance.inputs().size());
        assertTrue(provenance.trainingRows() > 0, provenance.toString());
        assertEquals(30 * 1, Files.readAllLines(run.resolve(PipelineJob.RANKINGS)).stream()
                .filter(l -> l.split("\t")[1].equals("1")).count(), "one ranking per anchor");

        // Progress: the stage times always, the epochs as plain lines off a terminal; the result on stdout.
        for (String stage : List.of("train", "embed", "rank", "evaluate", "report")) {
            assertTrue(Pattern.compile("(?m)^Stage " + stage + " +\\d+\\.\\ds$").matcher(r.err()).find(), r.err());
        }
        assertTrue(r.err().contains("Epoch 3 of 3 took "), r.err());
        assertTrue(r.out().startsWith(run + "  P@10 "), r.out());

        JsonNode report = JSON.readTree(run.resolve(PipelineJob.REPORT_JSON).toFile());
        double p10 = report.get("scores").get("precisionAtK").asDouble();
        double map = report.get("scores").get("meanAveragePrecision").asDouble();
        assertTrue(p10 >= 0 && p10 <= 1, "P@10 " + p10);
        assertTrue(map >= 0 && map <= 1, "MAP " + map);
        assertEquals(10, report.get("scores").get("k").asInt());
        assertEquals(30, report.get("scores").get("anchors").asInt());
        assertEquals(run.toString(), report.get("run").asText());
        assertEquals(4, report.get("stages").size(), "train, embed, rank, evaluate");
        assertEquals("3", report.get("settings").get("model.epochs").asText());
        assertTrue(Files.readString(run.resolve(PipelineJob.REPORT_MD)).contains("| train |"));

        // The same figures as `bidnn evaluate` gives on the rankings the pipeline wrote.
        Path again = dir.resolve("again.json");
        CliRun.Result e = CliRun.bidnn("evaluate", "--rankings", run.resolve(PipelineJob.RANKINGS).toString(),
                "--qrels", "data-samples/hyperlinking/qrels.tsv", "--k", "10", "--report", again.toString(), "-v", "1");
        assertEquals(0, e.code(), e.err());
        JsonNode mean = JSON.readTree(again.toFile()).get("mean");
        assertEquals(mean.get("precisionAtK").asDouble(), p10);
        assertEquals(mean.get("meanAveragePrecision").asDouble(), map);
        assertEquals(mean, report.get("evaluation").get("mean"));
    }

    @Test
    void badConfigurationsFailWithFileAndKeyAndLeaveNoRun() throws IOException {
        Path root = dir.resolve("runs");
        String[][] cases = {
            {"model.hiden", "128", "model.hiden: unknown key"},
            {"model.epochs", "many", "model.epochs: not a whole number: 'many'"},
            {"rank.k", "-1", "rank.k: must be positive"},
        };
        for (String[] c : cases) {
            Path conf = sampleWith(c[0], c[1], "output.root", root.toString());
            CliRun.Result r = CliRun.bidnn("pipeline", "--conf", conf.toString());
            assertEquals(ErrorReporter.BAD_INPUT, r.code(), r.err());
            assertTrue(r.err().startsWith("bidnn: error: " + conf + ":"), r.err());
            assertTrue(r.err().contains(c[2]), r.err());
            assertEquals("", r.out());
            assertEquals(Set.of(), list(root), "nothing started");
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE));
        lines.removeIf(l -> l.startsWith("input.mod2-size"));
        Path missing = dir.resolve("missing.conf");
        Files.write(missing, lines);
        CliRun.Result r = CliRun.bidnn("pipeline", "--conf", missing.toString());
        assertEquals(ErrorReporter.BAD_INPUT, r.code(), r.err());
        assertEquals("bidnn: error: " + missing + ": input.mod2-size: missing required key", r.err().strip());
    }

    @Test
    void aFailingStageLeavesAnIncompleteRunMarkedFailed() throws IOException {
        Path root = dir.resolve("runs");
        // The corpus has 200 columns: 50 + 100 is too few, and training stops at the first line.
        Path conf = sampleWith("input.mod1-size", "50", "model.epochs", "1", "output.root", root.toString());
        CliRun.Result r = CliRun.bidnn("pipeline", "--conf", conf.toString());
        assertEquals(ErrorReporter.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("segments.svm"), r.err());
        Set<String> runs = list(root);
        assertEquals(1, runs.size(), runs.toString());
        String name = runs.iterator().next();
        assertTrue(name.startsWith(RunDirectory.INCOMPLETE_PREFIX), name);
        String failed = Files.readString(root.resolve(name).resolve(RunDirectory.FAILED_MARKER));
        assertTrue(failed.startsWith("stage: train\n"), failed);
        assertFalse(list(root.resolve(name)).contains(PipelineJob.REPORT_JSON));
    }
}
