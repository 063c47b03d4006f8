package org.netgauss.pigmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netgauss.inpca.GaussianBhattacharyya;

class PigmmBhattacharyyaTest {

    /** The dense D² mean and D² x D² covariance of the matrix entries, from {@link PigmmCovariance}. */
    private static double[] denseMean(PigmmParameters p) {
        int d = p.d();
        PigmmCovariance c = p.covariance();
        double[] mu = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                mu[i * d + j] = c.mean(i, j);
            }
        }
        return mu;
    }

    private static double[][] denseCovariance(PigmmParameters p) {
        int d = p.d();
        PigmmCovariance c = p.covariance();
        double[][] s = new double[d * d][d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    for (int l = 0; l < d; l++) {
                        s[i * d + j][k * d + l] = c.covariance(i, j, k, l);
                    }
                }
            }
        }
        double asym = 0;
        for (int i = 0; i < d * d; i++) {
            for (int j = 0; j < i; j++) {
                asym = Math.max(asym, Math.abs(s[i][j] - s[j][i]));
                s[i][j] = s[j][i] = (s[i][j] + s[j][i]) / 2; // round-off only, checked below
            }
        }
        assertTrue(asym < 1e-12, "PigmmCovariance asymmetric by " + asym);
        return s;
    }

    private static double dense(PigmmParameters a, PigmmParameters b) {
        return GaussianBhattacharyya.distance(denseMean(a), denseCovariance(a), denseMean(b), denseCovariance(b));
    }

    /** A fit to a random ensemble: every f different from the others, generic Σ_V0 and Σ_VH. */
    private static PigmmParameters randomFit(int d, long seed, double scale) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 40;
        double[] data = new double[n * d * d];
        for (int k = 0; k < n; k++) {
            double rowShift = rng.nextGaussian();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    data[(k * d + i) * d + j] = scale * (rng.nextGaussian() + 0.3 * rowShift * (i == j ? 2 : 1)) + 0.1 * i;
                }
            }
        }
        return Pigmm.fit(WeightEnsemble.of(data, n, d, d)).parameters();
    }

    @Test
    void perIrrepFormulaMatchesDenseGaussianAtD4AndD5() {
        // oracle: the general Gaussian formula on the full D² x D² covariance of PigmmCovariance
        for (int d : new int[] {4, 5}) {
            PigmmParameters a = PigmmParameters.of(d, WassersteinTest.F_STRUCT);
            PigmmParameters b = randomFit(d, 11, 0.4);
            PigmmParameters c = randomFit(d, 12, 0.7);
            assertTrue(PigmmBhattacharyya.distance(a, b) > 0.1, "a non-trivial pair");
            assertEquals(dense(a, b), PigmmBhattacharyya.distance(a, b), 1e-9, "D = " + d + ", f_struct vs fit");
            assertEquals(dense(b, c), PigmmBhattacharyya.distance(b, c), 1e-9, "D = " + d + ", fit vs fit");
            PigmmParameters iid = PigmmParameters.iid(d, 0.05, 0.2);
            assertEquals(dense(a, iid), PigmmBhattacharyya.distance(a, iid), 1e-9, "D = " + d + ", f_struct vs IID");
        }
    }

    @Test
    void twoIidModelsGiveDSquaredTimesTheUnivariateDistance() {
        // D² independent N(m, s²) entries: D_B adds over entries
        int d = 9;
        double expected = d * d * GaussianBhattacharyya.univariate(0.1, 0.2, -0.3, 0.5);
        PigmmBhattacharyya b = PigmmBhattacharyya.between(PigmmParameters.iid(d, 0.1, 0.04), PigmmParameters.iid(d, -0.3, 0.25));
        assertEquals(expected, b.total(), 1e-12);
        assertEquals(expected / (d * d), b.intensive(), 1e-14);
    }

    @Test
    void bhattacharyyaOfModelWithItselfIsZero() {
        PigmmParameters p = PigmmParameters.of(10, WassersteinTest.F_STRUCT);
        assertEquals(0, PigmmBhattacharyya.distance(p, p), 1e-14);
    }

    @Test
    void bhattacharyyaIsSymmetricAndEveryTermNonNegative() {
        PigmmParameters p = randomFit(6, 3, 0.5);
        PigmmParameters q = randomFit(6, 4, 0.9);
        PigmmBhattacharyya pq = PigmmBhattacharyya.between(p, q);
        assertEquals(pq.total(), PigmmBhattacharyya.distance(q, p), 1e-12);
        for (double t : new double[] {pq.mean(), pq.v0(), pq.vh(), pq.v2(), pq.v3()}) {
            assertTrue(t >= 0, pq.toString());
        }
    }

    @Test
    void intensiveMatrixIsSymmetricWithZeroDiagonal() {
        List<PigmmParameters> fits = List.of(randomFit(5, 1, 0.3), randomFit(5, 2, 0.5), randomFit(5, 3, 0.8));
        double[][] m = PigmmBhattacharyya.intensiveMatrix(fits);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, m[i][i]);
            for (int j = 0; j < 3; j++) {
                assertEquals(m[i][j], m[j][i]);
            }
        }
        assertEquals(PigmmBhattacharyya.distance(fits.get(0), fits.get(2)) / 25, m[0][2], 1e-15);
    }

    @Test
    void rejectsModelsOfDifferentD() {
        assertThrows(IllegalArgumentException.class,
                () -> PigmmBhattacharyya.distance(PigmmParameters.iid(5, 0, 1), PigmmParameters.iid(6, 0, 1)));
    }

    @Test
    void rejectsNonNormalisableModel() {
        double[] f = WassersteinTest.F_STRUCT.clone();
        f[11] = 0; // f12 = 0: V2 variance vanishes
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PigmmBhattacharyya.distance(PigmmParameters.of(5, f), PigmmParameters.iid(5, 0, 1)));
        assertTrue(e.getMessage().contains("normalisable"), e.getMessage());
    }
}
