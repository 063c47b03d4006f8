package org.netgauss.notebook;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The colours of netgauss charts: the eight-colour palette of Okabe &amp; Ito (2008, "Color Universal Design"),
 * which stays distinguishable under the common forms of colour blindness, plus line dashes and marker shapes
 * that make series 9 to 24 distinct as well: series {@code k} gets colour {@code k mod 8}, dash pattern
 * {@code (k / 8) mod 3} and marker {@code k mod 5}, so no two of the first 24 series look alike.
 *
 * <p>For heat maps, {@link #viridis(double)} (sequential, perceptually uniform; van der Walt &amp; Smith's
 * matplotlib default, here as a 9-stop piecewise-linear approximation) and {@link #diverging(double)}
 * (blue–white–vermillion, for signed values such as correlations).
 */
public final class Palette {
    private Palette() {
    }

    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLACK = new Color(0x000000);
    /** Okabe–Ito yellow, last because it is faint on white. */
    public static final Color YELLOW = new Color(0xF0E442);
    /** Reference lines and bands (noise floor, diagonal): not a series colour. */
    public static final Color REFERENCE = new Color(0x8C8C8C);
    /** Fill of the noise-floor band: the reference grey, mostly transparent. */
    public static final Color BAND = new Color(0x8C, 0x8C, 0x8C, 0x40);

    /** The series colours in the order they are assigned. */
    public static final List<Color> SERIES = List.of(BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE, SKY_BLUE,
            BLACK, YELLOW);

    private static final float[][] DASHES = {null, {6f, 3f}, {1.5f, 2.5f}};
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN};

    /** The colour of series {@code k} (k &gt;= 0). */
    public static Color color(int k) {
        return SERIES.get(index(k) % SERIES.size());
    }

    /** The line of series {@code k}: solid for the first 8, dashed for the next 8, dotted for the next. */
    public static BasicStroke line(int k) {
        float[] dash = DASHES[(index(k) / SERIES.size()) % DASHES.length];
        return dash == null ? new BasicStroke(1.6f) : new BasicStroke(1.6f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    /** The marker of series {@code k}. */
    public static Marker marker(int k) {
        return MARKERS[index(k) % MARKERS.length];
    }

    /** The series colours as an array, for XChart's stylers. */
    public static Color[] seriesColors() {
        return SERIES.toArray(Color[]::new);
    }

    private static final int[][] VIRIDIS = {{68, 1, 84}, {72, 40, 120}, {62, 74, 137}, {49, 104, 142},
        {38, 130, 142}, {31, 158, 137}, {53, 183, 121}, {109, 205, 89}, {180, 222, 44}, {253, 231, 37}};

    /** Viridis at {@code t} in [0, 1] (clamped; NaN gives a neutral grey). */
    public static Color viridis(double t) {
        if (Double.isNaN(t)) {
            return REFERENCE;
        }
        double p = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) p, VIRIDIS.length - 2);
        return mix(VIRIDIS[i], VIRIDIS[i + 1], p - i);
    }

    /** Diverging map at {@code t} in [−1, 1] (clamped): {@link #BLUE} at −1, white at 0, {@link #VERMILLION} at 1. */
    public static Color diverging(double t) {
        if (Double.isNaN(t)) {
            return REFERENCE;
        }
        double a = Math.max(-1, Math.min(1, t));
        Color end = a < 0 ? BLUE : VERMILLION;
        return mix(new int[] {255, 255, 255}, new int[] {end.getRed(), end.getGreen(), end.getBlue()}, Math.abs(a));
    }

    /** {@code n >= 2} colours sampled evenly from viridis, for XChart's heat-map range colours. */
    public static Color[] viridisSteps(int n) {
        Color[] c = new Color[Math.max(n, 2)];
        for (int i = 0; i < c.length; i++) {
            c[i] = viridis(i / (c.length - 1.0));
        }
        return c;
    }

    private static Color mix(int[] a, int[] b, double f) {
        return new Color((int) Math.round(a[0] + f * (b[0] - a[0])), (int) Math.round(a[1] + f * (b[1] - a[1])),
                (int) Math.round(a[2] + f * (b[2] - a[2])));
    }

    private static int index(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("series index must be >= 0, found " + k);
        }
        return k;
    }
}
