package org.bidnn.eval.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.bidnn.io.TestStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The projection chart's PNG: panels side by side, each with its points drawn, written atomically. */
class ProjectionChartTest {

    private static final int W = ProjectionChart.PANEL_WIDTH;
    private static final int H = ProjectionChart.PANEL_HEIGHT;

    @TempDir
    Path dir;

    private static Projection cloud(String title, int n, double spreadX, double spreadY, long seed) {
        Random random = new Random(seed);
        String[] ids = new String[n];
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            ids[i] = String.format("anchor_%02d", i);
            points[i] = new double[] {spreadX * random.nextGaussian(), spreadY * random.nextGaussian()};
        }
        return new Projection(title, ids, points);
    }

    @Test
    void twoPanelsSideBySideEachShowTheirPoints() throws IOException {
        Path png = dir.resolve("anchors.png");
        ProjectionChart.write(TestStorage.LOCAL, png.toString(), List.of(cloud("anchors, raw features", 25, 3, 1, 1),
                cloud("anchors, BiDNN embedding", 200, 0.5, 0.4, 2)));

        BufferedImage image = Pngs.read(png, 2 * W, H);
        assertTrue(Pngs.pixelsOf(image, ChartStyle.seriesColor(0), 0, W) > 200, "points in the left panel");
        assertTrue(Pngs.pixelsOf(image, ChartStyle.seriesColor(0), W, 2 * W) > 200, "points in the right panel");
        assertEquals(List.of("anchors.png"), Pngs.filesIn(dir), "no temporary file is left");
    }

    @Test
    void aSinglePanelAndASinglePointAreDrawn() throws IOException {
        Path png = dir.resolve("one.png");
        ProjectionChart.write(TestStorage.LOCAL, png.toString(), List.of(new Projection("one", new String[] {"a"}, new double[][] {{1, 2}})));
        BufferedImage image = Pngs.read(png, W, H);
        assertTrue(Pngs.pixelsOf(image, ChartStyle.seriesColor(0)) > 20, "the point's marker");
    }

    @Test
    void aTargetThatCannotBeWrittenFailsAndLeavesNothing() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        assertThrows(IOException.class,
                () -> ProjectionChart.write(TestStorage.LOCAL, notADirectory.resolve("anchors.png").toString(), List.of(cloud("c", 5, 1, 1, 3))));
        assertEquals(List.of("file"), Pngs.filesIn(dir));
    }

    @Test
    void badInputIsRejectedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> ProjectionChart.write(TestStorage.LOCAL, dir.resolve("none.png").toString(), List.of()));
        IllegalArgumentException notTwoD = assertThrows(IllegalArgumentException.class,
                () -> new Projection("p", new String[] {"a", "b"}, new double[][] {{1, 2}, {1, 2, 3}}));
        assertTrue(notTwoD.getMessage().contains("'b'"), notTwoD.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Projection("p", new String[] {"a"}, new double[][] {{1, 2}, {3, 4}}));
        assertThrows(IllegalArgumentException.class, () -> new Projection("p", new String[] {"a"}, new double[][] {{Double.NaN, 2}}));
        assertThrows(IllegalArgumentException.class, () -> new Projection("p", new String[0], new double[0][]));
    }
}
