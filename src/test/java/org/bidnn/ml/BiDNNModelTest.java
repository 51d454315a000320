package org.bidnn.ml;

import static org.bidnn.ml.MlData.D1;
import static org.bidnn.ml.MlData.D2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.bidnn.io.Segment;
import org.bidnn.io.TestStorage;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;
import org.bidnn.model.Optimizer;
import org.bidnn.model.OutputMode;
import org.bidnn.model.SegmentTransformer;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The transformer: its output is {@link SegmentTransformer}'s, row for row, whatever the layout,
 * mode and partitions; it saves and loads, alone and in a pipeline; it wraps model files.
 */
@ExtendWith(SharedSpark.class)
class BiDNNModelTest {

    /** A row's result may differ in the last bits with the batch it was computed in (see SparkEmbeddingTest). */
    private static final float TOLERANCE = 1e-5f;

    private static SparkSession spark;
    private static BiDNNNetwork network;
    private static List<Segment> segments;
    private static Dataset<Row> samples;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
        network = BiDNNNetwork.create(new Architecture(D1, D2, 48, 24, ActivationFunction.TANH, true, 0.2),
                Optimizer.DEFAULT, 11);
        // A few steps, so that the weights are not just their initialisation.
        Nd4j.getRandom().setSeed(3);
        for (int i = 0; i < 3; i++) {
            network.fitBatch(Nd4j.rand(DataType.FLOAT, 64, D1 + D2));
        }
        segments = MlData.segments();
        samples = MlData.frame(spark, segments, 3).cache();
    }

    /** What {@code bidnn run} and {@code bidnn embed} compute for every sample, by id. */
    private static Map<String, float[]> local(OutputMode mode, boolean l2) {
        float[][] out = new SegmentTransformer(network, mode, l2, false)
                .transform(segments.stream().map(Segment::values).toArray(float[][]::new));
        Map<String, float[]> byId = new HashMap<>();
        for (int i = 0; i < out.length; i++) {
            byId.put(segments.get(i).id(), out[i]);
        }
        return byId;
    }

    private static void assertSameRows(Map<String, float[]> expected, Map<String, float[]> actual, float tolerance) {
        assertEquals(expected.keySet(), actual.keySet(), "one output row per input row");
        expected.forEach((id, e) -> assertArrayEquals(e, actual.get(id), tolerance, id));
    }

    @Test
    void theTransformIsTheSegmentTransformerRowForRow() {
        for (OutputMode mode : OutputMode.values()) {
            for (boolean l2 : new boolean[] {false, true}) {
                String m = mode.name().toLowerCase();
                Map<String, float[]> expected = local(mode, l2);
                // 100 rows per batch: every partition ends with a partial batch.
                BiDNNModel joint = new BiDNNModel(network).setMode(m).setL2Norm(l2).setInferenceBatchSize(100);
                Dataset<Row> out = joint.transform(samples);
                assertEquals(samples.count(), out.count());
                assertSameRows(expected, MlData.byId(out, "embedding"), TOLERANCE);

                BiDNNModel split = new BiDNNModel(network).setMode(m).setL2Norm(l2).setMod1Col("mod1")
                        .setMod2Col("mod2").setOutputCol("out");
                assertSameRows(expected, MlData.byId(split.transform(samples), "out"), TOLERANCE);
            }
        }
    }

    @Test
    void theInputColumnsAndRowsAreKeptInOrder() {
        Dataset<Row> out = new BiDNNModel(network).transform(samples);
        assertEquals(List.of("id", "features", "mod1", "mod2", "embedding"), List.of(out.columns()));
        List<Row> in = samples.collectAsList();
        List<Row> rows = out.collectAsList();
        for (int i = 0; i < in.size(); i++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(in.get(i).get(c), rows.get(i).get(c));
            }
        }
        assertEquals(24, ((Vector) rows.get(0).get(4)).size());
    }

    @Test
    void anyColumnNamesAndTheirMetadataAreKept() {
        Dataset<Row> odd = samples.select(samples.col("id").as("a.b"), samples.col("features"),
                samples.col("mod1").as("a.b"));
        Dataset<Row> out = new BiDNNModel(network).transform(odd);
        assertEquals(List.of("a.b", "features", "a.b", "embedding"), List.of(out.columns()));
        assertEquals(odd.schema().apply(1), out.schema().apply(1));
        assertEquals(samples.count(), out.count());
    }

    @Test
    void aRowWithNoModalityGetsAnEmptyEmbeddingAndANullVectorIsAMissingModality() {
        StructType schema = new StructType().add("id", DataTypes.StringType)
                .add("a", SQLDataTypes.VectorType()).add("b", SQLDataTypes.VectorType());
        float[] x = segments.get(0).values();
        List<Row> rows = List.of(
                RowFactory.create("none", null, Vectors.sparse(D2, new int[0], new double[0])),
                RowFactory.create("only-1", Vectors.dense(toDoubles(x, 0, D1)), null),
                RowFactory.create("zeros", Vectors.zeros(D1), Vectors.zeros(D2)));
        BiDNNModel model = new BiDNNModel(network).setMod1Col("a").setMod2Col("b");
        Map<String, float[]> out = MlData.byId(model.transform(spark.createDataFrame(rows, schema)), "embedding");
        assertEquals(0, out.get("none").length);
        assertEquals(0, out.get("zeros").length);
        float[] onlyMod1 = new float[D1 + D2];
        System.arraycopy(x, 0, onlyMod1, 0, D1);
        float[] expected = new SegmentTransformer(network, OutputMode.EMBEDDING, false, false)
                .transform(new float[][] {onlyMod1})[0];
        assertArrayEquals(expected, out.get("only-1"), TOLERANCE);

        Map<String, float[]> expanded = MlData.byId(model.setMode("crossmodal").transform(spark.createDataFrame(rows, schema)),
                "embedding");
        assertArrayEquals(new float[D1 + D2], expanded.get("none"), "nothing to fill in");
        assertEquals(D1 + D2, expanded.get("only-1").length);
    }

    @Test
    void aVectorOfTheWrongSizeIsRefusedWithTheColumnAndTheWidth() {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("features", SQLDataTypes.VectorType());
        Dataset<Row> bad = spark.createDataFrame(List.of(RowFactory.create("a", Vectors.zeros(199))), schema);
        Dataset<Row> out = new BiDNNModel(network).transform(bad);
        Throwable t = assertThrows(Exception.class, out::collectAsList);
        BiDNNTest.assertRowError("BiDNN input: a row has 199 values in features (expected mod1Size + mod2Size = 200)", t);

        String missing = assertThrows(IllegalArgumentException.class,
                () -> new BiDNNModel(network).setMod1Col("mod1").setMod2Col("x").transform(samples)).getMessage();
        assertTrue(missing.startsWith("BiDNN input: no column 'x' (expected a Spark ML vector of mod2Size = 100 values)"),
                missing);
    }

    @Test
    void aSavedModelLoadsBackAndTransformsTheSame() throws IOException {
        BiDNNModel model = new BiDNNModel(network).setMod1Col("mod1").setMod2Col("mod2").setOutputCol("e")
                .setMode("crossmodal").setL2Norm(true);
        String path = dir.resolve("model").toString();
        model.write().save(path);
        assertThrows(IOException.class, () -> model.write().save(path), "an existing model is not overwritten");
        model.write().overwrite().save(path);

        BiDNNModel loaded = BiDNNModel.load(path);
        assertEquals(model.uid(), loaded.uid());
        assertEquals(model.extractParamMap().toString(), loaded.extractParamMap().toString());
        assertTrue(network.network().params().equals(loaded.network().network().params()));
        assertSameRows(MlData.byId(model.transform(samples), "e"), MlData.byId(loaded.transform(samples), "e"), 0);

        // The data is a model file like any other: bidnn embed --model reads it.
        Path data = dir.resolve("model").resolve(BiDNNModel.DATA_FILE);
        assertTrue(Files.isRegularFile(data));
        assertEquals(network.architecture(), ModelFile.load(TestStorage.LOCAL, data.toString()).network().architecture());
        assertTrue(Files.readString(dir.resolve("model/metadata/part-00000"))
                .contains("\"class\":\"org.bidnn.ml.BiDNNModel\""));
    }

    @Test
    void aFittedPipelineSavesAndLoads() throws IOException {
        VectorAssembler assembler = new VectorAssembler().setInputCols(new String[] {"mod1", "mod2"})
                .setOutputCol("assembled");
        BiDNN bidnn = new BiDNN().setMod1Size(D1).setMod2Size(D2).setHiddenSize(16).setEmbeddingSize(8)
                .setEpochs(1).setBatchSize(128).setFeaturesCol("assembled").setL2Norm(true);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {assembler, bidnn});
        Dataset<Row> input = samples.select("id", "mod1", "mod2");

        String unfitted = dir.resolve("pipeline").toString();
        pipeline.write().save(unfitted);
        BiDNN reloaded = (BiDNN) Pipeline.load(unfitted).getStages()[1];
        assertEquals(bidnn.extractParamMap().toString(), reloaded.extractParamMap().toString());

        PipelineModel fitted = pipeline.fit(input);
        String path = dir.resolve("pipeline-model").toString();
        fitted.write().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        BiDNNModel stage = assertInstanceOf(BiDNNModel.class, loaded.stages()[1]);
        assertEquals(8, stage.network().architecture().embeddingSize());
        assertEquals(1, stage.network().epochsTrained());

        Dataset<Row> before = fitted.transform(input);
        Dataset<Row> after = loaded.transform(input);
        assertEquals(before.schema(), after.schema());
        assertEquals(assembler.transform(input).schema().apply("assembled"), after.schema().apply("assembled"),
                "the input columns keep their ML attributes");
        assertEquals(200, ((Vector) after.first().getAs("assembled")).size());
        assertSameRows(MlData.byId(before, "embedding"), MlData.byId(after, "embedding"), 0);
    }

    @Test
    void aModelFileOfTheCommandLineIsATransformer() throws IOException {
        Path file = dir.resolve("model.bidnn");
        ModelFile.save(network, TestStorage.LOCAL, file.toString());
        BiDNNModel model = BiDNNModel.fromModelFile(file.toString());
        assertEquals(48, model.getHiddenSize());
        assertEquals("tanh", model.getActivation());
        assertTrue(model.getTied());
        assertTrue(network.network().params().equals(model.network().network().params()));
        assertSameRows(local(OutputMode.EMBEDDING, false), MlData.byId(model.transform(samples), "embedding"),
                TOLERANCE);

        IOException missing = assertThrows(IOException.class,
                () -> BiDNNModel.fromModelFile(dir.resolve("absent.bidnn").toString()));
        assertTrue(missing.getMessage().endsWith("absent.bidnn: no such file"), missing.getMessage());
    }

    @Test
    void aCopySharesTheNetworkAndTakesTheExtraParameters() {
        BiDNNModel model = new BiDNNModel(network).setOutputCol("a");
        BiDNNModel copy = model.copy(new ParamMap().put(model.outputCol().w("b")));
        assertNotSame(model, copy);
        assertEquals(model.network(), copy.network());
        assertEquals("a", model.getOutputCol());
        assertEquals("b", copy.getOutputCol());
        assertEquals(model.uid(), copy.uid());
    }

    private static double[] toDoubles(float[] v, int from, int to) {
        double[] d = new double[to - from];
        for (int i = from; i < to; i++) {
            d[i - from] = v[i];
        }
        return d;
    }

    /**
     * A model with input scaling and a modality weight: the transform gives what the scaled
     * transformer gives (crossmodal: the translations in the input's units), and the scaling and
     * weight survive a save and load; the modalityWeight param overrides the model's.
     */
    @Test
    void theTransformAppliesTheModelsScalingAndWeight() throws IOException {
        float[][] rows = segments.stream().map(Segment::values).toArray(float[][]::new);
        org.bidnn.model.FeatureScaler scaler = org.bidnn.train.ScalingFit.local(org.bidnn.model.Scaling.STANDARD,
                Nd4j.create(rows));
        org.bidnn.model.TrainedModel trained = new org.bidnn.model.TrainedModel(network, scaler, 0.3);
        BiDNNModel model = new BiDNNModel("scaled", trained).setMode("crossmodal");
        assertEquals("standard", model.getScaling());
        assertSameRows(byId(new org.bidnn.model.ScaledSegmentTransformer(trained, OutputMode.CROSSMODAL, false, false)
                .transform(rows)), MlData.byId(model.transform(samples), "embedding"), 1e-6f);

        String path = dir.resolve("scaled-model").toString();
        new BiDNNModel("scaled", trained).write().save(path);
        BiDNNModel loaded = BiDNNModel.load(path);
        assertEquals(0.3, loaded.trainedModel().modalityWeight());
        assertArrayEquals(scaler.statistics().mean(), loaded.trainedModel().scaler().statistics().mean(), 0);
        assertSameRows(byId(new org.bidnn.model.ScaledSegmentTransformer(trained, OutputMode.EMBEDDING, false, false)
                .transform(rows)), MlData.byId(loaded.transform(samples), "embedding"), 1e-6f);
        assertSameRows(byId(new org.bidnn.model.ScaledSegmentTransformer(trained.withModalityWeight(0.9),
                OutputMode.EMBEDDING, false, false).transform(rows)),
                MlData.byId(loaded.setModalityWeight(0.9).transform(samples), "embedding"), 1e-6f);
    }

    private static Map<String, float[]> byId(float[][] out) {
        Map<String, float[]> byId = new HashMap<>();
        for (int i = 0; i < out.length; i++) {
            byId.put(segments.get(i).id(), out[i]);
        }
        return byId;
    }
}
