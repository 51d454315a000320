package org.bidnn.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.LibSvmReader;
import org.bidnn.io.LibSvmWriter;
import org.bidnn.io.Segment;
import org.bidnn.io.TestStorage;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.jobs.Console;
import org.bidnn.jobs.CrossmodalEvalJob;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;
import org.bidnn.model.Optimizer;
import org.bidnn.model.layer.BiDNNLayer;
import org.bidnn.rank.BruteForce;
import org.bidnn.rank.Similarity;
import org.bidnn.testing.SharedSpark;
import org.bidnn.train.EpochListener;
import org.bidnn.train.LocalTrainer;
import org.bidnn.train.TrainingRows;
import org.bidnn.train.TrainingSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** Crossmodal retrieval: a model trained here on labelled data retrieves far above chance. */
@ExtendWith(SharedSpark.class)
class CrossmodalEvalTest {

    static final Path WIKIPEDIA = Path.of(System.getProperty("user.dir")).resolveSibling("shared")
            .resolve("datasets/wikipedia");

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
    }

    private static final Console QUIET = new Console(0, new PrintWriter(new StringWriter()));

    /**
     * {@code clusters} classes; each segment's two modalities are its class's centre in each
     * modality (8 and 6 dimensions, drawn independently) plus noise. Written as LibSVM, with the
     * labels in the Wikipedia set's layout: text id, image id, class.
     */
    static List<Segment> clustered(int clusters, int perCluster, long seed) {
        Random random = new Random(seed);
        float[][] centres1 = new float[clusters][8];
        float[][] centres2 = new float[clusters][6];
        for (int c = 0; c < clusters; c++) {
            for (int j = 0; j < 8; j++) {
                centres1[c][j] = (float) (0.5 * random.nextGaussian());
            }
            for (int j = 0; j < 6; j++) {
                centres2[c][j] = (float) (0.5 * random.nextGaussian());
            }
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < clusters * perCluster; i++) {
            int c = i % clusters;
            float[] row = new float[14];
            for (int j = 0; j < 8; j++) {
                row[j] = centres1[c][j] + (float) (0.15 * random.nextGaussian());
            }
            for (int j = 0; j < 6; j++) {
                row[8 + j] = centres2[c][j] + (float) (0.15 * random.nextGaussian());
            }
            segments.add(new Segment("seg" + i + "-" + c, row));
        }
        return segments;
    }

    static BiDNNNetwork train(List<Segment> segments, Architecture a, int epochs, int batch) throws IOException {
        BiDNNNetwork network = BiDNNNetwork.create(a, Optimizer.DEFAULT, 5);
        new LocalTrainer(new TrainingSettings(epochs, batch, 5)).train(network,
                TrainingRows.select(segments.stream().map(Segment::values).toList(), a.mod1Size(), false), EpochListener.NONE);
        return network;
    }

    private CrossmodalReport evaluate(Path input, Path labels, int labelColumn, Path model, CrossmodalEvalJob.Space space)
            throws Exception {
        return evaluate(input, labels, labelColumn, model, space, Similarity.COSINE, 0);
    }

    private CrossmodalReport evaluate(Path input, Path labels, int labelColumn, Path model, CrossmodalEvalJob.Space space,
                                      Similarity similarity, int expandQuery) throws Exception {
        return new CrossmodalEvalJob(new CrossmodalEvalJob.Options(input.toString(), SegmentFormat.LIBSVM, labels.toString(), 1,
                labelColumn, model.toString(), space, similarity, expandQuery, dir.resolve(space + ".json").toString(), 50),
                QUIET).execute(spark);
    }

    @Test
    void aModelTrainedOnClusteredDataTranslatesFarAboveChance() throws Exception {
        List<Segment> segments = clustered(4, 30, 3);
        Path input = dir.resolve("segments.svm");
        LibSvmWriter.write(TestStorage.LOCAL, input.toString(), segments, false);
        List<String> labels = new ArrayList<>();
        for (Segment s : segments) {
            labels.add(s.id() + "\timage-" + s.id() + "\t" + s.id().substring(s.id().indexOf('-') + 1));
        }
        Path labelFile = Files.write(dir.resolve("labels.tsv"), labels);
        Path model = dir.resolve("model.bidnn");
        BiDNNNetwork network = train(segments, new Architecture(8, 6, 16, 8, ActivationFunction.TANH, true, 0.2), 60, 16);
        ModelFile.save(network, TestStorage.LOCAL, model.toString());

        CrossmodalReport translation = evaluate(input, labelFile, 3, model, CrossmodalEvalJob.Space.TRANSLATION);
        assertEquals(120, translation.segments());
        assertEquals(4, translation.distinctLabels());
        assertEquals(List.of("mod1->mod2", "mod2->mod1"),
                translation.directions().stream().map(CrossmodalReport.Direction::direction).toList());
        for (CrossmodalReport.Direction d : translation.directions()) {
            assertEquals(120, d.queries());
            assertEquals(120, d.items());
            assertEquals(0.25, d.chance(), 1e-12, "30 of the 120 items share each query's label");
            assertTrue(d.meanAveragePrecision() > 0.9, d.toString());
            assertEquals(d.meanAveragePrecision(), d.perLabel().values().stream().mapToDouble(x -> x).average().orElseThrow(),
                    1e-12, "equal classes: the mean of the per-label mAPs is the mAP");
        }
        assertTrue(Files.readString(dir.resolve("translation.json")).contains("\"space\" : \"translation\""));

        // The joint space compares h1b (from x1 alone) with h2b (from x2 alone): the job's figures are
        // those of the network's central layers, ranked and scored here by brute force.
        CrossmodalReport joint = evaluate(input, labelFile, 3, model, CrossmodalEvalJob.Space.JOINT);
        BiDNNLayer.Activations act = network.infer(Nd4j.create(segments.stream().map(Segment::values).toArray(float[][]::new)));
        float[][] h1 = act.central1().toFloatMatrix();
        float[][] h2 = act.central2().toFloatMatrix();
        assertEquals(bruteForceMap(h1, h2, 4), joint.directions().get(0).meanAveragePrecision(), 1e-6);
        assertEquals(bruteForceMap(h2, h1, 4), joint.directions().get(1).meanAveragePrecision(), 1e-6);

        // Both translations, with a scaled model: in the model's units, the query's [translation | own]
        // against the item's [own | translation], each half at unit length.
        org.bidnn.model.FeatureScaler scaler = org.bidnn.train.ScalingFit.local(org.bidnn.model.Scaling.STANDARD,
                Nd4j.create(segments.stream().map(Segment::values).toArray(float[][]::new)));
        Path scaledModel = dir.resolve("scaled.bidnn");
        ModelFile.save(new org.bidnn.model.TrainedModel(network, scaler, null), TestStorage.LOCAL, scaledModel.toString());
        CrossmodalReport both = evaluate(input, labelFile, 3, scaledModel, CrossmodalEvalJob.Space.BOTH_TRANSLATIONS);
        float[][] x = scaler.scale(segments.stream().map(Segment::values).toArray(float[][]::new), 8, false);
        float[][] x1 = new float[x.length][];
        float[][] x2 = new float[x.length][];
        float[][] only1 = new float[x.length][];
        float[][] only2 = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            x1[i] = java.util.Arrays.copyOf(x[i], 8);
            x2[i] = java.util.Arrays.copyOfRange(x[i], 8, 14);
            only1[i] = java.util.Arrays.copyOf(x1[i], 14);
            only2[i] = new float[14];
            System.arraycopy(x2[i], 0, only2[i], 8, 6);
        }
        float[][] o1 = network.infer(Nd4j.create(only1)).translation1to2().toFloatMatrix();
        float[][] o2 = network.infer(Nd4j.create(only2)).translation2to1().toFloatMatrix();
        assertEquals(bruteForceMap(halves(o1, x1), halves(x2, o2), 4), both.directions().get(0).meanAveragePrecision(), 1e-6);
        assertEquals(bruteForceMap(halves(o2, x2), halves(x1, o1), 4), both.directions().get(1).meanAveragePrecision(), 1e-6);
        assertTrue(Files.readString(dir.resolve("both-translations.json")).contains("\"space\" : \"both-translations\""));

        // The translation by inner product, each query expanded by its 5 best items: scored here by
        // brute force, the expansion by hand.
        CrossmodalReport expanded = evaluate(input, labelFile, 3, scaledModel, CrossmodalEvalJob.Space.TRANSLATION,
                Similarity.DOT, 5);
        assertEquals("dot", expanded.similarity());
        assertEquals(5, expanded.queryExpansion());
        assertEquals(bruteForceMap(expandedByHand(o1, x2, 5), x2, 4, false), expanded.directions().get(0).meanAveragePrecision(),
                1e-6);
        assertEquals(bruteForceMap(expandedByHand(o2, x1, 5), x1, 4, false), expanded.directions().get(1).meanAveragePrecision(),
                1e-6);
        assertTrue(Files.readString(dir.resolve("translation.json")).contains("\"queryExpansion\" : 5"));
    }

    /** Each query expanded by its {@code k} best items by inner product ({@link BruteForce#expanded}). */
    private static float[][] expandedByHand(float[][] queries, float[][] items, int k) {
        float[][] out = new float[queries.length][];
        for (int q = 0; q < queries.length; q++) {
            float[] query = queries[q];
            List<float[]> best = java.util.Arrays.stream(items)
                    .sorted((a, b) -> Double.compare(BruteForce.dot(query, b), BruteForce.dot(query, a))).limit(k).toList();
            out[q] = BruteForce.expanded(query, best);
        }
        return out;
    }

    /** Rows {@code [a / |a| | b / |b|]}. */
    private static float[][] halves(float[][] a, float[][] b) {
        float[][] out = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            double na = Math.sqrt(BruteForce.dot(a[i], a[i]));
            double nb = Math.sqrt(BruteForce.dot(b[i], b[i]));
            out[i] = new float[a[i].length + b[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = (float) (a[i][j] / na);
            }
            for (int j = 0; j < b[i].length; j++) {
                out[i][a[i].length + j] = (float) (b[i][j] / nb);
            }
        }
        return out;
    }

    /** mAP of ranking {@code items} by cosine to each of {@code queries}; item i has label i % classes. */
    private static double bruteForceMap(float[][] queries, float[][] items, int classes) {
        return bruteForceMap(queries, items, classes, true);
    }

    /** The same, by cosine or by inner product. */
    private static double bruteForceMap(float[][] queries, float[][] items, int classes, boolean cosine) {
        double sum = 0;
        for (int q = 0; q < queries.length; q++) {
            double[] score = new double[items.length];
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < items.length; i++) {
                score[i] = cosine ? BruteForce.cosine(queries[q], items[i]) : BruteForce.dot(queries[q], items[i]);
                order.add(i);
            }
            order.sort((a, b) -> Double.compare(score[b], score[a]));
            int found = 0;
            double ap = 0;
            for (int r = 0; r < order.size(); r++) {
                if (order.get(r) % classes == q % classes) {
                    found++;
                    ap += (double) found / (r + 1);
                }
            }
            sum += ap / found;
        }
        return sum / queries.length;
    }

    @Test
    void everySegmentNeedsALabel() throws Exception {
        List<Segment> segments = clustered(2, 5, 1);
        Path input = dir.resolve("segments.svm");
        LibSvmWriter.write(TestStorage.LOCAL, input.toString(), segments, false);
        Path labels = Files.writeString(dir.resolve("labels.tsv"), "seg0-0\t0\nseg1-1\t1\n");
        Path model = dir.resolve("model.bidnn");
        ModelFile.save(BiDNNNetwork.create(new Architecture(8, 6, 4, 4, ActivationFunction.TANH, true, 0), Optimizer.DEFAULT, 1), TestStorage.LOCAL,
                model.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> evaluate(input, labels, 0, model, CrossmodalEvalJob.Space.JOINT));
        assertEquals("8 segments of " + input + " have no label in " + labels + ", e.g. 'seg2-0' (ids are matched with column 1)",
                e.getMessage());
    }

    @Test
    void labelsFilesNameTheirColumns() throws IOException {
        Path f = Files.writeString(dir.resolve("l.tsv"), "a\tx\tart history\n# comment\nb\ty\t10\n");
        assertEquals(Map.of("a", "art history", "b", "10"), Labels.read(TestStorage.LOCAL, f.toString(), 1, 3));
        assertEquals(Map.of("a", "art history", "b", "10"), Labels.read(TestStorage.LOCAL, f.toString(), 1, 0));
        assertEquals(Map.of("x", "a", "y", "b"), Labels.read(TestStorage.LOCAL, f.toString(), 2, 1));
        Path short_ = Files.writeString(dir.resolve("s.tsv"), "a\tx\t1\nb\t2\n");
        assertEquals(short_ + ":2: expected at least 3 tab-separated fields, found 2 (the id is in column 1, the label in "
                + "column 3)", assertThrows(org.bidnn.io.InputFileException.class, () -> Labels.read(TestStorage.LOCAL, short_.toString(), 1, 3)).getMessage());
        Path twice = Files.writeString(dir.resolve("t.tsv"), "a\t1\na\t2\n");
        assertEquals(twice + ":2: id listed twice in token 'a' (first on line 1)",
                assertThrows(org.bidnn.io.InputFileException.class, () -> Labels.read(TestStorage.LOCAL, twice.toString(), 1, 0)).getMessage());
    }

    /**
     * The Wikipedia set (when ../shared has it): a BiDNN trained for a few epochs on the training
     * split retrieves the test split's other modality above chance in both directions. The model
     * standardises the features itself (its scaling fitted on the training split): their raw scale
     * (histograms summing to 1) is too small for tanh units to learn from in a few epochs. The test
     * split is read as published.
     */
    @Test
    void wikipediaTestSplitAboveChanceInBothDirections() throws Exception {
        assumeTrue(Files.isRegularFile(WIKIPEDIA.resolve("train.svm")) && Files.isRegularFile(WIKIPEDIA.resolve("test.svm")),
                "the Wikipedia set is not in " + WIKIPEDIA);
        List<Segment> train = LibSvmReader.read(TestStorage.LOCAL, WIKIPEDIA.resolve("train.svm").toString(), 138);
        org.bidnn.model.FeatureScaler scaler = org.bidnn.train.ScalingFit.local(org.bidnn.model.Scaling.STANDARD,
                Nd4j.create(train.stream().map(Segment::values).toArray(float[][]::new)));
        List<Segment> scaledTrain = train.stream().map(s -> new Segment(s.id(), scaler.scale(s.values(), 128, false))).toList();
        Path input = WIKIPEDIA.resolve("test.svm");
        Path model = dir.resolve("model.bidnn");
        ModelFile.save(new org.bidnn.model.TrainedModel(
                train(scaledTrain, new Architecture(128, 10, 128, 64, ActivationFunction.TANH, true, 0.2), 30, 128), scaler,
                null), TestStorage.LOCAL, model.toString());
        CrossmodalReport r = evaluate(input, WIKIPEDIA.resolve("test-categories.tsv"), 3, model,
                CrossmodalEvalJob.Space.TRANSLATION);
        assertEquals(693, r.segments());
        assertEquals(10, r.distinctLabels());
        for (CrossmodalReport.Direction d : r.directions()) {
            assertTrue(d.chance() > 0.1 && d.chance() < 0.14, d.toString());
            assertTrue(d.meanAveragePrecision() > d.chance() + 0.03, d.toString());
        }
    }
}
