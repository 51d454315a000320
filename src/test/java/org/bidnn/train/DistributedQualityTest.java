package org.bidnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.Segment;
import org.bidnn.io.TestStorage;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.io.spark.SegmentReaders;
import org.bidnn.jobs.compare.EvaluationSet;
import org.bidnn.jobs.compare.EvaluationSets;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.Optimizer;
import org.bidnn.model.OutputMode;
import org.bidnn.model.SegmentTransformer;
import org.bidnn.rank.AnchorList;
import org.bidnn.rank.Qrels;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Quality parity of distributed training, against the known answer of the sample hyperlinking set
 * (its relevance judgments): a model trained E epochs by two averaging workers ranks the anchors'
 * targets as well as the model {@code bidnn run} trains in E epochs.
 */
@ExtendWith(SharedSpark.class)
class DistributedQualityTest {

    private static final Path SET = Path.of(System.getProperty("user.dir"), "data-samples", "hyperlinking");
    private static final Architecture ARCH = new Architecture(100, 100, 128, 64, ActivationFunction.TANH, true, 0.2);
    private static final int EPOCHS = 30;
    private static SparkSession spark;
    private static JavaSparkContext sc;
    private static EvaluationSet set;
    private static JavaRDD<float[]> rows;

    @BeforeAll
    static void start() throws IOException {
        spark = SharedSpark.session();
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        String input = SET.resolve("segments.svm").toString();
        JavaRDD<Segment> corpus = SegmentReaders.read(spark, input, SegmentFormat.LIBSVM, 100, 100).cache();
        Qrels qrels = Qrels.read(TestStorage.LOCAL, SET.resolve("qrels.tsv").toString());
        set = EvaluationSets.collect(sc, corpus, input, AnchorList.read(TestStorage.LOCAL, SET.resolve("anchors.txt").toString()),
                qrels, qrels, 1000, 10).set();
        assertNotNull(set);
        rows = TrainingRows.select(corpus.map(Segment::values), 100, false).cache();
    }

    private static EvaluationSet.Score embeddingScore(BiDNNNetwork network) {
        SegmentTransformer embedding = new SegmentTransformer(network, OutputMode.EMBEDDING, false, false);
        return set.score(set.rank(embedding::transform));
    }

    @Test
    void twoWorkersRankAsWellAsRunAfterTheSameEpochs() throws IOException {
        TrainingSettings settings = new TrainingSettings(EPOCHS, 128, 1234);
        BiDNNNetwork run = BiDNNNetwork.create(ARCH, Optimizer.DEFAULT, 1234);
        List<float[]> all = rows.collect();
        new LocalTrainer(settings).train(run, Nd4j.create(all.toArray(new float[0][])), EpochListener.NONE);
        BiDNNNetwork two = BiDNNNetwork.create(ARCH, Optimizer.DEFAULT, 1234);
        new SparkTrainer(settings, new SparkTrainingOptions(2,
                SparkTrainingOptions.DEFAULT_AVERAGING_FREQUENCY))
                .train(sc, two, rows, EpochListener.NONE);

        EvaluationSet.Score expected = embeddingScore(run);
        EvaluationSet.Score actual = embeddingScore(two);
        assertEquals(expected.precisionAtK(), actual.precisionAtK(), 0.01, "P@10");
        assertEquals(expected.meanAveragePrecision(), actual.meanAveragePrecision(), 0.01, "MAP");
    }
}
