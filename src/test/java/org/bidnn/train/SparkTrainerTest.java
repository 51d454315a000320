package org.bidnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.LibSvmReader;
import org.bidnn.io.Segment;
import org.bidnn.io.TestStorage;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.Optimizer;
import org.bidnn.model.Presence;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

@ExtendWith(SharedSpark.class)
class SparkTrainerTest {

    private static final Path SAMPLES = Path.of(System.getProperty("user.dir"), "data-samples");
    private static SparkSession spark;
    private static JavaSparkContext sc;
    private static List<float[]> complete;

    @BeforeAll
    static void start() throws IOException {
        spark = SharedSpark.session();
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Segment> segments = LibSvmReader.read(TestStorage.LOCAL, SAMPLES.resolve("segments.svm").toString(), 200);
        complete = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            if (Presence.of(segments.get(i).values(), 100, false) == Presence.BOTH) {
                complete.add(segments.get(i).values());
            }
        }
    }

    private static BiDNNNetwork newNetwork() {
        return BiDNNNetwork.create(new Architecture(100, 100, 64, 32, ActivationFunction.TANH, true, 0.2),
                Optimizer.DEFAULT, 11);
    }

    @Test
    void oneWorkerTrainsTheSameModelAsTheLocalTrainer() throws IOException {
        List<float[]> rows = complete.subList(0, 600);
        TrainingSettings settings = new TrainingSettings(3, 64, 5);
        BiDNNNetwork local = newNetwork();
        new LocalTrainer(settings).train(local, Nd4j.create(rows.toArray(new float[0][])), EpochListener.NONE);

        BiDNNNetwork distributed = newNetwork();
        List<Double> losses = new ArrayList<>();
        List<EpochCost> costs = new ArrayList<>();
        int driverThreads = NativeThreads.use(1);
        new SparkTrainer(settings, new SparkTrainingOptions(1, 5))
                .train(sc, distributed, sc.parallelize(rows, 3), (e, total, loss, took) -> losses.add(loss),
                        (epoch, cost) -> costs.add(cost));
        int after = NativeThreads.use(driverThreads);

        assertEquals(3, losses.size());
        for (EpochCost cost : costs) {
            assertEquals(0, cost.sparkJobs(), "no parameter round trip: " + cost);
            assertEquals(0, cost.rounds(), cost.toString());
            assertEquals(2, cost.threads(), "local[2]'s threads: " + cost);
        }
        assertEquals(1, after, "the driver's threads given back");
        assertEquals(3, distributed.epochsTrained());
        INDArray difference = local.network().params().sub(distributed.network().params());
        assertTrue(difference.amaxNumber().doubleValue() < 1e-6, "max |difference| " + difference.amaxNumber());
        assertEquals(local.network().getIterationCount(), distributed.network().getIterationCount());
    }

    @Test
    void twoWorkersTrainReproduciblyWithoutShufflingAndResumeExactly() throws IOException {
        JavaRDD<float[]> rows = sc.parallelize(complete.subList(0, 600), 3);
        TrainingSettings four = new TrainingSettings(4, 64, 5);
        SparkTrainingOptions options = new SparkTrainingOptions(2, 2);
        BiDNNNetwork a = newNetwork();
        List<EpochCost> costs = new ArrayList<>();
        int driverThreads = NativeThreads.current();
        new SparkTrainer(four, options).train(sc, a, rows, EpochListener.NONE, (epoch, cost) -> costs.add(cost));
        assertEquals(driverThreads, NativeThreads.current(), "the workers ran in this process; the driver's threads are back");
        BiDNNNetwork b = newNetwork();
        new SparkTrainer(four, options).train(sc, b, rows, EpochListener.NONE);
        // Interrupted after epoch 2 and resumed: a new training of the same network, from epoch 3.
        BiDNNNetwork resumed = newNetwork();
        TrainingSettings two = new TrainingSettings(2, 64, 5);
        new SparkTrainer(two, options).train(sc, resumed, rows, EpochListener.NONE);
        new SparkTrainer(two, options).train(sc, resumed, rows, EpochListener.NONE);

        assertTrue(a.network().params().equals(b.network().params()), "same seed, same workers: same model");
        assertTrue(a.network().params().equals(resumed.network().params()), "resumed = uninterrupted");
        assertEquals(a.network().getIterationCount(), resumed.network().getIterationCount());
        assertEquals(4, costs.size());
        // 300 rows a shard: 4 batches of 64, 2 per round.
        for (EpochCost cost : costs) {
            assertEquals(1, cost.threads(), "two workers share local[2]'s two threads: " + cost);
            assertEquals(0, cost.shuffleBytes(), "no rows move between workers during an epoch: " + cost);
            assertEquals(2, cost.rounds(), cost.toString());
            assertEquals(2, cost.sparkJobs(), "one job per round: " + cost);
        }
    }

    @Test
    void localTwoIsOneExecutorOfTwoCoresWithoutStageLevelCpus() {
        assertEquals(new SparkParallelism(1, 2, 2, 1, true, false), SparkParallelism.of(sc));
    }

    @Test
    void twoWorkersLearnEmbeddingsAsGoodAsOne() throws IOException {
        // Two modalities driven by one 3-d latent factor: the known answer is each row's partner.
        float[][] data = LocalTrainerTest.correlatedRows(1424, 21).toFloatMatrix();
        List<float[]> correlated = java.util.Arrays.asList(data).subList(0, 1024);
        float[][] heldOut = java.util.Arrays.copyOfRange(data, 1024, 1424);
        Architecture architecture = new Architecture(8, 6, 32, 16, ActivationFunction.TANH, true, 0.1);
        TrainingSettings settings = new TrainingSettings(20, 32, 3);
        JavaRDD<float[]> rows = sc.parallelize(correlated, 4).cache();
        double untrained = crossmodalRecallAt10(BiDNNNetwork.create(architecture, Optimizer.DEFAULT, 4), heldOut, 8);

        BiDNNNetwork one = BiDNNNetwork.create(architecture, Optimizer.DEFAULT, 4);
        new SparkTrainer(settings, new SparkTrainingOptions(1, 5)).train(sc, one, rows, EpochListener.NONE);
        BiDNNNetwork two = BiDNNNetwork.create(architecture, Optimizer.DEFAULT, 4);
        new SparkTrainer(settings, new SparkTrainingOptions(2, 4)).train(sc, two, rows, EpochListener.NONE);

        double p1 = crossmodalRecallAt10(one, heldOut, 8);
        double p2 = crossmodalRecallAt10(two, heldOut, 8);
        assertTrue(p1 > 2 * untrained + 0.05, "training helps: " + untrained + " -> " + p1);
        assertTrue(Math.abs(p1 - p2) < 0.05, "1 worker " + p1 + " vs 2 workers " + p2);
    }

    /**
     * The known answer: the translation of a row's modality 1 should find that row's own
     * modality 2. Recall@10 over 400 held-out rows, ranking every row's modality 2 by cosine
     * similarity to each translation (chance: 10/400 = 0.025).
     */
    private static double crossmodalRecallAt10(BiDNNNetwork network, float[][] heldOut, int d1) {
        INDArray rows = Nd4j.create(heldOut);
        INDArray translations = network.infer(rows).translation1to2();
        INDArray truth = rows.get(NDArrayIndex.all(), NDArrayIndex.interval(d1, rows.columns())).dup();
        INDArray similarity = unit(translations).mmul(unit(truth).transpose());
        int hits = 0;
        for (int i = 0; i < heldOut.length; i++) {
            double own = similarity.getDouble(i, i);
            long better = 0;
            for (int j = 0; j < heldOut.length; j++) {
                better += similarity.getDouble(i, j) > own ? 1 : 0;
            }
            hits += better < 10 ? 1 : 0;
        }
        return hits / (double) heldOut.length;
    }

    private static INDArray unit(INDArray m) {
        return m.divColumnVector(m.norm2(1).reshape(m.rows(), 1).addi(1e-12));
    }
}
