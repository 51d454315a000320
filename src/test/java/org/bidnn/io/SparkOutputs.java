package org.bidnn.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What a Spark job wrote into a local output directory, read back for the tests. */
public final class SparkOutputs {

    private SparkOutputs() {
    }

    /**
     * The segments of every {@code part-} file of a LibSVM output, parts in name order, rows in file
     * order; an empty part (a partition without rows) adds nothing.
     */
    public static List<Segment> segments(Path dir, int dimensions) throws IOException {
        List<Segment> rows = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                if (Files.size(p) > 0) {
                    rows.addAll(LibSvmReader.read(TestStorage.LOCAL, p.toString(), dimensions));
                }
            }
        }
        return rows;
    }
}
