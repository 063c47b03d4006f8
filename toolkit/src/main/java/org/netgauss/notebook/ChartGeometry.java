package org.netgauss.notebook;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Objects;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.chartpart.ChartPart;

/**
 * Where XChart puts the parts of a chart, and whether it drew anything: the plot area and legend size (read
 * from XChart's chart parts, which it does not publish), and the share of the plot area covered by data.
 *
 * <p>This is how the toolkit tells a real plot from a blank one: a legend or title that grows until the plot
 * area is a sliver (notebook 05's 17-curve KS figure, in a 420×400 chart, had a 0-pixel plot area), or a plot
 * with no data pixels. The renderer reports the plot area in the PNG's metadata, so the notebook check can
 * decode executed notebooks and test the same two numbers ({@code environment/lib/chart_check.py}).
 */
public final class ChartGeometry {
    private ChartGeometry() {
    }

    /**
     * What a chart looks like once painted at 1x.
     *
     * @param width        chart width in pixels
     * @param height       chart height in pixels
     * @param plot         the plot area (inside the axes)
     * @param legendWidth  width of the legend box (0 when hidden)
     * @param legendHeight height of the legend box (0 when hidden)
     * @param ink          share of the plot area's pixels that are data (see {@link #isInk(int)})
     */
    public record Inspection(int width, int height, Rectangle2D plot, double legendWidth, double legendHeight,
            double ink) {
        /** Plot area over chart area. */
        public double plotFraction() {
            return plot.getWidth() * plot.getHeight() / ((double) width * height);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "%dx%d chart: plot %.0fx%.0f at (%.0f, %.0f) = %.1f%% of the chart, legend %.0fx%.0f, data ink %.2f%%",
                    width, height, plot.getWidth(), plot.getHeight(), plot.getX(), plot.getY(), 100 * plotFraction(),
                    legendWidth, legendHeight, 100 * ink);
        }
    }

    /** Paints the chart at 1x and measures it. */
    public static Inspection inspect(Chart<?, ?> chart) {
        Objects.requireNonNull(chart, "chart");
        BufferedImage image = paint(chart);
        Rectangle2D plot = plotBounds(chart);
        Rectangle2D legend = chart.getStyler().isLegendVisible() && !chart.getSeriesMap().isEmpty()
                ? legendSize(chart) : new Rectangle2D.Double();
        return new Inspection(chart.getWidth(), chart.getHeight(), plot, legend.getWidth(), legend.getHeight(),
                ink(image, plot, 1.0));
    }

    /**
     * Share of the pixels inside {@code plot} (in chart coordinates; the image is {@code scale} times larger),
     * inset by 2 pixels to skip the border, that are {@linkplain #isInk(int) data ink}.
     */
    public static double ink(BufferedImage image, Rectangle2D plot, double scale) {
        int x0 = (int) Math.ceil((plot.getX() + 2) * scale);
        int y0 = (int) Math.ceil((plot.getY() + 2) * scale);
        int x1 = Math.min(image.getWidth(), (int) Math.floor((plot.getMaxX() - 2) * scale));
        int y1 = Math.min(image.getHeight(), (int) Math.floor((plot.getMaxY() - 2) * scale));
        long all = 0;
        long ink = 0;
        for (int y = Math.max(y0, 0); y < y1; y++) {
            for (int x = Math.max(x0, 0); x < x1; x++) {
                all++;
                if (isInk(image.getRGB(x, y))) {
                    ink++;
                }
            }
        }
        return all == 0 ? 0 : (double) ink / all;
    }

    /**
     * A pixel that data drew: coloured (max − min of R, G, B at least 48) or dark (all channels below 100).
     * Backgrounds, grid lines, borders and reference bands are light greys, so they are not ink.
     */
    public static boolean isInk(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        return max - min >= 48 || max < 100;
    }

    static BufferedImage paint(Chart<?, ?> chart) {
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, chart.getWidth(), chart.getHeight());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            chart.paint(g, chart.getWidth(), chart.getHeight());
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The plot area of a chart that has been painted (XChart lays out while painting). */
    static Rectangle2D plotBounds(Chart<?, ?> chart) {
        Rectangle2D r = part(chart, "plot").getBounds();
        return r == null ? new Rectangle2D.Double() : (Rectangle2D) r.clone();
    }

    /** Width and height of the legend box as XChart will lay it out (needs no painting). */
    static Rectangle2D legendSize(Chart<?, ?> chart) {
        Rectangle2D r = part(chart, "legend").getBounds();
        return r == null ? new Rectangle2D.Double() : r;
    }

    /** Resizes a chart in place (XChart keeps the setters protected). */
    static void resize(Chart<?, ?> chart, int width, int height) {
        try {
            Method w = Chart.class.getDeclaredMethod("setWidth", int.class);
            Method h = Chart.class.getDeclaredMethod("setHeight", int.class);
            w.setAccessible(true);
            h.setAccessible(true);
            w.invoke(chart, width);
            h.invoke(chart, height);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot resize an XChart chart: this XChart version hides "
                    + "Chart.setWidth/setHeight differently (" + e + ")", e);
        }
    }

    private static ChartPart part(Chart<?, ?> chart, String name) {
        try {
            Field f = Chart.class.getDeclaredField(name);
            f.setAccessible(true);
            Object part = f.get(chart);
            if (part == null) {
                throw new IllegalStateException("chart '" + chart.getTitle() + "' has no " + name);
            }
            return (ChartPart) part;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the " + name + " of an XChart chart: this XChart version"
                    + " lays out charts differently (" + e + ")", e);
        }
    }
}
