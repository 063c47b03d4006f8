package org.netgauss.pigmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class WassersteinTest {
    static final double[] F_STRUCT = {0.5, 0.2, 0.3, 0.05, 0.2, 0.15, 0.02, 0.01, 0.12, -0.01, 0.1, 0.08, 0.06};

    @Test
    void wasserstein2OfModelWithItselfIsZero() {
        PigmmParameters p = PigmmParameters.of(10, F_STRUCT);
        assertEquals(0, p.wasserstein2Squared(p), 1e-12);
        assertEquals(0, p.wasserstein2(p), 1e-6);
    }

    @Test
    void wasserstein2IsSymmetric() {
        PigmmParameters p = PigmmParameters.of(10, F_STRUCT);
        PigmmParameters q = PigmmParameters.iid(10, 0.02, 0.1);
        assertEquals(p.wasserstein2Squared(q), q.wasserstein2Squared(p), 1e-12);
    }

    @Test
    void gaussianVersusUniformInitMatchesSpecOracle() {
        // docs/spec/pigmm.md §4: Gaussian init (s² = 1/D) vs uniform init (s² = 1/(3D)) at D = 10: W₂² = 1.786328
        double w = Wasserstein.squared(PigmmParameters.iid(10, 0, 0.1), PigmmParameters.iid(10, 0, 1.0 / 30));
        assertEquals(1.786328, w, 1e-6);
        assertEquals(100 * 0.1 * Math.pow(1 - 1 / Math.sqrt(3), 2), w, 1e-12);
    }

    @Test
    void twoIidModelsFollowClosedForm() {
        // docs/spec/pigmm.md §4: W₂² = D²(m₁−m₂)² + D²(s₁−s₂)²
        int d = 7;
        double w = Wasserstein.squared(PigmmParameters.iid(d, 0.1, 0.04), PigmmParameters.iid(d, -0.2, 0.09));
        assertEquals(d * d * (0.09 + 0.01), w, 1e-12);
    }

    @Test
    void structuredVersusIidMatchesSpecOracleAtD10AndD5() {
        // docs/spec/pigmm.md §4: f_struct vs IID N(0, 0.1): 0.659464646 (D = 10), 0.432765103 (D = 5). At D = 10 the spec's last
        // digits are off: the per-irrep formula gives 0.65946463985 both here and in an independent NumPy
        // evaluation, 6.1e-9 below the printed value, hence 1e-8 there (the D = 5 value agrees to all 9 digits)
        assertEquals(0.659464646, Wasserstein.squared(PigmmParameters.of(10, F_STRUCT), PigmmParameters.iid(10, 0, 0.1)),
                1e-8);
        assertEquals(0.432765103, Wasserstein.squared(PigmmParameters.of(5, F_STRUCT), PigmmParameters.iid(5, 0, 0.1)),
                1e-9);
    }

    @Test
    void irrepReductionEqualsDenseGaussianFormula() {
        // route 2: W₂² = ‖μ₁−μ₂‖² + tr Σ₁ + tr Σ₂ − 2 tr[(Σ₁^½ Σ₂ Σ₁^½)^½] on the dense D² x D² covariances, D = 5
        int d = 5;
        PigmmParameters a = PigmmParameters.of(d, F_STRUCT);
        PigmmParameters b = PigmmParameters.of(d, 0.1, -0.3, 0.2, -0.02, 0.4, 0.1, 0.01, -0.02, 0.2, 0.03, 0.15, 0.05,
                0.12);
        RealMatrix sa = dense(a);
        RealMatrix sb = dense(b);
        RealMatrix ra = sqrtm(sa);
        double cross = sqrtm(ra.multiply(sb).multiply(ra)).getTrace();
        double mean = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                mean += Math.pow(a.covariance().mean(i, j) - b.covariance().mean(i, j), 2);
            }
        }
        double expected = mean + sa.getTrace() + sb.getTrace() - 2 * cross;
        assertEquals(expected, Wasserstein.squared(a, b), 1e-10);
        WassersteinBreakdown w = Wasserstein.between(a, b);
        assertEquals(w.w2Squared(), w.mean() + w.v0() + w.vh() + w.v2() + w.v3(), 1e-15);
    }

    private static RealMatrix dense(PigmmParameters p) {
        int d = p.d();
        PigmmCovariance c = p.covariance();
        double[][] s = new double[d * d][d * d];
        for (int r = 0; r < d * d; r++) {
            for (int q = 0; q < d * d; q++) {
                s[r][q] = c.covariance(r / d, r % d, q / d, q % d);
            }
        }
        return MatrixUtils.createRealMatrix(s);
    }

    private static RealMatrix sqrtm(RealMatrix m) {
        RealMatrix sym = m.add(m.transpose()).scalarMultiply(0.5);
        EigenDecomposition e = new EigenDecomposition(sym);
        double[] ev = e.getRealEigenvalues();
        double[] s = new double[ev.length];
        for (int k = 0; k < ev.length; k++) {
            s[k] = Math.sqrt(Math.max(0, ev[k]));
        }
        return e.getV().multiply(MatrixUtils.createRealDiagonalMatrix(s)).multiply(e.getVT());
    }
}
