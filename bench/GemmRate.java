import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's single-precision GEMM rate on this machine, the roofline of bench/kernel-throughput.sh:
 * C = A·B for square 2048 matrices, column-major, with ND4J's default thread count. Prints
 * "gemm GFLOPS" (the median of the timed repetitions) and the thread counts.
 * Run: java -cp 'target/bidnn.jar:target/lib/*' bench/GemmRate.java [reps]
 */
public class GemmRate {
    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int n = 2048;
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n).dup('f');
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n).dup('f');
        INDArray c = Nd4j.create(DataType.FLOAT, new long[] {n, n}, 'f');
        for (int i = 0; i < 2; i++) {
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        }
        double[] rates = new double[reps];
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            rates[i] = 2.0 * n * n * n / (System.nanoTime() - start);
        }
        java.util.Arrays.sort(rates);
        System.out.printf("gemm %.1f GFLOPS (2048^3, median of %d; ND4J threads %d, BLAS threads %d)%n",
                rates[reps / 2], reps, Nd4j.getEnvironment().maxThreads(), Nd4j.factory().blas().getMaxThreads());
    }
}
