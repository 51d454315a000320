import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bidnn.io.LibSvmLineParser;
import org.bidnn.io.SparseRow;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.Optimizer;
import org.bidnn.model.OutputMode;
import org.bidnn.model.SegmentTransformer;

/**
 * The map side of `bidnn embed` on one core's worth of work: SegmentTransformer.transform over a
 * corpus in batches of 1024 (embed's default), on an untrained network of the given sizes
 * (inference costs the same whatever the weights). Prints "embed SECONDS rows" per repetition.
 * Run: java -cp 'target/bidnn.jar:target/lib/*' bench/EmbedRate.java SEGMENTS MOD1 MOD2 HDN REP REPS
 */
public class EmbedRate {
    public static void main(String[] args) throws Exception {
        int d1 = Integer.parseInt(args[1]);
        int d2 = Integer.parseInt(args[2]);
        Architecture a = new Architecture(d1, d2, Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                ActivationFunction.TANH, true, 0.2);
        // Line by line with the parser every build has, so that one source times builds whose
        // file readers differ (the sample data is 1-based).
        List<float[]> rows = new ArrayList<>();
        long number = 0;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            SparseRow row = LibSvmLineParser.parse(line, ++number, args[0], d1 + d2, false);
            if (row != null) {
                rows.add(row.toSegment(d1 + d2).values());
            }
        }
        SegmentTransformer transformer = new SegmentTransformer(BiDNNNetwork.create(a, Optimizer.DEFAULT, 1),
                OutputMode.EMBEDDING, false, false);
        for (int rep = 0; rep < Integer.parseInt(args[5]); rep++) {
            long start = System.nanoTime();
            for (int from = 0; from < rows.size(); from += 1024) {
                transformer.transform(rows.subList(from, Math.min(rows.size(), from + 1024)).toArray(new float[0][]));
            }
            System.out.printf("embed %.4f %d%n", (System.nanoTime() - start) / 1e9, rows.size());
        }
    }
}
