package org.bidnn.model;

import static org.bidnn.rank.BruteForce.cosine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bidnn.io.TestStorage;
import org.bidnn.train.ScalingFit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** Input scaling in the model: its statistics, its inverse, its place in the model file and in inference. */
class FeatureScalingTest {

    private static final int D1 = 4;
    private static final int D2 = 3;
    private static float[][] rows;
    private static BiDNNNetwork network;

    @TempDir
    Path dir;

    /** 50 complete rows, columns of different scales and offsets (like histograms next to topics). */
    @BeforeAll
    static void data() {
        Random random = new Random(3);
        rows = new float[50][D1 + D2];
        for (float[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (0.01 * (j + 1) + 0.003 * (j + 1) * random.nextGaussian());
            }
            row[D1 + D2 - 1] = 0.5f + (float) random.nextGaussian();
        }
        network = BiDNNNetwork.create(new Architecture(D1, D2, 5, 6, ActivationFunction.TANH, true, 0.2),
                Optimizer.DEFAULT, 11);
    }

    /** Plain loops: the mean and the sample standard deviation (n - 1) of each column. */
    private static double[][] meanAndStd(float[][] m) {
        int n = m.length;
        double[] mean = new double[m[0].length];
        double[] std = new double[m[0].length];
        for (int j = 0; j < mean.length; j++) {
            for (float[] row : m) {
                mean[j] += row[j];
            }
            mean[j] /= n;
            for (float[] row : m) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
            std[j] = Math.sqrt(std[j] / (n - 1));
        }
        return new double[][] {mean, std};
    }

    @Test
    void fittedStatisticsAreEachColumnsMeanAndSampleDeviation() {
        FeatureScaler scaler = ScalingFit.local(Scaling.STANDARD, Nd4j.create(rows));
        double[][] expected = meanAndStd(rows);
        assertArrayEquals(expected[0], scaler.statistics().mean(), 1e-9);
        assertArrayEquals(expected[1], scaler.statistics().std(), 1e-9);
        assertEquals(Scaling.STANDARD_DEVIATION, scaler.statistics().deviation());
        float[][] scaled = scaler.scale(rows, D1, false);
        double[][] after = meanAndStd(scaled);
        for (int j = 0; j < D1 + D2; j++) {
            assertEquals(0, after[0][j], 1e-6, "column " + j + " centred");
            assertEquals(Scaling.STANDARD_DEVIATION, after[1][j], 1e-5, "column " + j + " at the target deviation");
        }
        assertSame(FeatureScaler.NONE, ScalingFit.local(Scaling.NONE, Nd4j.create(rows)));
    }

    @Test
    void scalingThenInverseGivesTheRowsBack() {
        FeatureScaler scaler = ScalingFit.local(Scaling.STANDARD, Nd4j.create(rows));
        for (float[] row : rows) {
            float[] back = scaler.scale(row, D1, false);
            scaler.unscale(back, 0, back.length);
            assertArrayEquals(row, back, 1e-6f);
        }
    }

    @Test
    void aMissingModalityStaysMissingUnlessZerosAreMeaningful() {
        FeatureScaler scaler = FeatureScaler.standard(new double[] {1, 1, 1, 1, 2, 2, 2}, new double[] {2, 2, 2, 2, 4, 4, 0},
                0.5);
        float[] onlyMod1 = {3, 1, 1, 1, 0, 0, 0};
        assertArrayEquals(new float[] {0.5f, 0, 0, 0, 0, 0, 0}, scaler.scale(onlyMod1, D1, false));
        assertArrayEquals(new float[] {-0.25f, -0.25f, -0.25f, -0.25f, -0.25f, -0.25f, 0},
                scaler.scale(new float[7], D1, true), "-z: zeros are values, the constant column maps to 0");
        float[] constant = {0, 0, 0, 0, 0, 0, 0};
        scaler.unscale(constant, D1, 7);
        assertArrayEquals(new float[] {0, 0, 0, 0, 2, 2, 2}, constant, "a constant column comes back as its value");
    }

    @Test
    void theTransformerScalesInputsAndBringsTranslationsBackToInputUnits() {
        FeatureScaler scaler = ScalingFit.local(Scaling.STANDARD, Nd4j.create(rows));
        TrainedModel model = new TrainedModel(network, scaler, null);
        float[] onlyMod1 = Arrays.copyOf(rows[0], D1 + D2);
        Arrays.fill(onlyMod1, D1, D1 + D2, 0f);
        float[] onlyMod2 = rows[1].clone();
        Arrays.fill(onlyMod2, 0, D1, 0f);
        float[][] batch = {rows[2], onlyMod1, onlyMod2};

        float[][] embedded = new ScaledSegmentTransformer(model, OutputMode.EMBEDDING, false, false).transform(batch);
        float[][] reference = new SegmentTransformer(network, OutputMode.EMBEDDING, false, false)
                .transform(scaler.scale(batch, D1, false));
        assertArrayEquals(reference, embedded, "the embedding of the scaled rows");

        float[][] expanded = new ScaledSegmentTransformer(model, OutputMode.CROSSMODAL, false, false).transform(batch);
        float[][] inModelUnits = new SegmentTransformer(network, OutputMode.CROSSMODAL, false, false)
                .transform(scaler.scale(batch, D1, false));
        assertArrayEquals(rows[2], expanded[0], "a complete row as read");
        assertArrayEquals(Arrays.copyOf(onlyMod1, D1), Arrays.copyOf(expanded[1], D1), "the present modality as read");
        float[] translation = inModelUnits[1].clone();
        scaler.unscale(translation, D1, D1 + D2);
        assertArrayEquals(Arrays.copyOfRange(translation, D1, D1 + D2), Arrays.copyOfRange(expanded[1], D1, D1 + D2),
                1e-6f, "the filled-in modality in the input's units");
        // Input units: the scaled-back translation scales to the network's output again.
        float[] rescaled = scaler.scale(expanded[2], D1, false);
        assertArrayEquals(Arrays.copyOf(inModelUnits[2], D1), Arrays.copyOf(rescaled, D1), 1e-5f);

        float[][] normalised = new ScaledSegmentTransformer(model, OutputMode.CROSSMODAL, true, false).transform(batch);
        assertEquals(1.0, norm(Arrays.copyOfRange(normalised[1], D1, D1 + D2)), 1e-5, "-n: the filled-in modality at unit length");
        assertArrayEquals(Arrays.copyOf(onlyMod1, D1), Arrays.copyOf(normalised[1], D1), "-n leaves the present one");
    }

    @Test
    void theWeightedEmbeddingsCosineIsTheWeightedSumOfTheHalvesCosines() {
        TrainedModel plain = TrainedModel.of(network);
        float[][] halves = new ScaledSegmentTransformer(plain, OutputMode.EMBEDDING, false, false)
                .transform(new float[][] {rows[0], rows[1]});
        int c = 3;
        double cos1 = cosine(Arrays.copyOf(halves[0], c), Arrays.copyOf(halves[1], c));
        double cos2 = cosine(Arrays.copyOfRange(halves[0], c, 2 * c), Arrays.copyOfRange(halves[1], c, 2 * c));
        for (double w : new double[] {0, 0.3, 1}) {
            float[][] weighted = new ScaledSegmentTransformer(plain.withModalityWeight(w), OutputMode.EMBEDDING, false,
                    false).transform(new float[][] {rows[0], rows[1]});
            assertEquals(w * cos1 + (1 - w) * cos2, cosine(weighted[0], weighted[1]), 1e-6, "w = " + w);
            assertEquals(1.0, norm(weighted[0]), 1e-6, "unit length");
        }
        assertThrows(IllegalArgumentException.class, () -> plain.withModalityWeight(1.5));
    }

    @Test
    void theModelFileKeepsScalingAndWeight() throws IOException {
        FeatureScaler scaler = ScalingFit.local(Scaling.STANDARD, Nd4j.create(rows));
        Path file = dir.resolve("scaled.bidnn");
        ModelFile.save(new TrainedModel(network, scaler, 0.7), TestStorage.LOCAL, file.toString());
        ModelFile.Loaded loaded = ModelFile.load(TestStorage.LOCAL, file.toString());
        assertEquals(2, loaded.metadata().formatVersion());
        TrainedModel model = loaded.model();
        assertEquals(Scaling.STANDARD, model.scaler().method());
        assertArrayEquals(scaler.statistics().mean(), model.scaler().statistics().mean());
        assertArrayEquals(scaler.statistics().std(), model.scaler().statistics().std());
        assertEquals(0.7, model.modalityWeight());
        assertArrayEquals(new ScaledSegmentTransformer(new TrainedModel(network, scaler, 0.7), OutputMode.CROSSMODAL,
                false, false).transform(rows), new ScaledSegmentTransformer(model, OutputMode.CROSSMODAL, false, false)
                .transform(rows), "the same outputs after a round trip");
        assertEquals(Scaling.STANDARD, ModelFile.fromBytes(ModelFile.toBytes(model, false), "bytes").model().scaler().method());
    }

    /** A file as version 1 wrote it: the same metadata without scaling and weight. */
    @Test
    void aVersionOneModelFileStillLoads() throws IOException {
        Path v2 = dir.resolve("v2.bidnn");
        ModelFile.save(network, TestStorage.LOCAL, v2.toString());
        Path v1 = dir.resolve("v1.bidnn");
        rewriteMetadata(v2, v1, m -> {
            m.put("formatVersion", 1);
            m.remove("scaling");
            m.remove("modalityWeight");
        });
        ModelFile.Loaded loaded = ModelFile.load(TestStorage.LOCAL, v1.toString());
        assertEquals(1, loaded.metadata().formatVersion());
        assertSame(FeatureScaler.NONE, loaded.model().scaler());
        assertNull(loaded.model().modalityWeight());
        assertArrayEquals(new SegmentTransformer(network, OutputMode.EMBEDDING, false, false).transform(rows),
                new ScaledSegmentTransformer(loaded.model(), OutputMode.EMBEDDING, false, false).transform(rows));
    }

    @Test
    void scalingOfTheWrongWidthIsAClearError() throws IOException {
        Path good = dir.resolve("good.bidnn");
        ModelFile.save(new TrainedModel(network, ScalingFit.local(Scaling.STANDARD, Nd4j.create(rows)), null),
                TestStorage.LOCAL, good.toString());
        Path bad = dir.resolve("bad.bidnn");
        rewriteMetadata(good, bad, m -> {
            ObjectNode scaling = (ObjectNode) m.get("scaling");
            scaling.putArray("mean").add(0).add(1);
            scaling.putArray("std").add(1).add(1);
        });
        IOException e = assertThrows(IOException.class, () -> ModelFile.load(TestStorage.LOCAL, bad.toString()));
        assertEquals(bad + ": bad bidnn-model.json: the scaling has 2 columns for 4 + 3 features", e.getMessage());
    }

    private static void rewriteMetadata(Path from, Path to, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(ModelFile.METADATA_ENTRY)) {
                    ObjectNode m = (ObjectNode) json.readTree(bytes);
                    edit.accept(m);
                    bytes = json.writeValueAsBytes(m);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        Files.write(to, out.toByteArray());
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
