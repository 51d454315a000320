package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.ReadOnlyDirectory;
import org.bidnn.io.Segment;
import org.bidnn.io.SparkOutputs;
import org.bidnn.model.ModelFile;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bidnn embed} and {@code bidnn train} against input a user gets wrong, where a bad line is
 * found on an executor: each case is one line naming the file (and the line where there is one),
 * exit 1, no stack trace, and no output directory, not even a temporary one.
 */
@ExtendWith(SharedSpark.class)
class HostileSparkInputTest {

    private static SparkSession spark;

    @TempDir
    static Path shared;
    /** mod1size 2, mod2size 2: columns 1-2 and 3-4. */
    private static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        spark = SharedSpark.session();
        model = TinyModel.save(shared.resolve("model.bidnn"));
    }

    private Path svm(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static CliRun.Result train(Path in, Path modelFile, String... extra) {
        List<String> all = new ArrayList<>(List.of("train", "-v", "0", "--input", in.toString(), "--mod1-size", "2",
                "--mod2-size", "2", "--hidden", "4", "--rep", "2", "-e", "1", "-b", "2", "--model", modelFile.toString()));
        all.addAll(List.of(extra));
        return CliRun.bidnn(all.toArray(new String[0]));
    }

    private static void assertBadInput(CliRun.Result r, String expectedStart) {
        assertEquals(ErrorReporter.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith("bidnn: error: " + expectedStart), r.err());
        assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r.err());
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Name, file content, and what the error says after the file's name. */
    static Stream<Arguments> badDataForEmbed() {
        String noRows = ": no rows (the input is empty or has only blank and comment lines)";
        return Stream.of(
                Arguments.of("empty file", "", noRows),
                Arguments.of("blank lines and comments", "\n   \n# exported 2024-01-01\n\t# nothing yet\n\n", noRows),
                Arguments.of("truncated last line, within a token", "a 1:1 3:1\nb 1:0.5 3", ":2: token without ':' in token '3'"),
                Arguments.of("truncated last line, within a number", "a 1:1 3:1\nb 1:0.5 3:1e", ":2: bad value in token '3:1e'"),
                Arguments.of("a value without a number", "a 1:1 3:1\nb 1:1 3:\n", ":2: bad value in token '3:'"),
                Arguments.of("a line without its id", "a 1:1 3:1\n1:1 3:1\n", ":2: missing segment id in token '1:1'"),
                Arguments.of("index 0 mixed with 1-based", "a 0:1 2:1\nb 1:1 4:1\n",
                        ":2: index out of range in token '4:1' (column 5 is beyond mod1size+mod2size = 4, in a 0-based file)"),
                Arguments.of("negative index", "a 1:1 3:1\nb 1:1 -3:1\n", ":2: negative index in token '-3:1'"),
                // The sizes are the model's: data wider than the model is named at its first such line.
                Arguments.of("model and data sizes disagree", "a 1:1 3:1\nb 1:1 6:1\n",
                        ":2: index out of range in token '6:1' (column 6 is beyond mod1size+mod2size = 4)"),
                Arguments.of("repeated index", "a 1:1 3:1 1:2\n", ":1: duplicate index in token '1:2'"),
                Arguments.of("nan", "a 1:nan 3:1\n", ":1: bad value in token '1:nan'"),
                Arguments.of("inf", "a 1:1 3:inf\n", ":1: bad value in token '3:inf'"),
                Arguments.of("1e39, beyond float", "a 1:1e39 3:1\n", ":1: value out of range in token '1:1e39'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDataForEmbed")
    void badDataIsOneLineWithFileAndLineAndPublishesNothing(String name, String content, String expected) throws IOException {
        Path in = svm("in.svm", content);
        assertBadInput(CliRun.embed(model, in, dir.resolve("out")), in + expected);
        assertEquals(List.of("in.svm"), entries(), "no output, no temporary directory");
    }

    @Test
    void anIdThatIsNotUtf8IsNamedWithFileAndLine() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("part-0.svm"), "a 1:1 3:1\nb 2:1 4:1\n");
        Files.write(in.resolve("part-1.svm"), "c 1:1 3:1\n\n\u00e9t\u00e9 1:1 3:1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertBadInput(CliRun.embed(model, in, dir.resolve("out")), in + "/part-1.svm:3: not UTF-8 text");
        assertEquals(List.of("in"), entries());
        assertBadInput(train(in.resolve("part-1.svm"), dir.resolve("m.bidnn")), in.resolve("part-1.svm") + ":3: not UTF-8 text");
        assertEquals(List.of("in"), entries());
    }

    private static final String CANONICAL = "a 1:1 3:1\nb 1:0.5 4:1\nc 2:1 3:0.25\n";

    /** Variants of a file that must embed exactly as the canonical form of the same rows. */
    static Stream<Arguments> sameDataWrittenDifferently() {
        return Stream.of(
                Arguments.of("no trailing newline", "a 1:1 3:1\nb 1:0.5 4:1\nc 2:1 3:0.25", CANONICAL),
                Arguments.of("CRLF line ends", "a 1:1 3:1\r\nb 1:0.5 4:1\r\nc 2:1 3:0.25\r\n", CANONICAL),
                Arguments.of("unsorted indices", "a 3:1 1:1\nb 4:1 1:0.5\nc 3:0.25 2:1\n", CANONICAL),
                // embed needs no complete row: a row missing a modality is embedded from the other.
                Arguments.of("a modality all zeros in every row", "a 1:1 3:0 4:0\nb 1:0.5\nc 2:1\n", "a 1:1\nb 1:0.5\nc 2:1\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameDataWrittenDifferently")
    void harmlessVariantsEmbedAsTheCanonicalFile(String name, String content, String canonical) throws IOException {
        Path expected = dir.resolve("expected");
        assertEquals(0, CliRun.embed(model, svm("canonical.svm", canonical), expected).code());
        Path out = dir.resolve("out");
        CliRun.Result r = CliRun.embed(model, svm("in.svm", content), out);
        assertEquals(0, r.code(), r.err());
        List<Segment> written = SparkOutputs.segments(out, 2);
        assertEquals(List.of("a", "b", "c"), written.stream().map(Segment::id).toList());
        assertEquals(SparkOutputs.segments(expected, 2), written);
    }

    /**
     * embed is a row-by-row transform, as run is: an id is carried from input line to output line
     * and is not a key, so a repeated id is not checked (checking would cost a shuffle of the whole
     * corpus); both rows are embedded and written in input order. rank, compare and
     * crossmodal-eval, where an id is a key, refuse a repeated one.
     */
    @Test
    void duplicateIdsAreEmbeddedAsTheRowsTheyAre() throws IOException {
        Path in = svm("dup.svm", "a 1:1 3:1\nb 1:0.5 4:1\na 2:1 3:0.25\n");
        Path out = dir.resolve("out");
        CliRun.Result r = CliRun.embed(model, in, out);
        assertEquals(0, r.code(), r.err());
        List<Segment> written = SparkOutputs.segments(out, 2);
        assertEquals(List.of("a", "b", "a"), written.stream().map(Segment::id).toList());
        assertFalse(Arrays.equals(written.get(0).values(), written.get(2).values()), "two rows, two embeddings");
    }

    @Test
    void anInputDirectoryWithoutDataFilesIsNamed() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertBadInput(CliRun.embed(model, empty, dir.resolve("out")), empty + ": no rows");
        assertBadInput(train(empty, dir.resolve("m.bidnn")), empty + ": no rows");

        // Only what Hadoop skips: a success marker and hidden files.
        Path skipped = Files.createDirectories(dir.resolve("skipped"));
        Files.writeString(skipped.resolve("_SUCCESS"), "");
        Files.writeString(skipped.resolve(".part-0.svm.crc"), "a 1:1 3:1\n");
        assertBadInput(CliRun.embed(model, skipped, dir.resolve("out")), skipped + ": no rows");
        assertBadInput(train(skipped, dir.resolve("m.bidnn")), skipped + ": no rows");
        assertEquals(List.of("empty", "skipped"), entries());
    }

    @Test
    void trainNeedsABatchOfCompleteRows() throws IOException {
        Path zeros = svm("zeros.svm", "a 1:1 3:0 4:0\nb 2:1\nc 1:0.5 2:0.5\n");
        CliRun.Result r = train(zeros, dir.resolve("m.bidnn"));
        assertBadInput(r, zeros + ": only 0 training rows (rows with both modalities)");
        Path few = svm("few.svm", "a 1:1 3:1\nb 1:1\nc 4:1\n");
        assertBadInput(train(few, dir.resolve("m.bidnn")), few + ": only 1 training rows (rows with both modalities)");
        assertEquals(List.of("few.svm", "zeros.svm"), entries(), "no model written");
    }

    @Test
    void aModelThatCannotBeUsedIsNamedAndNothingIsPublished() throws IOException {
        Path in = svm("in.svm", "a 1:1 3:1\n");
        Path out = dir.resolve("out");

        byte[] bytes = Files.readAllBytes(model);
        Path cut = dir.resolve("cut.bidnn");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertBadInput(CliRun.embed(cut, in, out), cut + ": ");

        Path notZip = svm("text.bidnn", "just text\n");
        assertBadInput(CliRun.embed(notZip, in, out), notZip + ": not a BiDNN model file");

        Path future = dir.resolve("future.bidnn");
        HostileInputTest.rewriteFormatVersion(model, future, ModelFile.FORMAT_VERSION + 1);
        assertBadInput(CliRun.embed(future, in, out), future + ": model format version " + (ModelFile.FORMAT_VERSION + 1)
                + " is newer than this program reads (" + ModelFile.FORMAT_VERSION + ")");
        assertEquals(List.of("cut.bidnn", "future.bidnn", "in.svm", "text.bidnn"), entries());
    }

    @Test
    void anExistingOutputIsRefusedWithoutOverwrite() throws IOException {
        Path in = svm("in.svm", "a 1:1 3:1\n");
        Path out = svm("out", "a file where the output directory goes\n");
        assertBadInput(CliRun.embed(model, in, out), out + ": the output already exists (--overwrite replaces it)");
        assertEquals("a file where the output directory goes\n", Files.readString(out));
    }

    @Test
    void aReadOnlyOutputLocationIsAClearErrorAndKeepsNothing() throws IOException {
        Path in = svm("in.svm", "a 1:1 3:1\n");
        ReadOnlyDirectory locked = ReadOnlyDirectory.under(dir);
        try {
            String name = "bidnn-out-" + ProcessHandle.current().pid();
            Path out = locked.path().resolve(name);
            assertBadInput(CliRun.embed(model, in, out), out + ": cannot create it (permission denied in ");
            assertEquals(List.of(), locked.traces(name));
        } finally {
            locked.restore();
        }
    }

    @Test
    void anOutputUnderAFileIsAClearError() throws IOException {
        Path in = svm("in.svm", "a 1:1 3:1\n");
        Path file = svm("plain.txt", "a file, not a directory\n");
        CliRun.Result r = CliRun.embed(model, in, file.resolve("out"));
        assertBadInput(r, file.resolve("out") + ": a path above it is a file, not a directory");
        assertEquals(List.of("in.svm", "plain.txt"), entries());
        assertArrayEquals("a file, not a directory\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    }
}
