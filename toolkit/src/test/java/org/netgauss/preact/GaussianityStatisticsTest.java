package org.netgauss.preact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class GaussianityStatisticsTest {

    private static double[] gaussian(int n, double sd, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sd * r.nextGaussian();
        }
        return x;
    }

    @Test
    void ksDistanceEqualsCommonsMathStatistic() {
        double[] x = gaussian(5000, 1.3, 1);
        double ours = GaussianityStatistics.of(x).ks();
        double theirs = new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(new NormalDistribution(0, 1), x);
        assertEquals(theirs, ours, 1e-13);
    }

    @Test
    void bucketSortedKsEqualsTheSortedRoute() {
        double[] x = gaussian(100_001, 1.1, 9);
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        assertEquals(GaussianityStatistics.ksSorted(sorted, 1.0), GaussianityStatistics.ks(x, 1.0), 1e-15);
        assertEquals(GaussianityStatistics.ksSorted(sorted, 1.3), GaussianityStatistics.ks(x, 1.3), 1e-15);
        double[] ties = {0, 0, 0, 1, 1, -2};
        double[] tiesSorted = ties.clone();
        java.util.Arrays.sort(tiesSorted);
        assertEquals(GaussianityStatistics.ksSorted(tiesSorted, 1.0), GaussianityStatistics.ks(ties, 1.0), 1e-15);
    }

    @Test
    void ksPValueEqualsCommonsMathTest() {
        double[] x = gaussian(3000, 1.0, 2);
        GaussianityStatistics s = GaussianityStatistics.of(x);
        double theirs = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(0, 1), x);
        assertEquals(theirs, s.ksPValue(), 1e-6);
    }

    @Test
    void gaussianSamplesPassAndHaveNoExcessKurtosis() {
        // 2e5 draws: KS ~ 0.87/sqrt(N) = 0.002, kurtosis sd sqrt(24/N) = 0.011
        GaussianityStatistics s = GaussianityStatistics.of(gaussian(200_000, 1.0, 3));
        assertTrue(s.ks() < 0.005, s.toString());
        assertTrue(s.ksPValue() > 0.01, s.toString());
        assertEquals(0.0, s.excessKurtosis(), 0.05);
        assertEquals(1.0, s.variance(), 0.01);
    }

    @Test
    void referenceVarianceRemovesTheScaleMismatch() {
        // N(0,2) samples: far from N(0,1), close to N(0,q=2)
        GaussianityStatistics s = GaussianityStatistics.of(gaussian(200_000, Math.sqrt(2), 4), 2.0);
        // exact KS between N(0,2) and N(0,1): max_x |Phi(x/sqrt2) - Phi(x)| at x^2 = 2 ln 2 / (1 - 1/2): 0.0833
        assertEquals(0.0833, s.ks(), 0.004);
        assertTrue(s.ksRef() < 0.005, s.toString());
        assertTrue(s.wasserstein1Ref() < 0.01, s.toString());
    }

    @Test
    void wasserstein1OfAShiftIsTheShift() {
        // W1(N(mu,1), N(0,1)) = |mu|: check the exact step-function integral on a large sample
        double[] x = gaussian(200_000, 1.0, 5);
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.25;
        }
        assertEquals(0.25, GaussianityStatistics.of(x).wasserstein1(), 0.006);
    }

    @Test
    void wasserstein1OfTwoPointsIsTheIntegralOfTheCdfGap() {
        // F_N jumps at -1 and 1: W1 = int |F_N - Phi| computed independently with a fine Riemann sum
        double[] z = {-1, 1};
        double h = 1e-4;
        double s = 0;
        NormalDistribution n = new NormalDistribution(0, 1);
        for (double x = -12 + h / 2; x < 12; x += h) {
            double f = x < -1 ? 0 : x < 1 ? 0.5 : 1;
            s += Math.abs(f - n.cumulativeProbability(x)) * h;
        }
        assertEquals(s, GaussianityStatistics.wasserstein1Sorted(z, 1.0), 1e-7);
    }

    @Test
    void rejectsTooFewOrNonFiniteSamples() {
        assertThrows(IllegalArgumentException.class, () -> GaussianityStatistics.of(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> GaussianityStatistics.of(new double[] {1, Double.NaN, 2}));
        assertThrows(IllegalArgumentException.class, () -> GaussianityStatistics.of(new double[] {1, 2}, 0));
    }
}
