package org.netgauss.inpca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussianBhattacharyyaTest {

    @Test
    void equalVarianceUnivariateIsMeanGapSquaredOverEightSigmaSquared() {
        // docs/spec/hyperribbon.md §3.3: (μ − μ')² / (8σ²)
        assertEquals(0.09 / (8 * 0.25), GaussianBhattacharyya.univariate(0.1, 0.5, 0.4, 0.5), 1e-15);
    }

    @Test
    void oneDimensionalGeneralCaseEqualsUnivariate() {
        double u = GaussianBhattacharyya.univariate(1.0, 0.7, -0.5, 1.9);
        double g = GaussianBhattacharyya.distance(new double[] {1.0}, new double[][] {{0.49}},
                new double[] {-0.5}, new double[][] {{3.61}});
        assertEquals(u, g, 1e-14);
    }

    @Test
    void diagonalCovariancesGiveTheSumOverCoordinates() {
        double[] m1 = {0.3, -1, 2};
        double[] m2 = {-0.2, 0.5, 2.5};
        double[] s1 = {0.5, 1.2, 2};
        double[] s2 = {1.5, 0.4, 2};
        double sum = 0;
        double[][] c1 = new double[3][3];
        double[][] c2 = new double[3][3];
        for (int i = 0; i < 3; i++) {
            sum += GaussianBhattacharyya.univariate(m1[i], s1[i], m2[i], s2[i]);
            c1[i][i] = s1[i] * s1[i];
            c2[i][i] = s2[i] * s2[i];
        }
        assertEquals(sum, GaussianBhattacharyya.distance(m1, c1, m2, c2), 1e-13);
    }

    @Test
    void distanceIsSymmetricZeroOnItselfAndRotationInvariant() {
        double[] m1 = {0.3, -1};
        double[] m2 = {1.2, 0.4};
        double[][] c1 = {{2, 0.6}, {0.6, 1}};
        double[][] c2 = {{0.5, -0.2}, {-0.2, 0.8}};
        double d = GaussianBhattacharyya.distance(m1, c1, m2, c2);
        assertTrue(d > 0);
        assertEquals(d, GaussianBhattacharyya.distance(m2, c2, m1, c1), 1e-14);
        assertEquals(0, GaussianBhattacharyya.distance(m1, c1, m1, c1), 1e-15);
        double a = 0.7;
        double[][] r = {{Math.cos(a), -Math.sin(a)}, {Math.sin(a), Math.cos(a)}};
        assertEquals(d, GaussianBhattacharyya.distance(mul(r, m1), conj(r, c1), mul(r, m2), conj(r, c2)), 1e-13);
    }

    @Test
    void covarianceThatIsNotPositiveDefiniteIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GaussianBhattacharyya.distance(
                new double[] {0, 0}, new double[][] {{1, 2}, {2, 1}}, new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}}));
        assertTrue(e.getMessage().contains("Σ1"), e.getMessage());
    }

    private static double[] mul(double[][] r, double[] v) {
        return new double[] {r[0][0] * v[0] + r[0][1] * v[1], r[1][0] * v[0] + r[1][1] * v[1]};
    }

    private static double[][] conj(double[][] r, double[][] c) {
        double[][] out = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    for (int l = 0; l < 2; l++) {
                        out[i][j] += r[i][k] * c[k][l] * r[j][l];
                    }
                }
            }
        }
        return out;
    }
}
