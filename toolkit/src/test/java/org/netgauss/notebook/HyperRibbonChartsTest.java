package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYSeries;
import org.netgauss.inpca.Inpca;
import org.netgauss.inpca.InpcaEmbedding;
import org.netgauss.inpca.Predictions;
import org.netgauss.inpca.linear.LinearGdModel;
import org.netgauss.inpca.linear.LinearSpectrumCheck;
import org.netgauss.inpca.linear.PhaseDiagram;

/**
 * The hyper-ribbon charts of notebook 06 at the notebook's largest sizes (18 runs x 3 seeds and the geodesic; six
 * spectra of the phase diagram): real plots, one colour and one legend entry per run, the geodesic black, and
 * the numbers drawn are the embedding's.
 */
class HyperRibbonChartsTest {

    /** 18 runs x 3 members x 8 times of random predictions, and a geodesic of 10 points. */
    static InpcaEmbedding embedding(List<String> trajectories, List<String> runs) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        int models = 18 * 3 * 8 + 10;
        double[] p = new double[models * 5 * 3];
        for (int i = 0; i < models * 5; i++) {
            double a = rng.nextDouble() + 0.1;
            double b = rng.nextDouble() + 0.1;
            double c = rng.nextDouble() + 0.1;
            p[3 * i] = a / (a + b + c);
            p[3 * i + 1] = b / (a + b + c);
            p[3 * i + 2] = c / (a + b + c);
        }
        for (int r = 0; r < 18; r++) {
            for (int m = 0; m < 3; m++) {
                for (int t = 0; t < 8; t++) {
                    trajectories.add("run" + r + " #" + m);
                    runs.add("run" + r);
                }
            }
        }
        for (int g = 0; g < 10; g++) {
            trajectories.add("geodesic P0 \u2192 P*");
            runs.add("geodesic P0 \u2192 P*");
        }
        return Inpca.embed(Inpca.bhattacharyya(Predictions.of(p, models, 5, 3)), 3);
    }

    @Test
    void trajectoriesDrawOneLinePerSeedOneColourAndLegendEntryPerRun() throws Exception {
        List<String> traj = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        InpcaEmbedding e = embedding(traj, runs);
        var c = FigureChartsTest.check("inpca-trajectories", InpcaCharts.trajectories(e, 1, 3, traj, runs));
        assertEquals(18 * 3 + 2, c.getSeriesMap().size(), "54 seeds, the geodesic and its ends");
        XYSeries first = c.getSeriesMap().get("run4 #0");
        XYSeries third = c.getSeriesMap().get("run4 #2");
        assertEquals(first.getLineColor(), third.getLineColor());
        assertTrue(first.isShowInLegend());
        assertTrue(!third.isShowInLegend());
        assertEquals(Palette.BLACK, c.getSeriesMap().get("geodesic P0 \u2192 P*").getLineColor());
        assertTrue(c.getSeriesMap().values().stream().filter(s -> s.getName().startsWith("run"))
                .noneMatch(s -> Palette.BLACK.equals(s.getLineColor())), "no run is black like the geodesic");
        int p = 4 * 24 + 2 * 8 + 5; // run4, member 2, time 5
        assertEquals(e.coordinate(p, 0), third.getXData()[5], 0);
        assertEquals(e.coordinate(p, 2), third.getYData()[5], 0);
        assertEquals(18 + 2, c.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).count());
        assertEquals("InPCA of 18 runs, components 1 and 3", c.getTitle());
        assertThrows(IllegalArgumentException.class, () -> InpcaCharts.trajectories(e, 1, 4, traj, runs));
        assertThrows(IllegalArgumentException.class, () -> InpcaCharts.trajectories(e, 1, 2, traj.subList(1, 9), runs));
    }

    @Test
    void linearSpectraAndThePhaseDiagramDrawTheTheorysNumbers() throws Exception {
        LinearGdModel model = new LinearGdModel(LinearGdModel.geometricSpectrum(20, 1, 0.5), 0.5, 1);
        LinearSpectrumCheck check = LinearSpectrumCheck.compute(model, new double[] {100, 0.01}, 30, 40, 3, 7);
        var c = FigureChartsTest.check("linear-spectra", InpcaCharts.linearSpectra(check));
        assertEquals(6, c.getSeriesMap().size());
        assertArrayEquals(java.util.Arrays.copyOf(check.closed().get(0), 10),
                c.getSeriesMap().get("closed form \u03c1 = 100.0").getYData(), 0);
        assertTrue(c.getStyler().isYAxisLogarithmic());

        PhaseDiagram pd = PhaseDiagram.compute(PhaseDiagram.standardSpectra(20), PhaseDiagram.ratios(2), new int[] {10, 100});
        var ph = FigureChartsTest.check("phase-diagram", InpcaCharts.phaseDiagram(pd));
        assertEquals(6 + 1, ph.getSeriesMap().size());
        double chi = pd.points().stream().filter(q -> q.spectrum().equals("power \u03b1=1") && q.steps() == 100)
                .findFirst().orElseThrow().chi3();
        assertEquals(chi, ph.getSeriesMap().get("power \u03b1=1").getYData()[0], 0);
    }

    @Test
    void normalisedSpectraStartAtOne() throws Exception {
        List<String> traj = new ArrayList<>();
        InpcaEmbedding e = embedding(traj, new ArrayList<>());
        Map<String, InpcaEmbedding> m = new LinkedHashMap<>();
        m.put("a", e);
        var c = FigureChartsTest.check("normalised-spectra", InpcaCharts.normalisedSpectra(m));
        assertEquals(1.0, c.getSeriesMap().get("a").getYData()[0], 0);
        assertEquals(Math.abs(e.eigenvalues()[1] / e.eigenvalues()[0]), c.getSeriesMap().get("a").getYData()[1], 1e-15);
    }
}
