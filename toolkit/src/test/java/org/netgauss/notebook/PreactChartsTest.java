package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.junit.jupiter.api.Test;
import org.netgauss.preact.Initialisation;
import org.netgauss.preact.PhiTheta;
import org.netgauss.preact.Propagation;
import org.netgauss.preact.PropagationConfig;
import org.netgauss.preact.PropagationResult;
import org.netgauss.preact.TwoLayerKsExperiment;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The pre-activation one-liners draw real plots at the largest size a notebook uses, with the right numbers. */
class PreactChartsTest {

    /** 16 curves x n = 1..10 of one configuration, made-up KS values spanning the paper's range. */
    private static Table ksTable() {
        StringColumn cfg = StringColumn.create("configuration");
        StringColumn act = StringColumn.create("activation");
        IntColumn n = IntColumn.create("n");
        DoubleColumn ks = DoubleColumn.create("ks");
        List<Initialisation> curves = Initialisation.paperSet();
        for (int k = 0; k < curves.size(); k++) {
            for (int i = 1; i <= 10; i++) {
                cfg.append("cfg2");
                act.append(curves.get(k).name());
                n.append(i);
                ks.append(Math.min(0.3, 0.0005 * (k + 1) * (11 - i)));
            }
        }
        return Table.create("ks", cfg, act, n, ks);
    }

    @Test
    void ksVsWidthDrawsSixteenCurvesAndTheNoiseFloorInARealPlot() {
        XYChart chart = PreactCharts.ksVsWidth(ksTable(), "cfg2", 200_000);
        assertEquals(17, chart.getSeriesMap().size());
        ChartAssertions.assertRealPlot(chart);
        XYSeries floor = chart.getSeriesMap().values().stream().filter(s -> s.getName().startsWith("noise floor"))
                .findFirst().orElseThrow();
        assertArrayEquals(new double[] {0.87 / Math.sqrt(200_000), 0.87 / Math.sqrt(200_000)}, floor.getYData(), 1e-15);
        assertArrayEquals(new double[] {1, 10}, floor.getXData());
        XYSeries first = chart.getSeriesMap().get(Initialisation.paperSet().get(0).name());
        // values below the axis minimum 1e-3 are drawn at it, the rest as they are
        assertEquals(0.005, first.getYData()[0], 1e-15);
        assertEquals(PreactCharts.KS_MIN, first.getYData()[9], 0);
        assertTrue(chart.getStyler().isYAxisLogarithmic());
    }

    @Test
    void anUnknownConfigurationIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> PreactCharts.ksVsWidth(ksTable(), "cfg7", 10));
        assertTrue(e.getMessage().contains("cfg7") && e.getMessage().contains("cfg2"), e.getMessage());
    }

    @Test
    void perLayerDrawsAComputedPropagation() {
        var config = PropagationConfig.defaults().withNetworks(500).withSeed(3);
        List<PropagationResult> rs = List.of(Propagation.deep(Initialisation.relu(), 5, 12, config),
                Propagation.deep(Initialisation.of(PhiTheta.positive(3)), 5, 12, config));
        Table t = PropagationResult.toTable(rs);
        XYChart ks = PreactCharts.perLayer(t, "ks", "KS distance D to N(0,1)", 500, "KS with depth");
        ChartAssertions.assertRealPlot(ks);
        assertArrayEquals(t.where(t.stringColumn("activation").isEqualTo("relu")).doubleColumn("ks").asDoubleArray(),
                ks.getSeriesMap().get("relu").getYData());
        XYChart kurt = PreactCharts.perLayer(t, "excess_kurtosis", "excess kurtosis κ", 500, "kurtosis");
        ChartAssertions.assertRealPlot(kurt);
        assertEquals(2, kurt.getSeriesMap().size(), "no noise floor on a kurtosis chart");
        assertThrows(IllegalArgumentException.class, () -> PreactCharts.perLayer(t, "nope", "x", 500, "t"));
    }

    /** Two activations, three layers, 10 x 10 blocks: within-class 0.5 + 0.1 l, between 0.2. */
    private static Table correlations() {
        StringColumn act = StringColumn.create("activation");
        IntColumn layer = IntColumn.create("layer");
        IntColumn a = IntColumn.create("class_a");
        IntColumn b = IntColumn.create("class_b");
        DoubleColumn c = DoubleColumn.create("correlation");
        for (String name : List.of("tanh", "relu")) {
            for (int l = 1; l <= 3; l++) {
                for (int i = 0; i < 10; i++) {
                    for (int j = 0; j < 10; j++) {
                        act.append(name);
                        layer.append(l);
                        a.append(i);
                        b.append(j);
                        c.append(i == j ? 0.5 + 0.1 * l : 0.2);
                    }
                }
            }
        }
        return Table.create("corr", act, layer, a, b, c);
    }

    @Test
    void heatMapsShareOneScalePerActivationAndHaveAColourBar() {
        List<HeatMapChart> maps = PreactCharts.correlationHeatMaps(correlations(), 1, 3);
        assertEquals(4, maps.size());
        for (HeatMapChart m : maps) {
            ChartAssertions.assertRealPlot(m, 0.4);
            assertEquals(0.2, m.getStyler().getMin(), 1e-12);
            assertEquals(0.8, m.getStyler().getMax(), 1e-12);
            assertTrue(m.getStyler().isLegendVisible(), "the colour bar");
        }
        assertTrue(maps.get(0).getTitle().contains("tanh") && maps.get(0).getTitle().contains("layer 1"));
    }

    @Test
    void classContrastIsWithinMinusBetweenClassMeans() {
        XYChart chart = PreactCharts.classContrast(correlations());
        ChartAssertions.assertRealPlot(chart);
        assertArrayEquals(new double[] {0.4, 0.5, 0.6}, chart.getSeriesMap().get("relu").getYData(), 1e-12);
        assertArrayEquals(new double[] {1, 2, 3}, chart.getSeriesMap().get("tanh").getXData());
    }

    @Test
    void aComputedKsResultDrawsLikeACommittedOne() {
        var r = TwoLayerKsExperiment.run(List.of(Initialisation.relu(), Initialisation.tanh()),
                List.of(TwoLayerKsExperiment.Configuration.CFG0), 1, 3, PropagationConfig.defaults().withNetworks(400).withSeed(1));
        XYChart chart = PreactCharts.ksVsWidth(r.toTable(), "cfg0", r.networks());
        ChartAssertions.assertRealPlot(chart);
        assertEquals(r.ks(TwoLayerKsExperiment.Configuration.CFG0, "relu", 2), chart.getSeriesMap().get("relu").getYData()[1], 0);
    }

    @Test
    void theColourBarOfRealCorrelationsIsLabelledWithTwoDecimals() {
        Table t = correlations();
        for (int r = 0; r < t.rowCount(); r++) {
            t.doubleColumn("correlation").set(r, 0.22820278080359216 + 0.7324478 * (r % 7) / 6.0);
        }
        for (HeatMapChart m : PreactCharts.correlationHeatMaps(t, 1, 3)) {
            assertEquals(0.22, m.getStyler().getMin(), 0);
            assertEquals(0.97, m.getStyler().getMax(), 0);
            assertEquals("0.22", String.valueOf(m.getStyler().getMin()));
            ChartAssertions.assertRealPlot(m, 0.4);
        }
    }
}
