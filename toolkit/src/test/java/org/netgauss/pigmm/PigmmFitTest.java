package org.netgauss.pigmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PigmmFitTest {

    @Test
    void fitOfThreeMemberEnsembleMatchesSpecTestVector() {
        // docs/spec/pigmm.md §5.2 "Ensemble of 3 matrices, D = 5" (values to 8 decimals)
        double[] expected = {0.33333333, -0.16666667, 0.22222222, 0.72222222, 3.38888889, 0.33333333, -0.08333333,
            -0.14433757, 2.83333333, -0.62546279, 2.11111111, 2.19444444, 1.52777778};
        assertArrayEquals(expected, Pigmm.fit(Fixtures.ensembleE()).parameters().toArray(), 1e-8);
    }

    @Test
    void forwardMapOfFittedParametersReproducesEnsembleMeanInvariants() {
        // moment matching with the biased V0 covariance makes <I_k>(f-hat) equal the ensemble mean exactly (docs/spec/pigmm.md §2.6-2.7)
        for (int d : new int[] {4, 5, 9}) {
            SplittableRandom rng = new SplittableRandom(11 + d);
            int n = 7;
            double[] data = new double[n * d * d];
            double[] mean = new double[13];
            for (int k = 0; k < n; k++) {
                double[] m = Fixtures.randomMatrix(d, rng);
                System.arraycopy(m, 0, data, k * d * d, d * d);
                double[] in = Fixtures.quadraticInvariants(m, d);
                for (int c = 0; c < 13; c++) {
                    mean[c] += in[c] / n;
                }
            }
            PigmmParameters f = Pigmm.fit(WeightEnsemble.of(data, n, d, d)).parameters();
            assertArrayEquals(mean, f.expectedQuadraticInvariants(), 1e-10 * (1 + d * d));
        }
    }

    @Test
    void fitFromMeanInvariantsEqualsFitFromMatrices() {
        // the repository's route (docs/spec/pigmm.md §2.6: closed forms in the averages Ī1..Ī13) vs the irrep route; also docs/spec/pigmm.md §5.2
        WeightEnsemble e = Fixtures.ensembleE();
        double[] mean = new double[13];
        for (int n = 0; n < 3; n++) {
            double[] in = Fixtures.quadraticInvariants(e.member(n), 5);
            for (int k = 0; k < 13; k++) {
                mean[k] += in[k] / 3;
            }
        }
        assertArrayEquals(Pigmm.fit(e).parameters().toArray(), Pigmm.fitFromMeanInvariants(5, mean).toArray(), 1e-12);
    }

    @Test
    void fitOfLargeIidEnsembleRecoversIidPoint() {
        // docs/spec/pigmm.md §2.8 IID oracle f = (D m, 0, s2, 0, s2, s2, 0, 0, s2, 0, s2, s2, s2); tolerance 5 sampling SDs (docs/spec/pigmm.md §2.8 SDs)
        int d = 10;
        int n = 2000;
        double s2 = 0.1;
        SplittableRandom rng = new SplittableRandom(5);
        double[] data = new double[n * d * d];
        for (int k = 0; k < data.length; k++) {
            data[k] = 0.05 + Math.sqrt(s2) * rng.nextGaussian();
        }
        double[] f = Pigmm.fit(WeightEnsemble.of(data, n, d, d)).parameters().toArray();
        double[] expect = PigmmParameters.iid(d, 0.05, s2).toArray();
        double sdMean = Math.sqrt(s2 / n);
        double sdV0 = s2 * Math.sqrt(2.0 / n);
        double sdVH = s2 * Math.sqrt(2.0 / (n * (d - 1)));
        double[] tol = {sdMean, sdMean, sdV0, sdV0, sdV0, sdVH, sdVH, sdVH, sdVH, sdVH, sdVH, sdVH, sdVH};
        for (int k = 0; k < 13; k++) {
            assertEquals(expect[k], f[k], 5 * tol[k], "f" + (k + 1));
        }
    }

    @Test
    void iidParametersHaveSpecForwardExpectations() {
        // docs/spec/pigmm.md §3.3 "For general mean m": E_init values of I1..I13 for IID entries
        int d = 6;
        double m = 0.3;
        double s2 = 0.2;
        double[] e = PigmmParameters.iid(d, m, s2).expectedQuadraticInvariants();
        double[] expect = {d * m, d * d * m, d * d * (s2 + m * m), d * s2 + d * d * m * m, d * s2 + d * d * m * m,
            d * s2 + d * d * m * m, d * d * s2 + d * d * d * m * m, d * d * s2 + d * d * d * m * m,
            d * s2 + d * d * d * m * m, d * d * s2 + Math.pow(d, 4) * m * m, d * (s2 + m * m),
            d * s2 + d * d * m * m, d * s2 + d * d * d * m * m};
        assertArrayEquals(expect, e, 1e-12);
    }

    @Test
    void iidSamplingSdsMatchReplicatedFits() {
        // docs/spec/pigmm.md §2.8 exact sampling SDs vs 600 seeded replicate fits of N = 40 IID N(0.02, 0.1) 6 x 6 matrices;
        // the SE of an SD estimated from 600 replicates is ≈ 3 %, hence 15 %
        int d = 6;
        int n = 40;
        int reps = 600;
        double s2 = 0.1;
        SplittableRandom rng = new SplittableRandom(31);
        double[] sum = new double[13];
        double[] sq = new double[13];
        for (int r = 0; r < reps; r++) {
            double[] data = new double[n * d * d];
            for (int k = 0; k < data.length; k++) {
                data[k] = 0.02 + Math.sqrt(s2) * rng.nextGaussian();
            }
            double[] f = Pigmm.fit(WeightEnsemble.of(data, n, d, d)).parameters().toArray();
            for (int k = 0; k < 13; k++) {
                sum[k] += f[k];
                sq[k] += f[k] * f[k];
            }
        }
        double[] exact = Pigmm.iidSamplingSd(d, s2, n);
        for (int k = 0; k < 13; k++) {
            double mean = sum[k] / reps;
            double sd = Math.sqrt(sq[k] / reps - mean * mean);
            assertEquals(exact[k], sd, 0.15 * exact[k], "f" + (k + 1));
        }
    }

    @Test
    void actionFormRoundTripsThroughMomentForm() {
        PigmmParameters p = PigmmParameters.of(10, 0.5, 0.2, 0.3, 0.05, 0.2, 0.15, 0.02, 0.01, 0.12, -0.01, 0.1, 0.08,
                0.06);
        PigmmParameters q = PigmmParameters.fromAction(10, p.muTilde(), p.lambdaV0(), p.lambdaVH(), p.lambdaV2(),
                p.lambdaV3());
        assertArrayEquals(p.toArray(), q.toArray(), 1e-12);
        // IID oracle for the action form (docs/spec/pigmm.md §2.8): Lambda_V0 = I/s2, muTilde = (D m/s2, 0)
        PigmmParameters iid = PigmmParameters.iid(10, 0.05, 0.1);
        assertArrayEquals(new double[] {10 * 0.05 / 0.1, 0}, iid.muTilde(), 1e-12);
        assertArrayEquals(new double[] {10, 0, 0}, iid.lambdaVH()[0], 1e-12);
    }

    @Test
    void fitRejectsNonSquareTooSmallAndSingleMemberEnsembles() {
        assertThrows(IllegalArgumentException.class, () -> Pigmm.fit(WeightEnsemble.of(new double[2 * 12], 2, 3, 4)));
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> Pigmm.fit(WeightEnsemble.of(new double[2 * 9], 2, 3, 3)));
        assertTrue(small.getMessage().contains("D >= 4"), small.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pigmm.fit(WeightEnsemble.of(new double[16], 1, 4, 4)));
    }

    @Test
    void ensembleRejectsNonFiniteEntryNamingMemberAndEntry() {
        double[] data = new double[2 * 16];
        data[16 + 4 * 2 + 3] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightEnsemble.of(data, 2, 4, 4));
        assertTrue(e.getMessage().contains("member 1 entry (2, 3)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WeightEnsemble.of(new float[15], 1, 4, 4));
    }

    @Test
    void degenerateFitHasNaNLikelihoodAndIsNotNormalisable() {
        // a constant ensemble has zero variance in every block
        double[] data = new double[3 * 25];
        java.util.Arrays.fill(data, 1.0);
        PigmmFit fit = Pigmm.fit(WeightEnsemble.of(data, 3, 5, 5));
        assertFalse(fit.parameters().isNormalisable());
        assertTrue(Double.isNaN(fit.logLikelihood()));
    }

    @Test
    void toStringIsOneLine() {
        PigmmFit fit = Pigmm.fit(Fixtures.ensembleE());
        assertFalse(fit.toString().contains("\n"));
        assertEquals(13, fit.toTable().rowCount());
    }
}
