package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.bidnn.io.LibSvmReader;
import org.bidnn.io.LibSvmWriter;
import org.bidnn.io.Segment;
import org.bidnn.io.TestStorage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bidnn run} as a user types it. */
class RunCommandTest {

    private static final int D1 = 12;
    private static final int D2 = 8;

    @TempDir
    static Path dir;
    private static Path data;

    /** 200 rows of two related modalities; rows 0-14 miss modality 2, 15-29 modality 1, 30-34 both. */
    @BeforeAll
    static void writeData() throws IOException {
        Random random = new Random(5);
        double[][] p1 = randomMatrix(random, 3, D1);
        double[][] p2 = randomMatrix(random, 3, D2);
        List<String> ids = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double[] z = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            float[] row = new float[D1 + D2];
            for (int j = 0; j < D1; j++) {
                row[j] = (float) Math.tanh(dot(z, p1, j));
            }
            for (int j = 0; j < D2; j++) {
                row[D1 + j] = (float) Math.tanh(dot(z, p2, j));
            }
            if (i < 15 || (i >= 30 && i < 35)) {
                Arrays.fill(row, D1, D1 + D2, 0f);
            }
            if (i >= 15 && i < 35) {
                Arrays.fill(row, 0, D1, 0f);
            }
            ids.add("seg-" + i + ".v1");
            rows.add(row);
        }
        data = dir.resolve("data.svm");
        LibSvmWriter.write(TestStorage.LOCAL, data.toString(), ids, rows, false);
    }

    private static double[][] randomMatrix(Random random, int r, int c) {
        double[][] m = new double[r][c];
        for (double[] row : m) {
            for (int j = 0; j < c; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return m;
    }

    private static double dot(double[] z, double[][] p, int column) {
        double s = 0;
        for (int k = 0; k < z.length; k++) {
            s += z[k] * p[k][column];
        }
        return s;
    }



    private static String[] run(String... args) {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        return all.toArray(new String[0]);
    }

    @Test
    void helpListsEveryFlagOfTheOriginalTool() {
        StringWriter out = new StringWriter();
        CommandLine cli = BidnnCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("run", "-h"));
        for (String flag : List.of("-a", "-e", "-d", "-b", "-r", "-m", "-l", "-s", "-c", "-n", "-z", "-u", "-w",
                "-x", "-v", "-h", "--seed", "--zero-based", "INFILE", "OUTFILE", "MOD1SIZE", "MOD2SIZE", "HDNSIZE", "REPSIZE")) {
            assertTrue(out.toString().contains(flag), "help mentions " + flag);
        }
    }

    @Test
    void writesOneEmbeddingPerRowAndLogsEachEpoch() throws IOException {
        Path out = dir.resolve("embedding.svm");
        CliRun.Result r = CliRun.bidnn(run("-e", "3", "-b", "32", "-v", "2", data.toString(), out.toString(),
                "" + D1, "" + D2, "16", "10"));
        assertEquals(0, r.code(), r.err());
        Pattern epochLine = Pattern.compile("(?m)^Epoch [123] of 3 took \\d+\\.\\d{3}s training loss:\\t\\d+\\.\\d{6}$");
        assertEquals(3, epochLine.matcher(r.err()).results().count(), r.err());
        assertTrue(r.err().contains("Both modalities present: 165"), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(200, lines.size());
        assertTrue(lines.get(0).startsWith("seg-0.v1 "), "ids are kept verbatim");
        assertEquals("seg-34.v1", lines.get(34), "a row with no modality keeps only its id");
        List<Segment> read = LibSvmReader.read(TestStorage.LOCAL, out.toString(), 10);
        float[] onlyMod1 = read.get(0).values();
        assertArrayEquals(Arrays.copyOf(onlyMod1, 5), Arrays.copyOfRange(onlyMod1, 5, 10), 0f,
                "missing modality 2: the central layer of modality 1 is duplicated");
    }

    @Test
    void crossmodalWritesEveryRowWithMissingModalitiesFilled() throws IOException {
        Path out = dir.resolve("expanded.svm");
        CliRun.Result r = CliRun.bidnn(run("-c", "-e", "2", "-b", "32", "-v", "0", data.toString(), out.toString(),
                "" + D1, "" + D2, "16", "10"));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "-v 0 prints nothing");
        List<Segment> in = LibSvmReader.read(TestStorage.LOCAL, data.toString(), D1 + D2);
        List<Segment> read = LibSvmReader.read(TestStorage.LOCAL, out.toString(), D1 + D2);
        assertEquals(200, read.size());
        assertArrayEquals(in.get(100).values(), read.get(100).values(), 0f, "complete rows are unchanged");
        float[] filled = read.get(0).values();
        assertArrayEquals(Arrays.copyOf(in.get(0).values(), D1), Arrays.copyOf(filled, D1), 0f);
        assertTrue(nonZero(Arrays.copyOfRange(filled, D1, D1 + D2)), "modality 2 filled in");
        assertTrue(nonZero(Arrays.copyOf(read.get(20).values(), D1)), "modality 1 filled in");
    }

    private static boolean nonZero(float[] v) {
        for (float x : v) {
            if (x != 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void writeAfterSavesOutputsModelsAndRunsTheCommandWithTheEpoch() throws IOException {
        Path work = Files.createDirectories(dir.resolve("periodic"));
        String out = work.resolve("out_%e.svm").toString();
        String model = work.resolve("model_%e.bidnn").toString();
        String command = "echo done-%e >> " + work.resolve("log.txt");
        CliRun.Result r = CliRun.bidnn(run("-e", "4", "-w", "2", "-b", "32", "-v", "1", "-s", model, "-x", command,
                data.toString(), out, "" + D1, "" + D2, "16", "10"));
        assertEquals(0, r.code(), r.err());
        for (String e : List.of("00002", "00004", "final")) {
            assertTrue(Files.exists(work.resolve("out_" + e + ".svm")), "output for " + e);
            assertTrue(Files.exists(work.resolve("model_" + e + ".bidnn")), "model for " + e);
        }
        assertFalse(Files.exists(work.resolve("out_00001.svm")));
        assertEquals(List.of("done-00002", "done-00004", "done-final"), Files.readAllLines(work.resolve("log.txt")));
    }

    @Test
    void savedModelReloadedWithoutTrainingGivesIdenticalOutput() throws IOException {
        Path first = dir.resolve("first.svm");
        Path model = dir.resolve("m.bidnn");
        Path second = dir.resolve("second.svm");
        assertEquals(0, CliRun.bidnn(run("-e", "2", "-b", "32", "-v", "0", "-n", "-u", "-a", "relu", "-s", model.toString(),
                data.toString(), first.toString(), "" + D1, "" + D2, "16", "10")).code());
        CliRun.Result r = CliRun.bidnn(run("-e", "0", "-v", "0", "-n", "-u", "-a", "relu", "-l", model.toString(),
                data.toString(), second.toString(), "" + D1, "" + D2, "16", "10"));
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(first), Files.readString(second));
    }

    @Test
    void aSavedModelTranslatesAFileWhereNoRowHasBothModalities() throws IOException {
        Path model = dir.resolve("translator.bidnn");
        assertEquals(0, CliRun.bidnn(run("-e", "2", "-b", "32", "-v", "0", "-s", model.toString(), data.toString(),
                dir.resolve("ignored.svm").toString(), "" + D1, "" + D2, "16", "10")).code());
        Path halves = dir.resolve("halves.svm");
        Files.write(halves, Files.readAllLines(data).subList(0, 30));
        Path out = dir.resolve("translated.svm");
        CliRun.Result r = CliRun.bidnn(run("-e", "0", "-c", "-v", "0", "-l", model.toString(), halves.toString(),
                out.toString(), "" + D1, "" + D2, "16", "10"));
        assertEquals(0, r.code(), r.err());
        List<Segment> read = LibSvmReader.read(TestStorage.LOCAL, out.toString(), D1 + D2);
        assertEquals(30, read.size());
        assertTrue(nonZero(Arrays.copyOfRange(read.get(0).values(), D1, D1 + D2)), "modality 2 filled in");
        assertTrue(nonZero(Arrays.copyOf(read.get(29).values(), D1)), "modality 1 filled in");
    }

    /** Every path is a Hadoop path: {@code file:} URIs name local files, never a folder called "file:". */
    @Test
    void fileUrisNameLocalFilesAndNeverAFolderNamedAfterTheScheme() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Path model = dir.resolve("uri/m.bidnn");
        Path out = dir.resolve("uri/out.svm");
        CliRun.Result r = CliRun.bidnn(run("-e", "1", "-b", "32", "-v", "0", "-s", "file:" + model,
                data.toUri().toString(), "file://" + out, "" + D1, "" + D2, "16", "10"));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(model) && Files.isRegularFile(out), r.err());
        CliRun.Result again = CliRun.bidnn(run("-e", "0", "-v", "0", "-l", model.toUri().toString(),
                data.toString(), dir.resolve("uri/again.svm").toString(), "" + D1, "" + D2, "16", "10"));
        assertEquals(0, again.code(), again.err());
        assertEquals(Files.readString(out), Files.readString(dir.resolve("uri/again.svm")));
        assertFalse(Files.exists(cwd.resolve("file:")), "a folder named after the scheme");
    }

    @Test
    void anUnknownSchemeIsAClearErrorWithThePath() {
        CliRun.Result r = CliRun.bidnn(run("-e", "1", "-b", "32", "-v", "0", "nosuch://host/data.svm",
                dir.resolve("never.svm").toString(), "" + D1, "" + D2, "16", "10"));
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("bidnn: error: nosuch://host/data.svm: no file system on the classpath for this "
                + "scheme"), r.err());
        assertFalse(Files.exists(dir.resolve("never.svm")));
    }

    @Test
    void zeroBasedOutputUsesIndexZero() throws IOException {
        Path out = dir.resolve("zero.svm");
        assertEquals(0, CliRun.bidnn(run("-e", "1", "-b", "32", "-v", "0", "--zero-based", data.toString(), out.toString(),
                "" + D1, "" + D2, "16", "10")).code());
        assertTrue(Files.readAllLines(out).get(100).contains(" 0:"), "0-based indices");
    }

    @Test
    void loadingAModelOfOtherSizesIsAClearError() throws IOException {
        Path model = dir.resolve("small.bidnn");
        assertEquals(0, CliRun.bidnn(run("-e", "1", "-b", "32", "-v", "0", "-s", model.toString(),
                data.toString(), dir.resolve("x.svm").toString(), "" + D1, "" + D2, "16", "10")).code());
        Path out = dir.resolve("never.svm");
        CliRun.Result r = CliRun.bidnn(run("-e", "0", "-v", "0", "-l", model.toString(), data.toString(), out.toString(),
                "" + D1, "" + D2, "20", "10"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("small.bidnn") && r.err().contains("hdnsize=16") && r.err().contains("hdnsize=20"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void badInputNamesFileLineAndTokenAndWritesNothing() throws IOException {
        Path bad = dir.resolve("bad.svm");
        Files.writeString(bad, "a 1:0.5 13:0.25\nb 1:0.5 2:oops\n");
        Path out = dir.resolve("bad-out.svm");
        CliRun.Result r = CliRun.bidnn(run("-e", "1", "-v", "0", bad.toString(), out.toString(), "" + D1, "" + D2, "16", "10"));
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("bidnn: error: "), r.err());
        assertTrue(r.err().contains("bad.svm:2") && r.err().contains("2:oops"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void tooFewRowsForOneBatchIsAClearError() {
        CliRun.Result r = CliRun.bidnn(run("-e", "1", "-v", "0", data.toString(), dir.resolve("o.svm").toString(),
                "" + D1, "" + D2, "16", "10", "-b", "500"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("only 165 training rows"), r.err());
    }

    @Test
    void oddRepresentationSizeIsAClearError() {
        CliRun.Result r = CliRun.bidnn(run("-e", "1", data.toString(), dir.resolve("o.svm").toString(), "" + D1, "" + D2, "16", "9"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("repsize must be even"), r.err());
    }

    @Test
    void unknownActivationAndMissingArgumentsAreUsageErrors() {
        assertEquals(1, CliRun.bidnn(run("-a", "swish", data.toString(), "o.svm", "12", "8", "16", "10")).code());
        CliRun.Result missing = CliRun.bidnn(run(data.toString(), "o.svm", "12"));
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("Missing required parameter"), missing.err());
    }
}
