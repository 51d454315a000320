package org.bidnn.train;

import java.io.Serializable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a worker needs of the model at the start of an averaging round, broadcast once per round:
 * the parameters, the optimiser's (Nesterov momentum) state and the iteration count, on which the
 * layer's dropout masks depend. Both arrays are the network's own flat views, not copies: the
 * broadcast serialises them once (in bulk, see {@code BulkNdArraySerializer}) and the driver does
 * not touch the network until the round's results are in.
 */
final class ModelState implements Serializable {
    private static final long serialVersionUID = 1L;

    private INDArray params;
    private INDArray updaterState;
    private int iteration;

    /** For Kryo. */
    private ModelState() {
    }

    ModelState(MultiLayerNetwork network) {
        this.params = network.params();
        this.updaterState = network.getUpdater().getStateViewArray();
        this.iteration = network.getIterationCount();
    }

    /** Makes {@code network} this state: one copy of each array into the network's own buffers. */
    void applyTo(MultiLayerNetwork network) {
        network.setParams(params);
        network.getUpdater().getStateViewArray().assign(updaterState);
        network.setIterationCount(iteration);
    }

    long bytes() {
        return (params.length() + updaterState.length()) * params.dataType().width();
    }
}
