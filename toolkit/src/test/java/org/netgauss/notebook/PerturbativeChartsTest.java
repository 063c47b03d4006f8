package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.netgauss.perturbative.CommittedResults;
import org.netgauss.perturbative.FitInput;
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
}
