package org.bidnn.baselines;

import org.bidnn.model.SegmentEmbedder;
import org.bidnn.model.Trainable;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Baseline: a plain autoencoder on the concatenated modalities, {@code [x1|x2] -> hdn -> rep -> hdn
 * -> [x1|x2]}, trained with modality dropout. The embedding is the central layer.
 */
public final class ConcatenatedAutoencoder implements Trainable, SegmentEmbedder {

    private final MultiLayerNetwork network;
    private final ModalityDropout dropout;
    private final int embeddingSize;
    private final int mod1Size;

    public ConcatenatedAutoencoder(AutoencoderSettings s) {
        int width = s.mod1Size() + s.mod2Size();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(s.seed())
                .updater(new Nesterovs(s.optimizer().learningRate(), s.optimizer().momentum()))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .activation(s.activation().toDl4j())
                .list()
                .layer(new DenseLayer.Builder().nIn(width).nOut(s.hiddenSize()).build())
                .layer(new DenseLayer.Builder().nIn(s.hiddenSize()).nOut(s.embeddingSize()).build())
                .layer(new DenseLayer.Builder().nIn(s.embeddingSize()).nOut(s.hiddenSize()).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(s.hiddenSize()).nOut(width)
                        .activation(s.activation().toDl4j()).build())
                .build();
        network = new MultiLayerNetwork(conf);
        network.init();
        dropout = new ModalityDropout(s.mod1Size(), s.modalityDropout(), s.seed());
        embeddingSize = s.embeddingSize();
        mod1Size = s.mod1Size();
    }

    @Override
    public double fitBatch(INDArray rows) {
        network.fit(new DataSet(dropout.apply(rows), rows));
        return network.score();
    }

    @Override
    public int epochsTrained() {
        return network.getEpochCount();
    }

    @Override
    public void markEpochFinished() {
        network.incrementEpochCount();
    }

    @Override
    public float[][] embed(float[][] rows) {
        INDArray central = network.feedForwardToLayer(1, Nd4j.create(rows), false).get(2);
        return Embeddings.rowsOf(central, rows, mod1Size);
    }

    @Override
    public int embeddingSize() {
        return embeddingSize;
    }
}
