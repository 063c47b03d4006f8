package org.netgauss.perturbative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netgauss.invariants.InvariantGraph;
import org.netgauss.invariants.Invariants;
import org.netgauss.pigmm.Pigmm;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.WeightEnsemble;

/**
 * Recovery oracles (d) of docs/spec/perturbative.md §6: ensembles drawn from a known perturbed density, fitted, and
 * ĝ compared with the coupling that generated them, within 3 standard errors. Every draw is seeded, so each test is
 * deterministic; each runs in a few seconds.
 * <ul>
 *   <li>d1: exact rejection sampling from p ∝ p₀ e^{−g O} (normalisable: O = Σ x⁴ with g &gt; 0), f̂ fitted from the
 *       sample, renormalised scheme. Its target is not g but the population value g_B = −κ₄/(24 Var⁴) of the exact
 *       per-entry law ∝ e^{−x²/2 − g x⁴} (§4.5 (ii) there), computed here by quadrature.</li>
 *   <li>d2: Gaussian draws with the linear weights w = 1 − Σ_a g_a O_a^⊥ of the first-order density p₁ (§2.3, §4.2
 *       there), known f; then E_w[O] is exactly the first-order mean and ĝ has expectation g to O(1/n).</li>
 * </ul>
 */
class RecoveryTest {
    private static final InvariantGraph I22 = Invariants.paper(22);
    private static final InvariantGraph I45 = Invariants.paper(45);

    /** ∫ x^k exp(−x²/2 − g x⁴) dx by composite Simpson on [−12, 12] (the integrand is below 1e−31 outside). */
    static double tiltMoment(int k, double g) {
        int n = 24000;
        double h = 24.0 / n;
        double s = 0;
        for (int j = 0; j <= n; j++) {
            double x = -12 + j * h;
            double w = j == 0 || j == n ? 1 : (j % 2 == 1 ? 4 : 2);
            s += w * Math.pow(x, k) * Math.exp(-x * x / 2 - g * x * x * x * x);
        }
        return s * h / 3;
    }

    /** g_B = −κ₄/(24 Var⁴) of the symmetric law ∝ e^{−x²/2 − g x⁴}: the renormalised fit of its quartic term. */
    static double renormalisedCoupling(double g) {
        double z = tiltMoment(0, g);
        double var = tiltMoment(2, g) / z;
        double kappa4 = tiltMoment(4, g) / z - 3 * var * var;
        return -kappa4 / (24 * Math.pow(var, 4));
    }

    @Test
    void populationCouplingsMatchTheSpecTable() {
        // docs/spec/perturbative.md §4.5 (ii): g_B(0.002) = 0.00187615, g_B(0.01) = 0.00794902 (printed to 6 digits)
        assertEquals(0.00187615, renormalisedCoupling(0.002), 5e-9);
        assertEquals(0.00794902, renormalisedCoupling(0.01), 5e-9);
        assertEquals(0.000966746, renormalisedCoupling(0.001), 5e-10);
    }

    /**
     * N matrices with IID N(0, 1) entries, each kept with probability exp(−g Σ_{(i,j) tilted} x_ij⁴): an exact sample
     * of the tilted density. {@code diagonalOnly} tilts only the diagonal entries (the term I29 instead of I45).
     * Returns the accepted matrices and, in {@code tries[0]}, how many were drawn.
     */
    private static WeightEnsemble rejectionSample(int d, double g, boolean diagonalOnly, int n, long seed,
                                                  long[] tries) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] data = new double[n * d * d];
        double[] m = new double[d * d];
        int accepted = 0;
        long drawn = 0;
        while (accepted < n) {
            double o = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double x = rng.nextGaussian();
                    m[i * d + j] = x;
                    if (!diagonalOnly || i == j) {
                        o += x * x * x * x;
                    }
                }
            }
            drawn++;
            if (rng.nextDouble() < Math.exp(-g * o)) {
                System.arraycopy(m, 0, data, accepted * d * d, d * d);
                accepted++;
            }
        }
        tries[0] = drawn;
        return WeightEnsemble.of(data, n, d, d);
    }

    private static void within3Se(double expected, double estimate, double se, String what) {
        assertTrue(Math.abs(estimate - expected) <= 3 * se,
                what + ": estimate " + estimate + " vs " + expected + ", 3 SE = " + 3 * se);
    }

    @Test
    void d1RejectionSampleOfTheQuarticTiltRecoversTheRenormalisedCoupling() {
        // docs/spec/perturbative.md §6 (d1): D = 4, IID N(0,1) base, g·I45 with g = 0.002, N = 20 000 accepted,
        // f̂ fitted, ĝ by (2); target g_B(0.002) = 0.00187615, SE ≈ (KN)^{−1/2} ≈ 3.8e−4, acceptance ≈ 0.50
        int d = 4;
        double g = 0.002;
        int n = 20_000;
        long[] tries = new long[1];
        WeightEnsemble w = rejectionSample(d, g, false, n, 20261203L, tries);
        // the acceptance rate is (E e^{−g x⁴})^{D²}, with binomial SE
        double p = Math.pow(tiltMoment(0, g) / Math.sqrt(2 * Math.PI), d * d);
        // the spec prints "acceptance ≈ 0.50"; (E e^{−0.002 x⁴})^16 = 0.911 (E x⁴ = 3: e^{−16·3·0.002} ≈ 0.91)
        assertEquals(0.911, p, 0.001, "acceptance");
        within3Se(p, (double) n / tries[0], Math.sqrt(p * (1 - p) / tries[0]), "acceptance rate");

        PigmmParameters f = Pigmm.fit(w).parameters();
        List<InvariantGraph> graphs = Invariants.paperCubicQuartic();
        ObservedInvariants obs = ObservedInvariants.of(w, graphs);
        double gB = renormalisedCoupling(g);

        PerturbativeFit one = Perturbative.fit(f, obs, PerturbingTerms.parse("I45"), Scheme.RENORMALISED);
        assertEquals(3.8e-4, one.seNull()[0], 0.3e-4, "SE printed in the spec");
        within3Se(gB, one.couplings()[0], one.seNull()[0], "g45 alone");

        // S2: the symmetric law has no skewness, so the cubic coupling must vanish
        PerturbativeFit s2 = Perturbative.fit(f, obs, PerturbingTerms.s2(), Scheme.RENORMALISED);
        within3Se(0, s2.couplings()[0], s2.seNull()[0], "S2 g22");
        within3Se(gB, s2.couplings()[1], s2.seNull()[1], "S2 g45");

        // S4: diagonal and off-diagonal entries share their law, so the diagonal couplings must vanish too
        PerturbativeFit s4 = Perturbative.fit(f, obs, PerturbingTerms.s4(), Scheme.RENORMALISED);
        double[] expected = {0, 0, 0, gB};
        for (int a = 0; a < 4; a++) {
            within3Se(expected[a], s4.couplings()[a], s4.seNull()[a], "S4 " + s4.terms().labels().get(a));
        }
        // the test has power: g = 0 would be rejected (g_B is more than 3 SE away from 0)
        assertTrue(gB > 3 * s2.seNull()[1]);
    }

    @Test
    void d1DiagonalTiltIsSeenOnlyByTheDiagonalCouplingOfS4() {
        // the d1 construction with the term g·I29 = g Σ M_ii⁴ (g = 0.01): diagonal entries ∝ e^{−x²/2 − g x⁴},
        // off-diagonal ones N(0, 1). By docs/spec/perturbative.md §4.3 the S4 population fit is exact, with
        // ĝ29 = g_B(0.01) = 0.00794902 and ĝ14 = ĝ22 = ĝ45 = 0; S2 cannot separate the diagonal and mixes it into ĝ45.
        int d = 4;
        double g = 0.01;
        int n = 20_000;
        WeightEnsemble w = rejectionSample(d, g, true, n, 18L, new long[1]);
        PigmmParameters f = Pigmm.fit(w).parameters();
        ObservedInvariants obs = ObservedInvariants.of(w, Invariants.paperCubicQuartic());
        double gB = renormalisedCoupling(g);
        PerturbativeFit s4 = Perturbative.fit(f, obs, PerturbingTerms.s4(), Scheme.RENORMALISED);
        double[] expected = {0, 0, gB, 0};
        for (int a = 0; a < 4; a++) {
            within3Se(expected[a], s4.couplings()[a], s4.seNull()[a], "S4 " + s4.terms().labels().get(a));
        }
        assertTrue(gB > 6 * s4.seNull()[2], "the diagonal coupling is resolved");
        // S2 attributes the diagonal excess to all entries: g45 ≈ gB/D weighted by the entries it sees, not zero
        PerturbativeFit s2 = Perturbative.fit(f, obs, PerturbingTerms.s2(), Scheme.RENORMALISED);
        assertTrue(s2.couplings()[1] > 3 * s2.seNull()[1] && s2.couplings()[1] < gB, "S2 g45 = " + s2.couplings()[1]);
    }

    /**
     * Gaussian draws from f with first-order weights: the weighted means of the given graphs, the delta-method
     * covariance of those means, and the smallest weight.
     */
    private record Weighted(double[] mean, double[][] cov, double minWeight) {
        double se(int k) {
            return Math.sqrt(cov[k][k]);
        }
    }

    /**
     * n draws M from the PIGMM f, weighted by w = 1 − Σ_a g_a (O_a(M) − ⟨O_a⟩₀ − Σ_k β_ak (I_k(M) − ⟨I_k⟩₀)), with β
     * the projection of the fit (zero in the bare scheme). Returns E_w[F] = Σ w F/Σ w per graph with the delta-method
     * covariance of the ratios, Cov(ψ_F, ψ_G)/n with ψ_F = w (F − E_w F)/w̄.
     */
    private static Weighted weightedDraws(PigmmParameters f, PerturbativeFit shape, double[] g, List<InvariantGraph> fs,
                                          int n, long seed) {
        GaussianCorrelator c0 = GaussianCorrelator.of(f);
        List<InvariantGraph> o = shape.terms().terms();
        // the bare scheme has no projection: skip evaluating I1..I13 there
        List<InvariantGraph> q = shape.scheme() == Scheme.RENORMALISED ? Invariants.quadratic() : List.of();
        double[][] beta = shape.projection();
        List<InvariantGraph> all = new ArrayList<>(o);
        all.addAll(q);
        all.addAll(fs);
        double[] mean0 = all.stream().mapToDouble(c0::expectation).toArray();
        DenseGaussian sampler = new DenseGaussian(f);
        SplittableRandom rng = new SplittableRandom(seed);
        int dd = f.d() * f.d();
        double[] data = new double[n * dd];
        double[] m = new double[dd];
        for (int r = 0; r < n; r++) {
            sampler.sample(rng, m);
            System.arraycopy(m, 0, data, r * dd, dd);
        }
        WeightEnsemble ensemble = WeightEnsemble.of(data, n, f.d(), f.d());
        double[][] values = Invariants.evaluate(all, ensemble);
        double[] w = new double[n];
        double minW = Double.POSITIVE_INFINITY;
        for (int r = 0; r < n; r++) {
            double[] v = values[r];
            for (int k = 0; k < v.length; k++) {
                if (all.get(k).equals(I22) || all.get(k).equals(I45)) {
                    v[k] = singleEntrySum(all.get(k), ensemble.member(r));
                }
            }
            double s = 1;
            for (int a = 0; a < o.size(); a++) {
                double perp = v[a] - mean0[a];
                for (int k = 0; k < q.size(); k++) {
                    perp -= beta[a][k] * (v[o.size() + k] - mean0[o.size() + k]);
                }
                s -= g[a] * perp;
            }
            w[r] = s;
            minW = Math.min(minW, s);
        }
        double wBar = 0;
        for (double x : w) {
            wBar += x;
        }
        wBar /= n;
        int offset = o.size() + q.size();
        int nf = fs.size();
        double[] mean = new double[nf];
        for (int k = 0; k < nf; k++) {
            double num = 0;
            for (int r = 0; r < n; r++) {
                num += w[r] * values[r][offset + k];
            }
            mean[k] = num / (wBar * n);
        }
        double[] sum = new double[nf];
        double[][] ss = new double[nf][nf];
        double[] psi = new double[nf];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < nf; k++) {
                psi[k] = w[r] * (values[r][offset + k] - mean[k]) / wBar;
                sum[k] += psi[k];
            }
            for (int k = 0; k < nf; k++) {
                for (int l = 0; l < nf; l++) {
                    ss[k][l] += psi[k] * psi[l];
                }
            }
        }
        double[][] cov = new double[nf][nf];
        for (int k = 0; k < nf; k++) {
            for (int l = 0; l < nf; l++) {
                cov[k][l] = (ss[k][l] / n - sum[k] / n * sum[l] / n) / n;
            }
        }
        return new Weighted(mean, cov, minW);
    }

    /** Σ M_ij³ or Σ M_ij⁴ summed directly: the terms by a route independent of the toolkit's contraction. */
    private static double singleEntrySum(InvariantGraph g, double[] m) {
        double s = 0;
        for (double x : m) {
            s += g.equals(I22) ? x * x * x : x * x * x * x;
        }
        return s;
    }

    /**
     * Draws from a PIGMM through the Cholesky factor of its dense D²×D² covariance Cov(M_ij, M_kl) (docs/spec/pigmm.md
     * §2.8): O(D⁴) per draw, fast at D = 4 and independent of the irrep sampler.
     */
    private static final class DenseGaussian {
        private final double[] mu;
        private final double[][] l;

        DenseGaussian(PigmmParameters f) {
            int d = f.d();
            int n = d * d;
            var cov = f.covariance();
            mu = new double[n];
            double[][] c = new double[n][n];
            for (int a = 0; a < n; a++) {
                mu[a] = cov.mean(a / d, a % d);
                for (int b = 0; b < n; b++) {
                    c[a][b] = cov.covariance(a / d, a % d, b / d, b % d);
                }
            }
            l = new org.apache.commons.math3.linear.CholeskyDecomposition(
                    org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(c)).getL().getData();
        }

        void sample(SplittableRandom rng, double[] out) {
            int n = mu.length;
            double[] z = new double[n];
            for (int a = 0; a < n; a++) {
                z[a] = rng.nextGaussian();
            }
            for (int a = 0; a < n; a++) {
                double s = mu[a];
                for (int b = 0; b <= a; b++) {
                    s += l[a][b] * z[b];
                }
                out[a] = s;
            }
        }
    }

    /** Observed means: the given values for the listed graphs, the Wick values elsewhere (SD 1, N = n). */
    private static ObservedInvariants observed(PigmmParameters f, List<InvariantGraph> graphs, double[] values, int n) {
        GaussianCorrelator c0 = GaussianCorrelator.of(f);
        List<InvariantGraph> all = Invariants.paperCubicQuartic();
        double[] o = new double[all.size()];
        double[] sd = new double[all.size()];
        for (int k = 0; k < o.length; k++) {
            int at = graphs.indexOf(all.get(k));
            o[k] = at >= 0 ? values[at] : c0.expectation(all.get(k));
            sd[k] = 1;
        }
        return new ObservedInvariants(n, all, o, sd);
    }

    @Test
    void d2LinearWeightsRecoverTheBareCouplingWithKnownF() {
        // docs/spec/perturbative.md §6 (d2): D = 4, f_struct, n = 4e5 Gaussian draws, w = 1 − g (I45 − ⟨I45⟩₀) with
        // g = 0.05; ĝ_A = (⟨I45⟩₀ − Σ w I45/Σ w)/C₀(I45, I45) has expectation g.
        // One run in the spec gave 0.05111 ± 0.00126.
        PigmmParameters f = PigmmParameters.of(4, GaussianCorrelatorTest.F_STRUCT);
        double g = 0.05;
        int n = 400_000;
        PerturbingTerms terms = PerturbingTerms.parse("I45");
        PerturbativeFit shape = Perturbative.fit(f, observed(f, List.of(), new double[0], n), terms, Scheme.BARE);
        Weighted s = weightedDraws(f, shape, new double[] {g}, List.of(I45), n, 45L);
        // the spec says no negative weights occurred; here a few do (I45 > 21), which leaves E_w exact: the
        // estimator needs only Σ w F/Σ w, not a density
        assertTrue(s.minWeight() > -2, "weights " + s.minWeight());
        PerturbativeFit fit = Perturbative.fit(f, observed(f, List.of(I45), s.mean(), n), terms, Scheme.BARE);
        double kA = fit.k()[0][0];
        assertEquals(1.08549098387, kA, 1e-10, "C0(I45, I45), docs/spec/perturbative.md §6 (c)");
        double se = s.se(0) / kA;
        assertEquals(0.00126, se, 0.0001, "delta-method SE printed in the spec");
        within3Se(g, fit.couplings()[0], se, "bare g45");
        assertTrue(g > 10 * se, "the weights are resolved");
    }

    @Test
    void d2LinearWeightsRecoverBothRenormalisedCouplingsAndLeaveTheGaussianPartAlone() {
        // the renormalised form of d2: w = 1 − g22 I22^⊥ − g45 I45^⊥ is p₁ of docs/spec/perturbative.md §4.2. Its means
        // of I1..I13 are the Gaussian ones (so f̂ = f stays right), and ĝ = −K⁻¹δ recovers (g22, g45).
        PigmmParameters f = PigmmParameters.of(4, GaussianCorrelatorTest.F_STRUCT);
        double[] g = {-0.3, 0.4};
        int n = 400_000;
        PerturbingTerms s2 = PerturbingTerms.s2();
        PerturbativeFit shape = Perturbative.fit(f, observed(f, List.of(), new double[0], n), s2, Scheme.RENORMALISED);
        List<InvariantGraph> look = new ArrayList<>(s2.terms());
        look.addAll(Invariants.quadratic());
        Weighted s = weightedDraws(f, shape, g, look, n, 22L);
        GaussianCorrelator c0 = GaussianCorrelator.of(f);
        for (int k = 2; k < look.size(); k++) {
            within3Se(c0.expectation(look.get(k)), s.mean()[k], s.se(k), "E_w " + Invariants.label(look.get(k)));
        }
        PerturbativeFit fit = Perturbative.fit(f, observed(f, s2.terms(), new double[] {s.mean()[0], s.mean()[1]}, n),
                s2, Scheme.RENORMALISED);
        // Cov(ĝ) = K⁻¹ Cov(δ̂) K⁻¹, with Cov(δ̂) the delta-method covariance of the two weighted means
        double[][] kInv = new org.apache.commons.math3.linear.LUDecomposition(
                org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(fit.k())).getSolver().getInverse().getData();
        for (int a = 0; a < 2; a++) {
            double var = 0;
            for (int x = 0; x < 2; x++) {
                for (int y = 0; y < 2; y++) {
                    var += kInv[a][x] * s.cov()[x][y] * kInv[a][y];
                }
            }
            double se = Math.sqrt(var);
            within3Se(g[a], fit.couplings()[a], se, "renormalised " + s2.labels().get(a));
            assertTrue(Math.abs(g[a]) > 5 * se, "resolved: " + se);
        }
    }
}
