package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.netgauss.inpca.DistanceMatrix;
import org.netgauss.inpca.Inpca;
import org.netgauss.inpca.InpcaEmbedding;
import org.netgauss.invariants.DeviationReport;
import org.netgauss.invariants.InvariantEstimate;
import org.netgauss.nn.EpochMetrics;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.WassersteinBreakdown;
import org.netgauss.preact.CorrelationResult;
import org.netgauss.preact.EdgeOfChaos;
import org.netgauss.preact.GaussianityStatistics;
import org.netgauss.preact.Initialisation;
import org.netgauss.preact.LayerGaussianity;
import org.netgauss.preact.Preact;
import org.netgauss.preact.PropagationResult;
import org.netgauss.preact.TwoLayerKsExperiment;

/**
 * Every chart one-liner rendered at the largest number of series a notebook or the papers use, as XChart renders
 * its demos in a test: the plot area must be most of the image, data must be drawn in it, the legend must stay
 * within a third. Set {@code -Dnetgauss.chartDir=DIR} to write the PNGs for a look.
 */
class FigureChartsTest {
    static final List<String> SETTINGS = List.of("gaussian", "gaussian-wd0.01", "uniform", "uniform-wd0.01",
            "width-10", "width-40", "width-160", "width-640");
    static final List<String> LAYERS = List.of("W2", "W3", "W4");

    static <C extends Chart<?, ?>> C check(String name, C chart) throws Exception {
        return check(name, chart, ChartAssertions.MIN_PLOT_FRACTION);
    }

    static <C extends Chart<?, ?>> C check(String name, C chart, double minPlotFraction) throws Exception {
        String dir = System.getProperty("netgauss.chartDir");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), ChartImages.png(chart, 1).bytes());
        }
        ChartAssertions.assertRealPlot(chart, minPlotFraction);
        return chart;
    }

    /** The 39 cubic/quartic invariants I14..I52 in the groups of docs/spec/pigmm.md §3.3, Δ growing with epoch. */
    static DeviationReport report(int epoch, double scale) {
        List<InvariantEstimate> es = new ArrayList<>();
        for (int k = 14; k <= 52; k++) {
            String group = k <= 23 ? "cubic low-node" : k <= 28 ? "cubic high-node" : k <= 47 ? "quartic low-node"
                    : "quartic high-node";
            double delta = scale * (0.02 + 0.01 * (k % 7)) * (1 + epoch / 10.0);
            es.add(new InvariantEstimate("I" + k, group, 1.0, 1.0 + delta * 2.0, 2.0, 1000));
        }
        return new DeviationReport(es);
    }

    @Test
    void parameterTrajectoriesOf13ParametersAndPerLayer() throws Exception {
        Map<String, SortedMap<Integer, PigmmParameters>> byLayer = new LinkedHashMap<>();
        for (String l : SETTINGS) {
            SortedMap<Integer, PigmmParameters> t = new TreeMap<>();
            for (int e = 0; e <= 50; e += 5) {
                t.put(e, PigmmParameters.iid(10, 0.001 * e, 0.1 * (1 + 0.02 * e + SETTINGS.indexOf(l))));
            }
            byLayer.put(l, t);
        }
        XYChart all = check("parameters", PigmmCharts.parameters("W2", byLayer.get("gaussian")));
        assertEquals(13, all.getSeriesMap().size());
        assertEquals(PigmmParameters.iid(10, 0.05, 0.1 * 2).f(3), all.getSeriesMap().get("f3").getYData()[10], 0);
        XYChart one = check("parameter-f3", PigmmCharts.parameter(3, byLayer));
        assertEquals(SETTINGS.size(), one.getSeriesMap().size());
        assertThrows(IllegalArgumentException.class, () -> PigmmCharts.parameter(14, byLayer));
    }

    @Test
    void deviationsOf39InvariantsWithTheNoiseFloorBand() throws Exception {
        SortedMap<Integer, DeviationReport> byEpoch = new TreeMap<>();
        for (int e = 0; e <= 50; e++) {
            byEpoch.put(e, report(e, 1));
        }
        XYChart c = check("deviations", PigmmCharts.deviations("Deviations, gaussian, W3", byEpoch));
        // band + 39 invariants + 4 group keys
        assertEquals(1 + 39 + 4, c.getSeriesMap().size());
        assertEquals(1 / Math.sqrt(1000), c.getSeriesMap().values().iterator().next().getYData()[0], 1e-15);
        assertEquals(byEpoch.get(7).get("I20").deviation(), c.getSeriesMap().get("I20").getYData()[7], 0);
        SortedMap<Integer, DeviationReport> broken = new TreeMap<>(byEpoch);
        broken.put(60, new DeviationReport(report(0, 1).estimates().subList(0, 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PigmmCharts.deviations("x", broken));
        assertTrue(e.getMessage().contains("epoch 60 has no invariant I17"), e.getMessage());
    }

    @Test
    void driftOfI1ToI13InStandardErrorsGoesLogWhenItSpansDecades() throws Exception {
        SortedMap<Integer, double[]> byEpoch = new TreeMap<>();
        for (int e = 0; e <= 50; e += 2) {
            double[] d = new double[13];
            for (int k = 0; k < 13; k++) {
                d[k] = 0.5 + Math.pow(10, 0.06 * e) * (k + 1) / 13;
            }
            byEpoch.put(e, d);
        }
        XYChart c = check("drift", PigmmCharts.drift("Drift of I1..I13, gaussian, W2", byEpoch));
        assertTrue(c.getStyler().isYAxisLogarithmic());
        assertEquals(14, c.getSeriesMap().size());
        byEpoch.put(99, new double[12]);
        assertThrows(IllegalArgumentException.class, () -> PigmmCharts.drift("x", byEpoch));
    }

    @Test
    void normalisedChangeBarsForThreeLayers() throws Exception {
        Map<String, DeviationReport> start = new LinkedHashMap<>();
        Map<String, DeviationReport> end = new LinkedHashMap<>();
        for (String l : LAYERS) {
            start.put(l, report(0, 1));
            end.put(l, report(50, 0.3 + LAYERS.indexOf(l)));
        }
        CategoryChart c = check("normalised-change", PigmmCharts.normalisedChange("Normalised change", start, end));
        double a = start.get("W3").get("I30").deviation();
        double b = end.get("W3").get("I30").deviation();
        // I30 is the 17th invariant (index 16)
        assertEquals((b - a) / (b + a), c.getSeriesMap().get("W3").getYData().stream().skip(16).findFirst()
                .orElseThrow().doubleValue(), 1e-15);
        end.remove("W4");
        assertThrows(IllegalArgumentException.class, () -> PigmmCharts.normalisedChange("x", start, end));
    }

    @Test
    void wassersteinPerSettingAndByIrrep() throws Exception {
        Map<String, SortedMap<Integer, WassersteinBreakdown>> bySetting = new LinkedHashMap<>();
        for (String s : SETTINGS) {
            SortedMap<Integer, WassersteinBreakdown> t = new TreeMap<>();
            for (int e = 0; e <= 50; e += 5) {
                double g = e * e * (1 + SETTINGS.indexOf(s));
                t.put(e, new WassersteinBreakdown(10, 1e-4 * g, 2e-3 * g, 1e-3 * g, 5e-2 * g, 3e-2 * g));
            }
            bySetting.put(s, t);
        }
        XYChart c = check("wasserstein", PigmmCharts.wasserstein("W\u2082\u00b2 from initialisation, W2", bySetting));
        assertTrue(c.getStyler().isYAxisLogarithmic());
        assertTrue(Double.isNaN(c.getSeriesMap().get("uniform").getYData()[0]), "W2 = 0 at epoch 0 is not on a log axis");
        XYChart irreps = check("wasserstein-irreps", PigmmCharts.wassersteinByIrrep("W2", bySetting.get("gaussian")));
        assertEquals(6, irreps.getSeriesMap().size());
        assertEquals(bySetting.get("gaussian").get(50).w2Squared(), irreps.getSeriesMap().get("total").getYData()[10],
                1e-15);
    }

    @Test
    void ksVsWidthForAll16CurvesOfThePaperInEachConfiguration() throws Exception {
        List<TwoLayerKsExperiment.Point> points = new ArrayList<>();
        List<Initialisation> curves = Initialisation.paperSet();
        for (TwoLayerKsExperiment.Configuration cfg : TwoLayerKsExperiment.Configuration.values()) {
            for (int a = 0; a < curves.size(); a++) {
                for (int n = 1; n <= 10; n++) {
                    double ks = a == 0 && n == 3 ? 0 : 0.003 * (a + 1) / Math.sqrt(n);
                    points.add(new TwoLayerKsExperiment.Point(cfg, curves.get(a).name(), n, ks, 0.5, 1, 0));
                }
            }
        }
        var result = new TwoLayerKsExperiment.Result(200_000, points);
        for (TwoLayerKsExperiment.Configuration cfg : TwoLayerKsExperiment.Configuration.values()) {
            XYChart c = check("ks-" + cfg.name().toLowerCase(), PreactCharts.ksVsWidth(result, cfg));
            assertEquals(17, c.getSeriesMap().size());
            assertEquals(PreactCharts.KS_MIN, c.getSeriesMap().get(curves.get(0).name()).getYData()[2], 0);
        }
        var one = new TwoLayerKsExperiment.Result(10, points.subList(0, 10));
        assertThrows(IllegalArgumentException.class,
                () -> PreactCharts.ksVsWidth(one, TwoLayerKsExperiment.Configuration.CFG2));
    }

    @Test
    void gaussianityWithDepthFor16Initialisations() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        List<PropagationResult> rs = new ArrayList<>();
        for (Initialisation init : Initialisation.paperSet()) {
            int depth = 20;
            List<LayerGaussianity> layers = new ArrayList<>();
            double[][] samples = new double[depth][500];
            for (int l = 1; l <= depth; l++) {
                for (int k = 0; k < 500; k++) {
                    double z = rng.nextGaussian();
                    samples[l - 1][k] = z * (1 + 0.02 * l * Math.abs(z));
                }
                layers.add(new LayerGaussianity(l, 10, 1, GaussianityStatistics.of(samples[l - 1])));
            }
            rs.add(new PropagationResult(init, new int[] {10}, layers, samples));
        }
        XYChart ks = check("ks-depth", PreactCharts.perLayer(rs, "ks", "KS distance D to N(0,1)", "KS with depth"));
        assertEquals(16 + 1, ks.getSeriesMap().size());   // + the noise floor
        assertEquals(Math.max(rs.get(2).layer(5).statistics().ks(), PreactCharts.KS_MIN),
                ks.getSeriesMap().get(rs.get(2).initialisation().name()).getYData()[4], 0);
        check("kurtosis-depth", PreactCharts.perLayer(rs, "excess_kurtosis", "excess kurtosis \u03ba\u2084",
                "Excess kurtosis with depth"));
    }

    @Test
    void correlationHeatMapHasAColourBar() throws Exception {
        int p = 30;
        int[] labels = new int[p];
        for (int i = 0; i < p; i++) {
            labels[i] = i % 10;
        }
        double[][] mean = new double[3][p * p];
        for (int l = 0; l < 3; l++) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    mean[l][a * p + b] = a == b ? 1 : labels[a] == labels[b] ? 0.8 - 0.1 * l : 0.2 + 0.01 * (a + b) % 7;
                }
            }
        }
        var r = new CorrelationResult("tanh", new int[] {100, 100, 100}, labels, 1000, mean);
        List<HeatMapChart> maps = PreactCharts.correlationHeatMaps(List.of(r), 1, 3);
        assertEquals(2, maps.size());
        HeatMapChart c = maps.get(1);
        // the colour bar is the heat map's legend; it takes width, so the plot threshold is lower than for line charts
        check("correlations", c, 0.4);
        ChartGeometry.Inspection in = ChartGeometry.inspect(c);
        assertTrue(in.legendWidth() > 0 && c.getStyler().isLegendVisible(), in.toString());
    }

    @Test
    void edgeOfChaosCurvesAndMaps() throws Exception {
        Map<String, List<EdgeOfChaos.EocPoint>> curves = new LinkedHashMap<>();
        curves.put("tanh", EdgeOfChaos.curve(Preact.tanh(), 1.0, 0.005, 0.01, 0.05, 0.1, 0.2, 0.5));
        curves.put(Preact.phiOdd(3).name(), EdgeOfChaos.curve(Preact.phiOdd(3), Preact.phiOdd(3).weightLaw()
                .secondMoment(), 0.005, 0.01, 0.05, 0.1, 0.2, 0.5));
        check("eoc-curves", EdgeOfChaosCharts.eocCurves(curves));
        Map<String, EdgeOfChaos> maps = new LinkedHashMap<>();
        for (Initialisation init : List.of(Preact.tanhInit(), Preact.reluInit(), Preact.init(Preact.phiOdd(3)),
                Preact.init(Preact.phiPositive(3)))) {
            maps.put(init.name(), EdgeOfChaos.of(init));
        }
        XYChart v = check("variance-maps", EdgeOfChaosCharts.varianceMaps(maps, 2));
        assertEquals(maps.get("tanh").variance(1.0), v.getSeriesMap().get("tanh").getYData()[40], 1e-12);
        check("correlation-maps", EdgeOfChaosCharts.correlationMaps(maps));
    }

    @Test
    void inpcaProjectionOfTenTrajectoriesAndSpectrum() throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        int runs = 10;
        int steps = 20;
        double[][] x = new double[runs * steps][3];
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            double phase = rng.nextDouble();
            for (int t = 0; t < steps; t++) {
                double s = t / (steps - 1.0);
                x[r * steps + t] = new double[] {s, 0.3 * Math.sin(3 * s + phase) * s, 0.05 * rng.nextGaussian()};
                labels.add("run " + r);
            }
        }
        double[][] d = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += (x[i][k] - x[j][k]) * (x[i][k] - x[j][k]);
                }
                d[i][j] = s;
            }
        }
        InpcaEmbedding e = Inpca.embed(DistanceMatrix.of("squared euclidean", d), 5);
        XYChart proj = check("inpca-projection", InpcaCharts.projection(e, 1, 2, labels));
        assertEquals(runs, proj.getSeriesMap().size());
        assertEquals(e.coordinate(steps + 3, 0), proj.getSeriesMap().get("run 1").getXData()[3], 0);
        check("inpca-spectrum", InpcaCharts.spectrum(e));
        assertThrows(IllegalArgumentException.class, () -> InpcaCharts.projection(e, 1, 2, labels.subList(0, 5)));
        assertThrows(IllegalArgumentException.class, () -> InpcaCharts.projection(e, 0, 2, labels));
    }

    @Test
    void accuracyCurvesOfEightSettings() throws Exception {
        Map<String, List<EpochMetrics>> bySetting = new LinkedHashMap<>();
        for (String s : SETTINGS) {
            List<EpochMetrics> m = new ArrayList<>();
            for (int e = 1; e <= 50; e++) {
                double acc = 0.9 - 0.5 / e - 0.01 * SETTINGS.indexOf(s);
                m.add(new EpochMetrics(e, new double[] {0.3, 0.4}, new double[] {acc + 0.01, acc + 0.03},
                        new double[] {0.3, 0.4}, new double[] {acc, acc - 0.02}, new double[] {1e-3, 1e-3},
                        new boolean[2]));
            }
            bySetting.put(s, m);
        }
        XYChart one = check("accuracy", TrainingCharts.accuracy("Accuracy, gaussian", bySetting.get("gaussian")));
        assertEquals(100 * (0.9 - 0.5 / 10 - 0.01), one.getSeriesMap().get("test").getYData()[9], 1e-12);
        XYChart all = check("test-accuracy", TrainingCharts.testAccuracy("Test accuracy", bySetting));
        assertEquals(8, all.getSeriesMap().size());
    }

    @Test
    void accuracyCurvesFromTheStudysSummaryTable() throws Exception {
        tech.tablesaw.api.StringColumn setting = tech.tablesaw.api.StringColumn.create("setting");
        tech.tablesaw.api.IntColumn epoch = tech.tablesaw.api.IntColumn.create("epoch");
        tech.tablesaw.api.DoubleColumn mean = tech.tablesaw.api.DoubleColumn.create("Mean [test_accuracy]");
        for (String s : SETTINGS) {
            for (int e = 1; e <= 50; e++) {
                setting.append(s);
                epoch.append(e);
                mean.append(0.9 - 0.5 / e - 0.01 * SETTINGS.indexOf(s));
            }
        }
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("accuracy", setting, epoch, mean);
        XYChart c = check("test-accuracy-table", TrainingCharts.testAccuracy("Test accuracy", t));
        assertEquals(SETTINGS.size(), c.getSeriesMap().size());
        assertEquals("test accuracy [%]", c.getYAxisTitle());
        assertEquals(100 * (0.9 - 0.5 / 10 - 0.01), c.getSeriesMap().get(SETTINGS.get(1)).getYData()[9], 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingCharts.testAccuracy("t", t.copy().removeColumns("Mean [test_accuracy]")));
        assertTrue(e.getMessage().contains("Mean [test_accuracy]"), e.getMessage());
    }

    @Test
    void emptyInputsSayWhatIsMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PigmmCharts.parameters("W2", new TreeMap<>()));
        assertTrue(e.getMessage().contains("trajectory of W2 is empty"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingCharts.testAccuracy("t", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> EdgeOfChaosCharts.varianceMaps(Map.of("x",
                EdgeOfChaos.of(Preact.tanhInit())), 0));
    }
}
