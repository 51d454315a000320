package org.bidnn.eval.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look shared by the charts of this package, so that the PNGs of one comparison read alike:
 * white background, light grid, fonts large enough to read in a report, and series colours from
 * the Okabe–Ito palette (with two of Paul Tol's), which stay distinguishable to colour-blind
 * readers better than XChart's default; flat reference lines in black and greys.
 */
final class ChartStyle {

    static {
        // Color below loads AWT: headless has to be chosen before.
        HeadlessAwt.enable();
    }

    private static final Color[] SERIES = {
        new Color(0x0072B2), // blue
        new Color(0xD55E00), // vermillion
        new Color(0x009E73), // bluish green
        new Color(0xCC79A7), // reddish purple
        new Color(0xE69F00), // orange
        new Color(0x56B4E9), // sky blue
        new Color(0x882255), // wine (Tol's palette: Okabe–Ito has only seven that read on white)
        new Color(0x999933), // olive (Tol)
    };

    /** Flat reference lines: black and greys, which no curve uses. */
    private static final Color[] LEVELS = {
        new Color(0x000000),
        new Color(0x777777),
        new Color(0x332288), // indigo (Tol)
        new Color(0xBBBBBB),
    };

    static final Color BACKGROUND = Color.WHITE;

    /** Long dashes, thicker than XChart's DASH_DASH, which reads as a dotted line in a PNG. */
    static final BasicStroke DASHED = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {12f, 7f}, 0f);

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font TICK_LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font ANNOTATION = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private ChartStyle() {
    }

    /** Marker shapes, one per round of the palette, so that series sharing a colour still differ. */
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP};

    /** The colour of the {@code index}-th series of a chart; the palette repeats after eight. */
    static Color seriesColor(int index) {
        return SERIES[index % SERIES.length];
    }

    /** The colour of the {@code index}-th flat level line, from colours no curve has (after four, again). */
    static Color levelColor(int index) {
        return LEVELS[index % LEVELS.length];
    }

    /** The marker of the {@code index}-th series: circles for the first eight, then squares, ... */
    static Marker seriesMarker(int index) {
        return MARKERS[index / SERIES.length % MARKERS.length];
    }

    /** Applies the shared look to {@code chart}. */
    static void apply(Chart<? extends AxesChartStyler, ?> chart) {
        AxesChartStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(BACKGROUND);
        styler.setPlotBackgroundColor(BACKGROUND);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setPlotGridLinesColor(new Color(0xE0E0E0));
        styler.setChartFontColor(Color.BLACK);
        styler.setAxisTickLabelsColor(Color.DARK_GRAY);
        styler.setChartTitleFont(TITLE);
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(AXIS_TITLE);
        styler.setAxisTickLabelsFont(TICK_LABELS);
        styler.setLegendFont(LEGEND);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setAnnotationTextFont(ANNOTATION);
        styler.setAnnotationTextFontColor(Color.DARK_GRAY);
        styler.setChartPadding(12);
        styler.setAntiAlias(true);
    }
}
