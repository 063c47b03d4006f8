package org.netgauss.preact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeOfChaosTest {

    private static final EdgeOfChaos RELU_EOC = EdgeOfChaos.of(StandardActivations.relu(), 1, Math.sqrt(2), 0);

    @Test
    void reluAtTheEdgeMapsEveryVarianceToItself() {
        // docs/spec/gaussian-preact.md §2.2 / §4 item 10: V(q) = sigma_w^2 q / 2 + sigma_b^2 = q at sigma_w^2 = 2, sigma_b = 0
        for (double q : new double[] {0.1, 0.7, 1, 3.5}) {
            assertEquals(q, RELU_EOC.variance(q), 1e-12 * Math.max(1, q));
            assertEquals(1.0, RELU_EOC.chi1(q), 1e-12);
        }
        assertEquals(EdgeOfChaos.Phase.CRITICAL, RELU_EOC.phase());
    }

    @Test
    void reluCorrelationMapIsTheArcCosineKernel() {
        // docs/spec/gaussian-preact.md §2.2: C(c) = (sqrt(1-c^2) + (pi - arccos c) c)/pi; C(0) = 0.318310, C(0.5) = 0.608998,
        // C(0.9) = 0.909538, C(0.99) = 0.990300
        for (double c : new double[] {0, 0.25, 0.5, 0.9, 0.99}) {
            double exact = (Math.sqrt(1 - c * c) + (Math.PI - Math.acos(c)) * c) / Math.PI;
            assertEquals(exact, RELU_EOC.correlation(c, 1.0), 5e-6, "c = " + c);
        }
        assertEquals(0.318310, RELU_EOC.correlation(0, 1.0), 5e-6);
        assertEquals(0.608998, RELU_EOC.correlation(0.5, 1.0), 5e-6);
        assertEquals(0.909538, RELU_EOC.correlation(0.9, 1.0), 5e-6);
        assertEquals(0.990300, RELU_EOC.correlation(0.99, 1.0), 5e-6);
        assertEquals(2.0, EdgeOfChaos.reluPoint(1).sigmaW2(), 0.0);
    }

    @Test
    void tanhEocCurveMatchesSpecTable() {
        // docs/spec/gaussian-preact.md §2.2 table [N]: (sigma_b^2 -> sigma_w^2, q*)
        double[] sb2 = {1e-4, 1e-3, 0.005, 0.01, 0.013, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0};
        double[] sw2 = {1.086026, 1.189190, 1.331727, 1.424205, 1.465957, 1.544193, 1.760955, 1.986073, 2.285152,
            2.843167, 3.443211};
        double[] q = {0.045709, 0.107292, 0.203831, 0.273301, 0.306389, 0.371240, 0.570048, 0.805799, 1.164496, 1.971031,
            3.036397};
        List<EdgeOfChaos.EocPoint> curve = EdgeOfChaos.curve(StandardActivations.tanh(), 1.0, sb2);
        assertEquals(sb2.length, EdgeOfChaos.toTable(curve).rowCount());
        for (int i = 0; i < sb2.length; i++) {
            assertEquals(sw2[i], curve.get(i).sigmaW2(), 2e-6, "sigma_b^2 = " + sb2[i]);
            assertEquals(q[i], curve.get(i).qStar(), 2e-6, "sigma_b^2 = " + sb2[i]);
            assertEquals(1.0, curve.get(i).chi1(), 1e-9);
        }
    }

    @Test
    void tanhAtTheAuthorsValuesIsSlightlyOrdered() {
        // docs/spec/gaussian-preact.md §2.2: at (1.46, 0.013) q* = 0.302940, chi_1 = 0.998860; C at c = 0/0.5/0.9/0.99:
        // 0.042913 / 0.514058 / 0.900773 / 0.990018
        EdgeOfChaos tanh = EdgeOfChaos.of(Initialisation.tanh());
        double q = tanh.fixedPoint();
        assertEquals(0.302940, q, 1e-6);
        assertEquals(0.998860, tanh.chi1(q), 1e-6);
        assertEquals(EdgeOfChaos.Phase.ORDERED, tanh.phase());
        double[] c = {0, 0.5, 0.9, 0.99};
        double[] expected = {0.042913, 0.514058, 0.900773, 0.990018};
        for (int i = 0; i < c.length; i++) {
            assertEquals(expected[i], tanh.correlation(c[i], q), 2e-6, "c = " + c[i]);
        }
        assertEquals(1.0, tanh.correlationFixedPoint(), 1e-6);
        assertTrue(tanh.correlationDepth() > 100, "xi_c diverges near the edge: " + tanh.correlationDepth());
    }

    @Test
    void phiThetaChiOneAtUnitScalesMatchesSpecTable() {
        // docs/spec/gaussian-preact.md §2.3 table [N], column chi_1@(1,0) = m2 E[phi'^2]
        double[] thetas = {2.05, 2.5, 3, 4, 5, 7, 10};
        double[] odd = {1.23745, 1.09893, 1.04201, 1.00134, 0.98890, 0.98130, 0.98003};
        double[] pos = {0.22493, 0.26211, 0.28715, 0.31483, 0.33060, 0.34610, 0.35614};
        for (int i = 0; i < thetas.length; i++) {
            assertEquals(odd[i], EdgeOfChaos.of(Initialisation.of(PhiTheta.odd(thetas[i]))).chi1(1), 1e-5);
            assertEquals(pos[i], EdgeOfChaos.of(Initialisation.of(PhiTheta.positive(thetas[i]))).chi1(1), 1e-5);
        }
    }

    @Test
    void positivePhiThetaCorrelationMapMatchesSpecOracles() {
        // docs/spec/gaussian-preact.md §2.3 oracles [N], sigma_w = 1, sigma_b = 0, q = 1, normalised by the actual variance
        double[] c = {0, 0.5, 0.9, 0.99};
        check(PhiTheta.positive(2.05), c, new double[] {0.79823, 0.89599, 0.97811, 0.99777}, 1e-5);
        check(PhiTheta.positive(3), c, new double[] {0.72544, 0.85965, 0.97103, 0.99707}, 1e-5);
        check(PhiTheta.positive(10), c, new double[] {0.65643, 0.82261, 0.96340, 0.99631}, 1e-5);
    }

    @Test
    void oddPhiThetaCorrelationMapMatchesSpecOraclesWithinTheirQuadratureError() {
        // docs/spec/gaussian-preact.md §2.3 oracles [N] at c = 0.5/0.9/0.99, and 0 at c = 0. Ours are 1e-5..4e-5 lower, the same relative
        // offset at every c, i.e. a normalisation E[phi^2] differing by ~5e-5: phi^o has a kink in phi'' at 0,
        // where Gauss-Hermite (the spec's suggested rule) converges slowly; our midpoint rule is converged to 1e-9
        // under step refinement (0.02 -> 0.0025). Tolerance 5e-5.
        double[] c = {0.5, 0.9, 0.99};
        check(PhiTheta.odd(2.05), c, new double[] {0.47113, 0.88286, 0.98781}, 5e-5);
        check(PhiTheta.odd(3), c, new double[] {0.49048, 0.89508, 0.98941}, 5e-5);
        check(PhiTheta.odd(10), c, new double[] {0.49895, 0.89934, 0.98991}, 5e-5);
        assertEquals(0.0, EdgeOfChaos.of(Initialisation.of(PhiTheta.odd(3))).correlation(0, 1), 1e-12);
    }

    private static void check(PhiTheta phi, double[] c, double[] expected, double tol) {
        EdgeOfChaos eoc = EdgeOfChaos.of(Initialisation.of(phi));
        for (int i = 0; i < c.length; i++) {
            assertEquals(expected[i], eoc.correlation(c[i], 1.0), tol, phi.name() + " at c = " + c[i]);
        }
    }

    @Test
    void nonAsymptoticEocMatchesSpecTableAndFlagsInfeasiblePoints() {
        // docs/spec/gaussian-preact.md §2.3 table: sigma_w^2 (EOC, q=1) odd = 1/(m2 E[phi'^2]); > 1 (infeasible for an exact phi) from theta 5
        double[] thetas = {2.05, 2.5, 3, 4, 5, 7, 10};
        double[] sw2 = {0.80811, 0.90997, 0.95968, 0.99867, 1.01123, 1.01905, 1.02038};
        for (int i = 0; i < thetas.length; i++) {
            var eoc = EdgeOfChaos.nonAsymptotic(PhiTheta.odd(thetas[i]), new SymmetricWeibull(thetas[i]));
            assertEquals(sw2[i], eoc.sigmaW2(), 1e-5, "theta " + thetas[i]);
            assertEquals(sw2[i] > 1, eoc.sigmaB2Ideal() < 0);
        }
        var three = EdgeOfChaos.nonAsymptotic(PhiTheta.odd(3), new SymmetricWeibull(3));
        Initialisation init = three.initialisation(PhiTheta.odd(3));
        EdgeOfChaos maps = EdgeOfChaos.of(init);
        // consistency: the point is critical with q* = 1, as constructed
        assertEquals(1.0, maps.fixedPoint(), 1e-9);
        assertEquals(1.0, maps.chi1(), 1e-9);
        var ten = EdgeOfChaos.nonAsymptotic(PhiTheta.odd(10), new SymmetricWeibull(10));
        assertTrue(ten.feasible(), "with the surrogate's own variance, theta = 10 has sigma_b^2 = " + ten.sigmaB2());
    }

    @Test
    void chaoticTanhHasACorrelationFixedPointBelowOne() {
        // sigma_w^2 = 4, sigma_b = 0: chaotic (chi_1 > 1), tanh is odd so C(0) = 0 and c* = 0 attracts
        EdgeOfChaos chaotic = EdgeOfChaos.of(StandardActivations.tanh(), 1, 2, 0);
        assertEquals(EdgeOfChaos.Phase.CHAOTIC, chaotic.phase());
        assertEquals(0.0, chaotic.correlationFixedPoint(), 1e-12);
        // with a bias, C(0) > 0 and c* in (0, 1) is a true fixed point
        EdgeOfChaos biased = EdgeOfChaos.of(StandardActivations.tanh(), 1, 2, 0.3);
        double c = biased.correlationFixedPoint();
        assertTrue(c > 0 && c < 1, "c* = " + c);
        assertEquals(c, biased.correlation(c), 1e-10);
        assertTrue(biased.correlationDepth() > 0);
    }

    @Test
    void gaussianWeightsAndIdentityHaveUnitChi() {
        EdgeOfChaos id = EdgeOfChaos.of(StandardActivations.identity(), 1, 1, 0);
        assertEquals(1.0, id.chi1(2.0), 1e-12);
        assertEquals(0.3, id.correlation(0.3, 2.0), 1e-12);
    }

    @Test
    void divergingVarianceMapIsReported() {
        EdgeOfChaos chaotic = EdgeOfChaos.of(StandardActivations.relu(), 1, 2, 0);
        var e = assertThrows(IllegalStateException.class, chaotic::fixedPoint);
        assertTrue(e.getMessage().contains("no finite fixed point"));
        assertFalse(e.getMessage().isEmpty());
    }
}
