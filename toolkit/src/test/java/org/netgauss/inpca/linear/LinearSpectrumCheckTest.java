package org.netgauss.inpca.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The linear model's pipeline (Bhattacharyya D → InPCA) is PCA of the scaled weights ζ_k = sqrt(λ_k/(8σ²)) w_k
 * (docs/spec/hyperribbon.md §3.3): its eigenvalues per point equal those of the centred scatter of ζ over all
 * points, divided by their number, computed here independently from the same draws.
 */
class LinearSpectrumCheckTest {
    @Test
    void thePipelineIsPcaOfTheScaledWeights() {
        int d = 6;
        int steps = 12;
        int runs = 5;
        LinearGdModel model = new LinearGdModel(LinearGdModel.geometricSpectrum(d, 1, 0.5), 0.5, 1);
        double[] wStar = new double[d];
        Arrays.fill(wStar, 3.0);
        double[] pipe = LinearSpectrumCheck.pipelineSpectrum(model, wStar, steps, runs, new SplittableRandom(11));

        SplittableRandom rng = new SplittableRandom(11);
        int m = runs * (steps + 1);
        double[][] z = new double[m][d];
        for (int e = 0; e < runs; e++) {
            double[] w = new double[d];
            for (int k = 0; k < d; k++) {
                w[k] = rng.nextGaussian();
            }
            for (int t = 0; t <= steps; t++) {
                for (int k = 0; k < d; k++) {
                    z[e * (steps + 1) + t][k] = Math.sqrt(model.lambda()[k] / 8) * w[k];
                    // one GD step in the eigenbasis: w_k ← w_k − η λ_k (w_k − w*_k)
                }
                for (int k = 0; k < d; k++) {
                    w[k] -= model.eta() * model.lambda()[k] * (w[k] - wStar[k]);
                }
            }
        }
        double[] mean = new double[d];
        for (double[] row : z) {
            for (int k = 0; k < d; k++) {
                mean[k] += row[k] / m;
            }
        }
        double[][] scatter = new double[d][d];
        for (double[] row : z) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    scatter[a][b] += (row[a] - mean[a]) * (row[b] - mean[b]) / m;
                }
            }
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(scatter)).getRealEigenvalues();
        Arrays.sort(ev);
        for (int k = 0; k < d; k++) {
            assertEquals(ev[d - 1 - k], pipe[k], 1e-9 * ev[d - 1], "e_" + (k + 1));
        }
        for (int k = d; k < m; k++) {
            assertEquals(0, pipe[k], 1e-9 * ev[d - 1], "beyond d the spectrum is null, e_" + (k + 1));
        }
    }

    @Test
    void theClosedFormAndTheSimulationAreTheTheorysOwnAndTheTableShowsThem() {
        LinearGdModel model = new LinearGdModel(LinearGdModel.geometricSpectrum(8, 1, 0.5), 0.5, 1);
        LinearSpectrumCheck c = LinearSpectrumCheck.compute(model, new double[] {100, 0.01}, 20, 50, 3, 7);
        double[] w = new double[8];
        Arrays.fill(w, 0.01);
        assertArrayEquals(LinearModelTheory.expectedSpectrum(model, w, 1, 20).eigenvalues(), c.closed().get(1), 0);
        assertArrayEquals(LinearModelTheory.simulatedSpectrum(model, w, 1, 20, 50, 8).eigenvalues(),
                c.simulated().get(1), 0);
        var t = c.toTable();
        assertEquals(6, t.rowCount());
        assertEquals(1 + 3 * 2, t.columnCount());
        assertEquals(c.closed().get(0)[2], t.doubleColumn("closed \u03c1=100.0").get(2), 0);
        // a strong teacher: the closed form and 50 simulated trajectories agree on e_1 to sampling error
        assertEquals(c.closed().get(0)[0], c.simulated().get(0)[0], 0.05 * c.closed().get(0)[0]);
    }

    @Test
    void ratiosSpanFourDecadesAndTheSpecsBoundariesSitBesideOurs() {
        double[] r = PhaseDiagram.ratios(4);
        assertEquals(17, r.length);
        assertEquals(0.01, r[0], 1e-15);
        assertEquals(0.1, r[4], 1e-15);
        assertEquals(100, r[16], 1e-12);
        var pd = PhaseDiagram.compute(PhaseDiagram.standardSpectra(50), new double[] {1}, new int[] {10, 50});
        var t = pd.boundaryTable();
        assertEquals(1.60, t.doubleColumn("spec rho* (d = 50)").get(2), 0);
        assertEquals(true, t.doubleColumn("spec rho* (d = 50)").isMissing(3), "no spec value at T = 50");
    }
}
