package org.bidnn.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole LibSVM file (on any file system, see {@link Storage}) of segments into dense rows; see {@link LibSvmLineParser} for the
 * format. Two passes over the file: the first only decides whether it is 0-based (any index 0), so
 * that the second can check every index against the column count as it densifies.
 */
public final class LibSvmReader {

    private LibSvmReader() {
    }

    /**
     * @param file       the file to read
     * @param dimensions the number of columns, mod1size + mod2size
     * @return the rows in file order
     * @throws InputFileException if the file cannot be read, is malformed, or has no rows
     */
    public static List<Segment> read(Storage storage, String file, int dimensions) {
        if (dimensions <= 0) {
            throw new IllegalArgumentException("dimensions must be positive, got " + dimensions);
        }
        boolean zeroBased = isZeroBased(storage, file);
        List<Segment> rows = new ArrayList<>();
        try (TextLines lines = TextLines.open(storage, file)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                SparseRow row = LibSvmLineParser.parse(line, lines.number(), file, dimensions, zeroBased);
                if (row != null) {
                    rows.add(row.toSegment(dimensions));
                }
            }
        }
        if (rows.isEmpty()) {
            throw new InputFileException(file, 0, null, "no rows",
                    "the file is empty or has only blank and comment lines");
        }
        return rows;
    }

    private static boolean isZeroBased(Storage storage, String file) {
        try (TextLines lines = TextLines.open(storage, file)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (LibSvmLineParser.hasZeroIndex(line)) {
                    return true;
                }
            }
            return false;
        }
    }
}
