package org.netgauss.preact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OneLayerLawTest {

    // docs/spec/gaussian-preact.md §4 item 4 [N]: exact one-layer KS distance of W phi(xi) for the surrogates
    private static final double[] THETAS = {2.05, 2.5, 3, 4, 5, 7, 10};
    private static final double[] KS_ODD = {0.00238, 0.00238, 0.00420, 0.00689, 0.00825, 0.00960, 0.01059};
    private static final double[] KS_POS = {0.00396, 0.00355, 0.00394, 0.00438, 0.00447, 0.00468, 0.00484};

    @Test
    void exactOneLayerKsMatchesSpecTable() {
        for (int i = 0; i < THETAS.length; i++) {
            assertEquals(KS_ODD[i], OneLayerLaw.of(PhiTheta.odd(THETAS[i])).ksDistance(), 2e-5, "odd theta " + THETAS[i]);
            assertEquals(KS_POS[i], OneLayerLaw.of(PhiTheta.positive(THETAS[i])).ksDistance(), 2e-5, "pos theta " + THETAS[i]);
        }
    }

    private static double monteCarloKs(ActivationFunction phi, WeightLaw w, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = w.sample(r) * phi.apply(r.nextGaussian());
        }
        return GaussianityStatistics.of(t).ks();
    }

    @Test
    void weibullTimesPhiThetaIsStandardNormalUpToTheSurrogateError() {
        // docs/spec/gaussian-preact.md §4 item 4: a Monte Carlo KS with N = 1e6 lands within about 0.002 of the exact value; both
        // families, both ends of the theta range (the exact route is checked for all thetas above)
        for (PhiTheta phi : new PhiTheta[] {PhiTheta.odd(2.05), PhiTheta.odd(10), PhiTheta.positive(3), PhiTheta.positive(10)}) {
            double exact = OneLayerLaw.of(phi).ksDistance();
            assertEquals(exact, monteCarloKs(phi, phi.weightLaw(), 1_000_000, 11), 0.002, phi.name());
        }
    }

    @Test
    void weibullTwoTimesPhiTwoIsExactlyStandardNormal() {
        // docs/spec/gaussian-preact.md §4 item 9: W(2,1) * phi_2(xi) ~ N(0,1) exactly; KS ~ 0.87/sqrt(N); the KS test must not reject
        int n = 1_000_000;
        SplittableRandom r = new SplittableRandom(13);
        SymmetricWeibull w = new SymmetricWeibull(2);
        ActivationFunction phi2 = StandardActivations.phi2();
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = w.sample(r) * phi2.apply(r.nextGaussian());
        }
        GaussianityStatistics s = GaussianityStatistics.of(t);
        assertTrue(s.ks() < 2.0 / Math.sqrt(n), s.toString());
        assertTrue(s.ksPValue() > 0.001, s.toString());
        assertEquals(0.0, s.excessKurtosis(), 0.03);
        // and the deterministic route: the exact KS distance is at the level of the quadrature error, which
        // peaks near z -> 0 where exp(-(z/|phi(xi)|)^2) varies on a scale z around xi = 0 (about 1e-5 at z = 0.01)
        assertTrue(OneLayerLaw.of(phi2, w).ksDistance() < 2e-5);
    }

    @Test
    void reluWithGaussianWeightsIsFarFromNormal() {
        // W relu(xi) with W ~ N(0,1) has an atom at 0 of mass 1/2: KS to N(0,1) is large
        assertTrue(monteCarloKs(StandardActivations.relu(), WeightLaw.gaussian(), 100_000, 14) > 0.1);
    }
}
