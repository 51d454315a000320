package org.bidnn.model.layer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInitXavierUniform;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Lays the BiDNN parameters out in DL4J's single flat parameter vector and initialises them.
 *
 * <p>Every parameter is a view into that vector, so the optimiser, parameter averaging and model
 * files see each tied weight exactly once. Weights are Glorot-uniform (DL4J's Xavier uniform:
 * U(±sqrt(6/(fanIn+fanOut))), as Lasagne's GlorotUniform in the original tool), biases zero.
 */
public final class BiDNNParamInitializer implements ParamInitializer {

    private static final BiDNNParamInitializer INSTANCE = new BiDNNParamInitializer();
    private static final IWeightInit GLOROT_UNIFORM = new WeightInitXavierUniform();

    public static BiDNNParamInitializer getInstance() {
        return INSTANCE;
    }

    /** One parameter of the layer: its key and its matrix shape (biases are 1 x n). */
    record ParamSpec(String key, int rows, int cols, boolean weight) {
        long length() {
            return (long) rows * cols;
        }
    }

    /** The parameters in their order inside the flat vector. */
    static List<ParamSpec> layout(BiDNNLayerConfig c) {
        int d1 = c.getMod1Size();
        int d2 = c.getMod2Size();
        int h = c.getHiddenSize();
        int r = c.getCentralSize();
        List<ParamSpec> specs = new ArrayList<>();
        // Direction 1: x1 -> h1a -> h1b -> h1c -> o1 (~ x2)
        specs.add(new ParamSpec(ParamKeys.W1A, d1, h, true));
        specs.add(new ParamSpec(ParamKeys.B1A, 1, h, false));
        specs.add(new ParamSpec(ParamKeys.W2, h, r, true));
        specs.add(new ParamSpec(ParamKeys.B1B, 1, r, false));
        specs.add(new ParamSpec(ParamKeys.W3, r, h, true));
        specs.add(new ParamSpec(ParamKeys.B1C, 1, h, false));
        specs.add(new ParamSpec(ParamKeys.W1O, h, d2, true));
        specs.add(new ParamSpec(ParamKeys.B1O, 1, d2, false));
        // Direction 2: x2 -> h2a -> h2b -> h2c -> o2 (~ x1); the central weights are W3^T, W2^T
        specs.add(new ParamSpec(ParamKeys.W2A, d2, h, true));
        specs.add(new ParamSpec(ParamKeys.B2A, 1, h, false));
        if (!c.isTied()) {
            // Untied: direction 2 has its own copies, same shapes, still used transposed.
            specs.add(new ParamSpec(ParamKeys.W3_UNTIED, r, h, true));
            specs.add(new ParamSpec(ParamKeys.W2_UNTIED, h, r, true));
        }
        specs.add(new ParamSpec(ParamKeys.B2B, 1, r, false));
        specs.add(new ParamSpec(ParamKeys.B2C, 1, h, false));
        specs.add(new ParamSpec(ParamKeys.W2O, h, d1, true));
        specs.add(new ParamSpec(ParamKeys.B2O, 1, d1, false));
        return specs;
    }

    private static BiDNNLayerConfig config(Layer layer) {
        if (!(layer instanceof BiDNNLayerConfig c)) {
            throw new IllegalArgumentException("Not a BiDNN layer: " + layer);
        }
        return c;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return layout(config(layer)).stream().mapToLong(ParamSpec::length).sum();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return layout(config(layer)).stream().map(ParamSpec::key).toList();
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return layout(config(layer)).stream().filter(ParamSpec::weight).map(ParamSpec::key).toList();
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return layout(config(layer)).stream().filter(s -> !s.weight()).map(ParamSpec::key).toList();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return weightKeys(layer).contains(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return biasKeys(layer).contains(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initialize) {
        Map<String, INDArray> views = viewsOf(config(conf.getLayer()), paramsView);
        if (initialize) {
            for (ParamSpec spec : layout(config(conf.getLayer()))) {
                INDArray view = views.get(spec.key());
                if (spec.weight()) {
                    GLOROT_UNIFORM.init(spec.rows(), spec.cols(), view.shape(), 'f', view);
                } else {
                    view.assign(0);
                }
            }
        }
        return views;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return viewsOf(config(conf.getLayer()), gradientView);
    }

    /** Splits a flat vector into one 'f'-ordered matrix view per parameter, in layout order. */
    private static Map<String, INDArray> viewsOf(BiDNNLayerConfig c, INDArray flat) {
        INDArray row = flat.reshape(1, flat.length());
        Map<String, INDArray> views = new LinkedHashMap<>();
        long offset = 0;
        for (ParamSpec spec : layout(c)) {
            INDArray slice = row.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(offset, offset + spec.length()));
            views.put(spec.key(), slice.reshape('f', spec.rows(), spec.cols()));
            offset += spec.length();
        }
        if (offset != flat.length()) {
            throw new IllegalArgumentException("Parameter vector has " + flat.length()
                    + " values, the BiDNN layout needs " + offset);
        }
        return Collections.unmodifiableMap(views);
    }
}
