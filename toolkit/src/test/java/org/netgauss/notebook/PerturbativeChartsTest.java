package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.netgauss.perturbative.CommittedResults;
import org.netgauss.perturbative.FitInput;
import org.netgauss.perturbative.InvariantPrediction;
import org.netgauss.perturbative.PerturbativeFit;
import org.netgauss.perturbative.PerturbativeStudy;
import org.netgauss.perturbative.PerturbingTerms;
import org.netgauss.perturbative.Scheme;
import tech.tablesaw.api.Table;

/** The perturbative notebook's chart one-liners render, with one series per group plus the region boundary. */
class PerturbativeChartsTest {
    private static final Path RESULTS = Path.of("..", "results");

    @Test
    void gramCharlierRegionAndPointsRender() {
        List<FitInput> in = List.of(CommittedResults.read(RESULTS, "width-640", 50, "W2"),
                CommittedResults.read(RESULTS, "gaussian-wd0.01", 50, "W2"),
                CommittedResults.read(RESULTS, "gaussian-wd0.01", 50, "W3"));
        Table c = PerturbativeStudy.cumulantsTable(in);
        XYChart chart = PerturbativeCharts.gramCharlier(c, "setting, layer", "region");
        assertEquals(4, chart.getSeriesMap().size(), "boundary + 3 points");
        double[] boundaryX = chart.getSeriesMap().values().iterator().next().getXData();
        assertEquals(0, boundaryX[0], 1e-12, "the region starts at γ₁ = 0, γ₂ = 0");
        assertTrue(ChartImages.png(chart, 1).bytes().length > 1000);
    }

    @Test
    void couplingsWithErrorBarsRender() {
        List<FitInput> in = List.of(CommittedResults.read(RESULTS, "gaussian-wd0.01", 0, "W2"),
                CommittedResults.read(RESULTS, "gaussian-wd0.01", 50, "W2"));
        Table t = PerturbativeStudy.fit(in, PerturbingTerms.s2(), Scheme.RENORMALISED).couplingsTable();
        XYChart chart = PerturbativeCharts.couplings(t, "I45", "se_csv", "setting", "g45");
        assertEquals(1, chart.getSeriesMap().size());
        var s = chart.getSeriesMap().values().iterator().next();
        assertEquals(2, s.getYData().length);
        assertEquals(t.where(t.stringColumn("term").isEqualTo("I45")).doubleColumn("se_csv").getDouble(1),
                s.getExtraValues()[1], 0);
        assertTrue(ChartImages.png(chart, 1).bytes().length > 1000);
        assertThrows(IllegalArgumentException.class, () -> PerturbativeCharts.couplings(t, "I99", "se_csv", null, "x"));
    }

    @Test
    void heldOutDeviationsAreDrawnWithTheNoiseFloor() {
        PerturbativeFit fit = CommittedResults.read(RESULTS, "width-640", 50, "W2").fit(PerturbingTerms.s2(),
                Scheme.RENORMALISED);
        CategoryChart chart = PerturbativeCharts.heldOut(fit, "cubic low-node", "width-640");
        List<InvariantPrediction> rows = fit.predictions().heldOut().stream()
                .filter(p -> p.group().equals("cubic low-node")).toList();
        assertEquals(3, chart.getSeriesMap().size(), "Δ, Δ' and the noise floor");
        var it = chart.getSeriesMap().values().iterator();
        List<? extends Number> gauss = List.copyOf(it.next().getYData());
        List<? extends Number> first = List.copyOf(it.next().getYData());
        List<? extends Number> floor = List.copyOf(it.next().getYData());
        assertEquals(rows.size(), gauss.size());
        for (int k = 0; k < rows.size(); k++) {
            assertEquals(Math.max(rows.get(k).deviationGauss(), 1e-3), gauss.get(k).doubleValue(), 1e-12,
                    rows.get(k).label());
            assertEquals(rows.get(k).deviationPerturbative(), first.get(k).doubleValue(), 1e-12);
            assertEquals(0.25, floor.get(k).doubleValue(), 1e-15, "1/√16");
        }
        // Δ spans 1.1e-3 (I15) to 5.8 (I18): a log axis from 1e-3
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertEquals(1e-3, chart.getStyler().getYAxisMin(), 0);
        assertTrue(ChartImages.png(chart, 1).bytes().length > 1000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PerturbativeCharts.heldOut(fit, "cubic mid-node", "x"));
        assertTrue(e.getMessage().contains("cubic mid-node"));
    }

    @Test
    void entryCumulantOverTrainingHasTheGaussianReference() {
        List<FitInput> in = List.of(CommittedResults.read(RESULTS, "uniform", 0, "W2"),
                CommittedResults.read(RESULTS, "uniform", 50, "W2"));
        Table c = PerturbativeStudy.cumulantsTable(in);
        XYChart chart = PerturbativeCharts.cumulant(c, "gamma2", "setting", "γ₂");
        assertEquals(2, chart.getSeriesMap().size(), "reference + one setting");
        assertEquals("γ₂ (excess kurtosis of an entry)", chart.getYAxisTitle());
        var s = chart.getSeriesMap().get("uniform");
        assertEquals(-1.2, s.getYData()[0], 0.01, "uniform initialisation: excess kurtosis −6/5");
        assertTrue(ChartImages.png(chart, 1).bytes().length > 1000);
        assertThrows(IllegalArgumentException.class, () -> PerturbativeCharts.cumulant(c, "gamma3", null, "x"));
    }
}
