package org.bidnn.eval.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.bidnn.io.Storage;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG of scatter plots side by side, one panel per {@link Projection}, on axes "PC 1" and "PC 2":
 * the same items seen through different representations (say, the anchors in raw features and in
 * the BiDNN embedding), so that a reader can compare how they spread and cluster.
 *
 * <p>Each panel has its own scale: the representations have different units, and only the shape
 * of each cloud is comparable. Points are labelled with their ids when a panel has at most
 * {@value #MAX_LABELLED_POINTS}, few enough for the labels to stay legible and to follow an item
 * from one panel to the next.
 */
public final class ProjectionChart {

    static final int PANEL_WIDTH = 600;
    static final int PANEL_HEIGHT = 560;
    static final int MAX_LABELLED_POINTS = 30;
    /** How far above its point a label sits, as a fraction of the panel's y range. */
    private static final double LABEL_OFFSET = 0.035;

    private ProjectionChart() {
    }

    /**
     * Draws one panel per projection, left to right in list order, and writes them as one image to
     * {@code png} atomically (missing parent directories are created, as by
     * {@link org.bidnn.io.AtomicFiles}).
     *
     * @throws IllegalArgumentException when there is no projection
     */
    public static void write(Storage storage, String png, List<Projection> panels) throws IOException {
        HeadlessAwt.enable();
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("nothing to draw: no projection");
        }
        BufferedImage image = new BufferedImage(PANEL_WIDTH * panels.size(), PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            for (int i = 0; i < panels.size(); i++) {
                g.drawImage(BitmapEncoder.getBufferedImage(panel(panels.get(i))), i * PANEL_WIDTH, 0, null);
            }
        } finally {
            g.dispose();
        }
        PngFiles.write(storage, png, image);
    }

    private static XYChart panel(Projection projection) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title(projection.title()).xAxisTitle("PC 1").yAxisTitle("PC 2").build();
        ChartStyle.apply(chart);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(7);

        double[][] points = projection.points();
        double[] x = new double[points.length];
        double[] y = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            x[i] = points[i][0];
            y[i] = points[i][1];
        }
        XYSeries series = chart.addSeries(projection.title(), x, y);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(ChartStyle.seriesColor(0));

        if (points.length <= MAX_LABELLED_POINTS) {
            // Just above its point, so that the label does not cover the marker.
            double above = LABEL_OFFSET * (max(y) - min(y));
            String[] ids = projection.ids();
            for (int i = 0; i < ids.length; i++) {
                chart.addAnnotation(new AnnotationText(ids[i], x[i], y[i] + above, false));
            }
        }
        return chart;
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).min().orElseThrow();
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElseThrow();
    }
}
