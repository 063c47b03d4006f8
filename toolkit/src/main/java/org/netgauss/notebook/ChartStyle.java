package org.netgauss.notebook;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.util.Objects;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.AxesChartSeries;
import org.knowm.xchart.internal.series.MarkerSeries;
import org.knowm.xchart.internal.series.Series;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The netgauss look for XChart charts, applied after the series are added: white background, light grid,
 * the {@link Palette} (colour, then dash and marker, so 24 series stay distinct), and a layout rule that keeps
 * every chart readable:
 *
 * <ul>
 *   <li>the legend never takes more than a third of the chart: it goes to the right when it is at most 22 % of
 *       the width, else below in one row when that row fits and is at most 22 % of the height,
 *       else the chart is widened (and heightened) until the legend on the right is 22 % of its width;
 *       a single series needs no legend (the title or axis names it);</li>
 *   <li>titles are never clipped: a title that does not fit gets a smaller font (down to 10 pt), then a wider
 *       chart; axis titles shrink down to 9 pt;</li>
 *   <li>{@link #logIfDecades} switches an axis to log scale when positive data span decades.</li>
 * </ul>
 *
 * Axis titles carry a symbol and a unit: {@link #axisTitle(String, String)}.
 */
public final class ChartStyle {
    private ChartStyle() {
    }

    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    public static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    public static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Color GRID = new Color(0xE4E4E4);
    static final Color BORDER = new Color(0xA0A0A0);
    /** Largest share of the chart's width a legend on the right may take before it moves. */
    static final double LEGEND_SHARE = 0.22;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, false);

    /**
     * "quantity [unit]", or just the quantity when {@code unit} is null or empty. Put the symbol in the
     * quantity: {@code axisTitle("KS distance D", null)}, {@code axisTitle("learning rate η", "1/step")}.
     */
    public static String axisTitle(String quantity, String unit) {
        Objects.requireNonNull(quantity, "quantity");
        return unit == null || unit.isBlank() ? quantity : quantity + " [" + unit + "]";
    }

    /**
     * Styles the chart in place and returns it: theme, series colours (series whose colour was set by hand,
     * such as reference lines, keep it and do not use up a palette colour), titles that fit, legend placement.
     */
    public static <C extends Chart<?, ?>> C apply(C chart) {
        Objects.requireNonNull(chart, "chart");
        theme(chart.getStyler());
        colourSeries(chart);
        fitTitles(chart);
        placeLegend(chart);
        return chart;
    }

    /**
     * The layout rule alone, for charts styled by hand (the renderer calls it on every chart it shows): titles
     * that would be clipped shrink, and an outside legend that takes more than a third of the chart is placed
     * anew. Colours, fonts and a legend inside the plot are left as they are.
     */
    public static <C extends Chart<?, ?>> C fitLayout(C chart) {
        Objects.requireNonNull(chart, "chart");
        fitTitles(chart);
        Styler s = chart.getStyler();
        if (chart instanceof HeatMapChart || !s.isLegendVisible() || chart.getSeriesMap().isEmpty()) {
            return chart;
        }
        LegendPosition p = s.getLegendPosition();
        if (p != LegendPosition.OutsideE && p != LegendPosition.OutsideS) {
            return chart;
        }
        ChartGeometry.paint(chart);
        Rectangle2D legend = ChartGeometry.legendSize(chart);
        boolean tooBig = p == LegendPosition.OutsideE ? legend.getWidth() > chart.getWidth() / 3.0
                || legend.getHeight() > chart.getHeight()
                : legend.getHeight() > chart.getHeight() / 3.0 || legend.getWidth() > chart.getWidth();
        if (tooBig) {
            placeLegend(chart);
        }
        return chart;
    }

    /**
     * Log scale on the y axis when every y value is positive and max/min is at least {@code 10^decades};
     * returns whether it switched. Series values that are not finite are ignored.
     */
    public static boolean logIfDecades(XYChart chart, double decades) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double y : s.getYData()) {
                if (Double.isFinite(y)) {
                    if (y <= 0) {
                        return false;
                    }
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
            }
        }
        boolean log = lo < hi && hi / lo >= Math.pow(10, decades);
        if (log) {
            chart.getStyler().setYAxisLogarithmic(true);
        }
        return log;
    }

    static void theme(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(BORDER);
        s.setChartFontColor(Color.BLACK);
        s.setChartTitleFont(TITLE_FONT);
        s.setChartTitleBoxVisible(false);
        s.setChartPadding(8);
        s.setChartTitlePadding(6);
        s.setLegendFont(LEGEND_FONT);
        s.setLegendBorderColor(new Color(0xD0D0D0));
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendPadding(4);
        s.setLegendSeriesLineLength(18);
        s.setSeriesColors(Palette.seriesColors());
        s.setToolTipsEnabled(false);
        if (s.getMarkerSize() > 5) {
            s.setMarkerSize(5);
        }
        if (s instanceof AxesChartStyler a) {
            a.setPlotGridLinesColor(GRID);
            a.setAxisTitleFont(AXIS_TITLE_FONT);
            a.setAxisTickLabelsFont(TICK_FONT);
            a.setAxisTickMarksColor(BORDER);
            a.setAxisTitlePadding(4);
        }
    }

    private static void colourSeries(Chart<?, ?> chart) {
        int k = 0;
        for (Series s : chart.getSeriesMap().values()) {
            if (s instanceof AxesChartSeries a && a.getLineColor() == null && s.getFillColor() == null) {
                a.setLineColor(Palette.color(k));
                s.setFillColor(Palette.color(k));
                if (a.getLineStyle() == null) {
                    a.setLineStyle(Palette.line(k));
                }
                if (s instanceof MarkerSeries m) {
                    if (m.getMarkerColor() == null) {
                        m.setMarkerColor(Palette.color(k));
                    }
                    if (m.getMarker() == null) {
                        m.setMarker(Palette.marker(k));
                    }
                }
                k++;
            }
        }
    }

    /** Shrinks (then widens the chart for) a chart title, and shrinks axis titles, so that nothing is clipped. */
    static void fitTitles(Chart<?, ?> chart) {
        Styler s = chart.getStyler();
        String title = chart.getTitle();
        if (title != null && !title.isEmpty()) {
            Font f = s.getChartTitleFont();
            double room = chart.getWidth() - 2.0 * s.getChartPadding();
            while (width(title, f) > room && f.getSize2D() > 10) {
                f = f.deriveFont(f.getSize2D() - 1);
            }
            s.setChartTitleFont(f);
            double need = width(title, f) + 2.0 * s.getChartPadding() + 4;
            if (need > chart.getWidth()) {
                ChartGeometry.resize(chart, (int) Math.ceil(need), chart.getHeight());
            }
        }
        if (s instanceof AxesChartStyler a) {
            Font f = a.getAxisTitleFont();
            double roomX = chart.getWidth() * 0.8;
            double roomY = chart.getHeight() * 0.7;
            while (f.getSize2D() > 9 && (width(chart.getXAxisTitle(), f) > roomX
                    || width(chart.getYAxisTitle(), f) > roomY)) {
                f = f.deriveFont(f.getSize2D() - 1);
            }
            a.setAxisTitleFont(f);
        }
    }

    /** The legend rule of the class comment. Heat maps keep their colour bar where XChart puts it. */
    static void placeLegend(Chart<?, ?> chart) {
        if (chart instanceof HeatMapChart) {
            return;
        }
        Styler s = chart.getStyler();
        long entries = chart.getSeriesMap().values().stream().filter(x -> x.isShowInLegend() && x.isEnabled())
                .count();
        if (entries <= 1) {
            s.setLegendVisible(false);
            return;
        }
        s.setLegendVisible(true);
        ChartGeometry.paint(chart); // XChart settles each series' render style while painting; the legend needs it
        s.setLegendPosition(LegendPosition.OutsideE);
        s.setLegendLayout(LegendLayout.Vertical);
        Rectangle2D east = ChartGeometry.legendSize(chart);
        if (east.getWidth() <= LEGEND_SHARE * chart.getWidth() && east.getHeight() <= 0.75 * chart.getHeight()) {
            return;
        }
        s.setLegendPosition(LegendPosition.OutsideS);
        s.setLegendLayout(LegendLayout.Horizontal);
        Rectangle2D south = ChartGeometry.legendSize(chart);
        if (south.getWidth() <= chart.getWidth() - 2.0 * s.getChartPadding()
                && south.getHeight() <= LEGEND_SHARE * chart.getHeight()) {
            return;
        }
        s.setLegendPosition(LegendPosition.OutsideE);
        s.setLegendLayout(LegendLayout.Vertical);
        int w = Math.max(chart.getWidth(), (int) Math.ceil(east.getWidth() / LEGEND_SHARE));
        int h = Math.max(chart.getHeight(), (int) Math.ceil(east.getHeight() / 0.75));
        ChartGeometry.resize(chart, w, h);
    }

    private static double width(String text, Font f) {
        return text == null || text.isEmpty() ? 0 : f.getStringBounds(text, FRC).getWidth();
    }
}
