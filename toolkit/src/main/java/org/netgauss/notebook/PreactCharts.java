package org.netgauss.notebook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.netgauss.preact.WolinskiArbelResults;
import org.netgauss.preact.PhiTheta;
import org.netgauss.preact.Preact;
import org.netgauss.preact.SymmetricWeibull;
import org.netgauss.preact.CorrelationResult;
import org.netgauss.preact.PropagationResult;
import org.netgauss.preact.TwoLayerKsExperiment;
import tech.tablesaw.api.Table;

/**
 * One-liners for the pre-activation figures of Wolinski &amp; Arbel (TMLR 2025), drawn from the long tables of
 * {@code org.netgauss.preact} (computed, or read from {@code results/} by {@link WolinskiArbelResults}): KS distance
 * against width per configuration (their Figure 11), per-layer Gaussianity with depth (Sec. 5.1–5.2) and the
 * class-by-class correlation heat maps with a colour bar (Figures 1 and 14). Every KS chart carries the noise floor
 * 0.87/√N of N draws of a true N(0, 1), below which a distance means nothing.
 */
public final class PreactCharts {
    private PreactCharts() {
    }

    /** Lower end of the KS axes: the paper's Figure 11 spans 1e-3 to 0.4. */
    public static final double KS_MIN = 1e-3;

    /**
     * KS distance of the output pre-activation to N(0, 1) against the width parameter n, one series per activation,
     * for one configuration ({@code cfg0} [1, n, 1], {@code cfg1} [n, 2, 1] or {@code cfg2} [n, n, 1]).
     *
     * @param ks       the long table (configuration, activation, n, ks)
     * @param networks N per point, for the noise floor
     */
    public static XYChart ksVsWidth(Table ks, String configuration, int networks) {
        Table rows = ks.where(ks.stringColumn("configuration").isEqualTo(configuration));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows of configuration '" + configuration + "'; the table has "
                    + new LinkedHashSet<>(ks.stringColumn("configuration").asList()));
        }
        String widths = switch (configuration) {
            case "cfg0" -> " [1, n, 1]";
            case "cfg1" -> " [n, 2, 1]";
            case "cfg2" -> " [n, n, 1]";
            default -> "";
        };
        XYChart chart = new XYChartBuilder().width(720).height(460)
                .title("2-layer KS distance to N(0,1), " + configuration + widths + ", N = " + networks)
                .xAxisTitle(ChartStyle.axisTitle("width parameter n", null))
                .yAxisTitle(ChartStyle.axisTitle("KS distance D to N(0,1)", null)).build();
        chart.getStyler().setMarkerSize(5);
        for (Map.Entry<String, Table> g : TableCharts.groups(rows, "activation").entrySet()) {
            double[] y = Arrays.stream(numbers(g.getValue(), "ks")).map(v -> Math.max(v, KS_MIN)).toArray();
            chart.addSeries(g.getKey(), numbers(g.getValue(), "n"), y);
        }
        double[] n = numbers(rows, "n");
        noiseFloor(chart, Arrays.stream(n).min().orElse(1), Arrays.stream(n).max().orElse(1), networks);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(KS_MIN);
        chart.getStyler().setYAxisMax(0.4);
        return ChartStyle.apply(chart);
    }

    /**
     * One statistic of every layer's pre-activation against depth, one series per activation; log scale when the
     * values span two decades. For {@code ks} and {@code ks_q} the noise floor 0.87/√N is drawn.
     *
     * @param deep      long table with activation, layer and the column
     * @param column    e.g. {@code ks}, {@code ks_q}, {@code excess_kurtosis}, {@code variance}
     * @param quantity  the axis title, with its symbol
     * @param networks  N per layer
     */
    public static XYChart perLayer(Table deep, String column, String quantity, int networks, String title) {
        XYChart chart = new XYChartBuilder().width(720).height(420).title(title)
                .xAxisTitle(ChartStyle.axisTitle("layer l", null)).yAxisTitle(quantity).build();
        chart.getStyler().setMarkerSize(3);
        boolean ks = column.startsWith("ks");
        for (Map.Entry<String, Table> g : TableCharts.groups(deep, "activation").entrySet()) {
            double[] y = numbers(g.getValue(), column);
            if (ks) {
                y = Arrays.stream(y).map(v -> Math.max(v, KS_MIN)).toArray();
            }
            chart.addSeries(g.getKey(), numbers(g.getValue(), "layer"), y);
        }
        if (ks) {
            double[] l = numbers(deep, "layer");
            noiseFloor(chart, Arrays.stream(l).min().orElse(1), Arrays.stream(l).max().orElse(1), networks);
            chart.getStyler().setYAxisLogarithmic(true);
        } else {
            ChartStyle.logIfDecades(chart, 2);
        }
        return ChartStyle.apply(chart);
    }

    /**
     * The 10 × 10 class-by-class mean correlations of one activation at one layer as a heat map with its colour
     * bar, on the scale [lo, hi] widened to two decimals (give several maps one scale to compare them). XChart
     * labels the colour bar with the scale's ends as Java prints them, so an unrounded end would take half the chart.
     */
    public static HeatMapChart correlationHeatMap(Table correlations, String activation, int layer, double lo, double hi) {
        Table rows = rows(correlations, activation, layer);
        HeatMapChart chart = new HeatMapChartBuilder().width(560).height(440)
                .title(activation + ", layer " + layer).xAxisTitle("class b").yAxisTitle("class a").build();
        List<Number[]> heat = new ArrayList<>();
        Set<Integer> classes = new LinkedHashSet<>();
        for (int r = 0; r < rows.rowCount(); r++) {
            int a = rows.intColumn("class_a").get(r);
            int b = rows.intColumn("class_b").get(r);
            classes.add(a);
            heat.add(new Number[] {b, a, rows.doubleColumn("correlation").get(r)});
        }
        List<Integer> axis = classes.stream().sorted().toList();
        chart.addSeries("mean correlation c_ab", axis, axis, heat);
        chart.getStyler().setRangeColors(Palette.viridisSteps(9));
        chart.getStyler().setMin(Math.floor(lo * 100) / 100);
        chart.getStyler().setMax(Math.max(Math.ceil(hi * 100) / 100, Math.floor(lo * 100) / 100 + 0.01));
        chart.getStyler().setHeatMapValueDecimalPattern("0.00");
        chart.getStyler().setLegendVisible(true);
        return ChartStyle.apply(chart);
    }

    /**
     * Heat maps of every activation at the given layers, each row of maps (one activation) on its own common scale,
     * in the order activation, then layer.
     */
    public static List<HeatMapChart> correlationHeatMaps(Table correlations, int... layers) {
        List<HeatMapChart> out = new ArrayList<>();
        for (String activation : new LinkedHashSet<>(correlations.stringColumn("activation").asList())) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int l : layers) {
                for (double v : numbers(rows(correlations, activation, l), "correlation")) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            for (int l : layers) {
                out.add(correlationHeatMap(correlations, activation, l, lo, hi > lo ? hi : lo + 1e-9));
            }
        }
        return out;
    }

    /**
     * Class contrast against depth: the mean correlation of two inputs of the same class minus that of two inputs
     * of different classes (class-block means, equal weight per block), one series per activation. It falls to 0 as
     * the class structure of the data is forgotten.
     */
    public static XYChart classContrast(Table correlations) {
        XYChart chart = new XYChartBuilder().width(720).height(400)
                .title("Class structure with depth: within-class minus between-class mean correlation")
                .xAxisTitle(ChartStyle.axisTitle("layer l", null))
                .yAxisTitle(ChartStyle.axisTitle("c̄ within − c̄ between", null)).build();
        chart.getStyler().setMarkerSize(4);
        for (String activation : new LinkedHashSet<>(correlations.stringColumn("activation").asList())) {
            Table a = correlations.where(correlations.stringColumn("activation").isEqualTo(activation));
            int[] layers = a.intColumn("layer").unique().asList().stream().mapToInt(Integer::intValue).sorted().toArray();
            double[] contrast = new double[layers.length];
            for (int k = 0; k < layers.length; k++) {
                contrast[k] = contrast(rows(a, activation, layers[k]));
            }
            chart.addSeries(activation, IntStream.of(layers).asDoubleStream().toArray(), contrast);
        }
        return ChartStyle.apply(chart);
    }

    /** {@link #ksVsWidth(Table, String, int)} straight from the experiment's record. */
    public static XYChart ksVsWidth(TwoLayerKsExperiment.Result result, TwoLayerKsExperiment.Configuration c) {
        return ksVsWidth(result.toTable(), c.name().toLowerCase(Locale.ROOT), result.networks());
    }

    /**
     * {@link #perLayer(Table, String, String, int, String)} straight from propagation records, e.g.
     * {@code perLayer(deep, "ks", "KS distance D to N(0,1)", "KS with depth")}; N is each record's sample count.
     */
    public static XYChart perLayer(List<PropagationResult> results, String column, String quantity, String title) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no propagation results: nothing to draw");
        }
        return perLayer(PropagationResult.toTable(results), column, quantity,
                results.get(0).layers().get(0).statistics().n(), title);
    }

    /** {@link #correlationHeatMaps(Table, int...)} straight from correlation records (one per activation). */
    public static List<HeatMapChart> correlationHeatMaps(List<CorrelationResult> results, int... layers) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no correlation results: nothing to draw");
        }
        Table all = results.get(0).toTable();
        for (CorrelationResult r : results.subList(1, results.size())) {
            all.append(r.toTable());
        }
        return correlationHeatMaps(all, layers);
    }

    /** Mean of the diagonal class blocks minus mean of the off-diagonal ones. */
    static double contrast(Table layerRows) {
        double within = 0;
        double between = 0;
        int nw = 0;
        int nb = 0;
        for (int r = 0; r < layerRows.rowCount(); r++) {
            double v = layerRows.doubleColumn("correlation").get(r);
            if (layerRows.intColumn("class_a").get(r).equals(layerRows.intColumn("class_b").get(r))) {
                within += v;
                nw++;
            } else {
                between += v;
                nb++;
            }
        }
        return within / nw - between / nb;
    }

    private static Table rows(Table correlations, String activation, int layer) {
        Table rows = correlations.where(correlations.stringColumn("activation").isEqualTo(activation)
                .and(correlations.intColumn("layer").isEqualTo(layer)));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no correlations of '" + activation + "' at layer " + layer);
        }
        return rows;
    }

    private static double[] numbers(Table t, String column) {
        if (!t.columnNames().contains(column)) {
            throw new IllegalArgumentException("no column '" + column + "'; the table has " + t.columnNames());
        }
        return t.numberColumn(column).asDoubleArray();
    }

    /** The grey dashed line 0.87/√N from x0 to x1, labelled, in the reference colour (not a palette colour). */
    static XYSeries noiseFloor(XYChart chart, double x0, double x1, int networks) {
        double floor = WolinskiArbelResults.ksNoiseFloor(networks);
        XYSeries s = chart.addSeries(String.format(Locale.ROOT, "noise floor 0.87/√N = %.4f", floor),
                new double[] {x0, x1}, new double[] {floor, floor});
        s.setLineColor(Palette.REFERENCE);
        s.setLineStyle(Palette.line(8));
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /**
     * The activations φᵒ_θ (solid) and φᵖ_θ (dashed) for each θ on −4 ≤ x ≤ 4, beside tanh and ReLU: the authors'
     * closed-form fits (docs/spec/gaussian-preact.md §1.5).
     */
    public static XYChart activations(double... thetas) {
        if (thetas.length == 0) {
            throw new IllegalArgumentException("no theta given: nothing to draw");
        }
        // 41 points, 0.2 apart: XChart strokes each segment on its own, so a dash needs segments longer than it
        double[] x = grid(-4, 4, 41);
        XYChart c = Plots.xy("Activations φ_θ (solid: odd φᵒ, dashed: positive φᵖ) vs tanh, ReLU",
                "pre-activation x", "activation φ(x)");
        c.getStyler().setMarkerSize(0);
        List<XYSeries> dashed = new ArrayList<>();
        for (double t : thetas) {
            for (PhiTheta phi : List.of(Preact.phiOdd(t), Preact.phiPositive(t))) {
                XYSeries s = c.addSeries(phi.name(), x, Arrays.stream(x).map(phi::apply).toArray());
                if (phi.family() == PhiTheta.Family.POSITIVE) {
                    dashed.add(s);
                }
            }
        }
        c.addSeries("tanh", x, Arrays.stream(x).map(Math::tanh).toArray());
        c.addSeries("relu", x, Arrays.stream(x).map(v -> Math.max(v, 0)).toArray());
        ChartStyle.apply(c);
        dashed.forEach(s -> s.setLineStyle(Palette.line(8)));
        return c;
    }

    /**
     * The densities of the symmetric Weibull weights W(θ, 1) for each θ on −2.5 ≤ w ≤ 2.5 (E W² in the legend),
     * beside the N(0, 1) density (docs/spec/gaussian-preact.md §1.2).
     */
    public static XYChart weightDensities(double... thetas) {
        if (thetas.length == 0) {
            throw new IllegalArgumentException("no theta given: nothing to draw");
        }
        double[] w = grid(-2.5, 2.5, 161);
        XYChart c = Plots.xy("Weight densities: symmetric Weibull W(θ,1) vs N(0,1)", "weight w", "density p(w)");
        c.getStyler().setMarkerSize(0);
        for (double t : thetas) {
            SymmetricWeibull law = Preact.weibull(t);
            c.addSeries(law.name() + ", E W² = " + SignificantDigits.format(law.secondMoment(), 4), w,
                    Arrays.stream(w).map(law::density).toArray());
        }
        XYSeries normal = c.addSeries("N(0,1)", w, Arrays.stream(w).map(v -> Math.exp(-v * v / 2) / Math.sqrt(2 * Math.PI)).toArray());
        normal.setLineColor(Palette.BLACK);
        return ChartStyle.apply(c);
    }

    private static double[] grid(double a, double b, int n) {
        return IntStream.range(0, n).mapToDouble(i -> a + (b - a) * i / (n - 1)).toArray();
    }
}
