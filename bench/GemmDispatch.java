import org.bidnn.model.layer.Gemm;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The cost of ND4J's product dispatch at the paper's sizes: the same single-precision product
 * {@code c = a · b} (128 × K times K × N, column-major) timed through ND4J's {@code Nd4j.gemm} (its
 * Mmul op) and through the layer's {@code Gemm.gemm} (OpenBLAS's sgemm directly), in alternating
 * blocks of 2,000 calls in one JVM, so that the ratio holds when the machine's speed drifts.
 *
 * Usage: java -cp 'target/bidnn.jar:target/lib/*' bench/GemmDispatch.java K N [rounds]
 */
public class GemmDispatch {
    public static void main(String[] args) {
        int m = 128, k = Integer.parseInt(args[0]), n = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        INDArray a = Nd4j.rand(DataType.FLOAT, 'f', m, k);
        INDArray b = Nd4j.rand(DataType.FLOAT, 'f', k, n);
        INDArray c = Nd4j.rand(DataType.FLOAT, 'f', m, n);
        int calls = 2000;
        double flop = 2.0 * m * k * n * calls;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                Gemm.gemm(a, b, c, false, false, 1.0, 0.0);
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d %dx%dx%d nd4j %.1f us %.1f GFLOP/s direct %.1f us %.1f GFLOP/s ratio %.2f%n",
                    round, m, k, n, (t1 - t0) / (calls * 1e3), flop / (t1 - t0), (t2 - t1) / (calls * 1e3),
                    flop / (t2 - t1), (double) (t1 - t0) / (t2 - t1));
        }
    }
}
