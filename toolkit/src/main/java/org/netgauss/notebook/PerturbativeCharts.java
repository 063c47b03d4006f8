package org.netgauss.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.netgauss.perturbative.GramCharlier;
import tech.tablesaw.api.Table;

/**
 * Chart one-liners for the perturbative PIGMM (docs/spec/perturbative.md §7, "Notebook"): the entries' skewness and
 * kurtosis over the Gram–Charlier region, and fitted couplings with error bars over training.
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
        XYChart chart = new XYChartBuilder().width(TableCharts.WIDTH).height(TableCharts.HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle("ĝ(" + term + ") ± " + se).build();
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
