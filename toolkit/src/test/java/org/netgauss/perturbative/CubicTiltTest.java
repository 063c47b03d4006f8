package org.netgauss.perturbative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.netgauss.invariants.Invariants;
import org.netgauss.pigmm.PigmmParameters;

/**
 * The numerical check of the cubic term in oracle (b) of docs/spec/perturbative.md §6: e^{−x²/2 − g x³} is not
 * normalisable, but the regulated tilt e^{−x²/2 − g x³ − g² x⁴} has the same first order, so its derivatives at g = 0
 * (by quadrature and a central difference) must equal −C₀(F, I22)/D² of an IID N(0, 1) base.
 */
class CubicTiltTest {
    /** ∫ x^k exp(−x²/2 − g x³ − g² x⁴) dx by composite Simpson on [−12, 12]. */
    private static double moment(int k, double g) {
        int n = 24000;
        double h = 24.0 / n;
        double s = 0;
        for (int j = 0; j <= n; j++) {
            double x = -12 + j * h;
            double w = j == 0 || j == n ? 1 : (j % 2 == 1 ? 4 : 2);
            s += w * Math.pow(x, k) * Math.exp(-x * x / 2 - g * x * x * x - g * g * x * x * x * x);
        }
        return s * h / 3;
    }

    private static double slope(int k) {
        double h = 1e-4;
        return (moment(k, h) / moment(0, h) - moment(k, -h) / moment(0, -h)) / (2 * h);
    }

    @Test
    void regulatedCubicTiltHasTheFirstOrderOfTheCorrelators() {
        // printed: dE[x³]/dg = −15.000007, dE[x]/dg = −3.0000004, dE[x²]/dg = 0
        double d3 = slope(3);
        double d1 = slope(1);
        double d2 = slope(2);
        assertEquals(-15.000007, d3, 2e-6);
        assertEquals(-3.0000004, d1, 2e-7);
        assertEquals(0, d2, 1e-9);
        int d = 7;
        GaussianCorrelator c = GaussianCorrelator.of(PigmmParameters.iid(d, 0, 1));
        double dd = d * d;
        // ⟨I22⟩, ⟨T⟩ = ⟨I2⟩ and ⟨I3⟩ move by −g C₀(F, I22); per entry that is the slope above (to O(h²))
        assertEquals(d3, -c.connected(Invariants.paper(22), Invariants.paper(22)) / dd, 1e-5);
        assertEquals(d1, -c.connected(Invariants.paper(2), Invariants.paper(22)) / dd, 1e-6);
        assertEquals(d2, -c.connected(Invariants.paper(3), Invariants.paper(22)) / dd, 1e-9);
    }
}
