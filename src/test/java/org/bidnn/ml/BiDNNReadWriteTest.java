package org.bidnn.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.bidnn.model.Provenance;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving and loading, as Spark's {@code DefaultReadWriteTest}: the estimator and the model come back
 * with the same uid and every parameter, set or default, and the model with the same outputs and
 * provenance; stages saved by bidnn 0.1.0 load with their parameters under today's names.
 */
@ExtendWith(SharedSpark.class)
class BiDNNReadWriteTest {

    /** Saved by 0.1.0: see its README.txt. */
    private static final Path SAVED = Path.of(System.getProperty("user.dir"), "src", "test", "resources", "ml",
            "saved-0.1.0");

    private static SparkSession spark;
    private static Dataset<Row> data;
    /** The outputs of 0.1.0's model, by id. */
    private static Map<String, float[]> outputsOf010;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        spark = SharedSpark.session();
        List<Row> rows = new ArrayList<>();
        outputsOf010 = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SAVED.resolve("transformed.csv"))) {
            String[] f = line.split(";");
            rows.add(RowFactory.create(f[0], Vectors.dense(Arrays.stream(f[1].split(" "))
                    .mapToDouble(Double::parseDouble).toArray())));
            outputsOf010.put(f[0], MlData.floats(Vectors.dense(Arrays.stream(f[2].split(" "))
                    .mapToDouble(Double::parseDouble).toArray())));
        }
        StructType schema = new StructType().add("id", DataTypes.StringType).add("f", SQLDataTypes.VectorType());
        data = spark.createDataFrame(rows, schema).repartition(2).cache();
    }

    /**
     * Saves {@code stage}, checks that a second save is refused and an overwrite is not, loads it back
     * with {@code load} and checks the uid and every parameter: set or not, its value, its default.
     */
    private <T extends Params & MLWritable> T testReadWrite(T stage, Function<String, T> load) throws IOException {
        String path = dir.resolve(stage.uid()).toString();
        stage.write().save(path);
        assertThrows(IOException.class, () -> stage.write().save(path), "an existing stage is not overwritten");
        stage.write().overwrite().save(path);
        T loaded = load.apply(path);
        assertEquals(stage.uid(), loaded.uid());
        assertEquals(stage.getClass(), loaded.getClass());
        for (Param<?> p : stage.params()) {
            Param<?> q = loaded.getParam(p.name());
            assertEquals(stage.isSet(p), loaded.isSet(q), p.name() + " set");
            assertEquals(stage.hasDefault(p), loaded.hasDefault(q), p.name() + " has a default");
            if (stage.isDefined(p)) {
                assertEquals(stage.getOrDefault(p), loaded.getOrDefault(q), p.name());
            }
            if (stage.hasDefault(p)) {
                assertEquals(stage.getDefault(p).get(), loaded.getDefault(q).get(), p.name() + "'s default");
            }
        }
        return loaded;
    }

    private static BiDNN small() {
        return new BiDNN().setMod1Size(5).setMod2Size(4).setHiddenSize(6).setEmbeddingSize(4).setFeaturesCol("f")
                .setMaxIter(2).setBatchSize(8).setSeed(3).setWorkers(1);
    }

    @Test
    void theEstimatorRoundTripsEveryParam() throws IOException {
        testReadWrite(new BiDNN(), BiDNN::load);
        BiDNN all = small().setActivation("relu").setTied(false).setDropout(0.3).setStepSize(0.02).setMomentum(0.7)
                .setAveragingFrequency(3).setScaling("none").setOutputCol("o").setMode("crossmodal").setL2Norm(true)
                .setIgnoreZeroes(true).setModalityWeight(0.6).setBlockSize(5).setMod1Col("a").setMod2Col("b");
        BiDNN loaded = testReadWrite(all, BiDNN::load);
        assertEquals(0.02, loaded.getStepSize());
        assertEquals(5, loaded.getBlockSize());
    }

    @Test
    void theModelRoundTripsEveryParamItsOutputsAndItsProvenance() throws IOException {
        BiDNNModel model = small().setOutputCol("e").setL2Norm(true).setModalityWeight(0.7).setBlockSize(3).fit(data);
        BiDNNModel loaded = testReadWrite(model, BiDNNModel::load);
        assertEquals(model.getScaling(), loaded.getScaling());
        assertEquals(0.7, loaded.trainedModel().modalityWeight());
        assertEquals(model.provenance(), loaded.provenance());
        Map<String, float[]> before = MlData.byId(model.transform(data), "e");
        Map<String, float[]> after = MlData.byId(loaded.transform(data), "e");
        assertEquals(before.keySet(), after.keySet());
        before.forEach((id, e) -> assertArrayEquals(e, after.get(id), 0, id));
    }

    @Test
    void aFittedModelRecordsItsProvenance() {
        BiDNNModel model = small().setBatchSize(4).setAveragingFrequency(2).fit(data);
        Provenance p = model.provenance();
        assertNotNull(p);
        assertEquals(Provenance.SPARK_ML, p.command());
        assertNull(p.arguments(), "no command line");
        assertEquals(List.of(), p.inputs(), "data made in memory has no files");
        assertEquals(40 - 6, p.trainingRows(), "the rows with both modalities");
        assertEquals(4, p.batchSize());
        assertEquals(1, p.workers());
        assertEquals(2, p.averagingFrequency());
        assertEquals(3L, p.seed());
        assertNull(p.resumedFrom());
        assertEquals(spark.version(), p.versions().get("spark"));
        assertEquals(System.getProperty("java.version"), p.versions().get("java"));
        assertTrue(p.versions().containsKey("deeplearning4j") && p.versions().containsKey("nd4j")
                && p.versions().containsKey("bidnn"), p.versions().toString());
    }

    @Test
    void aFitOnFilesRecordsTheFiles() throws IOException {
        String parquet = dir.resolve("rows.parquet").toString();
        data.write().parquet(parquet);
        Provenance p = small().setMaxIter(1).fit(spark.read().parquet(parquet)).provenance();
        assertFalse(p.inputs().isEmpty());
        p.inputs().forEach(file -> assertTrue(file.contains("rows.parquet"), file));
    }

    @Test
    void anEstimatorSavedBy010LoadsWithItsParamsUnderTodaysNames() {
        BiDNN b = BiDNN.load(SAVED.resolve("estimator").toString());
        assertEquals(3, b.getMaxIter());
        assertEquals(0.05, b.getStepSize());
        assertEquals(7, b.getBlockSize());
        assertTrue(b.isSet(b.maxIter()) && b.isSet(b.stepSize()) && b.isSet(b.blockSize()));
        assertEquals(List.of(5, 4, 6, 4), List.of(b.getMod1Size(), b.getMod2Size(), b.getHiddenSize(),
                b.getEmbeddingSize()));
        assertEquals("sigmoid", b.getActivation());
        assertFalse(b.getTied());
        assertEquals(0.1, b.getDropout());
        assertEquals(8, b.getBatchSize());
        assertEquals(0.5, b.getMomentum());
        assertEquals(99, b.getSeed());
        assertEquals(1, b.getWorkers());
        assertEquals(2, b.getAveragingFrequency());
        assertEquals("f", b.getFeaturesCol());
        assertEquals("e", b.getOutputCol());
        assertTrue(b.getL2Norm());
        assertEquals("standard", b.getScaling());
        assertEquals(0.4, b.getModalityWeight());
        assertFalse(b.isSet(b.mode()), "defaults stay defaults");
    }

    @Test
    void aModelSavedBy010LoadsAndTransformsAsItDid() {
        BiDNNModel m = BiDNNModel.load(SAVED.resolve("model").toString());
        assertEquals(7, m.getBlockSize());
        assertTrue(m.isSet(m.blockSize()));
        assertEquals("e", m.getOutputCol());
        assertEquals("f", m.getFeaturesCol());
        assertTrue(m.getL2Norm());
        assertEquals(0.4, m.getModalityWeight());
        assertEquals("standard", m.getScaling());
        assertNull(m.provenance(), "0.1.0 recorded none");
        Map<String, float[]> now = MlData.byId(m.transform(data), "e");
        assertEquals(outputsOf010.keySet(), now.keySet());
        outputsOf010.forEach((id, e) -> assertArrayEquals(e, now.get(id), 1e-6f, id));
    }
}
