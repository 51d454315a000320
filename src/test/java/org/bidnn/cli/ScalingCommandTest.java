package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.LibSvmReader;
import org.bidnn.io.Segment;
import org.bidnn.io.SparkOutputs;
import org.bidnn.io.TestStorage;
import org.bidnn.model.ModelFile;
import org.bidnn.model.ModelMetadata;
import org.bidnn.model.OutputMode;
import org.bidnn.model.Presence;
import org.bidnn.model.SegmentTransformer;
import org.bidnn.model.TrainedModel;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code --scale} as a user types it: the statistics in the model, the translations of {@code -c} in the input's units. */
@ExtendWith(SharedSpark.class)
class ScalingCommandTest {

    private static final Path SAMPLES = Path.of("data-samples/segments.svm");
    private static final int D = 100;

    private static SparkSession spark;
    private static List<Segment> samples;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
        samples = LibSvmReader.read(TestStorage.LOCAL, SAMPLES.toString(), 2 * D);
    }

    @Test
    void runStoresTheTrainingRowsStatisticsAndWritesExpansionsInInputUnits() throws IOException {
        Path model = dir.resolve("model.bidnn");
        Path out = dir.resolve("expanded.svm");
        CliRun.Result r = CliRun.bidnn("run", "--scale", "standard", "-c", "-e", "2", "-v", "0", "-s", model.toString(),
                SAMPLES.toString(), out.toString(), "" + D, "" + D, "32", "16");
        assertEquals(0, r.code(), r.err());

        // Plain loops over the rows with both modalities: the mean and sample deviation of each column.
        List<float[]> complete = samples.stream().map(Segment::values)
                .filter(v -> Presence.of(v, D, false) == Presence.BOTH).toList();
        double[] mean = new double[2 * D];
        double[] std = new double[2 * D];
        for (float[] v : complete) {
            for (int j = 0; j < 2 * D; j++) {
                mean[j] += v[j] / (double) complete.size();
            }
        }
        for (float[] v : complete) {
            for (int j = 0; j < 2 * D; j++) {
                std[j] += (v[j] - mean[j]) * (v[j] - mean[j]) / (complete.size() - 1);
            }
        }
        ModelFile.Loaded loaded = ModelFile.load(TestStorage.LOCAL, model.toString());
        assertEquals("standard", loaded.metadata().scaling().method());
        assertArrayEquals(mean, loaded.metadata().scaling().mean(), 1e-6);
        assertArrayEquals(Arrays.stream(std).map(Math::sqrt).toArray(), loaded.metadata().scaling().std(), 1e-6);

        // A row missing modality 2: modality 1 as read, modality 2 the network's translation of the
        // scaled modality 1, scaled back with the stored statistics.
        List<Segment> written = LibSvmReader.read(TestStorage.LOCAL, out.toString(), 2 * D);
        int row = firstWith(Presence.ONLY_MOD1);
        float[] input = samples.get(row).values();
        float[] scaled = new float[2 * D];
        double deviation = loaded.metadata().scaling().deviation();
        double[] sd = loaded.metadata().scaling().std();
        for (int j = 0; j < D; j++) {
            scaled[j] = sd[j] == 0 ? 0 : (float) ((input[j] - mean[j]) * deviation / sd[j]);
        }
        float[] translated = new SegmentTransformer(loaded.network(), OutputMode.CROSSMODAL, false, false)
                .transform(new float[][] {scaled})[0];
        float[] expected = new float[D];
        for (int j = 0; j < D; j++) {
            expected[j] = (float) (translated[D + j] * sd[D + j] / deviation + mean[D + j]);
        }
        assertArrayEquals(Arrays.copyOf(input, D), Arrays.copyOf(written.get(row).values(), D), "modality 1 as read");
        assertArrayEquals(expected, Arrays.copyOfRange(written.get(row).values(), D, 2 * D), 1e-5f,
                "modality 2 in the input's units");
    }

    @Test
    void embedAppliesTheModelsScalingAsRunDoes() throws IOException {
        Path model = dir.resolve("model.bidnn");
        Path fromRun = dir.resolve("run.svm");
        assertEquals(0, CliRun.bidnn("run", "-c", "-n", "-e", "1", "-v", "0", "-s", model.toString(), SAMPLES.toString(),
                fromRun.toString(), "" + D, "" + D, "32", "16").code());
        assertEquals("standard", ModelFile.readMetadata(TestStorage.LOCAL, model.toString()).scaling().method(),
                "standard scaling is the default");
        Path fromEmbed = dir.resolve("embedded");
        CliRun.Result r = CliRun.bidnn("embed", "--model", model.toString(), "--input", SAMPLES.toString(), "--output",
                fromEmbed.toString(), "-c", "-n", "-v", "0");
        assertEquals(0, r.code(), r.err());
        List<Segment> run = LibSvmReader.read(TestStorage.LOCAL, fromRun.toString(), 2 * D);
        List<Segment> embed = SparkOutputs.segments(fromEmbed, 2 * D);
        assertEquals(run.size(), embed.size());
        for (int i = 0; i < run.size(); i++) {
            assertArrayEquals(run.get(i).values(), embed.get(i).values(), 1e-6f, run.get(i).id());
        }

        Path weighted = dir.resolve("weighted");
        assertEquals(0, CliRun.bidnn("embed", "--model", model.toString(), "--input", SAMPLES.toString(), "--output",
                weighted.toString(), "--modality-weight", "0.8", "-v", "0").code());
        TrainedModel trained = ModelFile.load(TestStorage.LOCAL, model.toString()).model();
        float[] v = SparkOutputs.segments(weighted, 2 * D).get(firstWith(Presence.BOTH)).values();
        assertEquals(0.8, squaredNorm(Arrays.copyOf(v, 8)), 1e-5, "modality 1's half carries the weight");
        assertEquals(0.2, squaredNorm(Arrays.copyOfRange(v, 8, 16)), 1e-5);
        assertNull(trained.modalityWeight(), "the model itself is unweighted");
    }

    @Test
    void noScalingAndUnknownMethods() throws IOException {
        Path model = dir.resolve("plain.bidnn");
        assertEquals(0, CliRun.bidnn("run", "--scale", "none", "-e", "1", "-v", "0", "-s", model.toString(),
                SAMPLES.toString(), dir.resolve("o.svm").toString(), "" + D, "" + D, "32", "16").code());
        ModelMetadata m = ModelFile.readMetadata(TestStorage.LOCAL, model.toString());
        assertNull(m.scaling());
        CliRun.Result bad = CliRun.bidnn("run", "--scale", "minmax", "-e", "1", SAMPLES.toString(),
                dir.resolve("o2.svm").toString(), "" + D, "" + D, "32", "16");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("Invalid value for option '--scale': expected one of [NONE, STANDARD] (case-insensitive)"), bad.err());
        assertTrue(bad.err().contains("'minmax'"), bad.err());
    }

    private static int firstWith(Presence presence) {
        for (int i = 0; i < samples.size(); i++) {
            if (Presence.of(samples.get(i).values(), D, false) == presence) {
                return i;
            }
        }
        throw new AssertionError("the sample set has a row with " + presence);
    }

    private static double squaredNorm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return s;
    }

}
