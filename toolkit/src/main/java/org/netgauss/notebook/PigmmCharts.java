package org.netgauss.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.netgauss.invariants.DeviationReport;
import org.netgauss.invariants.InvariantEstimate;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.WassersteinBreakdown;

/**
 * One-liners for the figures of Hirst &amp; Ramgoolam (arXiv 2510.05218): PIGMM parameters, deviations of the
 * cubic/quartic invariants from their Wick predictions, the drift of I1–I13, the normalised change, and W₂ from
 * the initialisation model, each against epoch. Trajectories are maps from epoch to the toolkit's result record
 * (sorted by epoch), one per layer or setting; every chart is styled by {@link ChartStyle}.
 */
public final class PigmmCharts {
    private PigmmCharts() {
    }

    /** The 13 parameters f1..f13 of one layer against epoch (docs/spec/pigmm.md §2). */
    public static XYChart parameters(String layer, SortedMap<Integer, PigmmParameters> trajectory) {
        Plots.notEmpty(trajectory, "trajectory of " + layer);
        XYChart c = Plots.xy("PIGMM parameters of " + layer, "epoch", "parameter f\u2096");
        double[] epochs = Plots.toArray(trajectory.keySet());
        for (int k = 1; k <= 13; k++) {
            int kk = k;
            c.addSeries("f" + k, epochs, trajectory.values().stream().mapToDouble(p -> p.f(kk)).toArray());
        }
        return ChartStyle.apply(c);
    }

    /** One parameter f_k against epoch, one series per layer (or setting). */
    public static XYChart parameter(int k, Map<String, ? extends SortedMap<Integer, PigmmParameters>> byLayer) {
        if (k < 1 || k > 13) {
            throw new IllegalArgumentException("PIGMM parameters are f1..f13, found f" + k);
        }
        Plots.notEmpty(byLayer, "trajectories");
        XYChart c = Plots.xy("PIGMM parameter f" + k, "epoch", "f" + k);
        byLayer.forEach((layer, t) -> c.addSeries(layer, Plots.toArray(Plots.notEmpty(t, layer).keySet()),
                t.values().stream().mapToDouble(p -> p.f(k)).toArray()));
        return ChartStyle.apply(c);
    }

    /**
     * The deviation Δ = |⟨I⟩ − Ī|/σ of every cubic/quartic invariant against epoch (docs/spec/pigmm.md §3.3):
     * one thin line per invariant, coloured by its group (one legend entry per group), over the band
     * 0 ≤ Δ ≤ 1/√N where sampling noise of the ensemble mean alone puts Δ.
     *
     * @throws IllegalArgumentException if the reports of different epochs hold different invariants
     */
    public static XYChart deviations(String title, SortedMap<Integer, DeviationReport> byEpoch) {
        Plots.notEmpty(byEpoch, "deviation reports");
        DeviationReport first = byEpoch.values().iterator().next();
        Plots.notEmpty(first.estimates(), "deviation report");
        XYChart c = Plots.xy(title, "epoch", "deviation \u0394 [ensemble SD]");
        double[] epochs = Plots.toArray(byEpoch.keySet());
        int members = first.estimates().get(0).members();
        XYSeries band = Plots.band(c, "noise floor 1/\u221aN (N = " + members + ")", epochs[0],
                epochs[epochs.length - 1], 1 / Math.sqrt(members));
        band.setShowInLegend(true);
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (InvariantEstimate e : first.estimates()) {
            groups.putIfAbsent(e.group(), groups.size());
        }
        for (InvariantEstimate e : first.estimates()) {
            double[] d = new double[epochs.length];
            int i = 0;
            for (Map.Entry<Integer, DeviationReport> r : byEpoch.entrySet()) {
                d[i++] = estimate(r.getValue(), e.label(), r.getKey()).deviation();
            }
            int g = groups.get(e.group());
            XYSeries s = c.addSeries(e.label(), epochs, d);
            s.setLineColor(Palette.color(g));
            s.setMarkerColor(Palette.color(g));
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(new java.awt.BasicStroke(1f));
            s.setShowInLegend(false);
        }
        // one legend entry per group: an invisible one-point series carrying the group's colour
        for (Map.Entry<String, Integer> g : groups.entrySet()) {
            XYSeries key = c.addSeries(g.getKey(), new double[] {epochs[0]}, new double[] {Double.NaN});
            key.setLineColor(Palette.color(g.getValue()));
            key.setLineStyle(new java.awt.BasicStroke(2.5f));
            key.setMarker(SeriesMarkers.NONE);
        }
        return ChartStyle.apply(c);
    }

    /**
     * The linear/quadratic drift |Ī_k − E_init I_k| / SE_init of I1..I13 against epoch, in standard errors of the
     * initial ensemble (docs/spec/pigmm.md §3.3; {@code InitDrift.drift} gives each epoch's 13 values), with the
     * 1-SE line; log scale when the drifts span decades.
     *
     * @throws IllegalArgumentException unless every epoch has 13 values
     */
    public static XYChart drift(String title, SortedMap<Integer, double[]> byEpoch) {
        Plots.notEmpty(byEpoch, "drifts");
        XYChart c = Plots.xy(title, "epoch", "drift |\u012a\u2096 \u2212 E\u2080I\u2096| [standard errors]");
        double[] epochs = Plots.toArray(byEpoch.keySet());
        byEpoch.forEach((e, d) -> {
            if (d == null || d.length != 13) {
                throw new IllegalArgumentException("epoch " + e + ": expected the 13 drifts of I1..I13, found "
                        + (d == null ? "null" : d.length));
            }
        });
        for (int k = 0; k < 13; k++) {
            int kk = k;
            c.addSeries("I" + (k + 1), epochs, byEpoch.values().stream().mapToDouble(d -> d[kk]).toArray());
        }
        Plots.reference(c, "1 standard error", epochs[0], epochs[epochs.length - 1], 1);
        if (ChartStyle.logIfDecades(c, 2)) {
            for (XYSeries s : c.getSeriesMap().values()) {
                s.replaceData(s.getXData(), Plots.floor(s.getYData(), 1e-3), null);
            }
        }
        return ChartStyle.apply(c);
    }

    /**
     * The normalised change (Δ(end) − Δ(start)) / (Δ(end) + Δ(start)) ∈ [−1, 1] of every invariant, one bar
     * series per layer (docs/spec/pigmm.md §3.3); invariants in the order of the start report.
     *
     * @throws IllegalArgumentException if a layer is missing from {@code end} or an invariant from a report
     */
    public static CategoryChart normalisedChange(String title, Map<String, DeviationReport> start,
            Map<String, DeviationReport> end) {
        Plots.notEmpty(start, "start reports");
        List<String> labels = new ArrayList<>();
        for (InvariantEstimate e : start.values().iterator().next().estimates()) {
            labels.add(e.label());
        }
        CategoryChart c = new CategoryChartBuilder().width(Math.max(Plots.WIDTH, 18 * labels.size()))
                .height(Plots.HEIGHT).title(title).xAxisTitle("invariant")
                .yAxisTitle("normalised change of \u0394").build();
        c.getStyler().setXAxisLabelRotation(90);
        c.getStyler().setOverlapped(false);
        c.getStyler().setYAxisMin(-1.0);
        c.getStyler().setYAxisMax(1.0);
        start.forEach((layer, s) -> {
            DeviationReport e = end.get(layer);
            if (e == null) {
                throw new IllegalArgumentException("layer " + layer + " has a start report but no end report; end has "
                        + end.keySet());
            }
            List<Double> v = new ArrayList<>();
            for (String l : labels) {
                double a = estimate(s, l, null).deviation();
                double b = estimate(e, l, null).deviation();
                v.add(a + b == 0 ? 0 : (b - a) / (b + a));
            }
            c.addSeries(layer, labels, v);
        });
        return ChartStyle.apply(c);
    }

    /** W₂² from the initialisation model against epoch, one series per layer or setting; log when it spans decades. */
    public static XYChart wasserstein(String title, Map<String, ? extends SortedMap<Integer, WassersteinBreakdown>> byLayer) {
        Plots.notEmpty(byLayer, "trajectories");
        XYChart c = Plots.xy(title, "epoch", "W\u2082\u00b2 to the initialisation model");
        byLayer.forEach((layer, t) -> c.addSeries(layer, Plots.toArray(Plots.notEmpty(t, layer).keySet()),
                t.values().stream().mapToDouble(WassersteinBreakdown::w2Squared).toArray()));
        positiveLog(c);
        return ChartStyle.apply(c);
    }

    /**
     * W₂² of one layer split by irrep against epoch: the mean part and the V0, VH, V2, V3 covariance parts, which
     * add up to the total (docs/spec/pigmm.md §4).
     */
    public static XYChart wassersteinByIrrep(String layer, SortedMap<Integer, WassersteinBreakdown> trajectory) {
        Plots.notEmpty(trajectory, "trajectory of " + layer);
        XYChart c = Plots.xy("W\u2082\u00b2 by irrep, " + layer, "epoch", "W\u2082\u00b2 part");
        double[] epochs = Plots.toArray(trajectory.keySet());
        c.addSeries("total", epochs, trajectory.values().stream().mapToDouble(WassersteinBreakdown::w2Squared).toArray());
        c.addSeries("mean", epochs, trajectory.values().stream().mapToDouble(WassersteinBreakdown::mean).toArray());
        c.addSeries("V0", epochs, trajectory.values().stream().mapToDouble(WassersteinBreakdown::v0).toArray());
        c.addSeries("VH", epochs, trajectory.values().stream().mapToDouble(WassersteinBreakdown::vh).toArray());
        c.addSeries("V2", epochs, trajectory.values().stream().mapToDouble(WassersteinBreakdown::v2).toArray());
        c.addSeries("V3", epochs, trajectory.values().stream().mapToDouble(WassersteinBreakdown::v3).toArray());
        positiveLog(c);
        return ChartStyle.apply(c);
    }

    /** Log y when positive values span two decades; zeros (epoch 0, W₂ = 0) are then dropped from the series. */
    private static void positiveLog(XYChart c) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (XYSeries s : c.getSeriesMap().values()) {
            for (double y : s.getYData()) {
                if (y > 0 && Double.isFinite(y)) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
                if (y < 0) {
                    return;
                }
            }
        }
        if (hi > 0 && hi / lo >= 100) {
            c.getStyler().setYAxisLogarithmic(true);
            for (XYSeries s : c.getSeriesMap().values()) {
                double[] y = s.getYData().clone();
                for (int i = 0; i < y.length; i++) {
                    y[i] = y[i] > 0 ? y[i] : Double.NaN;
                }
                s.replaceData(s.getXData(), y, null);
            }
        }
    }

    private static InvariantEstimate estimate(DeviationReport r, String label, Integer epoch) {
        for (InvariantEstimate e : r.estimates()) {
            if (e.label().equals(label)) {
                return e;
            }
        }
        throw new IllegalArgumentException((epoch == null ? "a report" : "the report of epoch " + epoch)
                + " has no invariant " + label);
    }
}
