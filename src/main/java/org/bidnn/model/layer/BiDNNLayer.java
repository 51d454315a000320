package org.bidnn.model.layer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The BiDNN network as one DL4J layer, with hand-written backprop.
 *
 * <p>Written by hand because DL4J has no way to use one layer's weight, transposed, in another
 * layer; SameDiff layers would allow it but (in 1.0.0-M2) double their gradients and cannot build
 * dropout. Here both directions read the same W2/W3 views, and backprop adds both directions'
 * contributions into the same gradient views, which is exactly the gradient of a tied weight.
 *
 * <p>A training pass can run the two directions side by side ({@link #setParallelDirections}):
 * each direction's forward pass, loss and backprop depend on the batch and the parameters only.
 * Direction 2's share of the tied weights' gradient is always computed apart and added after
 * direction 1's, so a pass gives the same numbers to the bit whichever way it ran.
 */
public class BiDNNLayer extends BaseLayer<BiDNNLayerConfig> {

    /** Runs direction 2 of parallel training passes; idle threads end after a minute. */
    private static final ExecutorService SECOND_DIRECTION = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "bidnn-direction-2");
        thread.setDaemon(true);
        return thread;
    });

    private transient Buffers buffers;
    private transient Direction forward1;
    private transient Direction forward2;
    private transient ActivationKernel kernel;
    private transient HostMatrix target1;
    private transient HostMatrix target2;
    /** Direction 2's gradient views: its tied weights' entries are {@link #tiedScratch}'s. */
    private transient Map<String, INDArray> gradients2;
    /** The gradient views {@link #gradients2} was made from (DL4J replaces the map when it re-creates them). */
    private transient Map<String, INDArray> gradients2From;
    private transient Map<String, INDArray> tiedScratch;
    private transient boolean parallelDirections;

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
        kernel = ActivationKernel.of(c.getActivationFn());
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

    private void checkInput(INDArray in) {
        long expected = layerConf().getMod1Size() + (long) layerConf().getMod2Size();
        if (in.rank() != 2 || in.columns() != expected) {
            throw new IllegalArgumentException("BiDNN input must be a matrix with " + expected
                    + " columns (mod1Size + mod2Size), got shape " + java.util.Arrays.toString(in.shape()));
        }
    }

    /** Both directions forward on {@code input}; their translations are then in the directions. */
    private void forwardBoth(INDArray in, boolean training) {
        checkInput(in);
        ensureDirections();
        forward(forward1, 1, in, training);
        forward(forward2, 2, in, training);
    }

    /** Direction {@code index} (1 or 2) forward on {@code in}, with dropout when training. */
    private void forward(Direction direction, int index, INDArray in, boolean training) {
        // Dropout masks are a function of the seed, the iteration and the direction only, not of
        // whatever else drew from ND4J's shared generator: the same seed trains the same model in a
        // local run and in a Spark worker, and a gradient check sees the same masks on every pass.
        direction.forward(in, params, kernel, layerConf().getDropProbability(), training,
                DropoutMask.stream(conf.getSeed(), getIterationCount(), index), buffers);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        forwardBoth(input, training);
        int d2 = layerConf().getMod2Size();
        // Column-major, so that each translation is one contiguous column block of the output.
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {input.rows(), input.columns()}, 'f');
        forward1.translation().write(out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d2)));
        forward2.translation().write(out.get(NDArrayIndex.all(), NDArrayIndex.interval(d2, out.columns())));
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        int d2 = layerConf().getMod2Size();
        forward1.outputGradient().read(columnMajor(epsilon.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d2))));
        forward2.outputGradient().read(columnMajor(
                epsilon.get(NDArrayIndex.all(), NDArrayIndex.interval(d2, epsilon.columns()))));
        backwardBoth();
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        for (String key : BiDNNParamInitializer.getInstance().paramKeys(layerConf())) {
            gradient.setGradientFor(key, gradientViews.get(key));
        }
        // First layer of the network (enforced by BiDNNLayerConfig): the gradient with respect to
        // the raw modality vectors is of no use, so it is not computed (as DL4J's EmbeddingLayer).
        return new Pair<>(gradient, null);
    }

    private static INDArray columnMajor(INDArray a) {
        return HostMatrix.isContiguousColumnMajor(a) ? a : a.dup('f');
    }

    private void backwardBoth() {
        forward1.backward(params, gradientViews, kernel);
        forward2.backward(params, secondDirectionGradients(), kernel);
        addTiedScratch();
    }

    /**
     * The gradient views direction 2 writes: its own, except for the weights it shares with
     * direction 1, which go to scratch matrices that {@link #addTiedScratch} adds afterwards.
     */
    private Map<String, INDArray> secondDirectionGradients() {
        if (gradients2From != gradientViews) {
            gradients2From = gradientViews;
            gradients2 = new HashMap<>(gradientViews);
            tiedScratch = new HashMap<>();
            if (layerConf().isTied()) {
                for (String key : new String[] {ParamKeys.W2, ParamKeys.W3}) {
                    INDArray view = gradientViews.get(key);
                    tiedScratch.put(key, buffers.matrix(view.rows(), view.columns()));
                }
            }
            gradients2.putAll(tiedScratch);
        }
        return gradients2;
    }

    private void addTiedScratch() {
        tiedScratch.forEach((key, scratch) -> gradientViews.get(key).addi(scratch));
    }

    /**
     * Whether {@link #computeGradient} runs direction 2 on a second thread while the caller's runs
     * direction 1. Worth it only where each direction's products are single-threaded and a core is
     * free for each: the caller sets ND4J's threads to match (see {@code org.bidnn.train.StepThreads}).
     */
    public void setParallelDirections(boolean parallel) {
        this.parallelDirections = parallel;
    }

    /**
     * A training pass on {@code batch} without DL4J's output and loss layers: forward with dropout,
     * the MSE of {@code [o1 | o2]} against {@code [x2 | x1]} and its gradient computed in one pass
     * on the heap, backprop into the gradient views. The gradient is what DL4J's MSE loss layer
     * hands back (summed over the batch, not yet divided by its size), so a step taken from it is
     * the step {@code MultiLayerNetwork.fit} takes.
     *
     * @return the loss as DL4J scores it: the mean over rows of the mean squared error of a row
     */
    public double computeGradient(INDArray batch) {
        checkInput(batch);
        ensureDirections();
        int rows = (int) batch.rows();
        int d1 = layerConf().getMod1Size();
        int width = d1 + layerConf().getMod2Size();
        if (target1 == null || target1.rows != rows) {
            target1 = new HostMatrix(dataType, rows, layerConf().getMod2Size());
            target2 = new HostMatrix(dataType, rows, d1);
        }
        Map<String, INDArray> secondGradients = secondDirectionGradients();
        double squares;
        if (parallelDirections) {
            Future<Double> second = SECOND_DIRECTION.submit(
                    () -> trainingPass(forward2, 2, batch, target2, 0, d1, secondGradients));
            double first;
            try {
                first = trainingPass(forward1, 1, batch, target1, d1, width, gradientViews);
            } catch (RuntimeException | Error e) {
                // Not before direction 2 is done with the buffers both use: the caller may go on.
                awaitQuietly(second);
                throw e;
            }
            squares = first + join(second);
        } else {
            squares = trainingPass(forward1, 1, batch, target1, d1, width, gradientViews)
                    + trainingPass(forward2, 2, batch, target2, 0, d1, secondGradients);
        }
        addTiedScratch();
        return squares / width / rows;
    }

    /**
     * One direction's forward pass with dropout, the squared error of its translation against the
     * other modality (columns {@code [targetFrom, targetTo)} of the batch) and its backprop into
     * {@code gradients}; returns the sum of squared errors.
     */
    private double trainingPass(Direction direction, int index, INDArray batch, HostMatrix target, int targetFrom,
                                int targetTo, Map<String, INDArray> gradients) {
        forward(direction, index, batch, true);
        target.read(columnMajor(batch.get(NDArrayIndex.all(), NDArrayIndex.interval(targetFrom, targetTo))));
        double squares = LossKernel.mseGradient(direction.translation(), target, direction.outputGradient(),
                (int) batch.columns());
        direction.backward(params, gradients, kernel);
        return squares;
    }

    private static void awaitQuietly(Future<Double> pass) {
        try {
            pass.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // The caller is already failing with direction 1's error.
        }
    }

    private static double join(Future<Double> pass) {
        try {
            return pass.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while direction 2 trained", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * The central layers {h1b, h2b} of a batch of {@code [x1 | x2]} rows, as rows: only the steps
     * an embedding needs (half the work of a full pass at the README's sizes).
     */
    public float[][][] centralRows(INDArray batch) {
        checkInput(batch);
        ensureDirections();
        return new float[][][] {
            forward1.central(batch, params, kernel, buffers).toRows(),
            forward2.central(batch, params, kernel, buffers).toRows()};
    }

    /** The translations {o1, o2} of a batch of {@code [x1 | x2]} rows, as rows (inference). */
    public float[][][] translationRows(INDArray batch) {
        forwardBoth(batch, false);
        return new float[][][] {forward1.translation().toRows(), forward2.translation().toRows()};
    }

    /**
     * Inference on a batch of {@code [x1 | x2]} rows, outside training: the two central layers and
     * the two translations, as fresh arrays the caller owns.
     */
    public Activations infer(INDArray batch) {
        forwardBoth(batch, false);
        return new Activations(
                toArray(forward1.centralActivation()),
                toArray(forward2.centralActivation()),
                toArray(forward1.translation()),
                toArray(forward2.translation()));
    }

    private INDArray toArray(HostMatrix m) {
        INDArray a = buffers.matrix(m.rows, m.columns);
        m.write(a);
        return a;
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
