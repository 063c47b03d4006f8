package org.netgauss.pigmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netgauss.invariants.InvariantGraph;
import org.netgauss.invariants.Invariants;
import org.netgauss.invariants.WickPredictor;

/**
 * Every oracle of {@code docs/spec/pigmm.md} §2.4, §2.8 (IID), §4 and §5.2, each to 1e-9 relative.
 *
 * <p>Where the spec prints a value rounded to fewer digits than 1e-9 relative needs (e.g. q_cd = 7.11295532), the
 * test asserts (a) that an exact closed form rounds to the printed digits and (b) that the code equals the exact form
 * to 1e-9 relative. The exact forms were derived by hand from the integer invariants and confirmed by the independent
 * NumPy route {@code toolkit/src/test/python/spec_oracles.py} (explicit §2.3 basis, dense D²-dimensional formulas).
 */
class SpecOraclesTest {
    static final double[] F_STRUCT = {0.5, 0.2, 0.3, 0.05, 0.2, 0.15, 0.02, 0.01, 0.12, -0.01, 0.1, 0.08, 0.06};
    private static final double REL = 1e-9;
    private static final double R3 = Math.sqrt(3);

    private static void rel(double expected, double actual, String what) {
        double scale = Math.abs(expected) > 0 ? Math.abs(expected) : 1e-3;
        assertEquals(expected, actual, REL * scale, what);
    }

    /** The spec prints {@code printed} with {@code decimals} decimals; the exact value must round to it. */
    private static void roundsTo(double printed, int decimals, double exact, String what) {
        assertTrue(Math.abs(exact - printed) <= 0.5 * Math.pow(10, -decimals) * (1 + 1e-9),
                what + ": exact " + exact + " does not round to the printed " + printed);
    }

    // --------------------------------------------- docs/spec/pigmm.md §5.2 single matrix A, D = 5

    @Test
    void matrixAInvariantsAndIrrepSumsEqualExactValues() {
        double[] a = Fixtures.matrixA();
        double[] in = {-2, 2, 94, 16, 31, 16, 122, 40, -16, 4, 22, 4, -4};
        for (int n = 1; n <= 13; n++) {
            rel(in[n - 1], Invariants.evaluate(Invariants.paper(n), a, 5), "I" + n);
        }
        // exact values from the docs/spec/pigmm.md §2.4 formulas with the integer I's above (D = 5, √(D−2) = √3)
        double[] exact = {2 / 5.0, -6 / 5.0, 196 / 25.0, -84 / 25.0, 308 / (25 * R3), 606 / 25.0, 273 / (25 * R3),
            854 / 75.0, 88 / 3.0, 98 / 5.0};
        double[] printed = {0.4, -1.2, 7.84, -3.36, 7.11295532, 24.24, 6.30466494, 11.38666667, 29.33333333, 19.6};
        String[] names = {"S01", "S02", "q_cc", "q_cr", "q_cd", "q_rr", "q_rd", "q_dd", "q_2", "q_3"};
        IrrepQuadratics q = IrrepQuadratics.of(a, 5);
        double[] got = {q.s01(), q.s02(), q.qcc(), q.qcr(), q.qcd(), q.qrr(), q.qrd(), q.qdd(), q.q2(), q.q3()};
        double parseval = q.s01() * q.s01() + q.s02() * q.s02();
        for (int k = 0; k < names.length; k++) {
            roundsTo(printed[k], 8, exact[k], names[k]);
            rel(exact[k], got[k], names[k]);
        }
        parseval += q.qcc() + q.qrr() + q.qdd() + q.q2() + q.q3();
        rel(94, parseval, "Parseval: the irrep sums add up to I3 = 94");
    }

    // --------------------------------------------- docs/spec/pigmm.md §2.4 at the spec's sizes

    @Test
    void irrepSumsEqualSpecInvariantFormulasAtD4_6_10_17() {
        for (int d : new int[] {4, 6, 10, 17}) {
            double[] m = Fixtures.randomMatrix(d, new SplittableRandom(100 + d));
            double[] in = Fixtures.quadraticInvariants(m, d);
            double i3 = in[2], i4 = in[3], i5 = in[4], i6 = in[5], i7 = in[6], i8 = in[7], i9 = in[8], i10 = in[9],
                    i11 = in[10], i12 = in[11], i13 = in[12];
            double dd = d;
            double s2 = Math.sqrt(dd - 2);
            IrrepQuadratics q = IrrepQuadratics.of(m, d);
            String at = " at D = " + d;
            rel((dd * i8 - i10) / (dd * dd), q.qcc(), "q_cc" + at);
            rel((dd * i7 - i10) / (dd * dd), q.qrr(), "q_rr" + at);
            rel((dd * i9 - i10) / (dd * dd), q.qcr(), "q_cr" + at);
            rel((dd * dd * i6 - dd * i8 - dd * i9 + 2 * i10 - dd * i13) / (dd * dd * s2), q.qcd(), "q_cd" + at);
            rel((dd * dd * i5 - dd * i7 - dd * i9 + 2 * i10 - dd * i13) / (dd * dd * s2), q.qrd(), "q_rd" + at);
            rel((dd * dd * dd * i11 - 2 * dd * dd * (i5 + i6) + dd * (i7 + i8 + 2 * i9) - 4 * i10 - dd * dd * i12
                    + 4 * dd * i13) / (dd * dd * (dd - 2)), q.qdd(), "q_dd" + at);
            rel((dd * (i3 - i4) - i7 - i8 + 2 * i9) / (2 * dd), q.q3(), "q_3" + at);
            rel(((dd - 1) * (dd - 2) * (i3 + i4) + 4 * (dd - 1) * (i5 + i6) - (dd - 1) * (i7 + i8) - 2 * (dd - 1) * i9
                    + 2 * i10 - 2 * dd * (dd - 1) * i11 + 2 * i12 - 4 * i13) / (2 * (dd - 1) * (dd - 2)), q.q2(),
                    "q_2" + at);
            rel(i3, q.s01() * q.s01() + q.s02() * q.s02() + q.qcc() + q.qrr() + q.qdd() + q.q2() + q.q3(),
                    "Parseval" + at);
        }
    }

    // --------------------------------------------- docs/spec/pigmm.md §5.2 ensemble E, D = 5

    @Test
    void ensembleFitEqualsExactRationalsAndSurds() {
        // exact forms; spec_oracles.py's explicit-basis fit agrees to 9e-16
        double[] exact = {1 / 3.0, -1 / 6.0, 2 / 9.0, 13 / 18.0, 61 / 18.0, 1 / 3.0, -1 / 12.0, -1 / (4 * R3), 17 / 6.0,
            -13 / (12 * R3), 19 / 9.0, 79 / 36.0, 55 / 36.0};
        double[] printed = {0.33333333, -0.16666667, 0.22222222, 0.72222222, 3.38888889, 0.33333333, -0.08333333,
            -0.14433757, 2.83333333, -0.62546279, 2.11111111, 2.19444444, 1.52777778};
        double[] f = Pigmm.fit(Fixtures.ensembleE()).parameters().toArray();
        for (int k = 0; k < 13; k++) {
            roundsTo(printed[k], 8, exact[k], "f" + (k + 1));
            rel(exact[k], f[k], "f" + (k + 1));
        }
    }

    // --------------------------------------------- docs/spec/pigmm.md §5.2 Wick oracles

    @Test
    void wickOraclesOfStructuredModelAtD10() {
        // docs/spec/pigmm.md §5.2 prints each value with 10 significant digits or exactly, so 1e-9 relative applies directly
        WickPredictor w = WickPredictor.of(PigmmParameters.of(10, F_STRUCT));
        int[] n = {14, 15, 16, 22, 23, 24, 25, 28, 29, 40, 45, 47, 48, 49, 52};
        double[] v = {0.42218, 2.024, 0.653, 1.411133333, 0.857333333, 105.5, 66.5, 575, 0.5519518, 0.6082893506,
            2.537930444, 1.252830444, 1375, 881.5, 7825};
        for (int k = 0; k < n.length; k++) {
            rel(v[k], w.expectation(Invariants.paper(n[k])), "I" + n[k]);
        }
    }

    @Test
    void wickOraclesOfIidModelsAtD10() {
        WickPredictor zero = WickPredictor.of(PigmmParameters.iid(10, 0, 0.1));
        int[] n = {14, 22, 29, 31, 36, 40, 45, 47, 48, 52};
        double[] v = {0, 0, 0.3, 1.2, 1.2, 0.3, 3.0, 1.2, 30, 300};
        for (int k = 0; k < n.length; k++) {
            double got = zero.expectation(Invariants.paper(n[k]));
            if (v[k] == 0) {
                assertEquals(0, got, 1e-15, "I" + n[k]); // odd moments of a centred Gaussian vanish exactly
            } else {
                rel(v[k], got, "I" + n[k]);
            }
        }
        WickPredictor shifted = WickPredictor.of(PigmmParameters.iid(10, 0.05, 0.1));
        int[] n2 = {14, 22, 24, 28, 29, 45, 52};
        double[] v2 = {0.15125, 1.5125, 27.5, 275, 0.3150625, 3.150625, 2425};
        for (int k = 0; k < n2.length; k++) {
            rel(v2[k], shifted.expectation(Invariants.paper(n2[k])), "I" + n2[k] + " (mean 0.05)");
        }
    }

    // --------------------------------------------- docs/spec/pigmm.md §2.8 IID special case

    /** docs/spec/pigmm.md §3.3 "for general mean m": E[I1..I13] for IID entries of mean m, variance s². */
    private static double[] iidExpectations(int d, double m, double s2) {
        double dd = d;
        double m2 = m * m;
        return new double[] {dd * m, dd * dd * m, dd * dd * (s2 + m2), dd * s2 + dd * dd * m2, dd * s2 + dd * dd * m2,
            dd * s2 + dd * dd * m2, dd * dd * s2 + dd * dd * dd * m2, dd * dd * s2 + dd * dd * dd * m2,
            dd * s2 + dd * dd * dd * m2, dd * dd * s2 + Math.pow(dd, 4) * m2, dd * (s2 + m2), dd * s2 + dd * dd * m2,
            dd * s2 + dd * dd * dd * m2};
    }

    @Test
    void iidEntriesGiveTheSpecIidPointAndActionForm() {
        // docs/spec/pigmm.md §2.8: f = (D m, 0, s², 0, s², s², 0, 0, s², 0, s², s², s²); Λ_V0 = s⁻² I, μ̃ = (D m/s², 0), Λ_VH = s⁻² I,
        // Λ_V2 = Λ_V3 = s⁻². Route: the exact expectations of I1..I13 fed through the §2.6 fit from mean invariants
        // (population moments, so f3 = f5 = s² exactly; the biased (1 − 1/N) factor belongs to the N-sample estimator)
        for (int d : new int[] {4, 7, 10}) {
            double m = 0.05;
            double s2 = 0.1;
            double[] expected = {d * m, 0, s2, 0, s2, s2, 0, 0, s2, 0, s2, s2, s2};
            double[] f = Pigmm.fitFromMeanInvariants(d, iidExpectations(d, m, s2)).toArray();
            for (int k = 0; k < 13; k++) {
                if (expected[k] == 0) {
                    assertEquals(0, f[k], 1e-12 * s2, "f" + (k + 1) + " at D = " + d);
                } else {
                    rel(expected[k], f[k], "f" + (k + 1) + " at D = " + d);
                }
            }
            PigmmParameters p = PigmmParameters.iid(d, m, s2);
            double[][] l0 = p.lambdaV0();
            double[][] lh = p.lambdaVH();
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double want = a == b ? 1 / s2 : 0;
                    assertEquals(want, lh[a][b], REL / s2, "Lambda_VH");
                    if (a < 2 && b < 2) {
                        assertEquals(want, l0[a][b], REL / s2, "Lambda_V0");
                    }
                }
            }
            rel(d * m / s2, p.muTilde()[0], "muTilde_1");
            assertEquals(0, p.muTilde()[1], 1e-12, "muTilde_2");
            rel(1 / s2, p.lambdaV2(), "Lambda_V2");
            rel(1 / s2, p.lambdaV3(), "Lambda_V3");
        }
    }

    @Test
    void iidPointHasIidEntriesInTheMatrixBasis() {
        // docs/spec/pigmm.md §2.8 mean and covariance formulas at the IID point: μ_ij = m, Cov(M_ij, M_kl) = s² δ_ik δ_jl
        int d = 5;
        double m = 0.05;
        double s2 = 0.1;
        PigmmCovariance c = PigmmParameters.iid(d, m, s2).covariance();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                rel(m, c.mean(i, j), "mean");
                for (int k = 0; k < d; k++) {
                    for (int l = 0; l < d; l++) {
                        assertEquals(i == k && j == l ? s2 : 0, c.covariance(i, j, k, l), REL * s2,
                                "Cov(M" + i + j + ", M" + k + l + ")");
                    }
                }
            }
        }
    }

    private static InvariantGraph product(InvariantGraph a, InvariantGraph b) {
        int[][] ea = a.edges();
        int[][] eb = b.edges();
        int[][] e = new int[ea.length + eb.length][];
        for (int k = 0; k < ea.length; k++) {
            e[k] = ea[k].clone();
        }
        for (int k = 0; k < eb.length; k++) {
            e[ea.length + k] = new int[] {eb[k][0] + a.vertexCount(), eb[k][1] + a.vertexCount()};
        }
        return InvariantGraph.of(e);
    }

    @Test
    void iidSamplingSdsEqualExactVariancesFromWickContractions() {
        // docs/spec/pigmm.md §2.8 exact Gaussian-IID sampling SDs of f1, f2, f6..f13. Route: each of these is the ensemble mean of a
        // per-matrix statistic Q_k = Σ_j c_kj I_j, linear in I1..I13 (docs/spec/pigmm.md §2.6); so Var(f̂_k) = Var(Q_k)/N with
        // Var(Q_k) = Σ_ab c_ka c_kb E[I_a I_b] − (Σ_a c_ka E[I_a])², and I_a I_b is the disjoint union of two graphs,
        // a degree ≤ 4 invariant whose expectation the Wick predictor gives exactly. The coefficients c_kj are the
        // fit-from-means map applied to unit vectors (it is linear in Ī for these k). f3..f5 are sample
        // (co)variances of a Gaussian pair, whose SDs are the textbook Wishart ones and are not re-derived here.
        int d = 7;
        int members = 40;
        double m = 0.05;
        double s2 = 0.1;
        WickPredictor w = WickPredictor.of(PigmmParameters.iid(d, m, s2));
        double[][] coef = new double[13][13]; // [k][j]: f_k per unit Ī_j
        for (int j = 0; j < 13; j++) {
            double[] unit = new double[13];
            unit[j] = 1;
            double[] f = Pigmm.fitFromMeanInvariants(d, unit).toArray();
            for (int k = 0; k < 13; k++) {
                coef[k][j] = f[k];
            }
        }
        double[] e1 = new double[13];
        double[][] e2 = new double[13][13];
        for (int a = 0; a < 13; a++) {
            e1[a] = w.expectation(Invariants.paper(a + 1));
            for (int b = 0; b < 13; b++) {
                e2[a][b] = w.expectation(product(Invariants.paper(a + 1), Invariants.paper(b + 1)));
            }
        }
        double[] sd = Pigmm.iidSamplingSd(d, s2, members);
        for (int k : new int[] {0, 1, 5, 6, 7, 8, 9, 10, 11, 12}) {
            double mean = 0;
            double second = 0;
            for (int a = 0; a < 13; a++) {
                mean += coef[k][a] * e1[a];
                for (int b = 0; b < 13; b++) {
                    second += coef[k][a] * coef[k][b] * e2[a][b];
                }
            }
            rel(sd[k], Math.sqrt((second - mean * mean) / members), "SD of f" + (k + 1));
        }
    }

    // --------------------------------------------- docs/spec/pigmm.md §4 Wasserstein

    @Test
    void wassersteinOfTwoIidModelsIsTheClosedForm() {
        // docs/spec/pigmm.md §4: W₂² = D²(m₁−m₂)² + D²(s₁−s₂)²
        for (int d : new int[] {4, 10, 33}) {
            double expected = d * d * (Math.pow(0.1 - -0.2, 2) + Math.pow(0.2 - 0.3, 2));
            rel(expected, Wasserstein.squared(PigmmParameters.iid(d, 0.1, 0.04), PigmmParameters.iid(d, -0.2, 0.09)),
                    "IID pair at D = " + d);
        }
    }

    @Test
    void wassersteinOfGaussianVersusUniformInitIsTheClosedForm() {
        // docs/spec/pigmm.md §4: 100 · 0.1 · (1 − 1/√3)² = 1.786328 (printed to 6 decimals)
        double exact = 100 * 0.1 * Math.pow(1 - 1 / R3, 2);
        roundsTo(1.786328, 6, exact, "Gaussian vs uniform init");
        rel(exact, Wasserstein.squared(PigmmParameters.iid(10, 0, 0.1), PigmmParameters.iid(10, 0, 1.0 / 30)),
                "Gaussian vs uniform init");
    }

    @Test
    void wassersteinOfStructuredVersusIidEqualsTheDenseRoute() {
        // docs/spec/pigmm.md §4 prints 0.432765103 (D = 5) and 0.659464646 (D = 10). The dense D²-dimensional formula on the
        // explicit §2.3 basis (spec_oracles.py, NumPy eigh) gives 0.432765102510001 and 0.659464639853507: the D = 5
        // value rounds to the printed one, the D = 10 value differs from the spec's in the 9th digit (6.1e-9, beyond
        // rounding): a misprint in the spec, reported. The tests hold the code to the dense route at 1e-9.
        roundsTo(0.432765103, 9, 0.432765102510001, "D = 5 printed");
        rel(0.432765102510001, Wasserstein.squared(PigmmParameters.of(5, F_STRUCT), PigmmParameters.iid(5, 0, 0.1)),
                "f_struct vs IID at D = 5");
        rel(0.659464639853507, Wasserstein.squared(PigmmParameters.of(10, F_STRUCT), PigmmParameters.iid(10, 0, 0.1)),
                "f_struct vs IID at D = 10");
        assertTrue(Math.abs(0.659464646 - 0.659464639853507) > 5e-9, "the spec's D = 10 digits are off by 6.1e-9");
    }
}
