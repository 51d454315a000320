package org.bidnn.io.spark;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.FileSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.bidnn.io.InputFileException;
import org.bidnn.io.LibSvmLineParser;
import org.bidnn.io.LibSvmReader;
import org.bidnn.io.Segment;
import org.bidnn.io.SparseRow;
import scala.Tuple2;

/**
 * Reads LibSVM segments from a file, a directory of files or a glob into an RDD, with the rules of
 * {@link LibSvmReader}: every line goes through {@link LibSvmLineParser}, and an error names the
 * file and the line.
 *
 * <p>Lines come from Hadoop's {@link TextInputFormat} (what {@code sc.textFile} uses) rather than
 * Spark's text data source, because a line number needs to know where in its file a split starts,
 * and only the input split tells: {@code input_file_name()} names the file but not the line.
 * {@code wholeTextFiles} would also know, but hands each file whole to one task, so a large file
 * would neither be read in parallel nor fit in memory.
 *
 * <p>Two passes over the input, as {@code zipWithIndex} makes. The first counts each split's lines
 * and rows and looks for index 0; the driver turns the counts into the number of every split's
 * first line within its file, and decides whether the input is 0-based. The second pass parses.
 * Only one small {@link SplitSummary} per split reaches the driver, never a row. Partitions follow
 * the files in name order and each file from start to end, so the rows keep the input's order.
 *
 * <p>0-based or 1-based is decided for the whole input, as scikit-learn's
 * {@code load_svmlight_files} decides for files loaded together: a directory of part files is one
 * data set, and a part that happens never to use column 0 must not be read shifted.
 */
public final class SparkLibSvmReader {

    private SparkLibSvmReader() {
    }

    /**
     * @param path          a file, a directory of files (those starting with {@code _} or {@code .}
     *                      are skipped, as Hadoop does) or a glob, on any Hadoop file system
     * @param dimensions    the number of columns, mod1size + mod2size
     * @param minPartitions at least this many splits (large files are split further)
     * @return dense segments; reading them fails with an {@link InputFileException} on a bad line
     * @throws InputFileException if the input does not exist or has no rows (the first pass runs
     *                            here; a bad line is reported by the second, when the rows are read)
     */
    public static JavaRDD<Segment> read(JavaSparkContext sc, String path, int dimensions, int minPartitions)
            throws IOException {
        if (dimensions <= 0) {
            throw new IllegalArgumentException("dimensions must be positive, got " + dimensions);
        }
        return new FirstPass(sc, path, minPartitions).rows(dimensions, false);
    }

    /**
     * Reads as {@link #read} does, but leaves malformed lines out of the rows instead of failing;
     * the rejections name each of them by file and line. Both read the input anew when used.
     *
     * @throws InputFileException if the input does not exist or has no rows
     */
    public static LenientSegments readSkippingBadLines(JavaSparkContext sc, String path, int dimensions, int minPartitions)
            throws IOException {
        if (dimensions <= 0) {
            throw new IllegalArgumentException("dimensions must be positive, got " + dimensions);
        }
        FirstPass first = new FirstPass(sc, path, minPartitions);
        long rows = first.splits.stream().mapToLong(SplitSummary::rows).sum();
        return new LenientSegments(first.rows(dimensions, true), first.rejections(dimensions), rows);
    }

    /** Rows of a width nobody declared (embeddings), and that width. */
    public record Sized(JavaRDD<Segment> rows, int dimensions) {
    }

    /**
     * Reads rows whose width is not known in advance, such as embeddings: the width is the largest
     * column any line uses (by the input's base, decided as in {@link #read}), and every row is
     * densified to it, so a row with no entry (a segment with no embedding) is all zeros.
     *
     * @param maxDimensions the widest row accepted: an index beyond it is reported with its file
     *                      and line, rather than making rows too large for memory
     * @throws InputFileException if the input does not exist, has no rows, no row has any entry,
     *                            or an index is beyond {@code maxDimensions}
     */
    public static Sized readAnyWidth(JavaSparkContext sc, String path, int minPartitions, int maxDimensions)
            throws IOException {
        FirstPass first = new FirstPass(sc, path, minPartitions);
        SplitSummary widest = first.splits.stream()
                .max(Comparator.comparingInt(SplitSummary::maxIndex)).orElseThrow();
        if (widest.maxIndex() < 0) {
            throw new InputFileException(path, 0, null, "no values", "no row has any index:value entry");
        }
        long width = first.zeroBased ? widest.maxIndex() + 1L : widest.maxIndex();
        if (width > maxDimensions) {
            long line = first.firstLines.get(widest.key()) + widest.maxIndexLine() - 1;
            throw new InputFileException(first.names.of(new org.apache.hadoop.fs.Path(widest.file())), line, null,
                    "index out of range", "column " + width + " is beyond the widest row accepted here, "
                    + maxDimensions);
        }
        return new Sized(first.rows((int) width, false), (int) width);
    }

    /**
     * Where the segments of the given ids are, as {@code file:line}, in input order: for an error
     * message about them (two more passes over the input, so not for the common path).
     */
    public static List<String> locate(JavaSparkContext sc, String path, java.util.Set<String> ids, int minPartitions)
            throws IOException {
        FirstPass first = new FirstPass(sc, path, minPartitions);
        InputNames names = first.names;
        Map<String, Long> firstLines = first.firstLines;
        return first.lines.mapPartitionsWithInputSplit((split, it) -> {
            FileSplit file = (FileSplit) split;
            long line = firstLines.get(SplitSummary.key(file.getPath().toString(), file.getStart())) - 1;
            List<String> found = new ArrayList<>();
            while (it.hasNext()) {
                line++;
                if (ids.contains(LibSvmLineParser.idOf(it.next()._2().toString()))) {
                    found.add(names.of(file.getPath()) + ":" + line);
                }
            }
            return found.iterator();
        }, true).collect();
    }

    /** The first pass over an input and what it decides: the base and each split's first line. */
    private static final class FirstPass {
        final InputNames names;
        final JavaHadoopRDD<LongWritable, Text> lines;
        final List<SplitSummary> splits;
        final boolean zeroBased;
        final Map<String, Long> firstLines;

        @SuppressWarnings("unchecked")
        FirstPass(JavaSparkContext sc, String path, int minPartitions) throws IOException {
            names = InputNames.of(path, sc.hadoopConfiguration());
            lines = (JavaHadoopRDD<LongWritable, Text>) sc.hadoopFile(
                    path, FilesInNameOrder.class, LongWritable.class, Text.class, minPartitions);
            splits = lines.mapPartitionsWithInputSplit(
                    (split, it) -> List.of(summarize((FileSplit) split, it)).iterator(), false).collect();
            if (splits.stream().mapToLong(SplitSummary::rows).sum() == 0) {
                throw new InputFileException(path, 0, null, "no rows",
                        "the input is empty or has only blank and comment lines");
            }
            zeroBased = splits.stream().anyMatch(SplitSummary::hasZeroIndex);
            firstLines = firstLineNumbers(splits);
        }

        /**
         * The second pass: every line parsed into a dense row of {@code dimensions}; a malformed
         * line fails the task, or with {@code skipBad} is left out.
         */
        JavaRDD<Segment> rows(int dimensions, boolean skipBad) {
            return eachSplit(dimensions, skipBad, rows -> rows);
        }

        /** The message of every malformed line, parsed as {@link #rows} parses it. */
        JavaRDD<String> rejections(int dimensions) {
            return eachSplit(dimensions, false, rows -> {
                List<String> bad = new ArrayList<>();
                while (rows.lines.hasNext()) {
                    try {
                        rows.parseNext();
                    } catch (InputFileException e) {
                        bad.add(e.getMessage());
                    }
                }
                return bad.iterator();
            });
        }

        /** {@code parse} applied to the rows of each split, numbered from the split's first line. */
        private <T> JavaRDD<T> eachSplit(int dimensions, boolean skipBad, SplitParse<T> parse) {
            InputNames names = this.names;
            Map<String, Long> firstLines = this.firstLines;
            boolean zeroBased = this.zeroBased;
            return lines.mapPartitionsWithInputSplit((split, it) -> {
                FileSplit file = (FileSplit) split;
                long first = firstLines.get(SplitSummary.key(file.getPath().toString(), file.getStart()));
                return parse.apply(new Rows(it, names.of(file.getPath()), first, dimensions, zeroBased, skipBad));
            }, true);
        }
    }

    /** What the second pass makes of one split's rows; shipped to the executors. */
    @FunctionalInterface
    private interface SplitParse<T> extends java.io.Serializable {
        Iterator<T> apply(Rows rows);
    }

    private static SplitSummary summarize(FileSplit split, Iterator<Tuple2<LongWritable, Text>> it) {
        long lines = 0;
        long rows = 0;
        boolean zero = false;
        int maxIndex = -1;
        long maxIndexLine = 0;
        while (it.hasNext()) {
            // Lenient decoding: a line that is not UTF-8 is reported by the second pass, which knows
            // its line number.
            String line = it.next()._2().toString();
            lines++;
            if (!LibSvmLineParser.isBlank(line)) {
                rows++;
                zero = zero || LibSvmLineParser.hasZeroIndex(line);
                int max = LibSvmLineParser.maxIndex(line);
                if (max > maxIndex) {
                    maxIndex = max;
                    maxIndexLine = lines;
                }
            }
        }
        return new SplitSummary(split.getPath().toString(), split.getStart(), lines, rows, zero, maxIndex, maxIndexLine);
    }

    /** The 1-based number, within its file, of each split's first line: lines of earlier splits + 1. */
    static Map<String, Long> firstLineNumbers(List<SplitSummary> splits) {
        Map<String, Long> first = new HashMap<>();
        Map<String, List<SplitSummary>> byFile = splits.stream().collect(Collectors.groupingBy(SplitSummary::file));
        for (List<SplitSummary> ofFile : byFile.values()) {
            List<SplitSummary> ordered = new ArrayList<>(ofFile);
            ordered.sort(Comparator.comparingLong(SplitSummary::start));
            long before = 0;
            for (SplitSummary s : ordered) {
                first.put(s.key(), before + 1);
                before += s.lines();
            }
        }
        return first;
    }

    /**
     * Hadoop's text input with the files of a directory in name order. Hadoop lists them in the
     * file system's order, which on a local disk is arbitrary; in name order, a directory of part
     * files is read part by part, and an output written from it keeps its order.
     */
    public static final class FilesInNameOrder extends TextInputFormat {
        @Override
        protected FileStatus[] listStatus(JobConf job) throws IOException {
            FileStatus[] files = super.listStatus(job);
            Arrays.sort(files, Comparator.comparing(FileStatus::getPath));
            return files;
        }
    }

    /**
     * Parses a split's lines as they are consumed, skipping blank and comment lines, and malformed
     * ones too if asked to.
     */
    private static final class Rows implements Iterator<Segment> {
        private final Iterator<Tuple2<LongWritable, Text>> lines;
        private final String file;
        private final int dimensions;
        private final boolean zeroBased;
        private final boolean skipBad;
        private long lineNumber;
        private Segment next;

        Rows(Iterator<Tuple2<LongWritable, Text>> lines, String file, long firstLine, int dimensions,
             boolean zeroBased, boolean skipBad) {
            this.lines = lines;
            this.file = file;
            this.lineNumber = firstLine - 1;
            this.dimensions = dimensions;
            this.zeroBased = zeroBased;
            this.skipBad = skipBad;
        }

        @Override
        public boolean hasNext() {
            while (next == null && lines.hasNext()) {
                try {
                    SparseRow row = parseNext();
                    if (row != null) {
                        next = row.toSegment(dimensions);
                    }
                } catch (InputFileException e) {
                    if (!skipBad) {
                        throw e;
                    }
                }
            }
            return next != null;
        }

        /** The next line parsed: null if it holds no row. */
        SparseRow parseNext() {
            Text text = lines.next()._2();
            lineNumber++;
            return LibSvmLineParser.parse(decode(text), lineNumber, file, dimensions, zeroBased);
        }

        @Override
        public Segment next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Segment s = next;
            next = null;
            return s;
        }

        private String decode(Text text) {
            try {
                return Text.decode(text.getBytes(), 0, text.getLength(), false);
            } catch (CharacterCodingException e) {
                throw new InputFileException(file, lineNumber, null, "not UTF-8 text", null, e);
            }
        }
    }
}
