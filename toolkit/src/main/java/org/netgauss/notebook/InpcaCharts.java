package org.netgauss.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import java.awt.Color;
import org.knowm.xchart.style.markers.Marker;
import org.netgauss.inpca.InpcaEmbedding;
import org.netgauss.inpca.linear.LinearSpectrumCheck;
import org.netgauss.inpca.linear.PhaseDiagram;

/**
 * One-liners for the InPCA figures of Mao et al. (PNAS 2024) and Griniasty, Sethna et al. (arXiv 2505.08915):
 * trajectories projected on two InPCA components, and the eigenvalue spectrum with space-like (positive) and
 * time-like (negative) components told apart (docs/spec/hyperribbon.md).
 */
public final class InpcaCharts {
    private static final List<Color> RUN_COLOURS = Palette.SERIES.stream().filter(c -> !c.equals(Palette.BLACK)).toList();

    private InpcaCharts() {
    }

    /**
     * Points projected on components {@code i} and {@code j} (1-based), joined in order within each label:
     * {@code labels.get(p)} names the trajectory of point p (e.g. the run, with points in checkpoint order).
     *
     * @throws IllegalArgumentException if there is not one label per point or a component is out of range
     */
    public static XYChart projection(InpcaEmbedding e, int i, int j, List<String> labels) {
        Objects.requireNonNull(e, "embedding");
        Objects.requireNonNull(labels, "labels");
        if (labels.size() != e.size()) {
            throw new IllegalArgumentException("need one label per point: " + e.size() + " points, "
                    + labels.size() + " labels");
        }
        for (int k : new int[] {i, j}) {
            if (k < 1 || k > e.components()) {
                throw new IllegalArgumentException("component " + k + " out of range 1.." + e.components());
            }
        }
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int p = 0; p < labels.size(); p++) {
            byLabel.computeIfAbsent(labels.get(p), x -> new ArrayList<>()).add(p);
        }
        XYChart c = Plots.xy("InPCA projection", axis(e, i), axis(e, j));
        byLabel.forEach((label, points) -> {
            double[] x = points.stream().mapToDouble(p -> e.coordinate(p, i - 1)).toArray();
            double[] y = points.stream().mapToDouble(p -> e.coordinate(p, j - 1)).toArray();
            c.addSeries(label, x, y);
        });
        return ChartStyle.apply(c);
    }

    /**
     * Training trajectories on components {@code i} and {@code j} (1-based), as in Mao et al.'s figures: one line
     * per trajectory ({@code trajectory.get(p)} names the trajectory of point p, points in time order), one colour
     * and one legend entry per group ({@code group.get(p)}, e.g. the run, whose seeds share a colour). A group
     * named like {@code "geodesic …"} is drawn as a black line without markers, its ends marked P0 and P*.
     *
     * @throws IllegalArgumentException if there is not one trajectory and group name per point, or a component
     *                                  is out of range
     */
    public static XYChart trajectories(InpcaEmbedding e, int i, int j, List<String> trajectory, List<String> group) {
        Objects.requireNonNull(e, "embedding");
        if (trajectory.size() != e.size() || group.size() != e.size()) {
            throw new IllegalArgumentException("need one trajectory and group name per point: " + e.size()
                    + " points, " + trajectory.size() + " and " + group.size() + " names");
        }
        for (int k : new int[] {i, j}) {
            if (k < 1 || k > e.components()) {
                throw new IllegalArgumentException("component " + k + " out of range 1.." + e.components());
            }
        }
        Map<String, List<Integer>> lines = new LinkedHashMap<>();
        for (int p = 0; p < e.size(); p++) {
            lines.computeIfAbsent(trajectory.get(p), x -> new ArrayList<>()).add(p);
        }
        List<String> groups = group.stream().filter(g -> !g.startsWith("geodesic")).distinct().toList();
        String title = groups.size() == 1 ? "InPCA of the " + groups.get(0) : "InPCA of " + groups.size() + " runs";
        XYChart c = Plots.xy(title + ", components " + i + " and " + j, axis(e, i), axis(e, j));
        c.getStyler().setMarkerSize(4);
        java.util.Set<String> named = new java.util.HashSet<>();
        lines.forEach((name, points) -> {
            double[] x = points.stream().mapToDouble(p -> e.coordinate(p, i - 1)).toArray();
            double[] y = points.stream().mapToDouble(p -> e.coordinate(p, j - 1)).toArray();
            String g = group.get(points.get(0));
            XYSeries s = c.addSeries(name, x, y);
            if (g.startsWith("geodesic")) {
                s.setLineColor(Palette.BLACK);
                s.setMarker(SeriesMarkers.NONE);
                s.setLabel(g);
                XYSeries ends = c.addSeries("P0, P*", new double[] {x[0], x[x.length - 1]},
                        new double[] {y[0], y[y.length - 1]});
                ends.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                ends.setMarker(SeriesMarkers.SQUARE);
                ends.setMarkerColor(Palette.BLACK);
                return;
            }
            int k = groups.indexOf(g);
            Color colour = RUN_COLOURS.get(k % RUN_COLOURS.size()); // black is the geodesic's
            s.setLineColor(colour);
            s.setMarkerColor(colour);
            s.setMarker(Palette.marker(k));
            s.setLineStyle(Palette.line(k));
            s.setShowInLegend(named.add(g));
            s.setLabel(g);
        });
        return ChartStyle.apply(c);
    }

    /** Components 1 and 2, every point one trajectory. */
    public static XYChart projection(InpcaEmbedding e) {
        List<String> one = new ArrayList<>();
        for (int p = 0; p < e.size(); p++) {
            one.add("trajectory");
        }
        return projection(e, 1, Math.min(2, e.components()), one);
    }

    /**
     * |λ_k| against k on a log axis, positive (space-like) and negative (time-like) eigenvalues as two series:
     * a hyper-ribbon shows as a geometric decay.
     */
    public static XYChart spectrum(InpcaEmbedding e) {
        Objects.requireNonNull(e, "embedding");
        double[] lambda = e.eigenvalues();
        List<double[]> pos = new ArrayList<>();
        List<double[]> neg = new ArrayList<>();
        for (int k = 0; k < lambda.length; k++) {
            if (lambda[k] != 0 && Double.isFinite(lambda[k])) {
                (lambda[k] > 0 ? pos : neg).add(new double[] {k + 1, Math.abs(lambda[k])});
            }
        }
        if (pos.isEmpty() && neg.isEmpty()) {
            throw new IllegalArgumentException("the embedding has no non-zero eigenvalue: nothing to draw");
        }
        XYChart c = Plots.xy("InPCA spectrum", "component k", "|eigenvalue| |\u03bb\u2096|");
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setMarkerSize(7);
        add(c, "space-like (\u03bb > 0)", pos);
        add(c, "time-like (\u03bb < 0)", neg);
        return ChartStyle.apply(c);
    }

    private static void add(XYChart c, String name, List<double[]> pts) {
        if (pts.isEmpty()) {
            return;
        }
        XYSeries s = c.addSeries(name, pts.stream().mapToDouble(p -> p[0]).toArray(),
                pts.stream().mapToDouble(p -> p[1]).toArray());
        s.setMarker(c.getSeriesMap().size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
    }

    /**
     * The linear model's expected InPCA spectrum (lines) against the GD simulation (circles) and the D → InPCA
     * pipeline (crosses), top ten eigenvalues per point on a log axis, one colour per ρ
     * (docs/spec/hyperribbon.md §3.3–3.4).
     */
    public static XYChart linearSpectra(LinearSpectrumCheck check) {
        XYChart c = Plots.xy("Linear model, d = " + check.model().dimension() + ", T = " + check.steps(),
                "component k", "eigenvalue per point");
        c.getStyler().setYAxisLogarithmic(true);
        double[] rhos = check.rhos();
        for (int r = 0; r < rhos.length; r++) {
            Color colour = Palette.color(r);
            String rho = " \u03c1 = " + rhos[r];
            line(c, "closed form" + rho, check.closed().get(r), colour, SeriesMarkers.NONE, false);
            line(c, "GD simulation" + rho, check.simulated().get(r), colour, SeriesMarkers.CIRCLE, true);
            if (!check.pipeline().isEmpty()) {
                line(c, "D \u2192 InPCA" + rho, check.pipeline().get(r), colour, SeriesMarkers.CROSS, true);
            }
        }
        return ChartStyle.apply(c);
    }

    private static void line(XYChart c, String name, double[] ev, Color colour, Marker marker, boolean scatter) {
        int n = (int) Math.min(10, java.util.Arrays.stream(ev).takeWhile(v -> v > 0).count());
        if (n == 0) {
            return;
        }
        double[] k = java.util.stream.IntStream.rangeClosed(1, n).asDoubleStream().toArray();
        XYSeries s = c.addSeries(name, k, java.util.Arrays.copyOf(ev, n));
        s.setLineColor(colour);
        s.setMarkerColor(colour);
        s.setMarker(marker);
        if (scatter) {
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
    }

    /**
     * The phase diagram of docs/spec/hyperribbon.md §3.5: χ_3 against ρ (log axis) for each input spectrum at the
     * largest T of the diagram, with the χ_3 = 0.9 line that separates hyper-ribbons (above) from plateaus.
     */
    public static XYChart phaseDiagram(PhaseDiagram phase) {
        int tMax = phase.points().stream().mapToInt(PhaseDiagram.Point::steps).max()
                .orElseThrow(() -> new IllegalArgumentException("an empty phase diagram"));
        XYChart c = Plots.xy("\u03c7\u2083 against \u03c1 at T = " + tMax, "\u03c1 = |w*| / s\u2080",
                "explained stress \u03c7\u2083");
        c.getStyler().setXAxisLogarithmic(true);
        Map<String, List<PhaseDiagram.Point>> bySpectrum = new LinkedHashMap<>();
        phase.points().stream().filter(p -> p.steps() == tMax)
                .forEach(p -> bySpectrum.computeIfAbsent(p.spectrum(), x -> new ArrayList<>()).add(p));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, List<PhaseDiagram.Point>> e : bySpectrum.entrySet()) {
            double[] rho = e.getValue().stream().mapToDouble(PhaseDiagram.Point::rho).toArray();
            c.addSeries(e.getKey(), rho, e.getValue().stream().mapToDouble(PhaseDiagram.Point::chi3).toArray());
            lo = Math.min(lo, rho[0]);
            hi = Math.max(hi, rho[rho.length - 1]);
        }
        XYSeries ref = c.addSeries("\u03c7\u2083 = 0.9", new double[] {lo, hi}, new double[] {0.9, 0.9});
        ref.setLineColor(Palette.REFERENCE);
        ref.setMarker(SeriesMarkers.NONE);
        return ChartStyle.apply(c);
    }

    /**
     * Normalised spectra |e_k| / |e_1| of several embeddings on one log axis (at most ten components, null
     * directions left out): which trajectory is the thinner ribbon.
     */
    public static XYChart normalisedSpectra(Map<String, InpcaEmbedding> embeddings) {
        XYChart c = Plots.xy("normalised InPCA spectra", "component k", "|e\u2096| / |e\u2081|");
        c.getStyler().setYAxisLogarithmic(true);
        embeddings.forEach((name, e) -> {
            double[] ev = e.eigenvalues();
            int[] sig = e.signature();
            List<double[]> pts = new ArrayList<>();
            for (int k = 0; k < Math.min(10, ev.length); k++) {
                if (sig[k] != 0) {
                    pts.add(new double[] {k + 1, Math.abs(ev[k] / ev[0])});
                }
            }
            c.addSeries(name, pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
        });
        return ChartStyle.apply(c);
    }

    private static String axis(InpcaEmbedding e, int k) {
        return "component " + k + (e.eigenvalues()[k - 1] < 0 ? " (time-like)" : "");
    }
}
