package org.netgauss.notebook;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * XChart charts as notebook output: PNG at twice the chart's pixel size (sharp on high-density screens,
 * displayed at 1x through the {@code width}/{@code height} metadata), SVG on request, and a one-line text
 * alternative. Pure functions, no kernel needed.
 *
 * <p>PNG is the default because an SVG of a scatter plot is often 100 KB or more per chart and bloats the
 * notebook file; ask for {@code image/svg+xml} explicitly (e.g. {@code display(chart, "image/svg+xml")})
 * when a figure is meant for a paper.
 */
public final class ChartImages {
    private ChartImages() {
    }

    /**
     * A PNG image and the size to display it at.
     *
     * @param bytes  the PNG file (copied in and out)
     * @param width  display width in CSS pixels (the chart's width)
     * @param height display height in CSS pixels (the chart's height)
     * @param scale  pixels of the PNG per display pixel
     */
    public record Png(byte[] bytes, int width, int height, double scale) {
        public Png {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The PNG in base64, as Jupyter's {@code image/png} output wants it. */
        public String base64() {
            return Base64.getEncoder().encodeToString(bytes);
        }

        @Override
        public String toString() {
            return "Png[" + width + "x" + height + " at " + scale + "x, " + bytes.length + " bytes]";
        }
    }

    /** The chart as PNG at 2x resolution: {@code 2*width x 2*height} pixels, to display at 1x. */
    public static Png png2x(Chart<?, ?> chart) {
        return png(chart, 2.0);
    }

    /**
     * The chart as PNG at {@code scale} times its size: the chart paints into a Graphics2D scaled by
     * {@code scale}, so lines and text are drawn at full resolution rather than upsampled.
     *
     * @throws IllegalArgumentException unless {@code 0 < scale <= 8}
     */
    public static Png png(Chart<?, ?> chart, double scale) {
        Objects.requireNonNull(chart, "chart");
        if (!(scale > 0 && scale <= 8)) {
            throw new IllegalArgumentException("PNG scale must be in (0, 8], found " + scale);
        }
        int w = chart.getWidth();
        int h = chart.getHeight();
        BufferedImage image = new BufferedImage((int) Math.round(w * scale), (int) Math.round(h * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            chart.paint(g, w, h);
        } finally {
            g.dispose();
        }
        return new Png(Images.pngBytes(image), w, h, scale);
    }

    /** The chart as an SVG document (XChart's {@link VectorGraphicsEncoder}). */
    public static String svg(Chart<?, ?> chart) {
        Objects.requireNonNull(chart, "chart");
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart '" + chart.getTitle() + "' as SVG", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A one-line text alternative: chart type, title, size and series names. */
    public static String describe(Chart<?, ?> chart) {
        String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "untitled" : "'" + chart.getTitle() + "'";
        return chart.getClass().getSimpleName() + " " + title + " (" + chart.getWidth() + "x" + chart.getHeight()
                + ", series " + String.join(", ", chart.getSeriesMap().keySet()) + ")";
    }
}
