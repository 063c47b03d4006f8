package org.netgauss.preact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaussianRuleTest {

    @Test
    void gaussHermiteIsExactForEvenMomentsUpToDegreeTwoNMinusOne() {
        // E xi^(2k) = (2k-1)!!
        GaussianRule rule = GaussianRule.gaussHermite(10);
        double dfact = 1;
        for (int k = 1; k <= 9; k++) {
            dfact *= 2 * k - 1;
            final int p = 2 * k;
            assertEquals(dfact, rule.expect(x -> Math.pow(x, p)), 1e-11 * dfact, "E xi^" + p);
        }
    }

    @Test
    void weightsSumToOneForLargeRules() {
        for (int n : new int[] {1, 2, 51, 160, 200, 256}) {
            double s = 0;
            for (double w : GaussianRule.gaussHermite(n).weights()) {
                s += w;
            }
            assertEquals(1.0, s, 1e-13, "n = " + n);
        }
    }

    @Test
    void tanhMomentsMatchSpecSanityValues() {
        // docs/spec/gaussian-preact.md §2.2: E[tanh(xi)^2] = 0.394294 and E[sech^4(xi)] = 0.464403
        for (GaussianRule rule : new GaussianRule[] {GaussianRule.gaussHermite(200), GaussianRule.midpoint(12, 1e-2)}) {
            assertEquals(0.394294, rule.expect(x -> Math.tanh(x) * Math.tanh(x)), 1e-6, rule.name());
            assertEquals(0.464403, rule.expect(x -> Math.pow(1 / Math.cosh(x), 4)), 1e-6, rule.name());
        }
    }

    @Test
    void pairExpectationGivesTheCorrelation() {
        GaussianRule rule = GaussianRule.gaussHermite(20);
        for (double rho : new double[] {-1, -0.3, 0, 0.5, 0.99, 1}) {
            assertEquals(rho, rule.expectPair(x -> x, x -> x, rho), 1e-12);
        }
    }

    @Test
    void midpointAndGaussHermiteAgreeOnASmoothFunction() {
        double gh = GaussianRule.gaussHermite(200).expect(x -> Math.exp(Math.sin(x)));
        double tr = GaussianRule.midpoint(12, 1e-3).expect(x -> Math.exp(Math.sin(x)));
        assertEquals(gh, tr, 1e-12);
    }

    @Test
    void rejectsTooManyHermiteNodesAndBadSteps() {
        assertThrows(IllegalArgumentException.class, () -> GaussianRule.gaussHermite(0));
        assertThrows(IllegalArgumentException.class, () -> GaussianRule.gaussHermite(GaussianRule.MAX_HERMITE_NODES + 1));
        assertThrows(IllegalArgumentException.class, () -> GaussianRule.midpoint(1, 0));
        assertThrows(IllegalArgumentException.class, () -> GaussianRule.gaussHermite(4).expectPair(x -> x, x -> x, 1.5));
    }
}
