package org.bidnn.io;

import java.io.BufferedReader;
import java.io.IOException;
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
        String source = file;
        boolean zeroBased = isZeroBased(storage, file);
        List<Segment> rows = new ArrayList<>();
        try (BufferedReader in = storage.openText(file)) {
            long lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                SparseRow row = LibSvmLineParser.parse(line, lineNumber, source, dimensions, zeroBased);
                if (row != null) {
                    rows.add(row.toSegment(dimensions));
                }
            }
        } catch (IOException e) {
            throw unreadable(source, e);
        }
        if (rows.isEmpty()) {
            throw new InputFileException(source, 0, null, "no rows",
                    "the file is empty or has only blank and comment lines");
        }
        return rows;
    }

    private static boolean isZeroBased(Storage storage, String source) {
        try (BufferedReader in = storage.openText(source)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (LibSvmLineParser.hasZeroIndex(line)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    private static InputFileException unreadable(String source, IOException e) {
        return InputFileException.unreadable(source, e);
    }
}
