package org.netgauss.preact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PhiThetaTest {

    private static void assertValues(PhiTheta phi, double[] x, double[] expected) {
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected[i], phi.apply(x[i]), 2e-6, phi.name() + " at " + x[i]);
        }
    }

    @Test
    void oddSurrogateMatchesTabulatedValuesAndIsOdd() {
        // docs/spec/gaussian-preact.md §4 item 2, evaluated by the spec's author from the authors' fitted objects [N]
        double[] x = {0.5, 1, 2, 3, 5};
        assertValues(PhiTheta.odd(2.05), x, new double[] {0.800276, 1.189124, 1.551120, 1.820240, 2.253454});
        assertValues(PhiTheta.odd(3), x, new double[] {0.661079, 1.193116, 1.811938, 2.269785, 3.067762});
        assertValues(PhiTheta.odd(4), x, new double[] {0.601206, 1.165551, 1.906923, 2.466663, 3.475799});
        assertValues(PhiTheta.odd(10), x, new double[] {0.513085, 1.080567, 2.002146, 2.708832, 3.993125});
        for (double theta : PhiTheta.tabulatedThetas(PhiTheta.Family.ODD)) {
            PhiTheta phi = PhiTheta.odd(theta);
            for (double v : x) {
                assertEquals(-phi.apply(v), phi.apply(-v), 0.0);
            }
        }
    }

    @Test
    void positiveSurrogateMatchesTabulatedValues() {
        // docs/spec/gaussian-preact.md §4 item 3 [N]
        double[] x = {-2, -1, 0, 1, 2};
        assertValues(PhiTheta.positive(2.05), x, new double[] {0.038737, 0.333913, 0.983761, 1.357904, 1.626173});
        assertValues(PhiTheta.positive(3), x, new double[] {0.040780, 0.252573, 0.873478, 1.488883, 1.943003});
        assertValues(PhiTheta.positive(10), x, new double[] {0.042617, 0.205909, 0.719030, 1.484312, 2.203752});
    }

    @Test
    void oddSurrogateSlopeAtZeroMatchesTabulatedValues() {
        // docs/spec/gaussian-preact.md §4 item 6 [N]; the theory's Gamma(1 - 1/theta) is larger (the surrogates are not exact)
        double[] thetas = {2.05, 2.5, 3, 4, 5, 7, 10};
        double[] slopes = {1.68387, 1.29907, 1.13211, 0.97435, 0.92184, 0.87344, 0.84281};
        for (int i = 0; i < thetas.length; i++) {
            assertEquals(slopes[i], PhiTheta.odd(thetas[i]).derivative(0), 1e-5, "theta " + thetas[i]);
        }
    }

    @Test
    void derivativeAgreesWithCentralFiniteDifference() {
        double h = 1e-5;
        for (PhiTheta.Family family : PhiTheta.Family.values()) {
            for (double theta : PhiTheta.tabulatedThetas(family)) {
                PhiTheta phi = PhiTheta.tabulated(family, theta);
                for (double x = -6; x <= 6; x += 0.37) {
                    double fd = (phi.apply(x + h) - phi.apply(x - h)) / (2 * h);
                    assertEquals(fd, phi.derivative(x), 1e-7 * Math.max(1, Math.abs(fd)), phi.name() + " at " + x);
                }
            }
        }
    }

    @Test
    void secondMomentsMatchTheEdgeOfChaosTable() {
        // docs/spec/gaussian-preact.md §2.3 table [N]: m2 E[phi^2] and E[phi'^2] for the surrogates, to about 1e-4
        double[] thetas = {2.05, 2.5, 3, 4, 5, 7, 10};
        double[] m2PhiOdd = {1.00609, 0.99096, 0.98018, 0.96966, 0.96778, 0.96759, 0.96947};
        double[] dPhiOdd = {1.250033, 1.179894, 1.154268, 1.129886, 1.114548, 1.090642, 1.067374};
        double[] m2PhiPos = {1.00579, 0.99106, 0.97994, 0.96898, 0.96595, 0.96400, 0.96432};
        double[] dPhiPos = {0.227214, 0.281420, 0.318081, 0.355249, 0.372604, 0.384659, 0.387883};
        GaussianRule rule = GaussianRule.midpoint(12, 1e-3);
        for (int i = 0; i < thetas.length; i++) {
            double m2 = new SymmetricWeibull(thetas[i]).secondMoment();
            PhiTheta o = PhiTheta.odd(thetas[i]);
            PhiTheta p = PhiTheta.positive(thetas[i]);
            assertEquals(m2PhiOdd[i], m2 * rule.expect(x -> o.apply(x) * o.apply(x)), 1e-4, o.name());
            assertEquals(dPhiOdd[i], rule.expect(x -> o.derivative(x) * o.derivative(x)), 1e-4, o.name());
            assertEquals(m2PhiPos[i], m2 * rule.expect(x -> p.apply(x) * p.apply(x)), 1e-4, p.name());
            assertEquals(dPhiPos[i], rule.expect(x -> p.derivative(x) * p.derivative(x)), 1e-4, p.name());
        }
    }

    @Test
    void equalTablesGiveEqualActivationsAndInitialisations() {
        assertEquals(PhiTheta.odd(3), PhiTheta.odd(3));
        assertEquals(Initialisation.of(PhiTheta.positive(3)), Initialisation.of(PhiTheta.positive(3)));
        org.junit.jupiter.api.Assertions.assertNotEquals(PhiTheta.odd(3), PhiTheta.positive(3));
    }

    @Test
    void untabulatedThetaIsRejectedWithAHint() {
        var e = assertThrows(IllegalArgumentException.class, () -> PhiTheta.positive(6));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("ExactPhiTheta"));
    }

    @Test
    void arrayFormsAgreeWithScalarForm() {
        for (PhiTheta phi : new PhiTheta[] {PhiTheta.positive(3), PhiTheta.odd(3), PhiTheta.odd(2.05)}) {
            checkArrayForms(phi);
        }
    }

    private static void checkArrayForms(PhiTheta phi) {
        double[] x = {-3, -0.5, 0, 0.5, 3};
        double[] y = new double[5];
        float[] xf = {-3f, -0.5f, 0f, 0.5f, 3f};
        float[] yf = new float[5];
        phi.apply(x, y);
        phi.apply(xf, yf);
        for (int i = 0; i < x.length; i++) {
            assertEquals(phi.apply(x[i]), y[i], 0.0);
            assertEquals(phi.apply(x[i]), yf[i], 1e-6);
        }
        double[] many = new double[1001];
        for (int i = 0; i < many.length; i++) {
            many[i] = -25 + 0.05 * i;
        }
        double[] bulk = new double[many.length];
        phi.apply(many, bulk);
        for (int i = 0; i < many.length; i++) {
            assertEquals(phi.apply(many[i]), bulk[i], 0.0, phi.name() + " at " + many[i]);
        }
    }
}
