package org.netgauss.pigmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.junit.jupiter.api.Test;

class PigmmModelTest {
    static final PigmmParameters STRUCT = PigmmParameters.of(10, 0.5, 0.2, 0.3, 0.05, 0.2, 0.15, 0.02, 0.01, 0.12,
            -0.01, 0.1, 0.08, 0.06);

    static PigmmParameters struct(int d) {
        return PigmmParameters.of(d, STRUCT.toArray());
    }

    /** Covariance built from the explicit basis: Σ_ab (Σ_block)_ab E^a ⊗ E^b + f12 P2 + f13 P3. */
    private static double[][] explicitCovariance(PigmmParameters p) {
        int d = p.d();
        int n = d * d;
        double[][] c = new double[n][n];
        double[] e1 = IrrepBasis.e01(d);
        double[] e2 = IrrepBasis.e02(d);
        double[][] s0 = p.sigmaV0();
        List<double[]> v0 = List.of(e1, e2);
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                add(c, s0[a][b], v0.get(a), v0.get(b));
            }
        }
        double[][] sh = p.sigmaVH();
        for (double[] v : IrrepBasis.helmert(d)) {
            List<double[]> copies = List.of(IrrepBasis.column(v, d), IrrepBasis.row(v, d), IrrepBasis.diagonal(v, d));
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    add(c, sh[a][b], copies.get(a), copies.get(b));
                }
            }
        }
        for (int k = 0; k < n; k++) {
            double[] unit = new double[n];
            unit[k] = 1;
            double[] p2 = IrrepBasis.projectV2(unit, d);
            double[] p3 = IrrepBasis.projectV3(unit, d);
            for (int r = 0; r < n; r++) {
                c[r][k] += p.f12() * p2[r] + p.f13() * p3[r];
            }
        }
        return c;
    }

    private static void add(double[][] c, double w, double[] x, double[] y) {
        for (int r = 0; r < x.length; r++) {
            for (int s = 0; s < y.length; s++) {
                c[r][s] += w * x[r] * y[s];
            }
        }
    }

    @Test
    void closedFormCovarianceEqualsExplicitBasisCovariance() {
        // docs/spec/pigmm.md §2.8 closed forms against the basis of §2.3, D = 5 and 6
        for (int d : new int[] {5, 6}) {
            PigmmParameters p = struct(d);
            double[][] explicit = explicitCovariance(p);
            PigmmCovariance cov = p.covariance();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    assertEquals(p.f1() / d + p.f2() * ((i == j ? 1 : 0) - 1.0 / d) / Math.sqrt(d - 1),
                            cov.mean(i, j), 1e-14);
                    for (int k = 0; k < d; k++) {
                        for (int l = 0; l < d; l++) {
                            assertEquals(explicit[i * d + j][k * d + l], cov.covariance(i, j, k, l), 1e-13);
                        }
                    }
                }
            }
        }
    }

    @Test
    void logLikelihoodEqualsDenseMultivariateNormalDensity() {
        // route 1: irrep-block formula; route 2: Commons Math MVN on the explicit D² x D² covariance, D = 4
        int d = 4;
        PigmmParameters p = struct(d);
        double[][] cov = explicitCovariance(p);
        double[] mean = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                mean[i * d + j] = p.covariance().mean(i, j);
            }
        }
        MultivariateNormalDistribution mvn = new MultivariateNormalDistribution(mean, cov);
        double[] x = Fixtures.randomMatrix(d, new SplittableRandom(9));
        assertEquals(Math.log(mvn.density(x)), p.logLikelihood(x), 1e-9);
    }

    @Test
    void sampledEnsembleRefitsToTheModelParameters() {
        // Monte Carlo, N = 4000 at D = 10, seed 17: the refit agrees within 5 sampling SDs (SDs scale as in docs/spec/pigmm.md §2.8)
        PigmmParameters p = STRUCT;
        int n = 4000;
        PigmmParameters fit = Pigmm.fit(p.sample(n, new SplittableRandom(17))).parameters();
        double[] a = p.toArray();
        double[] b = fit.toArray();
        double v0 = 0.3 * Math.sqrt(2.0 / n);
        double vh = 0.15 * Math.sqrt(2.0 / (n * 9));
        double[] tol = {Math.sqrt(0.3 / n), Math.sqrt(0.2 / n), v0, v0, v0, vh, vh, vh, vh, vh, vh, 0.08 * 0.02, 0.06 * 0.02};
        for (int k = 0; k < 13; k++) {
            assertEquals(a[k], b[k], 5 * tol[k], "f" + (k + 1));
        }
    }

    @Test
    void sampledEntriesHaveTheClosedFormCovariance() {
        // Monte Carlo at D = 5, 20000 draws, seed 3: empirical Cov(M_00, M_kl) vs docs/spec/pigmm.md §2.8, tolerance 0.02 (~5 SE)
        int d = 5;
        PigmmParameters p = struct(d);
        PigmmCovariance cov = p.covariance();
        SplittableRandom rng = new SplittableRandom(3);
        int n = 20000;
        double[] s = new double[d * d];
        double[] sx = new double[d * d];
        double s0 = 0;
        for (int t = 0; t < n; t++) {
            double[] m = p.sample(rng);
            s0 += m[0];
            for (int k = 0; k < d * d; k++) {
                s[k] += m[0] * m[k];
                sx[k] += m[k];
            }
        }
        for (int k = 0; k < d * d; k++) {
            double c = s[k] / n - (s0 / n) * (sx[k] / n);
            assertEquals(cov.covariance(0, 0, k / d, k % d), c, 0.02);
            assertEquals(cov.mean(k / d, k % d), sx[k] / n, 0.02);
        }
    }
}
