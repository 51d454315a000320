package org.bidnn.io;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Parses one LibSVM line, {@code id idx:val idx:val ...}, where the label field is the segment id.
 *
 * <p>Hand-written because Spark's LibSVM reader (and every other common one) requires a numeric
 * label, and our labels are string ids. The rules follow scikit-learn's load_svmlight_file, which
 * the original BiDNN tool used to read its input, so the same files are accepted:
 * <ul>
 *   <li>tokens are separated by spaces or tabs; anything from a {@code #} on is a comment, and a line
 *       that is then empty is skipped (the caller gets null);</li>
 *   <li>a {@code qid:N} token right after the id is ignored;</li>
 *   <li>indices are 1-based unless the file uses index 0 anywhere, in which case the whole file is
 *       0-based. That is a property of the file, not of a line, so the caller decides it (with
 *       {@link #hasZeroIndex} over all lines) and passes it in;</li>
 *   <li>indices need not be sorted, but may not repeat on a line (scikit-learn additionally insists
 *       on ascending order; accepting any order loses nothing).</li>
 * </ul>
 * Values must be finite decimal numbers; NaN and infinities are rejected rather than let them poison
 * training. Every error is an {@link InputFileException} naming the source, line and token.
 *
 * <p>Static and stateless so that Spark tasks can call it line by line; it allocates the two result
 * arrays and the token substrings it has to hand to {@link Float#parseFloat}, nothing per line beyond
 * that in the common case of sorted indices.
 */
public final class LibSvmLineParser {

    private static final String FINITE_VALUE = "expected index:value with a finite number";

    private LibSvmLineParser() {
    }

    /**
     * Parses one line.
     *
     * @param line       the line, without its line terminator
     * @param lineNumber 1-based, for error messages
     * @param source     the file name, for error messages
     * @param dimensions the number of columns (mod1size + mod2size)
     * @param zeroBased  whether the file's indices start at 0 (see {@link #hasZeroIndex})
     * @return the row with 0-based ascending indices, or null for a blank or comment-only line
     * @throws InputFileException if the line is malformed
     */
    public static SparseRow parse(String line, long lineNumber, String source, int dimensions,
                                  boolean zeroBased) {
        if (dimensions <= 0) {
            throw new IllegalArgumentException("dimensions must be positive, got " + dimensions);
        }
        int end = contentEnd(line);
        int start = skipSpace(line, 0, end);
        if (start == end) {
            return null;
        }
        int idEnd = tokenEnd(line, start, end);
        String id = line.substring(start, idEnd);
        if (looksLikeEntry(line, start, idEnd)) {
            throw new InputFileException(source, lineNumber, id, "missing segment id",
                    "a line starts with the segment id, then index:value pairs");
        }

        int capacity = countTokens(line, idEnd, end);
        int[] indices = new int[capacity];
        float[] values = new float[capacity];
        int n = 0;
        int previous = -1;
        BitSet seen = null; // only needed once the line turns out not to be sorted
        boolean first = true;
        for (int s = skipSpace(line, idEnd, end); s < end; s = skipSpace(line, s, end)) {
            int e = tokenEnd(line, s, end);
            if (first && line.startsWith("qid:", s)) {
                // svmlight's query id for ranking data: meaningless here, ignored like scikit-learn does.
                first = false;
                s = e;
                continue;
            }
            first = false;
            int colon = line.indexOf(':', s);
            if (colon < 0 || colon >= e) {
                throw error(line, s, e, lineNumber, source, "token without ':'", "expected index:value");
            }
            int column = column(line, s, colon, e, lineNumber, source, dimensions, zeroBased);
            float value = value(line, s, colon, e, lineNumber, source);

            if (seen == null && column > previous) {
                previous = column;
            } else {
                if (seen == null) {
                    seen = new BitSet(dimensions);
                    for (int i = 0; i < n; i++) {
                        seen.set(indices[i]);
                    }
                }
                if (seen.get(column)) {
                    throw error(line, s, e, lineNumber, source, "duplicate index",
                            "column " + (column + 1) + " appears more than once on this line");
                }
                seen.set(column);
            }
            indices[n] = column;
            values[n] = value;
            n++;
            s = e;
        }
        if (n < capacity) {
            indices = Arrays.copyOf(indices, n);
            values = Arrays.copyOf(values, n);
        }
        if (seen != null) {
            sortByIndex(indices, values);
        }
        return new SparseRow(id, indices, values);
    }

    /**
     * The segment id of a line, its first token, without parsing the rest; null for a blank or
     * comment-only line. Lets a reader find the lines of given segments.
     */
    public static String idOf(String line) {
        int end = contentEnd(line);
        int start = skipSpace(line, 0, end);
        return start == end ? null : line.substring(start, tokenEnd(line, start, end));
    }

    /**
     * Whether the line holds no row (blank, or only a comment): {@link #parse} returns null for
     * exactly these lines. Lets a reader count rows without parsing them.
     */
    public static boolean isBlank(String line) {
        int end = contentEnd(line);
        return skipSpace(line, 0, end) == end;
    }

    /**
     * Whether the line uses index 0, which makes its whole file 0-based. Lenient: a malformed line
     * answers false here and is reported when it is parsed.
     */
    public static boolean hasZeroIndex(String line) {
        int end = contentEnd(line);
        int s = skipSpace(line, 0, end);
        s = tokenEnd(line, s, end); // the id
        for (s = skipSpace(line, s, end); s < end; s = skipSpace(line, s, end)) {
            int e = tokenEnd(line, s, end);
            int i = s;
            while (i < e && line.charAt(i) == '0') {
                i++;
            }
            if (i > s && i < e && line.charAt(i) == ':') {
                return true;
            }
            s = e;
        }
        return false;
    }

    /**
     * The largest index written on the line, as written (not shifted by the file's base), or -1 if
     * it has no entry. Lets a reader size rows whose width nobody declared, such as embeddings.
     * Lenient, as {@link #hasZeroIndex}: malformed tokens are skipped here and reported by
     * {@link #parse}; an index too large for an int answers {@link Integer#MAX_VALUE}.
     */
    public static int maxIndex(String line) {
        int end = contentEnd(line);
        int s = skipSpace(line, 0, end);
        s = tokenEnd(line, s, end); // the id
        int max = -1;
        for (s = skipSpace(line, s, end); s < end; s = skipSpace(line, s, end)) {
            int e = tokenEnd(line, s, end);
            int colon = line.indexOf(':', s);
            if (colon > s && colon < e && allDigits(line, s, colon)) {
                long index = 0;
                for (int i = s; i < colon && index <= Integer.MAX_VALUE; i++) {
                    index = index * 10 + (line.charAt(i) - '0');
                }
                max = (int) Math.max(max, Math.min(index, Integer.MAX_VALUE));
            }
            s = e;
        }
        return max;
    }

    /** Whether a first token looks like an index:value pair or a qid, i.e. the id is missing. */
    static boolean looksLikeEntry(String line, int s, int e) {
        if (line.startsWith("qid:", s)) {
            return true;
        }
        int i = s;
        if (i < e && line.charAt(i) == '-') {
            i++;
        }
        int digits = i;
        while (i < e && isDigit(line.charAt(i))) {
            i++;
        }
        return i > digits && i < e && line.charAt(i) == ':';
    }

    private static int column(String line, int s, int colon, int e, long lineNumber, String source,
                              int dimensions, boolean zeroBased) {
        if (colon == s) {
            throw error(line, s, e, lineNumber, source, "bad index", "expected a non-negative integer before ':'");
        }
        if (line.charAt(s) == '-' && colon > s + 1 && allDigits(line, s + 1, colon)) {
            throw error(line, s, e, lineNumber, source, "negative index",
                    "indices are " + (zeroBased ? "0" : "1") + "-based column numbers");
        }
        if (!allDigits(line, s, colon)) {
            throw error(line, s, e, lineNumber, source, "bad index", "expected a non-negative integer before ':'");
        }
        // Accumulate in a long and stop early: any index this large is beyond every column count.
        long index = 0;
        for (int i = s; i < colon && index <= Integer.MAX_VALUE; i++) {
            index = index * 10 + (line.charAt(i) - '0');
        }
        if (index == 0 && !zeroBased) {
            throw error(line, s, e, lineNumber, source, "index 0 in a 1-based file",
                    "the file was taken as 1-based because none of its lines uses index 0");
        }
        long column = zeroBased ? index : index - 1;
        if (column >= dimensions) {
            String which = index > Integer.MAX_VALUE ? "index " + line.substring(s, colon)
                    : "column " + (column + 1);
            throw error(line, s, e, lineNumber, source, "index out of range",
                    which + " is beyond mod1size+mod2size = " + dimensions
                            + (zeroBased ? ", in a 0-based file" : ""));
        }
        return (int) column;
    }

    private static float value(String line, int s, int colon, int e, long lineNumber, String source) {
        if (!isDecimal(line, colon + 1, e)) {
            throw error(line, s, e, lineNumber, source, "bad value", FINITE_VALUE);
        }
        // The grammar check above keeps out what parseFloat would also accept but is not LibSVM:
        // "NaN", "Infinity", hexadecimal, and Java's f/d suffixes.
        float value = Float.parseFloat(line.substring(colon + 1, e));
        if (Float.isInfinite(value)) {
            throw error(line, s, e, lineNumber, source, "value out of range",
                    "beyond the float range of +-" + Float.MAX_VALUE);
        }
        return value;
    }

    /** [+-] digits [. digits] [(e|E) [+-] digits], with at least one mantissa digit. */
    private static boolean isDecimal(String line, int s, int e) {
        int i = s;
        if (i < e && (line.charAt(i) == '+' || line.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < e && isDigit(line.charAt(i))) {
            i++;
            digits++;
        }
        if (i < e && line.charAt(i) == '.') {
            i++;
            while (i < e && isDigit(line.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < e && (line.charAt(i) == 'e' || line.charAt(i) == 'E')) {
            i++;
            if (i < e && (line.charAt(i) == '+' || line.charAt(i) == '-')) {
                i++;
            }
            int exponentStart = i;
            while (i < e && isDigit(line.charAt(i))) {
                i++;
            }
            if (i == exponentStart) {
                return false;
            }
        }
        return i == e;
    }

    /** Sorts both arrays by index. Packs each pair into one long so that one primitive sort does it. */
    private static void sortByIndex(int[] indices, float[] values) {
        long[] packed = new long[indices.length];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = ((long) indices[i] << 32) | (Float.floatToRawIntBits(values[i]) & 0xFFFFFFFFL);
        }
        Arrays.sort(packed);
        for (int i = 0; i < packed.length; i++) {
            indices[i] = (int) (packed[i] >>> 32);
            values[i] = Float.intBitsToFloat((int) packed[i]);
        }
    }

    private static InputFileException error(String line, int s, int e, long lineNumber, String source,
                                            String what, String detail) {
        return new InputFileException(source, lineNumber, line.substring(s, e), what, detail);
    }

    /** End of the content: the first '#' starts a comment, and trailing whitespace is dropped. */
    private static int contentEnd(String line) {
        int end = line.indexOf('#');
        if (end < 0) {
            end = line.length();
        }
        while (end > 0 && isSpace(line.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static int countTokens(String line, int from, int end) {
        int count = 0;
        for (int s = skipSpace(line, from, end); s < end; s = skipSpace(line, s, end)) {
            s = tokenEnd(line, s, end);
            count++;
        }
        return count;
    }

    private static int skipSpace(String line, int i, int end) {
        while (i < end && isSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int tokenEnd(String line, int i, int end) {
        while (i < end && !isSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    // '\r' too: a CRLF file read by something that splits on '\n' only would otherwise fail on the
    // last value of every line with a puzzling "bad value".
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean allDigits(String line, int s, int e) {
        for (int i = s; i < e; i++) {
            if (!isDigit(line.charAt(i))) {
                return false;
            }
        }
        return e > s;
    }
}
