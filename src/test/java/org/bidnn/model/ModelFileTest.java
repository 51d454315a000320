package org.bidnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bidnn.io.TestStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelFileTest {

    @TempDir
    Path dir;

    private static BiDNNNetwork trainedNetwork(boolean tied) {
        BiDNNNetwork net = BiDNNNetwork.create(new Architecture(6, 4, 8, 6, ActivationFunction.SIGMOID, tied, 0.1),
                new Optimizer(0.05, 0.8), 77);
        Nd4j.getRandom().setSeed(1);
        INDArray rows = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 16, 10);
        for (int i = 0; i < 3; i++) {
            net.fitBatch(rows);
        }
        net.markEpochFinished();
        return net;
    }

    @Test
    void saveThenLoadGivesTheSameNetworkAndOptimiserState() throws IOException {
        for (boolean tied : new boolean[] {true, false}) {
            BiDNNNetwork net = trainedNetwork(tied);
            Path file = dir.resolve("model-" + tied + ".bidnn");
            ModelFile.save(net, TestStorage.LOCAL, file.toString());
            ModelFile.Loaded loaded = ModelFile.load(TestStorage.LOCAL, file.toString());

            assertEquals(net.architecture(), loaded.network().architecture());
            assertTrue(net.network().params().equals(loaded.network().network().params()), "parameters");
            assertTrue(net.network().getUpdater().getStateViewArray().equals(
                    loaded.network().network().getUpdater().getStateViewArray()), "momentum state");
            assertEquals(new Optimizer(0.05, 0.8), loaded.network().optimizer());
            assertEquals(1, loaded.metadata().epochsTrained());
            assertEquals(77, loaded.metadata().seed());
            assertEquals(ModelFile.FORMAT_VERSION, loaded.metadata().formatVersion());
            INDArray probe = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 10);
            assertTrue(net.infer(probe).central1().equals(loaded.network().infer(probe).central1()), "embedding");
            assertTrue(net.infer(probe).translation2to1().equals(loaded.network().infer(probe).translation2to1()), "translation");
        }
    }

    /** A model file of bidnn 0.1.0 (format version 2, before provenance was recorded) loads, of unknown provenance. */
    @Test
    void aFileWithoutProvenanceLoads() throws IOException {
        String file = Path.of(System.getProperty("user.dir"), "src", "test", "resources", "ml", "saved-0.1.0", "model",
                "data", "model.bidnn").toString();
        ModelFile.Loaded loaded = ModelFile.load(TestStorage.LOCAL, file);
        assertEquals(2, loaded.metadata().formatVersion());
        assertNull(loaded.metadata().provenance());
        assertNull(loaded.model().provenance());
        assertEquals(3, loaded.network().epochsTrained());
    }

    @Test
    void theProvenanceIsWrittenAsJsonAndReadBack() throws IOException {
        Provenance provenance = new Provenance("train", List.of("train", "--input", "in.svm"), List.of("in.svm"), 250L,
                64, 2, 3, 7L, "old.bidnn", Map.of("bidnn", "0.2.0", "java", "17"));
        TrainedModel model = TrainedModel.of(trainedNetwork(true)).withProvenance(provenance);
        Path file = dir.resolve("p.bidnn");
        ModelFile.save(model, TestStorage.LOCAL, file.toString());
        assertEquals(provenance, ModelFile.readMetadata(TestStorage.LOCAL, file.toString()).provenance());
        assertEquals(provenance, ModelFile.fromBytes(ModelFile.toBytes(model, false), "bytes").model().provenance());
        String json;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            json = new String(zip.getInputStream(zip.getEntry(ModelFile.METADATA_ENTRY)).readAllBytes());
        }
        assertTrue(json.contains("\"provenance\" : {"), json);
        assertTrue(json.contains("\"trainingRows\" : 250"), json);
        // Absent parts are left out, not written as null.
        Provenance sparse = new Provenance("run", null, List.of("in.svm"), null, 64, null, null, 7L, null, Map.of());
        ModelFile.save(model.withProvenance(sparse), TestStorage.LOCAL, file.toString());
        assertEquals(sparse, ModelFile.readMetadata(TestStorage.LOCAL, file.toString()).provenance());
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            json = new String(zip.getInputStream(zip.getEntry(ModelFile.METADATA_ENTRY)).readAllBytes());
        }
        assertFalse(json.contains("null"), json);
    }

    @Test
    void metadataIsReadableJson() throws IOException {
        Path file = dir.resolve("m.bidnn");
        ModelFile.save(trainedNetwork(true), TestStorage.LOCAL, file.toString());
        ModelMetadata m = ModelFile.readMetadata(TestStorage.LOCAL, file.toString());
        assertEquals("bidnn-model", m.format());
        assertEquals(6, m.mod1Size());
        assertEquals(4, m.mod2Size());
        assertEquals("sigmoid", m.activation());
        assertTrue(m.tied());
    }

    @Test
    void rejectsFilesThatAreNotModels() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        IOException e = assertThrows(IOException.class, () -> ModelFile.load(TestStorage.LOCAL, text.toString()));
        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());

        IOException missing = assertThrows(IOException.class, () -> ModelFile.load(TestStorage.LOCAL, dir.resolve("absent.bidnn").toString()));
        assertTrue(missing.getMessage().contains("absent.bidnn") && missing.getMessage().contains("no such file"));
    }

    @Test
    void rejectsANewerFormatVersion() throws IOException {
        Path file = dir.resolve("future.bidnn");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(ModelFile.METADATA_ENTRY));
            zip.write("{\"format\":\"bidnn-model\",\"formatVersion\":99,\"mod1Size\":1,\"mod2Size\":1,\"hiddenSize\":1,\"embeddingSize\":2,\"activation\":\"tanh\"}".getBytes());
            zip.closeEntry();
        }
        IOException e = assertThrows(IOException.class, () -> ModelFile.load(TestStorage.LOCAL, file.toString()));
        assertTrue(e.getMessage().contains("version 99"), e.getMessage());
    }

    @Test
    void aFailedSaveLeavesThePreviousModelInPlace() throws IOException {
        Path file = dir.resolve("keep.bidnn");
        BiDNNNetwork net = trainedNetwork(true);
        ModelFile.save(net, TestStorage.LOCAL, file.toString());
        byte[] before = Files.readAllBytes(file);
        // A directory with the temp file's parent missing write permission is hard to arrange as
        // root; instead save into a path whose parent is a regular file, which must fail cleanly.
        Path impossible = file.resolve("child.bidnn");
        assertThrows(IOException.class, () -> ModelFile.save(net, TestStorage.LOCAL, impossible.toString()));
        assertEquals(before.length, Files.readAllBytes(file).length);
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file is left behind");
        }
    }

    @Test
    void bytesRoundTripAsTheFileDoes() throws IOException {
        BiDNNNetwork net = trainedNetwork(true);
        ModelFile.Loaded loaded = ModelFile.fromBytes(ModelFile.toBytes(net), "in-memory");
        assertEquals(net.architecture(), loaded.network().architecture());
        assertTrue(net.network().params().equals(loaded.network().network().params()), "parameters");
        assertTrue(net.network().getUpdater().getStateViewArray().equals(
                loaded.network().network().getUpdater().getStateViewArray()), "momentum state");
        assertEquals(1, loaded.metadata().epochsTrained());

        Path file = dir.resolve("same.bidnn");
        ModelFile.save(net, TestStorage.LOCAL, file.toString());
        ModelFile.Loaded fromFile = ModelFile.fromBytes(Files.readAllBytes(file), file.toString());
        assertTrue(net.network().params().equals(fromFile.network().network().params()), "save writes the same format");
    }

    @Test
    void bytesWithoutOptimizerStateAreSmallerAndInferTheSame() throws IOException {
        BiDNNNetwork net = trainedNetwork(false);
        byte[] full = ModelFile.toBytes(net);
        byte[] inference = ModelFile.toBytes(net, false);
        assertTrue(inference.length < full.length, inference.length + " < " + full.length);
        BiDNNNetwork restored = ModelFile.fromBytes(inference, "broadcast").network();
        INDArray probe = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 10);
        assertTrue(net.infer(probe).central2().equals(restored.infer(probe).central2()), "embedding");
        assertTrue(net.infer(probe).translation1to2().equals(restored.infer(probe).translation1to2()), "translation");
    }

    @Test
    void badBytesAreRefusedWithTheSourceName() {
        IOException e = assertThrows(IOException.class,
                () -> ModelFile.fromBytes("not a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8), "hdfs:/models/m.bidnn"));
        assertTrue(e.getMessage().startsWith("hdfs:/models/m.bidnn: not a BiDNN model file"), e.getMessage());
    }
}
