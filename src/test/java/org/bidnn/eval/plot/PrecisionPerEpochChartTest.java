package org.bidnn.eval.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bidnn.io.TestStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The epoch chart's PNG: a real image of the expected size, with its series drawn, written atomically. */
class PrecisionPerEpochChartTest {

    private static final int W = PrecisionPerEpochChart.WIDTH;
    private static final int H = PrecisionPerEpochChart.HEIGHT;

    @TempDir
    Path dir;

    private static final EpochCurve BIDNN = new EpochCurve("BiDNN", new double[] {0.20, 0.35, 0.42, 0.48, 0.50, 0.51},
            new double[] {0.02, 0.03, 0.02, 0.02, 0.01, 0.01});
    private static final EpochCurve AUTOENCODER = new EpochCurve("concatenated autoencoder",
            new double[] {0.15, 0.25, 0.30});
    private static final Level RAW = new Level("raw features (not trained)", 0.33);
    private static final Level RANDOM = new Level("random", 0.05);

    @Test
    void curvesOfDifferentLengthsAndLevelsMakeAPngOfTheChartSize() throws IOException {
        Path png = dir.resolve("p10.png");
        PrecisionPerEpochChart.write(TestStorage.LOCAL, png.toString(), "P@10 per epoch", "P@10", List.of(BIDNN, AUTOENCODER), List.of(RAW, RANDOM));

        BufferedImage image = Pngs.read(png, W, H);
        for (int curve = 0; curve < 2; curve++) {
            assertTrue(Pngs.pixelsOf(image, ChartStyle.seriesColor(curve)) > 100, "curve " + curve + " in its colour");
        }
        for (int level = 0; level < 2; level++) {
            assertTrue(Pngs.pixelsOf(image, ChartStyle.levelColor(level)) > 100, "level " + level + " in its colour");
        }
        assertEquals(List.of("p10.png"), Pngs.filesIn(dir), "no temporary file is left");
    }

    @Test
    void aCurveShowsInThePicture() throws IOException {
        Path with = dir.resolve("with.png");
        Path without = dir.resolve("without.png");
        PrecisionPerEpochChart.write(TestStorage.LOCAL, with.toString(), "t", "P@10", List.of(BIDNN), List.of(RAW));
        PrecisionPerEpochChart.write(TestStorage.LOCAL, without.toString(), "t", "P@10", List.of(), List.of(RAW));

        BufferedImage withCurve = Pngs.read(with, W, H);
        BufferedImage withoutCurve = Pngs.read(without, W, H);
        // Curves take the palette from its start, levels from its end.
        int curvePixels = Pngs.pixelsOf(withCurve, ChartStyle.seriesColor(0));
        assertTrue(curvePixels > 300, "the curve's line and markers: " + curvePixels + " pixels");
        assertTrue(Pngs.pixelsOf(withCurve, ChartStyle.levelColor(0)) > 100, "the level's dashed line");
        assertTrue(Pngs.pixelsOf(withoutCurve, ChartStyle.levelColor(0)) > 100, "the level alone");
        assertTrue(Pngs.pixelsOf(withoutCurve, ChartStyle.seriesColor(0)) < 10, "and no curve");
    }

    @Test
    void levelsAloneAndASingleEpochStillDrawVisibleLines() throws IOException {
        Path levelsOnly = dir.resolve("levels.png");
        Path oneEpoch = dir.resolve("one-epoch.png");
        PrecisionPerEpochChart.write(TestStorage.LOCAL, levelsOnly.toString(), "levels only", "MAP", List.of(), List.of(RAW, RANDOM));
        PrecisionPerEpochChart.write(TestStorage.LOCAL, oneEpoch.toString(), "one epoch", "MAP",
                List.of(new EpochCurve("BiDNN", new double[] {0.4}, new double[] {0.05})), List.of(RAW));

        BufferedImage levels = Pngs.read(levelsOnly, W, H);
        assertTrue(Pngs.pixelsOf(levels, ChartStyle.levelColor(0)) > 100);
        assertTrue(Pngs.pixelsOf(levels, ChartStyle.levelColor(1)) > 100);
        BufferedImage single = Pngs.read(oneEpoch, W, H);
        assertTrue(Pngs.pixelsOf(single, ChartStyle.seriesColor(0)) > 30, "the single point's marker");
        assertTrue(Pngs.pixelsOf(single, ChartStyle.levelColor(0)) > 100, "the level across the widened axis");
    }

    @Test
    void zeroValuesStillGetAnAxis() throws IOException {
        Path png = dir.resolve("zeros.png");
        PrecisionPerEpochChart.write(TestStorage.LOCAL, png.toString(), "all zero", "P@10",
                List.of(new EpochCurve("untrained", new double[] {0, 0, 0})), List.of(new Level("zero", 0)));
        Pngs.read(png, W, H);
    }

    @Test
    void aMissingDirectoryIsCreated() throws IOException {
        Path png = dir.resolve("compare/plots/p10.png");
        PrecisionPerEpochChart.write(TestStorage.LOCAL, png.toString(), "t", "P@10", List.of(BIDNN), List.of());
        Pngs.read(png, W, H);
        assertEquals(List.of("p10.png"), Pngs.filesIn(png.getParent()));
    }

    @Test
    void aTargetThatCannotBeWrittenFailsAndLeavesNothing() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        assertThrows(IOException.class, () -> PrecisionPerEpochChart.write(TestStorage.LOCAL, notADirectory.resolve("p10.png").toString(),
                "t", "P@10", List.of(BIDNN), List.of(RAW)));
        Path directory = Files.createDirectory(dir.resolve("taken"));
        assertThrows(IOException.class, () -> PrecisionPerEpochChart.write(TestStorage.LOCAL, directory.toString(), "t", "P@10", List.of(BIDNN), List.of(RAW)));
        assertEquals(List.of("file", "taken"), Pngs.filesIn(dir));
        assertEquals(List.of(), Pngs.filesIn(directory));
    }

    @Test
    void aFailedWriteKeepsThePreviousChart() throws IOException {
        Path png = dir.resolve("p10.png");
        PrecisionPerEpochChart.write(TestStorage.LOCAL, png.toString(), "t", "P@10", List.of(BIDNN), List.of(RAW));
        byte[] before = Files.readAllBytes(png);
        assertThrows(IllegalArgumentException.class, () -> PrecisionPerEpochChart.write(TestStorage.LOCAL, png.toString(), "t", "P@10",
                List.of(BIDNN), List.of(new Level("BiDNN", 0.3))));
        assertArrayEquals(before, Files.readAllBytes(png), "the previous chart is untouched");
        assertEquals(List.of("p10.png"), Pngs.filesIn(dir));
    }

    @Test
    void badInputIsRejectedWithAReason() {
        Path png = dir.resolve("bad.png");
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> PrecisionPerEpochChart.write(TestStorage.LOCAL, png.toString(), "t", "P@10", List.of(BIDNN, BIDNN), List.of()));
        assertTrue(duplicate.getMessage().contains("'BiDNN'"), duplicate.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PrecisionPerEpochChart.write(TestStorage.LOCAL, png.toString(), "t", "P@10", List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new EpochCurve("x", new double[] {0.1, 0.2}, new double[] {0.1}));
        assertThrows(IllegalArgumentException.class, () -> new EpochCurve("x", new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new EpochCurve("x", new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new Level("x", Double.POSITIVE_INFINITY));
        assertFalse(Files.exists(png));
    }

    @Test
    void awtRunsHeadless() throws IOException {
        PrecisionPerEpochChart.write(TestStorage.LOCAL, dir.resolve("p10.png").toString(), "t", "P@10", List.of(BIDNN), List.of());
        assertTrue(GraphicsEnvironment.isHeadless(), "charts must draw without a display");
    }

    @Test
    void aCurveKeepsItsOwnCopyOfTheValues() {
        double[] values = {0.1, 0.2};
        EpochCurve curve = new EpochCurve("x", values);
        values[0] = 0.9;
        curve.values()[1] = 0.9;
        assertEquals(new EpochCurve("x", new double[] {0.1, 0.2}), curve);
    }
}
