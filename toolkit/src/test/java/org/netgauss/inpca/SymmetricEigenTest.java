package org.netgauss.inpca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void lapackAndCommonsMathGiveTheSameSortedEigenpairs() {
        // an indefinite symmetric matrix, like a centred Bhattacharyya W
        int n = 40;
        SplittableRandom rng = new SplittableRandom(3);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = rng.nextDouble() - 0.5;
            }
        }
        SymmetricEigen cm = SymmetricEigen.commonsMath(copy(a), 5);
        SymmetricEigen lp = SymmetricEigen.lapack(copy(a), 5);
        for (int k = 0; k < n; k++) {
            assertEquals(cm.values[k], lp.values[k], 1e-12);
        }
        for (int k = 0; k < 5; k++) {
            for (int i = 0; i < n; i++) {
                assertEquals(cm.vectors[i][k], lp.vectors[i][k], 1e-10);
            }
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /**
     * Low-rank W with eigenvalues over ~12 decades: linear-model GD trajectories (6 runs × 51 steps, d = 20,
     * ρ = 0.01 after a first draw at ρ = 100, as in notebook 06) on which Commons Math's QL iteration gives up
     * ("convergence failed").
     */
    static double[][] lowRankLinearTrajectories() {
        SplittableRandom rng = new SplittableRandom(6);
        lowRankLinearTrajectories(100, rng);
        return lowRankLinearTrajectories(0.01, rng);
    }

    static double[][] lowRankLinearTrajectories(double rho, SplittableRandom rng) {
        double[] lam = org.netgauss.inpca.linear.LinearGdModel.geometricSpectrum(20, 1, 0.5);
        var model = new org.netgauss.inpca.linear.LinearGdModel(lam, 0.5, 1);
        double[] wStar = new double[20];
        java.util.Arrays.fill(wStar, rho);
        int m = 6 * 51;
        double[][] pts = new double[m][];
        for (int e = 0; e < 6; e++) {
            double[] w0 = new double[20];
            for (int k = 0; k < 20; k++) {
                w0[k] = rng.nextGaussian();
            }
            double[][] tr = model.trajectory(w0, wStar, 50);
            for (int t = 0; t <= 50; t++) {
                pts[e * 51 + t] = tr[t];
            }
        }
        double[][] d = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                d[i][j] = d[j][i] = model.distance(pts[i], pts[j]);
            }
        }
        return d;
    }

    @Test
    void embeddingSucceedsWhereCommonsMathDoesNotConverge() {
        double[][] d = lowRankLinearTrajectories();
        InpcaEmbedding e = Inpca.embed(DistanceMatrix.of("linear", d), d.length);
        // rank ≤ d = 20 plus centring: everything past 20 is numerically zero; all m directions rebuild D
        assertEquals(0, e.eigenvalues()[25], 1e-9 * e.eigenvalues()[0]);
        assertEquals(0, e.reconstructionError(), 1e-8 * e.eigenvalues()[0]);
    }
}
