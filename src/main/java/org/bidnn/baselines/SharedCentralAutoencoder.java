package org.bidnn.baselines;

import org.bidnn.model.SegmentEmbedder;
import org.bidnn.model.Trainable;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Baseline: the classic multimodal autoencoder with separate inputs and outputs per modality and one
 * shared central layer: {@code x1 -> hdn}, {@code x2 -> hdn}, both {@code -> rep}, then
 * {@code rep -> hdn -> x1} and {@code rep -> hdn -> x2}; trained with modality dropout. The
 * embedding is the shared central layer.
 */
public final class SharedCentralAutoencoder implements Trainable, SegmentEmbedder {

    private final ComputationGraph graph;
    private final ModalityDropout dropout;
    private final int mod1Size;
    private final int embeddingSize;

    public SharedCentralAutoencoder(AutoencoderSettings s) {
        IActivation f = s.activation().toDl4j();
        int h = s.hiddenSize();
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(s.seed())
                .updater(new Nesterovs(s.optimizer().learningRate(), s.optimizer().momentum()))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .activation(f)
                .graphBuilder()
                .addInputs("x1", "x2")
                .addLayer("h1", new DenseLayer.Builder().nIn(s.mod1Size()).nOut(h).build(), "x1")
                .addLayer("h2", new DenseLayer.Builder().nIn(s.mod2Size()).nOut(h).build(), "x2")
                .addLayer("central", new DenseLayer.Builder().nIn(2 * h).nOut(s.embeddingSize()).build(), "h1", "h2")
                .addLayer("g1", new DenseLayer.Builder().nIn(s.embeddingSize()).nOut(h).build(), "central")
                .addLayer("g2", new DenseLayer.Builder().nIn(s.embeddingSize()).nOut(h).build(), "central")
                .addLayer("o1", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(h).nOut(s.mod1Size())
                        .activation(f).build(), "g1")
                .addLayer("o2", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(h).nOut(s.mod2Size())
                        .activation(f).build(), "g2")
                .setOutputs("o1", "o2")
                .build();
        graph = new ComputationGraph(conf);
        graph.init();
        dropout = new ModalityDropout(s.mod1Size(), s.modalityDropout(), s.seed());
        mod1Size = s.mod1Size();
        embeddingSize = s.embeddingSize();
    }

    private INDArray[] split(INDArray rows) {
        return new INDArray[] {
            rows.get(NDArrayIndex.all(), NDArrayIndex.interval(0, mod1Size)).dup(),
            rows.get(NDArrayIndex.all(), NDArrayIndex.interval(mod1Size, rows.columns())).dup()};
    }

    @Override
    public double fitBatch(INDArray rows) {
        graph.fit(new MultiDataSet(split(dropout.apply(rows)), split(rows)));
        return graph.score();
    }

    @Override
    public int epochsTrained() {
        return graph.getEpochCount();
    }

    @Override
    public void markEpochFinished() {
        graph.getConfiguration().setEpochCount(graph.getEpochCount() + 1);
    }

    @Override
    public float[][] embed(float[][] rows) {
        INDArray central = graph.feedForward(split(Nd4j.create(rows)), false).get("central");
        return Embeddings.rowsOf(central, rows, mod1Size);
    }

    @Override
    public int embeddingSize() {
        return embeddingSize;
    }
}
