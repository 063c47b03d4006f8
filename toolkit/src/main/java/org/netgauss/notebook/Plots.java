package org.netgauss.notebook;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** What the chart one-liners share: the default size, input checks, reference lines and the noise-floor band. */
final class Plots {
    static final int WIDTH = 640;
    static final int HEIGHT = 380;

    private Plots() {
    }

    static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        c.getStyler().setMarkerSize(4);
        return c;
    }

    /** A horizontal reference line in {@link Palette#REFERENCE}, no marker, from x0 to x1. */
    static XYSeries reference(XYChart c, String name, double x0, double x1, double y) {
        XYSeries s = c.addSeries(name, new double[] {x0, x1}, new double[] {y, y});
        s.setLineColor(Palette.REFERENCE);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(Palette.line(8));
        return s;
    }

    /**
     * The band 0 ≤ y ≤ {@code height} from x0 to x1, filled in {@link Palette#BAND} (XChart fills an area series
     * down to the axis, which starts at 0 here). Added first, so data draw over it.
     */
    static XYSeries band(XYChart c, String name, double x0, double x1, double height) {
        XYSeries s = c.addSeries(name, new double[] {x0, x1}, new double[] {height, height});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setFillColor(Palette.BAND);
        s.setLineColor(Palette.REFERENCE);
        s.setMarker(SeriesMarkers.NONE);
        c.getStyler().setYAxisMin(0.0);
        return s;
    }

    static <T> T notEmpty(T value, String what) {
        Objects.requireNonNull(value, what);
        boolean empty = value instanceof Map<?, ?> m ? m.isEmpty() : value instanceof Collection<?> l && l.isEmpty();
        if (empty) {
            throw new IllegalArgumentException(what + " is empty: nothing to draw");
        }
        return value;
    }

    static double[] toArray(Collection<? extends Number> v) {
        return v.stream().mapToDouble(Number::doubleValue).toArray();
    }

    /** Values below {@code floor} raised to it, so that a log axis can show them (a zero KS, a zero drift). */
    static double[] floor(double[] v, double floor) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.isNaN(out[i]) ? out[i] : Math.max(out[i], floor);
        }
        return out;
    }
}
