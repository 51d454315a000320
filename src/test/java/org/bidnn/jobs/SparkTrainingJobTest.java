package org.bidnn.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.TestStorage;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.ModelFile;
import org.bidnn.model.Optimizer;
import org.bidnn.testing.SharedSpark;
import org.bidnn.train.Checkpoints;
import org.bidnn.train.SparkTrainingOptions;
import org.bidnn.train.TrainingSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code bidnn train}'s job on the sample corpus: checkpoints, and resuming a killed job. */
@ExtendWith(SharedSpark.class)
class SparkTrainingJobTest {

    private static final String SAMPLES = Path.of(System.getProperty("user.dir"), "data-samples", "segments.svm").toString();
    private static final Architecture ARCH = new Architecture(100, 100, 32, 16, ActivationFunction.TANH, true, 0.2);
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
    }

    private SparkTrainingJob job(int epochs, Path model, Path resume, Checkpoints checkpoints) {
        return new SparkTrainingJob(SAMPLES, SegmentFormat.LIBSVM, ARCH, Optimizer.DEFAULT,
                new TrainingSettings(epochs, 64, 9), new SparkTrainingOptions(1, 5), false, model.toString(), resume == null ? null : resume.toString(), checkpoints);
    }

    private static String run(SparkTrainingJob job) throws IOException {
        StringWriter log = new StringWriter();
        job.run(spark, new Console(2, new PrintWriter(log, true)));
        return log.toString();
    }

    @Test
    void aResumedJobEndsWithTheModelOfAnUninterruptedOne() throws IOException {
        Path straight = dir.resolve("straight.bidnn");
        String log = run(job(4, straight, null, new Checkpoints(dir.resolve("none").toString(), 0)));
        assertEquals(4, log.lines().filter(l -> l.matches("Epoch \\d of 4 took .*s training loss:\t.*")).count(), log);

        // The "killed" job: it got as far as its checkpoint after epoch 2.
        Path checkpoints = dir.resolve("checkpoints");
        run(job(2, dir.resolve("partial.bidnn"), null, new Checkpoints(checkpoints.toString(), 2)));
        Path last = Path.of(Checkpoints.latest(TestStorage.LOCAL, checkpoints.toString()).orElseThrow());
        assertEquals("epoch-00002.bidnn", last.getFileName().toString());

        Path resumed = dir.resolve("resumed.bidnn");
        String resumeLog = run(job(4, resumed, last, new Checkpoints(checkpoints.toString(), 2)));
        assertTrue(resumeLog.contains("Epoch 3 of 4") && resumeLog.contains("Epoch 4 of 4"), resumeLog);
        assertTrue(Files.exists(checkpoints.resolve("epoch-00004.bidnn")));

        INDArray expected = ModelFile.load(TestStorage.LOCAL, straight.toString()).network().network().params();
        INDArray actual = ModelFile.load(TestStorage.LOCAL, resumed.toString()).network().network().params();
        assertEquals(4, ModelFile.readMetadata(TestStorage.LOCAL, resumed.toString()).epochsTrained());
        assertTrue(expected.sub(actual).amaxNumber().doubleValue() < 1e-6, "max |difference| " + expected.sub(actual).amaxNumber());
    }

    @Test
    void resumingWithOtherSizesIsAClearError() throws IOException {
        Path model = dir.resolve("m.bidnn");
        run(job(1, model, null, new Checkpoints(dir.resolve("c").toString(), 0)));
        SparkTrainingJob other = new SparkTrainingJob(SAMPLES, SegmentFormat.LIBSVM,
                new Architecture(100, 100, 48, 16, ActivationFunction.TANH, true, 0.2), Optimizer.DEFAULT,
                new TrainingSettings(2, 64, 9), new SparkTrainingOptions(1, 5), false, dir.resolve("o.bidnn").toString(), model.toString(),
                new Checkpoints(dir.resolve("c").toString(), 0));
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> run(other));
        assertTrue(e.getMessage().contains("m.bidnn"), e.getMessage());
    }
}
