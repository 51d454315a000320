package org.bidnn.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.LibSvmReader;
import org.bidnn.io.Segment;
import org.bidnn.io.TestStorage;
import org.bidnn.io.spark.ParquetSegmentReader;
import org.bidnn.io.spark.ParquetSegmentWriter;
import org.bidnn.io.spark.SparkLibSvmReader;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.Optimizer;
import org.bidnn.model.OutputMode;
import org.bidnn.model.SegmentTransformer;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The embedding computed on Spark is the local one, row for row: same ids, same vectors, every row
 * exactly once, whatever the partitions and batches.
 */
@ExtendWith(SharedSpark.class)
class SparkEmbeddingTest {

    private static final Path SAMPLES = Path.of("data-samples/segments.svm");
    private static final int D1 = 100;
    private static final int D2 = 100;
    /**
     * A row's result may differ in the last bits with the batch it was computed in (BLAS blocks a
     * matrix product differently for different numbers of rows).
     */
    private static final float TOLERANCE = 1e-5f;

    private static SparkSession spark;
    private static JavaSparkContext sc;
    private static BiDNNNetwork network;
    private static List<Segment> samples;
    private static ModelBroadcast model;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        spark = SharedSpark.session();
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        network = BiDNNNetwork.create(new Architecture(D1, D2, 48, 24, ActivationFunction.TANH, true, 0.2),
                Optimizer.DEFAULT, 11);
        samples = LibSvmReader.read(TestStorage.LOCAL, SAMPLES.toString(), D1 + D2);
        // A few steps, so that the weights are not just their initialisation.
        Nd4j.getRandom().setSeed(3);
        for (int i = 0; i < 3; i++) {
            network.fitBatch(Nd4j.rand(DataType.FLOAT, 64, D1 + D2));
        }
        model = ModelBroadcast.of(sc, network, "test-model");
    }

    @AfterAll
    static void stop() {
        model.destroy();
    }

    /** The local result for every sample, by id. */
    private static Map<String, float[]> local(OutputMode mode, boolean l2) {
        float[][] out = new SegmentTransformer(network, mode, l2, false)
                .transform(samples.stream().map(Segment::values).toArray(float[][]::new));
        Map<String, float[]> byId = new HashMap<>();
        for (int i = 0; i < out.length; i++) {
            byId.put(samples.get(i).id(), out[i]);
        }
        return byId;
    }

    private static void assertSameRows(Map<String, float[]> expected, List<Segment> actual) {
        assertEquals(expected.size(), actual.size(), "one output row per input row");
        assertEquals(expected.size(), actual.stream().map(Segment::id).distinct().count(), "no row twice");
        for (Segment s : actual) {
            float[] e = expected.get(s.id());
            assertArrayEquals(e, s.values(), TOLERANCE, s.id());
        }
    }

    @Test
    void libSvmEmbeddingEqualsTheLocalOneInInputOrder() throws IOException {
        JavaRDD<Segment> input = SparkLibSvmReader.read(sc, SAMPLES.toString(), D1 + D2, 4);
        assertTrue(input.getNumPartitions() >= 3, "partitions: " + input.getNumPartitions());
        // 100 does not divide the partitions: every partition ends with a partial batch.
        List<Segment> out = new PartitionEmbedder(model, OutputMode.EMBEDDING, false, false, 100).apply(input).collect();
        assertEquals(samples.stream().map(Segment::id).toList(), out.stream().map(Segment::id).toList());
        assertSameRows(local(OutputMode.EMBEDDING, false), out);
        assertEquals(24, out.get(0).values().length);
    }

    @Test
    void libSvmCrossmodalExpansionEqualsTheLocalOne() throws IOException {
        JavaRDD<Segment> input = SparkLibSvmReader.read(sc, SAMPLES.toString(), D1 + D2, 3);
        assertTrue(input.getNumPartitions() >= 3);
        List<Segment> out = new PartitionEmbedder(model, OutputMode.CROSSMODAL, true, false, 256).apply(input).collect();
        assertSameRows(local(OutputMode.CROSSMODAL, true), out);
    }

    @Test
    void parquetEmbeddingAndExpansionEqualTheLocalOnes() throws IOException {
        String in = dir.resolve("in.parquet").toString();
        ParquetSegmentWriter.writeModalities(spark, sc.parallelize(samples, 4), in, D1);
        JavaRDD<Segment> input = ParquetSegmentReader.read(spark, in, D1, D2).repartition(3);
        assertEquals(3, input.getNumPartitions());

        String embedded = dir.resolve("embedding.parquet").toString();
        ParquetSegmentWriter.writeEmbeddings(spark,
                new PartitionEmbedder(model, OutputMode.EMBEDDING, true, false, 128).apply(input), embedded);
        List<Segment> embeddings = spark.read().parquet(embedded).javaRDD()
                .map(r -> new Segment(r.getString(0), toFloats((Vector) r.get(1)))).collect();
        assertSameRows(local(OutputMode.EMBEDDING, true), embeddings);

        String expanded = dir.resolve("expanded.parquet").toString();
        ParquetSegmentWriter.writeModalities(spark,
                new PartitionEmbedder(model, OutputMode.CROSSMODAL, false, false, 128).apply(input), expanded, D1);
        List<Row> rows = spark.read().parquet(expanded).collectAsList();
        List<Segment> expansions = rows.stream().map(r -> {
            float[] v = new float[D1 + D2];
            System.arraycopy(toFloats((Vector) r.get(1)), 0, v, 0, D1);
            System.arraycopy(toFloats((Vector) r.get(2)), 0, v, D1, D2);
            return new Segment(r.getString(0), v);
        }).toList();
        assertSameRows(local(OutputMode.CROSSMODAL, false), expansions);
    }

    @Test
    void aSegmentWithNoModalityGetsAnEmptyEmbeddingAndEmptyPartitionsAreFine() {
        List<Segment> rows = List.of(new Segment("none", new float[D1 + D2]), samples.get(0));
        // Four partitions for two rows: two of them are empty.
        List<Segment> out = new PartitionEmbedder(model, OutputMode.EMBEDDING, false, false, 1)
                .apply(sc.parallelize(rows, 4)).collect();
        assertEquals(List.of("none", samples.get(0).id()), out.stream().map(Segment::id).toList());
        assertEquals(0, out.get(0).values().length);
        assertEquals(24, out.get(1).values().length);
    }

    @Test
    void eachThreadRestoresTheModelOnceAndKeepsIt() throws Exception {
        BiDNNNetwork first = model.network();
        assertSame(first, model.network(), "reused within a thread");
        assertTrue(network.network().params().equals(first.network().params()), "the broadcast parameters");

        AtomicReference<BiDNNNetwork> other = new AtomicReference<>();
        Thread thread = new Thread(() -> other.set(model.network()));
        thread.start();
        thread.join();
        assertNotSame(first, other.get(), "not shared between threads: a network is not thread-safe");

        BiDNNNetwork different = BiDNNNetwork.create(network.architecture(), Optimizer.DEFAULT, 99);
        ModelBroadcast second = ModelBroadcast.of(sc, different, "other-model");
        try {
            assertTrue(different.network().params().equals(second.network().network().params()),
                    "another model's broadcast restores that model");
            assertNotSame(first, model.network(), "the thread keeps only the last model");
        } finally {
            second.destroy();
        }
    }

    private static float[] toFloats(Vector v) {
        double[] d = v.toArray();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
