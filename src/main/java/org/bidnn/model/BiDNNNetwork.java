package org.bidnn.model;

import org.bidnn.model.layer.BiDNNLayer;
import org.bidnn.model.layer.BiDNNLayerConfig;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A BiDNN as a DL4J {@link MultiLayerNetwork} of two layers: the {@link BiDNNLayer} and an MSE
 * loss layer. The loss is the mean of squared errors over batch x (mod1Size + mod2Size) elements
 * of {@code [o1 | o2]} against {@code [x2 | x1]}: DL4J's MSE divides by the number of outputs and,
 * with minibatch scaling, by the batch size.
 *
 * <p>Not thread-safe: the layer keeps working buffers. Use one instance (or a {@link #copy()}) per
 * thread.
 */
public final class BiDNNNetwork implements Trainable {

    private final Architecture architecture;
    private final MultiLayerNetwork network;
    private FusedTrainingStep step;

    private BiDNNNetwork(Architecture architecture, MultiLayerNetwork network) {
        this.architecture = architecture;
        this.network = network;
    }

    /** A freshly initialised network; the seed fixes the initial weights and the dropout masks. */
    public static BiDNNNetwork create(Architecture architecture, Optimizer optimizer, long seed, DataType dataType) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(architecture, optimizer, seed, dataType));
        network.init();
        return new BiDNNNetwork(architecture, network);
    }

    public static BiDNNNetwork create(Architecture architecture, Optimizer optimizer, long seed) {
        return create(architecture, optimizer, seed, DataType.FLOAT);
    }

    static MultiLayerConfiguration configuration(Architecture a, Optimizer optimizer, long seed, DataType dataType) {
        return configuration(a, new Nesterovs(optimizer.learningRate(), optimizer.momentum()), seed, dataType);
    }

    static MultiLayerConfiguration configuration(Architecture a, IUpdater updater, long seed, DataType dataType) {
        BiDNNLayerConfig layer = new BiDNNLayerConfig(a.mod1Size(), a.mod2Size(), a.hiddenSize(),
                a.centralSize(), a.tied(), a.dropout());
        layer.setActivationFn(a.activation().toDl4j());
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(dataType)
                .updater(updater)
                .list()
                .layer(layer)
                .layer(new LossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build())
                .build();
    }

    /** Wraps a network restored from a model file, reading its architecture back from the layer. */
    public static BiDNNNetwork wrap(MultiLayerNetwork network) {
        if (network.getnLayers() != 2 || !(network.getLayer(0).conf().getLayer() instanceof BiDNNLayerConfig c)) {
            throw new IllegalArgumentException("Not a BiDNN network: " + network.getLayerWiseConfigurations());
        }
        ActivationFunction activation = ActivationFunction.fromDl4j(c.getActivationFn());
        Architecture architecture = new Architecture(c.getMod1Size(), c.getMod2Size(), c.getHiddenSize(),
                2 * c.getCentralSize(), activation, c.isTied(), c.getDropProbability());
        return new BiDNNNetwork(architecture, network);
    }

    public Architecture architecture() {
        return architecture;
    }

    /** The underlying DL4J network (for persistence and distributed training). */
    public MultiLayerNetwork network() {
        return network;
    }

    public Optimizer optimizer() {
        Nesterovs updater = (Nesterovs) ((BiDNNLayerConfig) network.getLayer(0).conf().getLayer()).getIUpdater();
        return new Optimizer(updater.getLearningRate(), updater.getMomentum());
    }

    /**
     * Sets the optimiser and dropout for further training of a loaded network; the optimiser's
     * momentum state is kept.
     */
    public BiDNNNetwork withTrainingHyperparameters(Optimizer optimizer, double dropout) {
        BiDNNLayerConfig layer = (BiDNNLayerConfig) network.getLayer(0).conf().getLayer();
        for (IUpdater updater : new IUpdater[] {layer.getIUpdater(), layer.getBiasUpdater()}) {
            if (updater instanceof Nesterovs nesterovs) {
                nesterovs.setMomentum(optimizer.momentum());
            }
        }
        layer.setDropProbability(dropout);
        // Also rebuilds DL4J's updater from the (changed) configuration, keeping its state.
        network.setLearningRate(optimizer.learningRate());
        Architecture a = architecture;
        return new BiDNNNetwork(new Architecture(a.mod1Size(), a.mod2Size(), a.hiddenSize(), a.embeddingSize(),
                a.activation(), a.tied(), dropout), network);
    }

    /** Epochs of training this network has seen, across saves and loads. */
    @Override
    public int epochsTrained() {
        return network.getLayerWiseConfigurations().getEpochCount();
    }

    @Override
    public void markEpochFinished() {
        network.incrementEpochCount();
    }

    /**
     * Its two directions side by side (see {@link BiDNNLayer#setParallelDirections}), in the steps
     * {@link #fitBatch} takes itself (all of them for the networks {@link #create} builds).
     */
    @Override
    public boolean splitSteps(boolean split) {
        boolean splits = split && FusedTrainingStep.of(network) != null;
        ((BiDNNLayer) network.getLayer(0)).setParallelDirections(splits);
        return splits;
    }

    /**
     * One optimiser step on a minibatch of {@code [x1 | x2]} rows (both modalities present).
     *
     * @return the minibatch loss before the step, as the original tool reports it
     */
    @Override
    public double fitBatch(INDArray inputs) {
        INDArray batch = inputs.castTo(network.getLayerWiseConfigurations().getDataType());
        if (step == null || !step.isCurrent()) {
            step = FusedTrainingStep.of(network);
        }
        if (step != null) {
            return step.fit(batch);
        }
        network.fit(new DataSet(batch, targetsFor(batch)));
        return network.score();
    }

    /** Mean squared error of the network on {@code inputs}, in inference mode (no dropout). */
    public double loss(INDArray inputs) {
        return network.score(new DataSet(inputs, targetsFor(inputs)), false);
    }

    /** The training targets for inputs {@code [x1 | x2]}: {@code [x2 | x1]}. */
    public INDArray targetsFor(INDArray inputs) {
        return targets(inputs, architecture.mod1Size()).castTo(network.getLayerWiseConfigurations().getDataType());
    }

    /** {@code [x2 | x1]} for rows {@code [x1 | x2]}: what the two directions learn to produce. */
    public static INDArray targets(INDArray inputs, int mod1Size) {
        INDArray x1 = inputs.get(NDArrayIndex.all(), NDArrayIndex.interval(0, mod1Size));
        INDArray x2 = inputs.get(NDArrayIndex.all(), NDArrayIndex.interval(mod1Size, inputs.columns()));
        return Nd4j.hstack(x2, x1);
    }

    /** One minibatch of rows {@code [x1 | x2]} as a DL4J data set with its targets. */
    public static DataSet trainingBatch(float[][] rows, int mod1Size) {
        INDArray inputs = Nd4j.create(rows);
        return new DataSet(inputs, targets(inputs, mod1Size));
    }

    /** The central layers {h1b, h2b} of {@code [x1 | x2]} rows, as rows: what an embedding needs. */
    public float[][][] centralRows(INDArray inputs) {
        return ((BiDNNLayer) network.getLayer(0)).centralRows(inputs.castTo(network.getLayerWiseConfigurations().getDataType()));
    }

    /** The translations {o1, o2} of {@code [x1 | x2]} rows, as rows: what a crossmodal expansion needs. */
    public float[][][] translationRows(INDArray inputs) {
        return ((BiDNNLayer) network.getLayer(0)).translationRows(inputs.castTo(network.getLayerWiseConfigurations().getDataType()));
    }

    /** Inference on {@code [x1 | x2]} rows: central layers and translations of both directions. */
    public BiDNNLayer.Activations infer(INDArray inputs) {
        return ((BiDNNLayer) network.getLayer(0)).infer(inputs.castTo(network.getLayerWiseConfigurations().getDataType()));
    }

    /** An independent copy (parameters, optimiser state), e.g. for another thread. */
    public BiDNNNetwork copy() {
        return new BiDNNNetwork(architecture, network.clone());
    }
}
