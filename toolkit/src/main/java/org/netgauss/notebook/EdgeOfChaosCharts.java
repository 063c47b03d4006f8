package org.netgauss.notebook;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.netgauss.preact.ActivationFunction;
import org.netgauss.preact.EdgeOfChaos;
import org.netgauss.preact.Initialisation;
import org.netgauss.preact.PhiTheta;
import org.netgauss.preact.Preact;

/**
 * One-liners for the edge-of-chaos figures of Wolinski &amp; Arbel (TMLR 2025) and Poole et al. (2016): the
 * curves σ_w²(σ_b²) on which χ₁ = 1, the variance map q ↦ V(q) and the correlation map c ↦ C(c) at the fixed
 * point, each with its diagonal (docs/spec/gaussian-preact.md §4). Styled by {@link ChartStyle}.
 */
public final class EdgeOfChaosCharts {
    private EdgeOfChaosCharts() {
    }

    /** The edge-of-chaos curves σ_w²(σ_b²) on which χ₁ = 1, one per activation (docs/spec/gaussian-preact.md §4). */
    public static XYChart eocCurves(Map<String, List<EdgeOfChaos.EocPoint>> curves) {
        Plots.notEmpty(curves, "EOC curves");
        XYChart c = Plots.xy("Edge of chaos: \u03c7\u2081 = 1", "bias variance \u03c3_b\u00b2",
                "weight variance \u03c3_w\u00b2");
        curves.forEach((name, pts) -> c.addSeries(name,
                Plots.notEmpty(pts, name).stream().mapToDouble(EdgeOfChaos.EocPoint::sigmaB2).toArray(),
                pts.stream().mapToDouble(EdgeOfChaos.EocPoint::sigmaW2).toArray()));
        return ChartStyle.apply(c);
    }

    /** The variance maps q ↦ V(q) for 0 ≤ q ≤ qMax, one per initialisation, with the diagonal (fixed points). */
    public static XYChart varianceMaps(Map<String, EdgeOfChaos> maps, double qMax) {
        Plots.notEmpty(maps, "maps");
        if (!(qMax > 0)) {
            throw new IllegalArgumentException("qMax must be > 0, found " + qMax);
        }
        double[] q = grid(0, qMax, 81);
        XYChart c = Plots.xy("Variance map", "pre-activation variance q", "V(q)");
        c.getStyler().setMarkerSize(0);
        maps.forEach((name, m) -> c.addSeries(name, q, Arrays.stream(q).map(m::variance).toArray()));
        // two points and dashed, so that a map on the diagonal (ReLU at σ_w² = 2: V(q) = q) shows through
        XYSeries diag = c.addSeries("diagonal V(q) = q", new double[] {0, qMax}, new double[] {0, qMax});
        diag.setLineColor(Palette.REFERENCE);
        diag.setLineStyle(Palette.line(8));
        diag.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        return ChartStyle.apply(c);
    }

    /**
     * The correlation maps c ↦ C(c) at each map's fixed point q* for −1 ≤ c ≤ 1, with χ₁ in the legend and the
     * diagonal.
     */
    public static XYChart correlationMaps(Map<String, EdgeOfChaos> maps) {
        Plots.notEmpty(maps, "maps");
        double[] cs = grid(-1, 1, 81);
        XYChart c = Plots.xy("Correlation map at q*", "input correlation c", "C(c)");
        c.getStyler().setMarkerSize(0);
        maps.forEach((name, m) -> {
            double q = m.fixedPoint();
            c.addSeries(String.format(Locale.ROOT, "%s (\u03c7\u2081 = %s)", name, SignificantDigits.format(m.chi1(q), 3)),
                    cs, Arrays.stream(cs).map(x -> m.correlation(x, q)).toArray());
        });
        XYSeries diag = c.addSeries("diagonal C(c) = c", new double[] {-1, 1}, new double[] {-1, 1});
        diag.setLineColor(Palette.REFERENCE);
        diag.setLineStyle(Palette.line(8));
        diag.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        return ChartStyle.apply(c);
    }

    private static double[] grid(double a, double b, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a + (b - a) * i / (n - 1);
        }
        return x;
    }

    /**
     * {@link #eocCurves(Map)} computed at the given σ_b² for each activation, with N(0, 1) weights for tanh and ReLU
     * (m2 = 1) and W(θ, 1) weights for φ_θ (m2 = E W² = Γ(1 + 2/θ)).
     */
    public static XYChart eocCurves(double[] sigmaB2, ActivationFunction... activations) {
        if (activations.length == 0 || sigmaB2.length == 0) {
            throw new IllegalArgumentException("EOC curves need at least one activation and one sigma_b^2");
        }
        Map<String, List<EdgeOfChaos.EocPoint>> curves = new LinkedHashMap<>();
        for (ActivationFunction phi : activations) {
            double m2 = phi instanceof PhiTheta p ? p.weightLaw().secondMoment() : 1.0;
            curves.put(phi.name(), Preact.eocCurve(phi, m2, sigmaB2));
        }
        return eocCurves(curves);
    }

    /** {@link #varianceMaps(Map, double)} of the mean-field maps of each initialisation, named after it. */
    public static XYChart varianceMaps(List<Initialisation> inits, double qMax) {
        return varianceMaps(maps(inits), qMax);
    }

    /** {@link #correlationMaps(Map)} of the mean-field maps of each initialisation, named after it. */
    public static XYChart correlationMaps(List<Initialisation> inits) {
        return correlationMaps(maps(inits));
    }

    private static Map<String, EdgeOfChaos> maps(List<Initialisation> inits) {
        Plots.notEmpty(inits, "initialisations");
        Map<String, EdgeOfChaos> maps = new LinkedHashMap<>();
        inits.forEach(i -> maps.put(i.name(), Preact.edgeOfChaos(i)));
        return maps;
    }
}
