package org.bidnn.ml;

import static org.bidnn.ml.MlData.D1;
import static org.bidnn.ml.MlData.D2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.bidnn.io.Segment;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.FeatureScaler;
import org.bidnn.model.Optimizer;
import org.bidnn.model.Scaling;
import org.bidnn.testing.SharedSpark;
import org.bidnn.train.EpochListener;
import org.bidnn.train.LocalTrainer;
import org.bidnn.train.ScalingFit;
import org.bidnn.train.TrainingRows;
import org.bidnn.train.TrainingSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The estimator: schema checks, both input layouts, the Spark trainer's result, persistence. */
@ExtendWith(SharedSpark.class)
class BiDNNTest {

    private static SparkSession spark;
    private static List<Segment> segments;
    private static Dataset<Row> samples;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
        segments = MlData.segments();
        samples = MlData.frame(spark, segments, 3).cache();
    }

    /** A small, quickly trained BiDNN on the samples. */
    private static BiDNN small() {
        return new BiDNN().setMod1Size(D1).setMod2Size(D2).setHiddenSize(32).setEmbeddingSize(16)
                .setEpochs(2).setBatchSize(64).setSeed(7).setWorkers(1);
    }

    private static IllegalArgumentException schemaError(Runnable check) {
        return assertThrows(IllegalArgumentException.class, check::run);
    }

    @Test
    void defaultsAreTheCommandLines() {
        BiDNN b = new BiDNN();
        assertEquals("tanh", b.getActivation());
        assertTrue(b.getTied());
        assertEquals(0.2, b.getDropout());
        assertEquals(1000, b.getEpochs());
        assertEquals(128, b.getBatchSize());
        assertEquals(0.1, b.getLearningRate());
        assertEquals(0.9, b.getMomentum());
        assertEquals(1234, b.getSeed());
        assertEquals(0, b.getWorkers());
        assertEquals(5, b.getAveragingFrequency());
        assertEquals("features", b.getFeaturesCol());
        assertEquals("embedding", b.getOutputCol());
        assertEquals("embedding", b.getMode());
        assertFalse(b.getL2Norm());
        assertFalse(b.getIgnoreZeroes());
        assertEquals(1024, b.getInferenceBatchSize());
        assertFalse(b.isDefined(b.mod1Size()), "the sizes have no default");
        assertEquals("standard", b.getScaling());
        assertFalse(b.isDefined(b.modalityWeight()), "the modality weight has no default");
        assertEquals(24, b.params().length, "Spark finds every parameter");
    }

    @Test
    void invalidParameterValuesAreRefused() {
        BiDNN b = new BiDNN();
        assertThrows(IllegalArgumentException.class, () -> b.setEmbeddingSize(7));
        assertThrows(IllegalArgumentException.class, () -> b.setMod1Size(0));
        assertThrows(IllegalArgumentException.class, () -> b.setActivation("softmax"));
        assertThrows(IllegalArgumentException.class, () -> b.setMode("both"));
        assertThrows(IllegalArgumentException.class, () -> b.setDropout(1.0));
        assertThrows(IllegalArgumentException.class, () -> b.setMomentum(-0.1));
        assertThrows(IllegalArgumentException.class, () -> b.setEpochs(-1));
        b.setEmbeddingSize(8).setActivation("relu").setMode("crossmodal").setDropout(0).setEpochs(0);
    }

    @Test
    void theSchemaIsCheckedBeforeTraining() {
        StructType schema = MlData.SCHEMA;
        assertEquals("mod1Size is not set: a BiDNN needs mod1Size, mod2Size, hiddenSize and embeddingSize",
                schemaError(() -> new BiDNN().transformSchema(schema)).getMessage());

        StructType out = small().transformSchema(schema);
        assertEquals(SQLDataTypes.VectorType(), out.apply("embedding").dataType());
        assertEquals(schema.size() + 1, out.size());

        String noFeatures = schemaError(() -> small().setFeaturesCol("x").transformSchema(schema)).getMessage();
        assertEquals("BiDNN input: no column 'x' (expected a Spark ML vector of mod1Size + mod2Size = 200 values); "
                + "the input's columns are [id, features, mod1, mod2]", noFeatures);

        StructType arrays = new StructType().add("features", DataTypes.createArrayType(DataTypes.DoubleType));
        String notVector = schemaError(() -> small().transformSchema(arrays)).getMessage();
        assertTrue(notVector.startsWith("BiDNN input: column 'features' is ArrayType(DoubleType,true) "
                + "(expected a Spark ML vector of mod1Size + mod2Size = 200 values)"), notVector);

        String noText = schemaError(() -> small().setMod1Col("mod1").setMod2Col("text").transformSchema(schema))
                .getMessage();
        assertTrue(noText.startsWith("BiDNN input: no column 'text' (expected a Spark ML vector of mod2Size = 100 values)"),
                noText);

        String half = schemaError(() -> small().setMod1Col("mod1").transformSchema(schema)).getMessage();
        assertTrue(half.startsWith("mod1Col is set but mod2Col is not"), half);

        String both = schemaError(() -> small().setFeaturesCol("features").setMod1Col("mod1").setMod2Col("mod2")
                .transformSchema(schema)).getMessage();
        assertTrue(both.startsWith("featuresCol and mod1Col/mod2Col are all set"), both);

        assertEquals("BiDNN output column 'mod1' already exists",
                schemaError(() -> small().setOutputCol("mod1").transformSchema(schema)).getMessage());

        StructType declared = new StructType().add(new AttributeGroup("features", 150).toStructField());
        String wrongSize = schemaError(() -> small().transformSchema(declared)).getMessage();
        assertTrue(wrongSize.startsWith("BiDNN input: column 'features' holds vectors of 150 values "
                + "(expected mod1Size + mod2Size = 200)"), wrongSize);
    }

    @Test
    void aVectorOfTheWrongSizeStopsTrainingWithTheColumnAndTheWidth() {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("features", SQLDataTypes.VectorType());
        List<Row> rows = List.of(RowFactory.create("a", Vectors.dense(new double[150])));
        Dataset<Row> bad = spark.createDataFrame(rows, schema);
        Throwable t = assertThrows(Exception.class, () -> small().fit(bad));
        assertRowError("BiDNN input: a row has 150 values in features (expected mod1Size + mod2Size = 200)", t);
    }

    /** An error in a task reaches the driver wrapped by Spark; the row's own error is among the causes. */
    static void assertRowError(String message, Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IllegalArgumentException && message.equals(c.getMessage())) {
                return;
            }
        }
        fail("no error '" + message + "' in", t);
    }

    @Test
    void bothLayoutsTrainTheSameNetworkAsTheLocalTrainer() throws IOException {
        BiDNNModel joint = small().fit(samples);
        BiDNNModel split = small().setMod1Col("mod1").setMod2Col("mod2").fit(samples);

        Architecture architecture = new Architecture(D1, D2, 32, 16, ActivationFunction.TANH, true, 0.2);
        assertEquals(architecture, joint.network().architecture());
        assertEquals(2, joint.network().epochsTrained());
        BiDNNNetwork local = BiDNNNetwork.create(architecture, Optimizer.DEFAULT, 7);
        INDArray raw = TrainingRows.select(segments.stream().map(Segment::values).toList(), D1, false);
        // The estimator scales its training rows (default scaling) with statistics from MLlib's Summarizer;
        // the local ones from ND4J must be the same for the two trainings to agree.
        FeatureScaler scaler = ScalingFit.local(Scaling.STANDARD, raw);
        INDArray complete = Nd4j.create(scaler.scale(raw.toFloatMatrix(), D1, false));
        new LocalTrainer(new TrainingSettings(2, 64, 7)).train(local, complete, EpochListener.NONE);

        assertTrue(local.network().params().equalsWithEps(joint.network().network().params(), 1e-6),
                "features: the local trainer's network");
        assertTrue(local.network().params().equalsWithEps(split.network().network().params(), 1e-6),
                "mod1/mod2: the local trainer's network");
        assertFalse(joint.isSet(joint.mod1Col()));
        assertEquals("mod1", split.getMod1Col(), "the layout goes to the model");
    }

    @Test
    void theModelCarriesTheEstimatorsParameters() {
        BiDNN estimator = small().setOutputCol("z").setL2Norm(true).setMode("crossmodal").setEpochs(0);
        BiDNNModel model = estimator.fit(samples);
        assertSame(estimator, model.parent());
        assertEquals(estimator.uid(), model.uid());
        assertEquals("z", model.getOutputCol());
        assertTrue(model.getL2Norm());
        assertEquals("crossmodal", model.getMode());
        assertEquals(16, model.getEmbeddingSize());
        assertEquals(0, model.network().epochsTrained());
    }

    @Test
    void inputColumnsMayHaveAnyName() {
        Dataset<Row> renamed = samples.select(samples.col("mod1").as("text.tf`idf"), samples.col("mod2").as("v"));
        BiDNNModel model = small().setEpochs(1).setMod1Col("text.tf`idf").setMod2Col("v").fit(renamed);
        assertEquals(1, model.network().epochsTrained());
    }

    @Test
    void theEstimatorSavesAndLoadsItsParameters() throws IOException {
        BiDNN estimator = small().setMod1Col("a").setMod2Col("b").setActivation("relu").setTied(false)
                .setLearningRate(0.05).setIgnoreZeroes(true);
        String path = dir.resolve("estimator").toString();
        estimator.write().save(path);
        BiDNN loaded = BiDNN.load(path);
        assertEquals(estimator.uid(), loaded.uid());
        assertEquals(estimator.extractParamMap().toString(), loaded.extractParamMap().toString());
        assertEquals("a", loaded.getMod1Col());
        assertFalse(loaded.getTied());
        assertEquals(0.05, loaded.getLearningRate());
        assertTrue(loaded.getIgnoreZeroes());
        assertFalse(loaded.isSet(loaded.featuresCol()), "defaults stay defaults");
    }
}
