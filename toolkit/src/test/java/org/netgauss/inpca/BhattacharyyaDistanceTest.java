package org.netgauss.inpca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BhattacharyyaDistanceTest {

    static final DistanceOptions F64 = DistanceOptions.defaults().withPrecision(DistanceOptions.Precision.FLOAT64);
    static final DistanceOptions F32 = DistanceOptions.defaults().withPrecision(DistanceOptions.Precision.FLOAT32);

    /** Random softmax outputs with logits of scale {@code scale}, laid out [T, S, C]. */
    static double[] randomSoftmax(int t, int s, int c, double scale, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p = new double[t * s * c];
        for (int i = 0; i < t * s; i++) {
            double sum = 0;
            for (int k = 0; k < c; k++) {
                p[i * c + k] = Math.exp(scale * gaussian(rng));
                sum += p[i * c + k];
            }
            for (int k = 0; k < c; k++) {
                p[i * c + k] /= sum;
            }
        }
        return p;
    }

    static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    static double[][] model(double[] p, int t, int s, int c) {
        double[][] out = new double[s][c];
        for (int n = 0; n < s; n++) {
            System.arraycopy(p, (t * s + n) * c, out[n], 0, c);
        }
        return out;
    }

    @Test
    void twoModelOracleOfSpec17() {
        // docs/spec/hyperribbon.md §1.7 "Two models, N=2, C=3": BC = [0.729150, 0.985599], D = 0.1651908 (numpy reference run)
        double[][] p1 = {{.7, .2, .1}, {1 / 3., 1 / 3., 1 / 3.}};
        double[][] p2 = {{.1, .2, .7}, {.5, .25, .25}};
        assertEquals(0.1651908, BhattacharyyaDistance.between(p1, p2), 1e-7);
        assertEquals(-Math.log(0.729150), BhattacharyyaDistance.between(new double[][] {p1[0]}, new double[][] {p2[0]}), 2e-6);
        assertEquals(-Math.log(0.985599), BhattacharyyaDistance.between(new double[][] {p1[1]}, new double[][] {p2[1]}), 2e-6);
        Predictions p = Predictions.of(new double[][][] {p1, p2});
        assertEquals(0.1651908, BhattacharyyaDistance.matrix(p, F64).get(0, 1), 1e-7);
        assertEquals(0.1651908, BhattacharyyaDistance.matrix(p, F32).get(0, 1), 1e-6);
    }

    @Test
    void matrixIsSymmetricWithZeroDiagonalAndNonNegative() {
        Predictions p = Predictions.of(randomSoftmax(13, 50, 10, 2, 1), 13, 50, 10);
        for (DistanceOptions o : new DistanceOptions[] {F32, F64}) {
            DistanceMatrix d = BhattacharyyaDistance.matrix(p, o);
            assertEquals(0, d.asymmetry());
            for (int i = 0; i < 13; i++) {
                assertEquals(0, d.get(i, i));
                for (int j = 0; j < 13; j++) {
                    assertTrue(d.get(i, j) >= 0);
                }
            }
        }
    }

    @Test
    void kernelAgreesWithScalarDefinitionForEveryClassCount() {
        // 37 models (not a multiple of the 4-row block), 61 samples (not a multiple of the 7-sample exponent
        // group), class counts that exercise every pass of the kernel (single pass, odd tail, pairs)
        int t = 37, s = 61;
        for (int c : new int[] {2, 3, 4, 5, 10}) {
            double[] raw = randomSoftmax(t, s, c, 3, 2);
            for (DistanceOptions o : new DistanceOptions[] {F64, F32}) {
                DistanceMatrix d = BhattacharyyaDistance.matrix(Predictions.of(raw, t, s, c), o);
                DistanceMatrix h = BhattacharyyaDistance.hellinger(Predictions.of(raw, t, s, c), o);
                double tol = o == F64 ? 1e-12 : 1e-5;
                for (int i = 0; i < t; i++) {
                    for (int j = i + 1; j < t; j++) {
                        double[][] pi = model(raw, i, s, c);
                        double[][] pj = model(raw, j, s, c);
                        double ref = BhattacharyyaDistance.between(pi, pj);
                        assertEquals(ref, d.get(i, j), tol * ref, "C = " + c + " " + o.precision());
                        double hel = 0;
                        for (int n = 0; n < s; n++) {
                            double bc = 0;
                            for (int k = 0; k < c; k++) {
                                bc += Math.sqrt(pi[n][k] * pj[n][k]);
                            }
                            hel += (1 - bc) / s;
                        }
                        assertEquals(hel, h.get(i, j), tol * hel + 1e-15, "Hellinger, C = " + c + " " + o.precision());
                    }
                }
            }
        }
    }

    @Test
    void float32KernelIsAccurateForFarAndNearlyEqualModels() {
        // The precision claim of DistanceOptions.Precision.FLOAT32: relative error <= 1e-5 for separated models
        // and <= 1e-3 for neighbours at D ~ 1e-7 (the dot-product form 1 - Σ√(pq) would be off by ~100 % there).
        int s = 200, c = 10;
        double[] base = randomSoftmax(1, s, c, 2, 3);
        double[] noise = randomSoftmax(1, s, c, 1, 4);
        int t = 6;
        double[] eps = {0, 1e-6, 1e-4, 1e-2, 0.3, 1};
        double[] p = new double[t * s * c];
        for (int k = 0; k < t; k++) {
            for (int i = 0; i < s * c; i++) {
                p[k * s * c + i] = (1 - eps[k]) * base[i] + eps[k] * noise[i];
            }
        }
        float[] p32 = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            p32[i] = (float) p[i];
        }
        DistanceMatrix d32 = BhattacharyyaDistance.matrix(Predictions.of(p32, t, s, c), F32);
        DistanceMatrix d64 = BhattacharyyaDistance.matrix(Predictions.of(p, t, s, c), F64);
        double worstFar = 0, worstNear = 0;
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                double rel = Math.abs(d32.get(i, j) - d64.get(i, j)) / d64.get(i, j);
                if (d64.get(i, j) > 1e-4) {
                    worstFar = Math.max(worstFar, rel);
                } else {
                    worstNear = Math.max(worstNear, rel);
                }
            }
        }
        assertTrue(worstFar < 1e-5, "far: " + worstFar);
        assertTrue(worstNear < 1e-3, "near: " + worstNear);
    }

    @Test
    void resultDoesNotDependOnChunkingOrThreads() {
        int t = 21, s = 100, c = 5;
        Predictions p = Predictions.of(randomSoftmax(t, s, c, 2, 5), t, s, c);
        DistanceMatrix ref = BhattacharyyaDistance.matrix(p, F64.withThreads(1));
        DistanceMatrix chunked = BhattacharyyaDistance.matrix(p, F64.withThreads(2).withChunkSamples(9));
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                assertEquals(ref.get(i, j), chunked.get(i, j), 1e-14);
            }
        }
    }

    @Test
    void crossDistancesEqualTheBlockOfTheJointMatrix() {
        int s = 40, c = 4;
        double[] all = randomSoftmax(11, s, c, 2, 6);
        Predictions base = Predictions.of(java.util.Arrays.copyOfRange(all, 0, 6 * s * c), 6, s, c);
        Predictions queries = Predictions.of(java.util.Arrays.copyOfRange(all, 6 * s * c, all.length), 5, s, c);
        DistanceMatrix joint = BhattacharyyaDistance.matrix(base.append(queries), F64);
        DistanceMatrix cross = BhattacharyyaDistance.cross(queries, base, F64);
        assertEquals(5, cross.rows());
        assertEquals(6, cross.cols());
        for (int q = 0; q < 5; q++) {
            for (int b = 0; b < 6; b++) {
                assertEquals(joint.get(6 + q, b), cross.get(q, b), 1e-13);
            }
        }
    }

    @Test
    void distanceToTruthIsHalfMinusLogProbabilityOfLabel() {
        // docs/spec/hyperribbon.md §1.2: against P*, −log BC_n = −½ log p_u^n(y_n)
        int s = 30, c = 10;
        double[] raw = randomSoftmax(1, s, c, 2, 7);
        int[] labels = new int[s];
        double expected = 0;
        for (int n = 0; n < s; n++) {
            labels[n] = n % c;
            expected += -0.5 * Math.log(raw[n * c + labels[n]]) / s;
        }
        Predictions p = Predictions.of(raw, 1, s, c).append(Geodesic.truth(labels, c));
        assertEquals(expected, BhattacharyyaDistance.matrix(p, F64).get(0, 1), 1e-12);
    }

    @Test
    void smallPerturbationMatchesFisherExpansion() {
        // docs/spec/hyperribbon.md §1.2: −log BC ≈ (1/8) Σ_c p_c (dz_c − Σ_c' p_c' dz_c')² for p = softmax(z), small dz
        double[] z = {0.3, -1.2, 0.8, 0.0, 2.0};
        double[] dz = {1e-3, -2e-3, 0.5e-3, 3e-3, -1e-3};
        double[] p = softmax(z);
        double[] zq = z.clone();
        for (int i = 0; i < z.length; i++) {
            zq[i] += dz[i];
        }
        double[] q = softmax(zq);
        double mean = 0;
        for (int i = 0; i < z.length; i++) {
            mean += p[i] * dz[i];
        }
        double fisher = 0;
        for (int i = 0; i < z.length; i++) {
            fisher += p[i] * (dz[i] - mean) * (dz[i] - mean) / 8;
        }
        double d = BhattacharyyaDistance.matrix(Predictions.of(new double[][][] {{p}, {q}}), F64).get(0, 1);
        assertEquals(fisher, d, 1e-3 * fisher);
    }

    static double[] softmax(double[] z) {
        double[] p = new double[z.length];
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i]);
            s += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= s;
        }
        return p;
    }

    @Test
    void hellingerIsMeanOfOneMinusBhattacharyyaCoefficient() {
        double[][] p1 = {{.7, .2, .1}, {1 / 3., 1 / 3., 1 / 3.}};
        double[][] p2 = {{.1, .2, .7}, {.5, .25, .25}};
        DistanceMatrix h = BhattacharyyaDistance.hellinger(Predictions.of(new double[][][] {p1, p2}), F64);
        // BC values of docs/spec/hyperribbon.md §1.7
        assertEquals(((1 - 0.729150) + (1 - 0.985599)) / 2, h.get(0, 1), 2e-6);
        DistanceMatrix joint = BhattacharyyaDistance.jointHellinger(
                BhattacharyyaDistance.matrix(Predictions.of(new double[][][] {p1, p2}), F64), 2);
        assertEquals(1 - 0.729150 * 0.985599, joint.get(0, 1), 2e-6);
    }

    @Test
    void identicalModelsWithZeroProbabilitiesAreAtDistanceZeroAndDisjointOnesCappedAt100() {
        // 100 samples: the product of many clamped coefficients e^-100 must not underflow (exponent splitting)
        double[][] a = new double[100][];
        double[][] b = new double[100][];
        for (int n = 0; n < 100; n++) {
            a[n] = new double[] {1, 0, 0};
            b[n] = new double[] {0, 1, 0};
        }
        for (DistanceOptions o : new DistanceOptions[] {F32, F64}) {
            DistanceMatrix d = BhattacharyyaDistance.matrix(Predictions.of(new double[][][] {a, a, b}), o);
            assertEquals(0, d.get(0, 1), 1e-15);
            assertEquals(100, d.get(0, 2), 1e-9);
        }
    }

    @Test
    void nanProbabilityIsRejectedNamingModelAndSample() {
        double[] p = randomSoftmax(3, 4, 2, 1, 8);
        p[(2 * 4 + 1) * 2] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Predictions.of(p, 3, 4, 2));
        assertTrue(e.getMessage().contains("model 2, sample 1"), e.getMessage());
    }

    @Test
    void negativeProbabilityIsRejected() {
        double[][][] p = {{{1.1, -0.1}}, {{0.5, 0.5}}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Predictions.of(p));
        assertTrue(e.getMessage().contains("model 0, sample 0, class 1"), e.getMessage());
    }

    @Test
    void rowsNotSummingToOneAreRejected() {
        float[] p = {0.5f, 0.4f, 0.5f, 0.5f};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Predictions.of(p, 2, 1, 2));
        assertTrue(e.getMessage().contains("model 0, sample 0 sum to"), e.getMessage());
    }

    @Test
    void wrongShapeIsRejectedWithBothSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Predictions.of(new float[10], 2, 3, 2));
        assertTrue(e.getMessage().contains("needs 12") && e.getMessage().contains("found 10"), e.getMessage());
    }
}
