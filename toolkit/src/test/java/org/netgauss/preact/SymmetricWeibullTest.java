package org.netgauss.preact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricWeibullTest {

    // docs/spec/gaussian-preact.md §1.3 table, column E W^2 = Gamma(1 + 2/theta), recomputed by the spec's author [N]
    private static final double[] THETAS = {2.05, 2.5, 3, 4, 5, 7, 10};
    private static final double[] SECOND_MOMENTS = {0.989932, 0.931384, 0.902745, 0.886227, 0.887264, 0.899747, 0.918169};

    @Test
    void secondMomentIsGammaOnePlusTwoOverThetaAsTabulated() {
        for (int i = 0; i < THETAS.length; i++) {
            assertEquals(SECOND_MOMENTS[i], new SymmetricWeibull(THETAS[i]).secondMoment(), 1e-6, "theta " + THETAS[i]);
        }
    }

    @Test
    void absoluteFirstMomentMatchesSpecOracle() {
        // docs/spec/gaussian-preact.md §4 item 1: E|W| = Gamma(1 + 1/theta), theta=3: 0.892980, theta=10: 0.951351
        assertEquals(0.892980, new SymmetricWeibull(3).absMoment(1), 1e-6);
        assertEquals(0.951351, new SymmetricWeibull(10).absMoment(1), 1e-6);
    }

    @Test
    void kurtosisOfThetaTwoIsTwo() {
        // theta = 2: |W| is Rayleigh-like with E W^2 = 1, E W^4 = Gamma(3) = 2, so kurtosis 2
        assertEquals(2.0, new SymmetricWeibull(2).kurtosis(), 1e-12);
        assertEquals(-1.0, new SymmetricWeibull(2).excessKurtosis(), 1e-12);
    }

    @Test
    void samplesFollowTheSymmetricWeibullCdf() {
        // docs/spec/gaussian-preact.md §4 item 1: KS of 1e6 draws against F(t) = 1/2 + sgn(t)(1 - exp(-|t|^theta))/2 below ~0.002
        for (double theta : new double[] {2.05, 3, 10}) {
            SymmetricWeibull w = new SymmetricWeibull(theta);
            double[] x = new double[1_000_000];
            w.fill(x, new SplittableRandom(42));
            Arrays.sort(x);
            double d = 0;
            int n = x.length;
            for (int i = 0; i < n; i++) {
                double f = w.cdf(x[i]);
                d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
            }
            assertTrue(d < 0.002, "KS " + d + " at theta " + theta);
            double m1 = 0;
            double m2 = 0;
            for (double v : x) {
                m1 += Math.abs(v);
                m2 += v * v;
            }
            // MC standard errors at 1e6 draws are below 1e-3 for both moments; tolerance 5 sd
            assertEquals(w.absMoment(1), m1 / n, 3e-3, "E|W| at theta " + theta);
            assertEquals(w.secondMoment(), m2 / n, 5e-3, "E W^2 at theta " + theta);
        }
    }

    @Test
    void interpolatedQuantileOfTheBulkSamplerMatchesTheExactOneToNineDigits() {
        // fill() inverts the cdf by cubic Hermite interpolation; its quantile must agree with the exact
        // (-ln(1-u))^(1/theta) to 2e-10 absolute for theta >= 2, and to 1e-9 relative for
        // the heavy-tailed theta < 1, so that the law of the bulk draws is the symmetric Weibull's
        for (double theta : new double[] {0.7, 2, 2.05, 3, 10}) {
            SymmetricWeibull w = new SymmetricWeibull(theta);
            double worst = 0;
            double worstRelative = 0;
            for (double u = 1.0 / 64; u < 1 - 1.0 / 64; u += 1.234567e-5) {
                double exact = w.absQuantile(u);
                double err = Math.abs(w.absQuantileInterpolated(u) - exact);
                worst = Math.max(worst, err);
                worstRelative = Math.max(worstRelative, err / exact);
            }
            assertTrue(worstRelative < 1e-9, "theta " + theta + ": relative quantile error " + worstRelative);
            if (theta >= 2) {
                assertTrue(worst < 2e-10, "theta " + theta + ": quantile error " + worst);
            }
        }
    }

    @Test
    void bulkDrawsInTheTailsUseTheExactQuantile() {
        // u < 1/64 and u > 1 - 1/64 take -ln(1-u) by series or log(1-u): check the tail magnitudes' law
        SymmetricWeibull w = new SymmetricWeibull(3);
        double[] x = new double[400_000];
        w.fill(x, new SplittableRandom(5));
        long small = 0;
        long large = 0;
        double qLo = w.absQuantile(1.0 / 128);
        double qHi = w.absQuantile(1 - 1.0 / 128);
        for (double v : x) {
            small += Math.abs(v) < qLo ? 1 : 0;
            large += Math.abs(v) > qHi ? 1 : 0;
        }
        // each has probability 1/128 = 3125 of 400 000; binomial sd 56
        assertEquals(3125, small, 300);
        assertEquals(3125, large, 300);
    }

    @Test
    void sameSeedGivesSameDraws() {
        SymmetricWeibull w = new SymmetricWeibull(3);
        double[] a = new double[100];
        double[] b = new double[100];
        w.fill(a, new SplittableRandom(7));
        w.fill(b, new SplittableRandom(7));
        assertTrue(Arrays.equals(a, b));
    }

    @Test
    void conjugateExponentSatisfiesHalfEqualsInverseSum() {
        // docs/spec/gaussian-preact.md §1.3 table: theta' = 82 at 2.05, 10 at 2.5, 6 at 3, 4 at 4
        assertEquals(82, new SymmetricWeibull(2.05).conjugateExponent(), 1e-9);
        assertEquals(6, new SymmetricWeibull(3).conjugateExponent(), 1e-12);
        assertThrows(IllegalStateException.class, () -> new SymmetricWeibull(2).conjugateExponent());
    }

    @Test
    void rejectsNonPositiveShape() {
        assertThrows(IllegalArgumentException.class, () -> new SymmetricWeibull(0));
        assertThrows(IllegalArgumentException.class, () -> new SymmetricWeibull(Double.NaN));
    }

    @Test
    void densityIntegratesToTheCdf() {
        SymmetricWeibull w = new SymmetricWeibull(3);
        double h = 1e-4;
        double s = 0;
        for (double t = -0.5 + h / 2; t < 1.2; t += h) {
            s += w.density(t) * h;
        }
        assertEquals(w.cdf(1.2) - w.cdf(-0.5), s, 1e-6);
    }
}
