package org.netgauss.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.netgauss.perturbative.GramCharlier;
import org.netgauss.perturbative.InvariantPrediction;
import org.netgauss.perturbative.PerturbativeFit;
import tech.tablesaw.api.Table;

/**
 * Chart one-liners for the perturbative PIGMM (docs/spec/perturbative.md §7, "Notebook"): the entries' skewness and
 * kurtosis over the Gram–Charlier region, fitted couplings with error bars over training, and the held-out test.
 */
public final class PerturbativeCharts {
    private PerturbativeCharts() {
    }

    /**
     * γ₂ against γ₁, one series per value of {@code by}, over the region where the first-order entry density is
     * non-negative (0 ≤ γ₂ ≤ 4, |γ₁| ≤ γ₁max(γ₂)), drawn as its boundary.
     *
     * @param cumulants a table with numeric columns {@code gamma1} and {@code gamma2} (such as
     *                  {@code PerturbativeStudy.cumulantsTable})
     */
    public static XYChart gramCharlier(Table cumulants, String by, String title) {
        XYChart chart = new XYChartBuilder().width(TableCharts.WIDTH).height(TableCharts.HEIGHT + 80).title(title)
                .xAxisTitle("γ₁ (skewness of an entry)").yAxisTitle("γ₂ (excess kurtosis of an entry)").build();
        int n = 81;
        double[] x = new double[2 * n + 1];
        double[] y = new double[2 * n + 1];
        for (int k = 0; k < n; k++) {
            double g2 = 4.0 * k / (n - 1);
            x[k] = GramCharlier.maxSkewness(g2);
            y[k] = g2;
            x[2 * n - 1 - k] = -x[k];
            y[2 * n - 1 - k] = g2;
        }
        x[2 * n] = x[0];
        y[2 * n] = y[0];
        XYSeries region = chart.addSeries("Gram–Charlier density ≥ 0 inside", x, y);
        region.setMarker(SeriesMarkers.NONE);
        for (Map.Entry<String, double[][]> g : groups(cumulants, by, "gamma1", "gamma2").entrySet()) {
            XYSeries s = chart.addSeries(g.getKey(), g.getValue()[0], g.getValue()[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        return ChartStyle.apply(chart);
    }

    /**
     * A coupling ĝ ± SE against epoch, one series per value of {@code by}, for the rows of one term.
     *
     * @param couplings a table with columns epoch, term, g and the SE column {@code se} (se_null or se_csv), such as
     *                  {@code PerturbativeStudy.couplingsTable()}
     */
    public static XYChart couplings(Table couplings, String term, String se, String by, String title) {
        Table rows = couplings.where(couplings.stringColumn("term").isEqualTo(term));
        if (rows.rowCount() == 0) {
            throw new IllegalArgumentException("no rows for term " + term + " in table " + couplings.name());
        }
        String seName = se.equals("se_csv") ? "SE from the ensemble SDs" : se.equals("se_null") ? "null SE" : se;
        XYChart chart = new XYChartBuilder().width(TableCharts.WIDTH).height(TableCharts.HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle("ĝ(" + term + ") ± " + seName).build();
        Map<String, List<Integer>> byRows = new LinkedHashMap<>();
        for (int r = 0; r < rows.rowCount(); r++) {
            String key = by == null ? term : rows.getString(r, by);
            byRows.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Integer>> g : byRows.entrySet()) {
            List<Integer> idx = g.getValue();
            double[] x = new double[idx.size()];
            double[] y = new double[idx.size()];
            double[] e = new double[idx.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = rows.numberColumn("epoch").getDouble(idx.get(k));
                y[k] = rows.numberColumn("g").getDouble(idx.get(k));
                e[k] = rows.numberColumn(se).getDouble(idx.get(k));
            }
            chart.addSeries(g.getKey(), x, y, e);
        }
        chart.getStyler().setMarkerSize(4);
        return ChartStyle.apply(chart);
    }

    /**
     * An entry cumulant against epoch, one series per value of {@code by}, with the Gaussian value 0 as a reference
     * line (docs/spec/perturbative.md §1: γ₁ is the entries' mean skewness, γ₂ their mean excess kurtosis).
     *
     * @param cumulants a table with columns epoch, gamma1, gamma2 (such as {@code PerturbativeStudy.cumulantsTable})
     * @param cumulant  "gamma1" or "gamma2"
     */
    public static XYChart cumulant(Table cumulants, String cumulant, String by, String title) {
        String axis = switch (cumulant) {
            case "gamma1" -> "γ₁ (skewness of an entry)";
            case "gamma2" -> "γ₂ (excess kurtosis of an entry)";
            default -> throw new IllegalArgumentException("cumulant must be gamma1 or gamma2, found '" + cumulant + "'");
        };
        if (cumulants.rowCount() == 0) {
            throw new IllegalArgumentException("table " + cumulants.name() + " has no rows: nothing to draw");
        }
        XYChart chart = new XYChartBuilder().width(TableCharts.WIDTH).height(TableCharts.HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle(axis).build();
        chart.getStyler().setMarkerSize(4);
        double[] epochs = cumulants.numberColumn("epoch").asDoubleArray();
        double lo = java.util.Arrays.stream(epochs).min().orElse(0);
        double hi = java.util.Arrays.stream(epochs).max().orElse(0);
        XYSeries zero = chart.addSeries("Gaussian (0)", new double[] {lo, hi}, new double[] {0, 0});
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(Palette.REFERENCE);
        zero.setLineStyle(Palette.line(8));
        for (Map.Entry<String, double[][]> g : groups(cumulants, by, "epoch", cumulant).entrySet()) {
            chart.addSeries(g.getKey(), g.getValue()[0], g.getValue()[1]);
        }
        return ChartStyle.apply(chart);
    }

    /**
     * The held-out test of a fit (docs/spec/perturbative.md §5): for each invariant of one of the paper's groups that
     * the couplings were not fitted to, Δ = |⟨F⟩₀ − Ī|/SD (Gaussian) beside Δ' = |⟨F⟩₁ − Ī|/SD (first order), with the
     * noise floor 1/√N drawn as a line. The axis is logarithmic when the values span two decades or more; values
     * below {@value #FLOOR} SD are drawn at the bottom of the axis.
     *
     * @param group the paper's group ("cubic low-node", …) or null for all held-out invariants
     */
    public static CategoryChart heldOut(PerturbativeFit fit, String group, String title) {
        List<InvariantPrediction> rows = fit.predictions().heldOut().stream()
                .filter(p -> group == null || p.group().equals(group)).toList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no held-out invariants in group '" + group + "' (groups: cubic"
                    + " low-node, cubic high-node, quartic low-node, quartic high-node)");
        }
        int n = fit.data().members();
        double floor = 1 / Math.sqrt(n);
        List<String> labels = rows.stream().map(InvariantPrediction::label).toList();
        List<Double> gauss = rows.stream().map(InvariantPrediction::deviationGauss).toList();
        List<Double> first = rows.stream().map(InvariantPrediction::deviationPerturbative).toList();
        double lo = floor;
        double hi = floor;
        for (int k = 0; k < rows.size(); k++) {
            lo = Math.min(lo, Math.min(gauss.get(k), first.get(k)));
            hi = Math.max(hi, Math.max(gauss.get(k), first.get(k)));
        }
        CategoryChart chart = new CategoryChartBuilder().width(TableCharts.WIDTH).height(TableCharts.HEIGHT)
                .title(title).xAxisTitle("held-out invariant").yAxisTitle("Δ = |model − Ī| / SD").build();
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setOverlapped(false);
        boolean log = hi / Math.max(lo, FLOOR) >= 100;
        if (log) {
            double bottom = Math.pow(10, Math.floor(Math.log10(Math.max(lo, FLOOR))));
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMin(bottom);
            gauss = gauss.stream().map(v -> Math.max(v, bottom)).toList();
            first = first.stream().map(v -> Math.max(v, bottom)).toList();
        }
        chart.addSeries("Wick Δ", labels, gauss);
        chart.addSeries("first order Δ'", labels, first);
        CategorySeries f = chart.addSeries(String.format(java.util.Locale.ROOT, "1/√N, N = %d", n),
                labels, java.util.Collections.nCopies(labels.size(), floor));
        f.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        f.setMarker(SeriesMarkers.NONE);
        f.setLineColor(Palette.REFERENCE);
        f.setLineStyle(Palette.line(8));
        ChartStyle.apply(chart);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        ChartStyle.fitLayout(chart);
        return chart;
    }

    /** The smallest Δ a log axis of {@link #heldOut} shows, in ensemble SDs. */
    public static final double FLOOR = 1e-4;

    private static Map<String, double[][]> groups(Table t, String by, String xs, String ys) {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            rows.computeIfAbsent(by == null ? ys : t.getString(r, by), k -> new ArrayList<>()).add(r);
        }
        Map<String, double[][]> out = new LinkedHashMap<>();
        rows.forEach((k, idx) -> {
            double[][] v = new double[2][idx.size()];
            for (int i = 0; i < idx.size(); i++) {
                v[0][i] = t.numberColumn(xs).getDouble(idx.get(i));
                v[1][i] = t.numberColumn(ys).getDouble(idx.get(i));
            }
            out.put(k, v);
        });
        return out;
    }
}
