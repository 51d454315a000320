package org.bidnn.model;

import org.bidnn.model.layer.BiDNNLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.NesterovsUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/**
 * The step {@code MultiLayerNetwork.fit} takes on one minibatch, without its per-step machinery
 * (workspaces, the output and loss layers' ND4J passes, three passes of the updater): the layer's
 * {@link BiDNNLayer#computeGradient} and one {@link NesterovUpdate} on DL4J's own parameter,
 * gradient and momentum vectors, so that saving, resuming and Spark training see the same state.
 *
 * <p>Only for the network {@link BiDNNNetwork} builds: one updater block, Nesterov, over every
 * parameter. {@link #of} returns null otherwise, and the caller uses {@code fit}.
 */
final class FusedTrainingStep {

    private final MultiLayerNetwork network;
    private final BiDNNLayer layer;
    private final UpdaterBlock block;
    private final Nesterovs nesterovs;

    private FusedTrainingStep(MultiLayerNetwork network, UpdaterBlock block, Nesterovs nesterovs) {
        this.network = network;
        this.layer = (BiDNNLayer) network.getLayer(0);
        this.block = block;
        this.nesterovs = nesterovs;
    }

    static FusedTrainingStep of(MultiLayerNetwork network) {
        if (network.getFlattenedGradients() == null) {
            network.initGradientsView();
        }
        if (!(network.getUpdater() instanceof BaseMultiLayerUpdater<?> updater)
                || updater.getUpdaterBlocks().size() != 1) {
            return null;
        }
        UpdaterBlock block = updater.getUpdaterBlocks().get(0);
        if (!(block.getGradientUpdater() instanceof NesterovsUpdater nu)
                || block.getParamOffsetStart() != 0 || block.getParamOffsetEnd() != network.numParams()) {
            return null;
        }
        return new FusedTrainingStep(network, block, nu.getConfig());
    }

    /** Whether this step still acts on the network's layer and updater (setLearningRate rebuilds it). */
    boolean isCurrent() {
        return network.getLayer(0) == layer && network.getUpdater() instanceof BaseMultiLayerUpdater<?> updater
                && updater.getUpdaterBlocks().size() == 1 && updater.getUpdaterBlocks().get(0) == block;
    }

    /** One step on {@code batch}; returns the loss before it, as {@code network.score()} would. */
    double fit(INDArray batch) {
        int iteration = network.getIterationCount();
        int epoch = network.getEpochCount();
        layer.setIterationCount(iteration);
        layer.setEpochCount(epoch);
        double score = layer.computeGradient(batch);
        // No initialisation of the momentum here: of() asked the block for its updater, which
        // initialised it as UpdaterBlock.update does (zeros for a new network; a restored network
        // keeps the state it was saved with, which resuming needs).
        NesterovUpdate.apply(network.params(), network.getFlattenedGradients(), block.getUpdaterView(),
                (int) batch.rows(), nesterovs.getLearningRate(iteration, epoch),
                nesterovs.currentMomentum(iteration, epoch));
        network.setIterationCount(iteration + 1);
        network.setScore(score);
        return score;
    }
}
