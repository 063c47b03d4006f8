package org.netgauss.preact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class ExactPhiThetaTest {

    @Test
    void densityIntegralAndLossMatchTheAuthorsFits() {
        // docs/spec/gaussian-preact.md §1.5 table, columns "integral g" and "L_inf" (recomputed there to 1e-5 from the authors' objects)
        double[] thetas = {2.05, 2.5, 3, 4, 5, 7, 10};
        double[] integral = {1.00021, 1.00315, 1.00547, 1.00804, 1.00869, 1.00925, 1.00914};
        double[] lInf = {0.00107, 0.00318, 0.00550, 0.00809, 0.00876, 0.00925, 0.00920};
        for (int i = 0; i < thetas.length; i++) {
            PhiDensity g = PhiDensity.tabulated(thetas[i]);
            assertEquals(integral[i], g.integral(), 1e-5, "theta " + thetas[i]);
            assertEquals(lInf[i], g.lInfLoss(), 2e-5, "theta " + thetas[i]);
        }
    }

    @Test
    void densityAtZeroIsTheMellinPole() {
        // docs/spec/gaussian-preact.md §1.2 and 1.3 table: g(0+) = sqrt(2/pi)/Gamma(1 - 1/theta); 0.589228 at theta = 3
        assertEquals(0.589228, PhiDensity.tabulated(3).density(0), 1e-6);
        assertEquals(Math.sqrt(2 / Math.PI) / Gamma.gamma(1 - 1 / 10.0), PhiDensity.tabulated(10).density(1e-300), 1e-12);
    }

    @Test
    void closedFormTailMassAgreesWithNumericalIntegralOfTheDensity() {
        PhiDensity g = PhiDensity.tabulated(4);
        double h = 1e-4;
        double s = 0;
        for (double y = 0.7 + h / 2; y < 12; y += h) {
            s += g.density(y) * h;
        }
        assertEquals(s, g.tailMass(0.7), 1e-8);
    }

    @Test
    void exactOddPhiMatchesTheInverseSurvivalOracle() {
        // docs/spec/gaussian-preact.md §4 item 8 (authors' un-normalised g, grid step 0.025), tolerance 1e-3 as stated there
        double[] x = {0.5, 1, 2, 3};
        check(ExactPhiTheta.odd(PhiDensity.tabulated(3)), x, new double[] {0.63241, 1.19933, 1.80889, 2.27923});
        check(ExactPhiTheta.odd(PhiDensity.tabulated(10)), x, new double[] {0.51811, 1.08159, 1.98189, 2.72029});
        check(ExactPhiTheta.odd(PhiDensity.tabulated(2.05)), x, new double[] {0.83308, 1.18230, 1.55189, 1.82068});
    }

    private static void check(ActivationFunction phi, double[] x, double[] expected) {
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected[i], phi.apply(x[i]), 1e-3, phi.name() + " at " + x[i]);
            assertEquals(-expected[i], phi.apply(-x[i]), 1e-3, phi.name() + " at " + -x[i]);
        }
    }

    @Test
    void exactOddPhiJumpsAtZeroByTheExcessMassOverTheDensity() {
        // docs/spec/gaussian-preact.md §1.4 step B: the jump is about (int g - 1)/g(0), 0.0093 at theta = 3; the first grid value
        // (x = 0.025) carries it, the normalised density removes it
        PhiDensity g = PhiDensity.tabulated(3);
        double x1 = 10.0 / 399;
        double expectedJump = (g.integral() - 1) / g.densityAtZero();
        assertEquals(0.0093, expectedJump, 1e-4);
        double slope = Gamma.gamma(1 - 1 / 3.0);   // exact phi^o'(0) = Gamma(1 - 1/theta), docs/spec/gaussian-preact.md §1.2
        double raw = ExactPhiTheta.odd(g).apply(x1);
        double normalised = ExactPhiTheta.odd(g.normalised()).apply(x1);
        assertEquals(expectedJump, raw - normalised, 1e-3);
        assertEquals(slope * x1, normalised, 2e-3);
    }

    @Test
    void exactPositivePhiIsIncreasingAndLevelsOffAtTheJump() {
        PhiDensity g = PhiDensity.tabulated(3);
        ExactPhiTheta phi = ExactPhiTheta.positive(g);
        double[] y = phi.gridY();
        for (int i = 2; i < y.length; i++) {
            assertTrue(y[i] >= y[i - 1], "not increasing at grid point " + i);
        }
        assertEquals((g.integral() - 1) / g.densityAtZero(), phi.apply(-8), 1e-3);
    }

    @Test
    void exactPhiTimesWeibullIsCloserToNormalThanTheSurrogate() {
        // consistency of two routes: step B inverts g itself, the surrogate adds its least-squares error on top
        // (measured here: 0.0027 for the exact phi, 0.0042 for the surrogate, docs/spec/gaussian-preact.md §4 item 4)
        OneLayerLaw exact = OneLayerLaw.of(ExactPhiTheta.odd(PhiDensity.tabulated(3)), new SymmetricWeibull(3));
        assertTrue(exact.ksDistance() < OneLayerLaw.of(PhiTheta.odd(3)).ksDistance());
    }

    @Test
    void fitOfAnUntabulatedThetaGivesAUsableActivation() {
        // theta = 3.5 is not in the authors' table: fit g, invert, and check the product law is close to N(0,1)
        PhiDensityFit fit = PhiDensityFit.fit(3.5, 400);
        assertTrue(fit.lossWithoutZero() < 0.01, fit.toString());
        ExactPhiTheta phi = ExactPhiTheta.odd(fit.density());
        assertTrue(OneLayerLaw.of(phi, phi.weightLaw()).ksDistance() < 0.006);
        // and it sits between its tabulated neighbours (phi(2) grows with theta: 1.811938 at 3, 1.906923 at 4)
        assertTrue(phi.apply(2) > 1.80 && phi.apply(2) < 1.92, "phi(2) = " + phi.apply(2));
    }

    @Test
    void rejectsThetaAtOrBelowTwo() {
        assertThrows(IllegalArgumentException.class, () -> PhiDensityFit.fit(2));
        assertThrows(IllegalArgumentException.class, () -> PhiDensity.tabulated(3.5));
    }
}
