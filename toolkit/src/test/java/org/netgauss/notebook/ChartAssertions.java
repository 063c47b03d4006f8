package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Renders a chart and fails unless it is a real plot: the plot area is most of the chart (at least
 * {@link #MIN_PLOT_FRACTION}), data were drawn inside it (at least {@link #MIN_INK} of its pixels), and the
 * legend takes at most a third of the chart in the direction it sits.
 */
public final class ChartAssertions {
    /** "Most of the image". */
    public static final double MIN_PLOT_FRACTION = 0.5;
    /** A 1-pixel line across a 400-pixel-wide plot covers about 0.25 % of a 400×400 plot area. */
    public static final double MIN_INK = 0.002;

    private ChartAssertions() {
    }

    /** Asserts the three properties above; returns the inspection for further checks. */
    public static ChartGeometry.Inspection assertRealPlot(Chart<?, ?> chart) {
        return assertRealPlot(chart, MIN_PLOT_FRACTION);
    }

    /** As {@link #assertRealPlot(Chart)} with another plot-area threshold (heat maps with a colour bar). */
    public static ChartGeometry.Inspection assertRealPlot(Chart<?, ?> chart, double minPlotFraction) {
        ChartGeometry.Inspection in = ChartGeometry.inspect(chart);
        String what = ChartImages.describe(chart) + ": " + in;
        assertTrue(in.plotFraction() >= minPlotFraction, "plot area is not most of the chart: " + what);
        assertTrue(in.ink() >= MIN_INK, "nothing drawn in the plot area: " + what);
        double share = Math.min(in.legendWidth() / in.width(), in.legendHeight() / in.height());
        assertTrue(share <= 1.0 / 3 + 1e-9, "legend takes more than a third of the chart: " + what);
        return in;
    }
}
