import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a large LibSVM corpus for the memory benchmark, streaming (nothing held in memory): each
 * line a segment with a dense modality 1 and a sparse modality 2 (each value present with the given
 * probability), values with 3 decimals, seeded.
 *
 * Run: java bench/WideCorpus.java OUT ROWS MOD1 MOD2 DENSITY2 SEED
 */
public class WideCorpus {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        int d1 = Integer.parseInt(args[2]);
        int d2 = Integer.parseInt(args[3]);
        double density = Double.parseDouble(args[4]);
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[5]));
        // Values drawn from 2,000 formatted numbers in (-1, 1) \ {0}: formatting is not what is measured.
        byte[][] values = new byte[2000][];
        for (int i = 0; i < values.length; i++) {
            double v = (i - 999.5) / 1000;
            values[i] = String.format(java.util.Locale.ROOT, "%.3f", v).getBytes(StandardCharsets.US_ASCII);
        }
        byte[][] indices = new byte[d1 + d2 + 1][];
        for (int i = 1; i < indices.length; i++) {
            indices[i] = (" " + i + ":").getBytes(StandardCharsets.US_ASCII);
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            for (long r = 0; r < rows; r++) {
                o.write(String.format("seg%09d", r).getBytes(StandardCharsets.US_ASCII));
                for (int i = 1; i <= d1; i++) {
                    o.write(indices[i]);
                    o.write(values[random.nextInt(values.length)]);
                }
                boolean any = false;
                for (int i = d1 + 1; i <= d1 + d2; i++) {
                    if (random.nextDouble() < density || (!any && i == d1 + d2)) {
                        o.write(indices[i]);
                        o.write(values[random.nextInt(values.length)]);
                        any = true;
                    }
                }
                o.write('\n');
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
