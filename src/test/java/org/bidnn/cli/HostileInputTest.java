package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bidnn.io.ReadOnlyDirectory;
import org.bidnn.io.TestStorage;
import org.bidnn.model.ActivationFunction;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;
import org.bidnn.model.Optimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bidnn run} against input a user gets wrong: each case is one clear line naming the file
 * (and the line where there is one), exit 1, no stack trace, and nothing written at the outputs.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    private Path svm(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static CliRun.Result run(String... args) {
        String[] all = Stream.concat(Stream.of("run", "-v", "0"), Stream.of(args)).toArray(String[]::new);
        return CliRun.bidnn(all);
    }

    private static void assertBadInput(CliRun.Result r, String expectedStart) {
        assertEquals(ErrorReporter.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith("bidnn: error: " + expectedStart), r.err());
        assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r.err());
    }

    private static String rows(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("s").append(i).append(" 1:").append(i % 3 + 1).append(" 3:0.5 4:").append(i % 2 + 1).append('\n');
        }
        return b.toString();
    }

    @Test
    void anOutputThatIsTheInputIsRefusedAndTheInputKept() throws IOException {
        Path in = svm("in.svm", rows(8));
        String before = Files.readString(in);
        assertBadInput(run("-e", "1", "-b", "4", in.toString(), in.toString(), "2", "2", "4", "2"),
                in + ": is also an input");
        Path link = dir.resolve("link.svm");
        Files.createSymbolicLink(link, in);
        assertBadInput(run("-e", "1", "-b", "4", in.toString(), link.toUri().toString(), "2", "2", "4", "2"),
                link.toUri() + ": is also an input");
        assertEquals(before, Files.readString(in));
    }

    @Test
    void aModelTargetThatIsADirectoryIsRefusedBeforeTrainingAndNothingIsPublished() throws IOException {
        Path in = svm("in.svm", rows(8));
        Path model = Files.createDirectories(dir.resolve("m.bidnn"));
        Path out = dir.resolve("out.svm");
        assertBadInput(run("-e", "1", "-b", "4", "-s", model.toString(), in.toString(), out.toString(), "2", "2", "4", "2"),
                model + ": is a directory, not a file");
        assertFalse(Files.exists(out), "no output published by a run that failed");
    }

    @Test
    void noRowWithBothModalitiesNamesTheFileAndTheCause() throws IOException {
        Path in = svm("half.svm", "a 1:1\nb 2:1\nc 1:0.5 2:1\n");
        assertBadInput(run("-e", "1", "-b", "2", in.toString(), dir.resolve("o.svm").toString(), "2", "2", "4", "2"),
                in + ": no row has both modalities (3 have only the 1st, 0 only the 2nd, 0 neither)");
        Path few = svm("few.svm", rows(3));
        assertBadInput(run("-e", "1", "-b", "8", few.toString(), dir.resolve("o.svm").toString(), "2", "2", "4", "2"),
                few + ": only 3 training rows (rows with both modalities), fewer than one batch of 8: give -b 3 or less");
    }

    @Test
    void anIdThatIsNotUtf8IsReportedWithItsLine() throws IOException {
        Path in = dir.resolve("latin1.svm");
        Files.write(in, ("ok 1:1 3:1\n" + "caf").getBytes(StandardCharsets.UTF_8));
        Files.write(in, new byte[] {(byte) 0xe9, ' ', '1', ':', '1', '\n'}, java.nio.file.StandardOpenOption.APPEND);
        assertBadInput(run("-e", "1", "-b", "1", in.toString(), dir.resolve("o.svm").toString(), "2", "2", "4", "2"),
                in + ":2: not UTF-8 text");
    }

    @Test
    void aModelWithATruncatedNetworkIsNamed() throws IOException {
        Path model = TinyModel.save(dir.resolve("m.bidnn"));
        Path truncated = dir.resolve("truncated.bidnn");
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(model));
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(truncated))) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                byte[] bytes = zin.readAllBytes();
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(bytes, 0, e.getName().equals("network.zip") ? bytes.length / 2 : bytes.length);
                zout.closeEntry();
            }
        }
        assertBadInput(run("-e", "0", "-l", truncated.toString(), svm("in.svm", rows(4)).toString(),
                dir.resolve("o.svm").toString(), "2", "2", "4", "2"), truncated + ": its network.zip is not a readable network");
        Path notZip = svm("text.bidnn", "just text\n");
        assertBadInput(run("-e", "0", "-l", notZip.toString(), dir.resolve("in.svm").toString(),
                dir.resolve("o.svm").toString(), "2", "2", "4", "2"), notZip + ": not a BiDNN model file");
    }

    @Test
    void theNextWriteRemovesTemporariesThatAKilledRunLeft() throws IOException {
        Path in = svm("in.svm", rows(8));
        Path out = dir.resolve("out.svm");
        Path stale = dir.resolve(".out.svm.tmp-killed");
        Path recent = dir.resolve(".out.svm.tmp-running");
        for (Path p : List.of(stale, recent)) {
            try (OutputStream o = Files.newOutputStream(p)) {
                o.write("half a file".getBytes(StandardCharsets.UTF_8));
            }
        }
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(2 * 3600)));
        CliRun.Result r = run("-e", "1", "-b", "4", in.toString(), out.toString(), "2", "2", "4", "2");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(stale), "a temporary untouched for hours is a killed run's");
        assertTrue(Files.exists(recent), "a recent one may be a write under way");
    }

    // ---- The hostile-input matrix for `run` (mod1size 2, mod2size 2: columns 1-2 and 3-4) ----

    /** The arguments of a one-epoch run over {@code in}, batches of 2, writing {@code out}. */
    private static String[] small(Path in, Path out, String... extra) {
        return Stream.concat(Stream.of(extra), Stream.of("-e", "1", "-b", "2", in.toString(), out.toString(), "2", "2", "4", "2"))
                .toArray(String[]::new);
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Name, file content, and what the error says after the file's name. */
    static Stream<Arguments> badDataForRun() {
        String noRows = ": no rows (the file is empty or has only blank and comment lines)";
        return Stream.of(
                Arguments.of("empty file", "", noRows),
                Arguments.of("blank lines and comments", "\n   \n# exported 2024-01-01\n\t# nothing yet\n\n", noRows),
                Arguments.of("truncated last line, within a token", "a 1:1 3:1\nb 1:0.5 3", ":2: token without ':' in token '3'"),
                Arguments.of("truncated last line, within a number", "a 1:1 3:1\nb 1:0.5 3:1e", ":2: bad value in token '3:1e'"),
                Arguments.of("a value without a number", "a 1:1 3:1\nb 1:1 3:\n", ":2: bad value in token '3:'"),
                Arguments.of("a line without its id", "a 1:1 3:1\n1:1 3:1\n", ":2: missing segment id in token '1:1'"),
                // One index 0 makes the whole file 0-based (scikit-learn's rule): a 1-based line then
                // shifts by one, and is caught where it uses the last column.
                Arguments.of("index 0 mixed with 1-based", "a 0:1 2:1\nb 1:1 4:1\n",
                        ":2: index out of range in token '4:1' (column 5 is beyond mod1size+mod2size = 4, in a 0-based file)"),
                Arguments.of("negative index", "a 1:1 3:1\nb 1:1 -3:1\n", ":2: negative index in token '-3:1'"),
                Arguments.of("index beyond the sizes", "a 1:1 5:1\n",
                        ":1: index out of range in token '5:1' (column 5 is beyond mod1size+mod2size = 4)"),
                Arguments.of("repeated index", "a 1:1 3:1 1:2\n", ":1: duplicate index in token '1:2'"),
                Arguments.of("repeated index, unsorted", "a 3:1 1:1 3:2\n", ":1: duplicate index in token '3:2'"),
                Arguments.of("nan", "a 1:nan 3:1\n", ":1: bad value in token '1:nan'"),
                Arguments.of("inf", "a 1:1 3:-inf\n", ":1: bad value in token '3:-inf'"),
                Arguments.of("1e39, beyond float", "a 1:1e39 3:1\n", ":1: value out of range in token '1:1e39'"),
                Arguments.of("a modality all zeros in every row", "a 1:1 3:0 4:0\nb 2:1\nc 1:0.5 2:0.5\n",
                        ": no row has both modalities (3 have only the 1st, 0 only the 2nd, 0 neither)"),
                Arguments.of("too few complete rows for a batch", "a 1:1 3:1\nb 1:1\nc 4:1\n",
                        ": only 1 training rows (rows with both modalities), fewer than one batch of 2: give -b 1 or less"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDataForRun")
    void badDataIsOneLineWithFileAndLineAndWritesNothing(String name, String content, String expected) throws IOException {
        Path in = svm("in.svm", content);
        Path out = dir.resolve("out.svm");
        Path model = dir.resolve("m.bidnn");
        assertBadInput(run(small(in, out, "-s", model.toString())), in + expected);
        assertEquals(List.of("in.svm"), entries(), "no output, no model, no temporary file");
    }

    /** Variants of one file that must read exactly as it does. */
    static Stream<Arguments> sameDataWrittenDifferently() {
        return Stream.of(
                Arguments.of("no trailing newline", "a 1:1 3:1\nb 1:0.5 4:1\nc 2:1 3:0.25"),
                Arguments.of("CRLF line ends", "a 1:1 3:1\r\nb 1:0.5 4:1\r\nc 2:1 3:0.25\r\n"),
                Arguments.of("CRLF and no trailing newline", "a 1:1 3:1\r\nb 1:0.5 4:1\r\nc 2:1 3:0.25"),
                Arguments.of("unsorted indices", "a 3:1 1:1\nb 4:1 1:0.5\nc 3:0.25 2:1\n"),
                Arguments.of("tabs, comments, blank lines", "# header\na\t1:1\t3:1 # first\n\nb 1:0.5 4:1\n\t\nc 2:1 3:0.25\n"));
    }

    static final String CANONICAL = "a 1:1 3:1\nb 1:0.5 4:1\nc 2:1 3:0.25\n";

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameDataWrittenDifferently")
    void harmlessVariantsReadAsTheCanonicalFile(String name, String content) throws IOException {
        Path canonical = svm("canonical.svm", CANONICAL);
        Path expected = dir.resolve("expected.svm");
        assertEquals(0, run(small(canonical, expected, "--seed", "7")).code());
        Path in = svm("in.svm", content);
        Path out = dir.resolve("out.svm");
        CliRun.Result r = run(small(in, out, "--seed", "7"));
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(expected), Files.readString(out), "the same rows, trained and embedded alike");
    }

    /**
     * run (as the original tool) and embed are row-by-row transforms: an id is carried verbatim
     * from input line to output line and is never a key, so a repeated id is not checked; each
     * row is embedded and written in input order. Uniqueness is required only where ids are keys,
     * by rank, compare and crossmodal-eval, which refuse a repeated id with both lines.
     */
    @Test
    void duplicateIdsAreRowsLikeAnyOtherAndKeepTheirOrder() throws IOException {
        Path in = svm("dup.svm", "a 1:1 3:1\nb 1:0.5 4:1\na 2:1 3:0.25\n");
        Path out = dir.resolve("out.svm");
        CliRun.Result r = run(small(in, out));
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("a", "b", "a"), Files.readAllLines(out).stream().map(l -> l.split(" ")[0]).toList());
    }

    @Test
    void anIdThatIsNotUtf8LeavesNothingWritten() throws IOException {
        Path in = dir.resolve("latin1.svm");
        Files.write(in, "a 1:1 3:1\n\u00e9t\u00e9 1:1 3:1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertBadInput(run(small(in, dir.resolve("out.svm"))), in + ":2: not UTF-8 text");
        assertEquals(List.of("latin1.svm"), entries());
    }

    private Path model(String name, Architecture a) throws IOException {
        Path m = dir.resolve(name);
        ModelFile.save(BiDNNNetwork.create(a, Optimizer.DEFAULT, 1), TestStorage.LOCAL, m.toString());
        return m;
    }

    /** A model file whose metadata claims {@code version}, otherwise whole. */
    static void rewriteFormatVersion(Path from, Path to, int version) throws IOException {
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                byte[] bytes = zin.readAllBytes();
                if (e.getName().equals("bidnn-model.json")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replaceFirst("\"formatVersion\"\\s*:\\s*\\d+", "\"formatVersion\":" + version)
                            .getBytes(StandardCharsets.UTF_8);
                }
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(bytes);
                zout.closeEntry();
            }
        }
    }

    @Test
    void aModelThatCannotBeUsedIsNamedAndNothingIsWritten() throws IOException {
        Path in = svm("in.svm", CANONICAL);
        Path out = dir.resolve("out.svm");
        Path good = model("good.bidnn", new Architecture(2, 2, 4, 2, ActivationFunction.TANH, true, 0));

        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.bidnn");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertBadInput(run(small(in, out, "-l", cut.toString())), cut + ": ");

        Path future = dir.resolve("future.bidnn");
        rewriteFormatVersion(good, future, ModelFile.FORMAT_VERSION + 1);
        assertBadInput(run(small(in, out, "-l", future.toString())), future + ": model format version "
                + (ModelFile.FORMAT_VERSION + 1) + " is newer than this program reads (" + ModelFile.FORMAT_VERSION + ")");

        Path empty = svm("empty.bidnn", "");
        assertBadInput(run(small(in, out, "-l", empty.toString())), empty + ": not a BiDNN model file");

        assertBadInput(run("-e", "0", "-l", good.toString(), in.toString(), out.toString(), "3", "1", "4", "2"),
                good + ": the model is mod1size=2 mod2size=2 hdnsize=4 repsize=2 activation=tanh tied but the command "
                        + "line asks for mod1size=3 mod2size=1 hdnsize=4 repsize=2 activation=tanh tied");
        assertFalse(Files.exists(out));
    }

    /** run writes one file, as the original tool did: an existing one is replaced (embed and rank refuse). */
    @Test
    void anExistingOutputIsReplacedByRunOnlyOnceTheNewOneIsWhole() throws IOException {
        Path in = svm("in.svm", CANONICAL);
        Path out = svm("out.svm", "yesterday\n");
        assertEquals(0, run(small(in, out)).code());
        assertEquals(3, Files.readAllLines(out).size());

        Path bad = svm("bad.svm", "a 1:1 3:1\nb 1:x\n");
        assertBadInput(run(small(bad, out)), bad + ":2: bad value");
        assertEquals(3, Files.readAllLines(out).size(), "a failed run keeps the last output");
    }

    @Test
    void anOutputUnderAFileIsAClearErrorBeforeTraining() throws IOException {
        Path in = svm("in.svm", CANONICAL);
        Path file = svm("plain.txt", "a file, not a directory\n");
        Path out = file.resolve("out.svm");
        CliRun.Result r = run(small(in, out));
        assertBadInput(r, out.toString());
        assertEquals(List.of("in.svm", "plain.txt"), entries());
    }

    @Test
    void aReadOnlyOutputDirectoryIsAClearErrorAndKeepsNothing() throws IOException {
        Path in = svm("in.svm", CANONICAL);
        ReadOnlyDirectory locked = ReadOnlyDirectory.under(dir);
        try {
            String name = "bidnn-out-" + ProcessHandle.current().pid() + ".svm";
            Path out = locked.path().resolve(name);
            assertBadInput(run(small(in, out)), out + ": permission denied");
            assertEquals(List.of(), locked.traces(name));
        } finally {
            locked.restore();
        }
    }

    /** The configuration is read, and refused, before any Spark session or run directory exists. */
    @Test
    void aConfigurationWithAnUnknownMissingOrRepeatedKeyIsNamedWithItsLine() throws IOException {
        Path root = dir.resolve("runs");
        List<String> sample = Files.readAllLines(org.bidnn.jobs.pipeline.SampleConf.SAMPLE).stream()
                .map(l -> l.startsWith("output.root") ? "output.root = " + root : l).toList();
        int modelHidden = sample.indexOf("model.hidden = 128") + 1;

        List<String> unknown = new java.util.ArrayList<>(sample);
        unknown.add("model.hiden = 64");
        Path unknownConf = dir.resolve("unknown.conf");
        Files.write(unknownConf, unknown);
        assertBadInput(CliRun.bidnn("pipeline", "--conf", unknownConf.toString()), unknownConf + ":" + unknown.size()
                + ": model.hiden: unknown key");

        List<String> repeated = new java.util.ArrayList<>(sample);
        repeated.add("model.hidden = 64");
        Path repeatedConf = dir.resolve("repeated.conf");
        Files.write(repeatedConf, repeated);
        assertBadInput(CliRun.bidnn("pipeline", "--conf", repeatedConf.toString()), repeatedConf + ":" + repeated.size()
                + ": model.hidden: given twice (first on line " + modelHidden + ")");

        List<String> missing = new java.util.ArrayList<>(sample);
        missing.removeIf(l -> l.startsWith("model.hidden"));
        Path missingConf = dir.resolve("missing.conf");
        Files.write(missingConf, missing);
        assertBadInput(CliRun.bidnn("pipeline", "--conf", missingConf.toString()),
                missingConf + ": model.hidden: missing required key");
        assertFalse(Files.exists(root), "no run started");
    }
}
