package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.netgauss.preact.Initialisation;
import org.netgauss.preact.Preact;

/** Notebook 05's section-1 and section-5 one-liners: real plots carrying the exact curves. */
class PreactFigureChartsTest {

    @Test
    void activationsDrawBothFamiliesPerThetaBesideTanhAndRelu() {
        XYChart c = PreactCharts.activations(2.05, 3, 10);
        assertEquals(8, c.getSeriesMap().size());
        ChartAssertions.assertRealPlot(c);
        XYSeries odd = c.getSeriesMap().get(Preact.phiOdd(3).name());
        double[] x = odd.getXData();
        assertEquals(-4, x[0], 0);
        assertEquals(4, x[x.length - 1], 1e-12);
        for (int i = 0; i < x.length; i += 5) {
            assertEquals(Preact.phiOdd(3).apply(x[i]), odd.getYData()[i], 0);
        }
        XYSeries pos = c.getSeriesMap().get(Preact.phiPositive(3).name());
        assertNotNull(pos.getLineStyle().getDashArray(), "the positive family is dashed");
        assertEquals(null, odd.getLineStyle().getDashArray());
        assertEquals(0, c.getSeriesMap().get("tanh").getYData()[20], 1e-15);   // x = 0
        assertEquals(4, c.getSeriesMap().get("relu").getYData()[40], 1e-12);
        assertEquals(0, c.getSeriesMap().get("relu").getYData()[0], 0);
        assertThrows(IllegalArgumentException.class, PreactCharts::activations);
    }

    @Test
    void weightDensitiesAreNormalisedDensitiesBesideTheGaussian() {
        XYChart c = PreactCharts.weightDensities(2.05, 3, 10);
        assertEquals(4, c.getSeriesMap().size());
        ChartAssertions.assertRealPlot(c);
        XYSeries normal = c.getSeriesMap().get("N(0,1)");
        assertEquals(1 / Math.sqrt(2 * Math.PI), normal.getYData()[80], 1e-15);
        for (XYSeries s : c.getSeriesMap().values()) {
            if (s == normal) {
                continue;
            }
            assertTrue(s.getName().contains("E W² = "), s.getName());
            // W(theta,1) for theta >= 2 has mass exp(-2.5^theta) < 1e-3 outside |w| <= 2.5: trapezoid integral ~ 1
            double[] w = s.getXData();
            double[] p = s.getYData();
            double area = 0;
            for (int i = 1; i < w.length; i++) {
                area += (w[i] - w[i - 1]) * (p[i] + p[i - 1]) / 2;
            }
            assertEquals(1, area, 2e-3, s.getName());
            assertEquals(0, p[80], 1e-12, "bimodal: no mass at w = 0 for theta > 1");
        }
        // E W^2 = Gamma(1 + 2/theta): Gamma(5/3) = 0.9027 at theta = 3
        assertTrue(c.getSeriesMap().containsKey(Preact.weibull(3).name() + ", E W² = 0.9027"), c.getSeriesMap().keySet().toString());
        assertThrows(IllegalArgumentException.class, PreactCharts::weightDensities);
    }

    @Test
    void eocCurvesFromActivationsUseTheirWeightLaw() {
        double[] sb2 = {0.05, 0.3};
        XYChart c = EdgeOfChaosCharts.eocCurves(sb2, Preact.tanh(), Preact.phiOdd(3));
        ChartAssertions.assertRealPlot(c);
        // docs/spec/gaussian-preact.md §2.2: tanh at sigma_b^2 = 0.05 has sigma_w^2 = 1.760955
        assertEquals(1.760955, c.getSeriesMap().get("tanh").getYData()[0], 2e-6);
        double m2 = Preact.weibull(3).secondMoment();
        assertEquals(Preact.eocCurve(Preact.phiOdd(3), m2, sb2).get(1).sigmaW2(),
                c.getSeriesMap().get(Preact.phiOdd(3).name()).getYData()[1], 0);
        assertArrayEquals(sb2, c.getSeriesMap().get("tanh").getXData());
        assertThrows(IllegalArgumentException.class, () -> EdgeOfChaosCharts.eocCurves(sb2));
    }

    @Test
    void mapsOfInitialisationsCrossTheDiagonalAtTheFixedPoint() {
        List<Initialisation> inits = List.of(Preact.tanhInit(), Preact.reluInit(), Preact.init(Preact.phiPositive(3)));
        XYChart v = EdgeOfChaosCharts.varianceMaps(inits, 2);
        ChartAssertions.assertRealPlot(v);
        assertEquals(4, v.getSeriesMap().size());
        XYSeries relu = v.getSeriesMap().get(Preact.reluInit().name());
        // ReLU at sigma_w^2 = 2: V(q) = q exactly
        assertEquals(1.5, relu.getYData()[60], 1e-9);
        XYChart k = EdgeOfChaosCharts.correlationMaps(inits);
        ChartAssertions.assertRealPlot(k);
        assertTrue(k.getSeriesMap().keySet().stream().anyMatch(n -> n.startsWith(Preact.reluInit().name()) && n.contains("= 1")),
                k.getSeriesMap().keySet().toString());
        assertThrows(IllegalArgumentException.class, () -> EdgeOfChaosCharts.correlationMaps(List.of()));
    }
}
