package org.bidnn.eval.plot;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bidnn.io.Storage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG line chart of a measure (such as P@10) against training epochs: one solid line per trained
 * model ({@link EpochCurve}), with a marker at each epoch up to {@value #MAX_MARKED_EPOCHS} epochs
 * and error bars where the curve has standard deviations, and one dashed horizontal line per
 * untrained method ({@link Level}), so that one picture shows whether and when training beats the
 * baselines.
 *
 * <p>The x axis runs over epochs 1 to the longest curve's length; shorter curves stop where they
 * end. With a single epoch (or levels only, which have no epochs of their own) the axis is widened
 * to 0.5–1.5, since a line from epoch 1 to epoch 1 would not show. The y axis starts at 0 (or
 * lower, for negative values) and ends a little above the highest value, error bars included.
 * The legend sits right of the plot, where long method names do not cover the lines.
 */
public final class PrecisionPerEpochChart {

    static final int WIDTH = 1000;
    static final int HEIGHT = 560;

    /** The longest curve drawn with a marker at each epoch. */
    static final int MAX_MARKED_EPOCHS = 40;
    /** The most epoch numbers written under the x axis. */
    private static final int MAX_X_LABELS = 15;

    /** Room above the highest value, as a fraction of the y range, so that it does not touch the frame. */
    private static final double HEADROOM = 0.08;

    private PrecisionPerEpochChart() {
    }

    /**
     * Draws the curves and levels and writes the chart to {@code png} atomically (missing parent
     * directories are created, as by {@link org.bidnn.io.AtomicFiles}).
     *
     * @throws IllegalArgumentException when two curves or levels share a label, which would make the
     *                                  legend ambiguous, or when there is neither a curve nor a level
     */
    public static void write(Storage storage, String png, String title, String yAxisLabel, List<EpochCurve> curves, List<Level> levels)
            throws IOException {
        HeadlessAwt.enable();
        requireDistinctLabels(curves, levels);
        PngFiles.write(storage, png, BitmapEncoder.getBufferedImage(chart(title, yAxisLabel, curves, levels)));
    }

    private static XYChart chart(String title, String yAxisLabel, List<EpochCurve> curves, List<Level> levels) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle("epoch").yAxisTitle(yAxisLabel).build();
        ChartStyle.apply(chart);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setMarkerSize(8);

        int epochs = curves.stream().mapToInt(EpochCurve::epochs).max().orElse(1);
        double xMin = epochs == 1 ? 0.5 : 1;
        double xMax = epochs == 1 ? 1.5 : epochs;
        chart.getStyler().setXAxisMin(xMin);
        chart.getStyler().setXAxisMax(xMax);
        // XChart puts the x ticks on the data's x values when they are evenly spaced, as epochs are,
        // thinning them out when there are too many; epochs then read as whole numbers. (Not a
        // custom tick formatter: with one, XChart 3.8.8 drops ticks when the series' x values,
        // taken in the order the series were added, are not sorted, as with a single epoch.)
        chart.getStyler().setXAxisDecimalPattern("0.#");
        if (epochs > MAX_X_LABELS) {
            // On a long training XChart writes every fourth epoch or so, "13 17 21 25", edge to edge.
            chart.getStyler().setXAxisLabelRotation(90);
        }
        if (curves.isEmpty()) {
            // Levels only: there is no epoch to label.
            chart.getStyler().setXAxisTicksVisible(false);
        }
        // XChart's default pattern writes 0.05 as ".05".
        chart.getStyler().setYAxisDecimalPattern("0.0##");

        double[] yRange = yRange(curves, levels);
        chart.getStyler().setYAxisMin(yRange[0]);
        chart.getStyler().setYAxisMax(yRange[1]);

        int colour = 0;
        for (EpochCurve curve : curves) {
            addCurve(chart, curve, colour++);
        }
        int levelIndex = 0;
        for (Level level : levels) {
            addLevel(chart, level, xMin, xMax, levelIndex++);
        }
        return chart;
    }

    private static void addCurve(XYChart chart, EpochCurve curve, int colour) {
        double[] epochs = new double[curve.epochs()];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = i + 1;
        }
        // Past a few dozen epochs markers and error bars merge into a thick band that hides the
        // curve's shape: then only the line is drawn (the spread is in the report's numbers).
        boolean marked = curve.epochs() <= MAX_MARKED_EPOCHS;
        double[] std = marked ? curve.std() : null;
        XYSeries series = std == null
                ? chart.addSeries(curve.label(), epochs, curve.values())
                : chart.addSeries(curve.label(), epochs, curve.values(), std);
        series.setLineStyle(SeriesLines.SOLID);
        series.setMarker(marked ? ChartStyle.seriesMarker(colour) : SeriesMarkers.NONE);
        series.setLineColor(ChartStyle.seriesColor(colour));
        series.setMarkerColor(ChartStyle.seriesColor(colour));
    }

    private static void addLevel(XYChart chart, Level level, double xMin, double xMax, int index) {
        XYSeries series = chart.addSeries(level.label(), new double[] {xMin, xMax},
                new double[] {level.value(), level.value()});
        series.setLineStyle(ChartStyle.DASHED);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(ChartStyle.levelColor(index));
    }

    /** {@code [bottom, top]}: from 0 (or the lowest value) to a little above the highest value. */
    private static double[] yRange(List<EpochCurve> curves, List<Level> levels) {
        double low = 0;
        double high = 0;
        for (EpochCurve curve : curves) {
            double[] values = curve.values();
            double[] std = curve.std();
            for (int i = 0; i < values.length; i++) {
                double spread = std == null ? 0 : std[i];
                low = Math.min(low, values[i] - spread);
                high = Math.max(high, values[i] + spread);
            }
        }
        for (Level level : levels) {
            low = Math.min(low, level.value());
            high = Math.max(high, level.value());
        }
        if (high == low) {
            // All zero: any range shows it; 0 to 1 suits a precision.
            return new double[] {low, low + 1};
        }
        double room = HEADROOM * (high - low);
        return new double[] {low < 0 ? low - room : 0, high + room};
    }

    private static void requireDistinctLabels(List<EpochCurve> curves, List<Level> levels) {
        if (curves.isEmpty() && levels.isEmpty()) {
            throw new IllegalArgumentException("nothing to draw: no curve and no level");
        }
        Set<String> seen = new HashSet<>();
        for (EpochCurve curve : curves) {
            requireNew(seen, curve.label());
        }
        for (Level level : levels) {
            requireNew(seen, level.label());
        }
    }

    private static void requireNew(Set<String> seen, String label) {
        if (!seen.add(label)) {
            throw new IllegalArgumentException("two series are labelled '" + label + "'");
        }
    }
}
