package org.bidnn.model;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's minibatch division, Nesterov update and parameter step as one pass over the flat
 * parameter, gradient and momentum vectors: {@code g /= batch; v' = mu v - lr g;
 * p -= mu v + (-mu - 1) v'} (the arithmetic of DL4J's nesterovs_updater op, in the same order).
 *
 * <p>Written by hand because DL4J runs it as three passes over the vectors (divide, update,
 * subtract), each a native op of the generic build; at the paper's size they cost more than the
 * products, at the README's size they read and write 84 MB vectors three times. Large vectors are
 * split over the cores.
 */
final class NesterovUpdate {

    /** Below this many parameters one thread does the pass: forking costs more than it saves. */
    private static final int PARALLEL_FROM = 1 << 20;
    private static final int CHUNK = 1 << 16;

    private NesterovUpdate() {
    }

    static void apply(INDArray params, INDArray gradient, INDArray momentum, int batch, double lr, double mu) {
        int n = (int) params.length();
        if (gradient.length() != n || momentum.length() != n) {
            throw new IllegalArgumentException("parameters, gradient and momentum differ in length: "
                    + n + ", " + gradient.length() + ", " + momentum.length());
        }
        int chunks = (n + CHUNK - 1) / CHUNK;
        IntStream range = IntStream.range(0, chunks);
        (n >= PARALLEL_FROM ? range.parallel() : range).forEach(c -> {
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            if (params.data().dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT) {
                run(floats(params), floats(gradient), floats(momentum), (int) params.offset(), (int) gradient.offset(),
                        (int) momentum.offset(), from, to, batch, (float) lr, (float) mu);
            } else {
                run(doubles(params), doubles(gradient), doubles(momentum), (int) params.offset(),
                        (int) gradient.offset(), (int) momentum.offset(), from, to, batch, lr, mu);
            }
        });
    }

    private static FloatBuffer floats(INDArray a) {
        return a.data().asNioFloat();
    }

    private static DoubleBuffer doubles(INDArray a) {
        return a.data().asNioDouble();
    }

    /** Per-thread heap copies of one chunk of the three vectors. */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[3][CHUNK]);

    /**
     * One chunk: copied to the heap in bulk, updated in a loop the JIT vectorises, copied back (a
     * loop over the direct buffers themselves runs element by element, several times slower).
     */
    private static void run(FloatBuffer p, FloatBuffer g, FloatBuffer v, int po, int go, int vo,
                            int from, int to, int batch, float lr, float mu) {
        float[][] scratch = SCRATCH.get();
        float[] ps = scratch[0];
        float[] gs = scratch[1];
        float[] vs = scratch[2];
        int n = to - from;
        p.get(po + from, ps, 0, n);
        g.get(go + from, gs, 0, n);
        v.get(vo + from, vs, 0, n);
        float momentumT = -mu - 1f;
        float b = batch;
        for (int i = 0; i < n; i++) {
            float grad = gs[i] / b;
            gs[i] = grad;
            float previous = mu * vs[i];
            float state = previous - lr * grad;
            vs[i] = state;
            ps[i] = ps[i] - (previous + momentumT * state);
        }
        p.put(po + from, ps, 0, n);
        g.put(go + from, gs, 0, n);
        v.put(vo + from, vs, 0, n);
    }

    private static void run(DoubleBuffer p, DoubleBuffer g, DoubleBuffer v, int po, int go, int vo,
                            int from, int to, int batch, double lr, double mu) {
        double momentumT = -mu - 1;
        for (int i = from; i < to; i++) {
            double grad = g.get(go + i) / batch;
            g.put(go + i, grad);
            double previous = mu * v.get(vo + i);
            double state = previous - lr * grad;
            v.put(vo + i, state);
            p.put(po + i, p.get(po + i) - (previous + momentumT * state));
        }
    }
}
