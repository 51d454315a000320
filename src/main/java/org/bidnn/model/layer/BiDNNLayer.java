package org.bidnn.model.layer;

import java.util.HashSet;
import java.util.Set;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The BiDNN network as one DL4J layer, with hand-written backprop.
 *
 * <p>Written by hand because DL4J has no way to use one layer's weight, transposed, in another
 * layer; SameDiff layers would allow it but (in 1.0.0-M2) double their gradients and cannot build
 * dropout. Here both directions read the same W2/W3 views, and backprop adds both directions'
 * contributions into the same gradient views, which is exactly the gradient of a tied weight.
 */
public class BiDNNLayer extends BaseLayer<BiDNNLayerConfig> {

    private transient Buffers buffers;
    private transient Direction forward1;
    private transient Direction forward2;
    private transient Random dropoutRandom;

    public BiDNNLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private void ensureDirections() {
        if (forward1 != null) {
            return;
        }
        BiDNNLayerConfig c = layerConf();
        int d1 = c.getMod1Size();
        int d2 = c.getMod2Size();
        int h = c.getHiddenSize();
        int r = c.getCentralSize();
        String w2 = c.isTied() ? ParamKeys.W2 : ParamKeys.W2_UNTIED;
        String w3 = c.isTied() ? ParamKeys.W3 : ParamKeys.W3_UNTIED;
        buffers = new Buffers(dataType);
        dropoutRandom = Nd4j.getRandomFactory().getNewRandomInstance(conf.getSeed());
        forward1 = new Direction(0, d1, h, r, d2,
                new DenseStep(ParamKeys.W1A, ParamKeys.B1A, false),
                new DenseStep(ParamKeys.W2, ParamKeys.B1B, false),
                new DenseStep(ParamKeys.W3, ParamKeys.B1C, false),
                new DenseStep(ParamKeys.W1O, ParamKeys.B1O, false));
        forward2 = new Direction(d1, d2, h, r, d1,
                new DenseStep(ParamKeys.W2A, ParamKeys.B2A, false),
                new DenseStep(w3, ParamKeys.B2B, true),
                new DenseStep(w2, ParamKeys.B2C, true),
                new DenseStep(ParamKeys.W2O, ParamKeys.B2O, false));
    }

    private IActivation activation() {
        return layerConf().getActivationFn();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        long expected = layerConf().getMod1Size() + (long) layerConf().getMod2Size();
        if (input.rank() != 2 || input.columns() != expected) {
            throw new IllegalArgumentException("BiDNN input must be a matrix with " + expected
                    + " columns (mod1Size + mod2Size), got shape " + java.util.Arrays.toString(input.shape()));
        }
        ensureDirections();
        double p = layerConf().getDropProbability();
        if (training) {
            // Dropout masks are a function of the seed and the iteration only, not of whatever else
            // drew from ND4J's shared generator: the same seed trains the same model in a local run
            // and in a Spark worker, and a gradient check sees the same masks on every pass.
            dropoutRandom.setSeed(conf.getSeed() * 0x9E3779B97F4A7C15L + getIterationCount());
        }
        INDArray o1 = forward1.forward(input, params, activation(), p, training, dropoutRandom, buffers);
        INDArray o2 = forward2.forward(input, params, activation(), p, training, dropoutRandom, buffers);
        int d2 = layerConf().getMod2Size();
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {input.rows(), input.columns()}, 'c');
        out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d2)).assign(o1);
        out.get(NDArrayIndex.all(), NDArrayIndex.interval(d2, out.columns())).assign(o2);
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        int d2 = layerConf().getMod2Size();
        Set<String> written = new HashSet<>();
        forward1.backward(epsilon.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d2)),
                params, gradientViews, activation(), written);
        forward2.backward(epsilon.get(NDArrayIndex.all(), NDArrayIndex.interval(d2, epsilon.columns())),
                params, gradientViews, activation(), written);
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        for (String key : BiDNNParamInitializer.getInstance().paramKeys(layerConf())) {
            gradient.setGradientFor(key, gradientViews.get(key));
        }
        // First layer of the network (enforced by BiDNNLayerConfig): the gradient with respect to
        // the raw modality vectors is of no use, so it is not computed (as DL4J's EmbeddingLayer).
        return new Pair<>(gradient, null);
    }

    /**
     * Inference on a batch of {@code [x1 | x2]} rows, outside training: the two central layers and
     * the two translations, as fresh arrays the caller owns.
     */
    public Activations infer(INDArray batch) {
        setInput(batch, LayerWorkspaceMgr.noWorkspaces());
        INDArray out = activate(false, LayerWorkspaceMgr.noWorkspaces());
        int d2 = layerConf().getMod2Size();
        return new Activations(
                forward1.centralActivation().dup(),
                forward2.centralActivation().dup(),
                out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d2)).dup(),
                out.get(NDArrayIndex.all(), NDArrayIndex.interval(d2, out.columns())).dup());
    }

    /**
     * Results of {@link #infer}: central layers h1b (from modality 1) and h2b (from modality 2),
     * translation o1 of modality 1 into modality 2, and o2 of modality 2 into modality 1.
     */
    public record Activations(INDArray central1, INDArray central2, INDArray translation1to2,
                              INDArray translation2to1) {
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public boolean hasBias() {
        return true;
    }

    @Override
    public Type type() {
        return Type.FEED_FORWARD;
    }

    @Override
    public void clearNoiseWeightParams() {
        // No weight noise is supported.
    }
}
