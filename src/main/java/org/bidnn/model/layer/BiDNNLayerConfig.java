package org.bidnn.model.layer;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J configuration of the whole bidirectional network as one layer.
 *
 * <p>Input is a row {@code [x1 | x2]} (width mod1Size + mod2Size); output is {@code [o1 | o2]}
 * (width mod2Size + mod1Size) where o1 translates x1 into modality 2 and o2 translates x2 into
 * modality 1. The whole network is one layer because DL4J cannot tie a weight to the transpose of
 * another layer's weight: inside one layer both directions read the same W2/W3 parameter views.
 *
 * <p>Every field has a getter and a setter, and takes part in equals/hashCode: DL4J serialises
 * layer configurations to JSON through bean properties, and a field without them is silently
 * dropped (then the layer comes back with zero sizes after a save/load or a Spark broadcast).
 */
public class BiDNNLayerConfig extends FeedForwardLayer {

    private int mod1Size;
    private int mod2Size;
    private int hiddenSize;
    private int centralSize;
    private boolean tied = true;
    private double dropProbability;

    /** For JSON deserialisation. */
    public BiDNNLayerConfig() {
    }

    public BiDNNLayerConfig(int mod1Size, int mod2Size, int hiddenSize, int centralSize,
                            boolean tied, double dropProbability) {
        this.mod1Size = mod1Size;
        this.mod2Size = mod2Size;
        this.hiddenSize = hiddenSize;
        this.centralSize = centralSize;
        this.tied = tied;
        this.dropProbability = dropProbability;
        setNIn(mod1Size + mod2Size);
        setNOut(mod2Size + mod1Size);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        if (layerIndex != 0) {
            // The layer consumes raw modality vectors and does not return a gradient for its input.
            throw new IllegalStateException("The BiDNN layer must be the first layer of the network");
        }
        BiDNNLayer layer = new BiDNNLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return BiDNNParamInitializer.getInstance();
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType outputType = getOutputType(-1, inputType);
        long params = initializer().numParams(this);
        // Per example: pre-activations and activations of the eight dense steps, plus two masks.
        long perExample = 2L * (2L * hiddenSize + centralSize + mod2Size)
                + 2L * (2L * hiddenSize + centralSize + mod1Size) + 2L * centralSize;
        return new LayerMemoryReport.Builder(getLayerName(), BiDNNLayerConfig.class, inputType, outputType)
                .standardMemory(params, params)
                .workingMemory(0, 0, perExample, perExample)
                .cacheMemory(0, 0)
                .build();
    }

    public int getMod1Size() { return mod1Size; }
    public void setMod1Size(int mod1Size) { this.mod1Size = mod1Size; }
    public int getMod2Size() { return mod2Size; }
    public void setMod2Size(int mod2Size) { this.mod2Size = mod2Size; }
    public int getHiddenSize() { return hiddenSize; }
    public void setHiddenSize(int hiddenSize) { this.hiddenSize = hiddenSize; }
    public int getCentralSize() { return centralSize; }
    public void setCentralSize(int centralSize) { this.centralSize = centralSize; }
    public boolean isTied() { return tied; }
    public void setTied(boolean tied) { this.tied = tied; }
    public double getDropProbability() { return dropProbability; }
    public void setDropProbability(double dropProbability) { this.dropProbability = dropProbability; }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BiDNNLayerConfig other) || !super.equals(o)) {
            return false;
        }
        return mod1Size == other.mod1Size && mod2Size == other.mod2Size
                && hiddenSize == other.hiddenSize && centralSize == other.centralSize
                && tied == other.tied && Double.compare(dropProbability, other.dropProbability) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), mod1Size, mod2Size, hiddenSize, centralSize, tied,
                dropProbability);
    }
}
