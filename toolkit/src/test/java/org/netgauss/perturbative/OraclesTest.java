package org.netgauss.perturbative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netgauss.invariants.InvariantGraph;
import org.netgauss.invariants.Invariants;
import org.netgauss.pigmm.PigmmParameters;

/** Oracles (a), (c: scheme B), (f) and (g) of docs/spec/perturbative.md §6. */
class OraclesTest {
    private static InvariantGraph i(int n) {
        return Invariants.paper(n);
    }

    private static void close(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.max(1, Math.abs(expected)), what);
    }

    /** Observed means equal to the Wick values except for the terms, SD 1, N = 1000. */
    static ObservedInvariants observed(PigmmParameters f, List<InvariantGraph> graphs, List<InvariantGraph> terms,
                                       double[] termValues) {
        GaussianCorrelator c = GaussianCorrelator.of(f);
        double[] o = new double[graphs.size()];
        double[] sd = new double[graphs.size()];
        for (int k = 0; k < o.length; k++) {
            int t = terms.indexOf(graphs.get(k));
            o[k] = t >= 0 ? termValues[t] : c.expectation(graphs.get(k));
            sd[k] = 1;
        }
        return new ObservedInvariants(1000, graphs, o, sd);
    }

    /** E x^k for x ~ N(m, s²), by the recursion μ_k = m μ_{k−1} + (k−1) s² μ_{k−2}. */
    static double normalMoment(int k, double m, double s) {
        double a = 1;
        double b = m;
        if (k == 0) {
            return 1;
        }
        for (int j = 2; j <= k; j++) {
            double c = m * b + (j - 1) * s * s * a;
            a = b;
            b = c;
        }
        return b;
    }

    @Test
    void quarticTermOnIidBaseMatchesClosedFormsInTheBareScheme() {
        // docs/spec/perturbative.md §6 (a): ⟨I45⟩ = D²[μ₄ − g(μ₈ − μ₄²)], ⟨I3⟩ = D²[μ₂ − g(μ₆ − μ₂μ₄)],
        // ⟨I2⟩ = D²[m − g(μ₅ − mμ₄)], and the printed first-order values
        double[][] cases = {{4, 0, 1, 1e-3, 46.464, 15.808, 0}, {4, 0, 1, 1e-4, 47.8464, 15.9808, 0},
            {4, 0.2, 0.5, 0.01, 3.88447104, 4.595088, 3.17472}};
        for (double[] c : cases) {
            int d = (int) c[0];
            double m = c[1];
            double s = c[2];
            double g = c[3];
            PigmmParameters f = PigmmParameters.iid(d, m, s * s);
            double dd = d * d;
            double mu2 = normalMoment(2, m, s);
            double mu4 = normalMoment(4, m, s);
            double first45 = dd * (mu4 - g * (normalMoment(8, m, s) - mu4 * mu4));
            close(c[4], first45, 1e-10, "printed <I45>");
            // the fit recovers g from an observed <I45> equal to its first-order value, then predicts I3 and I2
            PerturbingTerms terms = PerturbingTerms.parse("I45");
            ObservedInvariants obs = observed(f, List.of(i(45)), terms.terms(), new double[] {first45});
            PerturbativeFit fit = Perturbative.fit(f, obs, terms, Scheme.BARE);
            close(g, fit.couplings()[0], 1e-10, "g");
            close(c[5], fit.predict(i(3)), 1e-10, "<I3> first order");
            close(dd * (mu2 - g * (normalMoment(6, m, s) - mu2 * mu4)), fit.predict(i(3)), 1e-10, "<I3> closed form");
            close(c[6], fit.predict(i(2)), 1e-10, "<I2> first order");
            close(dd * (m - g * (normalMoment(5, m, s) - m * mu4)), fit.predict(i(2)), 1e-10, "<I2> closed form");
            close(c[4], fit.predict(i(45)), 1e-10, "<I45> reproduced");
        }
    }

    @Test
    void firstOrderDiffersFromTheExactTiltAtSecondOrder() {
        // docs/spec/perturbative.md §6 (a): the exact per-entry law ∝ exp(−x²/2 − g x⁴) by quadrature; the first-order
        // error is D²(4752 g², 384 g²) + O(g³) for ⟨I45⟩, ⟨I3⟩ (checks the expansion, not the code)
        double g = 1e-4;
        double exact4 = tiltMoment(4, g) / tiltMoment(0, g);
        double exact2 = tiltMoment(2, g) / tiltMoment(0, g);
        close(47.8471553472, 16 * exact4, 1e-10, "exact <I45>");
        close(15.9808611379, 16 * exact2, 1e-10, "exact <I3>");
        assertEquals(4752 * g * g, exact4 - (3 - 96 * g), 0.02 * 4752 * g * g);
        assertEquals(384 * g * g, exact2 - (1 - 12 * g), 0.02 * 384 * g * g);
        double h = 1e-6;
        assertEquals(-95.99525, (tiltMoment(4, h) / tiltMoment(0, h) - 3) / h, 1e-4, "slope");
    }

    /** ∫ x^k exp(−x²/2 − g x⁴) dx by composite Simpson on [−12, 12]. */
    private static double tiltMoment(int k, double g) {
        int n = 24000;
        double a = -12;
        double h = 24.0 / n;
        double s = 0;
        for (int j = 0; j <= n; j++) {
            double x = a + j * h;
            double w = j == 0 || j == n ? 1 : (j % 2 == 1 ? 4 : 2);
            s += w * Math.pow(x, k) * Math.exp(-x * x / 2 - g * x * x * x * x);
        }
        return s * h / 3;
    }

    @Test
    void structuredModelSchemeBMatchesSpecAtD4() {
        // docs/spec/perturbative.md §6 (c), scheme B: K_A, K and C₀(F, O^⊥) for S2; K for S4
        PigmmParameters f = PigmmParameters.of(4, GaussianCorrelatorTest.F_STRUCT);
        List<InvariantGraph> all = Invariants.paperCubicQuartic();
        PerturbingTerms s2 = PerturbingTerms.s2();
        GaussianCorrelator c = GaussianCorrelator.of(f);
        ObservedInvariants obs = observed(f, all, s2.terms(),
                new double[] {c.expectation(i(22)) + 0.01, c.expectation(i(45)) - 0.02});
        PerturbativeFit b = Perturbative.fit(f, obs, s2, Scheme.RENORMALISED);
        PerturbativeFit a = Perturbative.fit(f, obs, s2, Scheme.BARE);
        double[][] kA = {{1.302713943953, 0.939429785426}, {0.939429785426, 1.08549098387}};
        double[][] k = {{0.202844777484, 0.127683534049}, {0.127683534049, 0.198625785403}};
        for (int x = 0; x < 2; x++) {
            for (int y = 0; y < 2; y++) {
                close(kA[x][y], a.k()[x][y], 1e-10, "K_A");
                close(k[x][y], b.k()[x][y], 1e-10, "K");
            }
        }
        Object[][] table = {{2, 0.0, 0.0}, {3, 0.0, 0.0}, {14, 0.107568241793, 0.0905562273882},
            {29, 0.0910468529095, 0.144458592601}, {18, 0.161099155502, 0.132919929698},
            {38, 0.113679750417, 0.165251353117}, {46, 0.106625191818, 0.15853595171},
            {49, 6.25024889063, 5.14658496569}, {52, 22.5748512517, 17.5058008829}};
        for (Object[] row : table) {
            double[] r = b.response(i((Integer) row[0]));
            close((Double) row[1], r[0], 1e-10, "C0(I" + row[0] + ", I22⊥)");
            close((Double) row[2], r[1], 1e-10, "C0(I" + row[0] + ", I45⊥)");
        }
        double[][] k4 = {{0.1065060064, 0.1075682418, 0.0901477661, 0.0905562274},
            {0.1075682418, 0.2028447775, 0.0910468529, 0.127683534},
            {0.0901477661, 0.0910468529, 0.1440146724, 0.1444585926},
            {0.0905562274, 0.127683534, 0.1444585926, 0.1986257854}};
        PerturbingTerms s4 = PerturbingTerms.s4();
        double[] o4 = new double[4];
        for (int t = 0; t < 4; t++) {
            o4[t] = c.expectation(s4.terms().get(t));
        }
        double[][] got = Perturbative.fit(f, observed(f, all, s4.terms(), o4), s4, Scheme.RENORMALISED).k();
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                // printed to 10 decimals
                assertEquals(k4[x][y], got[x][y], 6e-11, "K(S4)");
            }
        }
    }

    @Test
    void iidBaseSchemeBMatchesClosedForms() {
        // docs/spec/perturbative.md §6 (f): K(S2) = D²[[6s⁶, 24ms⁶], [24ms⁶, 24s⁸ + 96m²s⁶]];
        // C₀(I14, O^⊥) and C₀(I29, O^⊥) are its rows over D
        for (double[] p : new double[][] {{5, 0.3, 0.7}, {4, 0, 1}, {9, -0.4, 0.2}, {30, 0.1, 0.05}}) {
            int d = (int) p[0];
            double m = p[1];
            double s2 = p[2];
            double s6 = s2 * s2 * s2;
            PigmmParameters f = PigmmParameters.iid(d, m, s2);
            GaussianCorrelator c = GaussianCorrelator.of(f);
            ObservedInvariants obs = observed(f, Invariants.paperCubicQuartic(), List.of(),
                    new double[0]);
            PerturbativeFit fit = Perturbative.fit(f, obs, PerturbingTerms.s2(), Scheme.RENORMALISED);
            double dd = (double) d * d;
            double[][] k = {{6 * s6 * dd, 24 * m * s6 * dd}, {24 * m * s6 * dd, (24 * s6 * s2 + 96 * m * m * s6) * dd}};
            double[][] got = fit.k();
            double[] r14 = fit.response(i(14));
            double[] r29 = fit.response(i(29));
            for (int x = 0; x < 2; x++) {
                close(k[0][x] / d, r14[x], 1e-10, "C0(I14, O⊥) at D=" + d);
                close(k[1][x] / d, r29[x], 1e-10, "C0(I29, O⊥) at D=" + d);
                for (int y = 0; y < 2; y++) {
                    assertEquals(k[x][y], got[x][y], 1e-10 * Math.abs(k[1][1]), "K at D=" + d);
                }
            }
            if (d == 5) {
                // the printed example
                close(51.45, got[0][0], 1e-10, "K11");
                close(61.74, got[0][1], 1e-10, "K12");
                close(218.148, got[1][1], 1e-10, "K22");
                double[][] ka = Perturbative.fit(f, obs, PerturbingTerms.s2(), Scheme.BARE).k();
                close(169.59075, ka[0][0], 1e-10, "K_A11");
                close(275.2533, ka[0][1], 1e-10, "K_A12");
                close(889.46592, ka[1][1], 1e-10, "K_A22");
                assertEquals(0, c.connected(i(1), i(1)) - s2 * d, 1e-12, "Var t");
            }
        }
    }

    @Test
    void projectedTermsAreUncorrelatedWithTheGaussianInvariants() {
        // docs/spec/perturbative.md §6 (g): C₀(I_k, O^⊥) = 0 for k ≤ 13; K symmetric positive definite, K ≤ K_A
        PigmmParameters f = PigmmParameters.of(7, GaussianCorrelatorTest.F_STRUCT);
        GaussianCorrelator c = GaussianCorrelator.of(f);
        PerturbingTerms s4 = PerturbingTerms.s4();
        double[] o4 = new double[4];
        for (int t = 0; t < 4; t++) {
            o4[t] = c.expectation(s4.terms().get(t));
        }
        ObservedInvariants obs = observed(f, Invariants.paperCubicQuartic(), s4.terms(), o4);
        PerturbativeFit b = Perturbative.fit(f, obs, s4, Scheme.RENORMALISED);
        PerturbativeFit a = Perturbative.fit(f, obs, s4, Scheme.BARE);
        double[][] k = b.k();
        double[][] ka = a.k();
        for (int n = 1; n <= 13; n++) {
            double[] r = b.response(i(n));
            double[] raw = a.response(i(n));
            for (int t = 0; t < 4; t++) {
                assertEquals(0, r[t], 1e-12 * Math.max(1, Math.abs(raw[t])), "C0(I" + n + ", O⊥)");
            }
        }
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                assertEquals(k[x][y], k[y][x], 1e-14 * Math.abs(k[x][x]));
            }
        }
        assertTrue(new org.apache.commons.math3.linear.EigenDecomposition(
                org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(k)).getRealEigenvalues()[3] > 0);
        double[] d = new org.apache.commons.math3.linear.EigenDecomposition(
                org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(ka).subtract(
                        org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(k))).getRealEigenvalues();
        for (double e : d) {
            assertTrue(e > -1e-12, "K_A − K is positive semi-definite");
        }
    }

    @Test
    void wickValuesEqualTheCommittedWickColumn() {
        // docs/spec/perturbative.md §6 (g), §3.3 "Validation done": ⟨F⟩₀ reproduces the committed wick column
        String[][] cases = {{"width-640", "W2"}, {"width-160", "W2"}, {"gaussian-wd0.01", "W2"}, {"gaussian", "W4"}};
        for (String[] cs : cases) {
            FitInput in = ReferenceValuesTest.input(cs[0], 50, cs[1]);
            GaussianCorrelator c = GaussianCorrelator.of(in.parameters());
            List<String[]> rows = wickColumn(cs[0], cs[1]);
            assertEquals(39, rows.size());
            for (String[] r : rows) {
                InvariantGraph g = i(Integer.parseInt(r[0].substring(1)));
                double wick = Double.parseDouble(r[1]);
                assertEquals(wick, c.expectation(g), 1e-12 * Math.abs(wick) + 1e-300, cs[0] + " " + r[0]);
            }
        }
    }

    private static List<String[]> wickColumn(String setting, String layer) {
        try {
            List<String[]> out = new ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("..", "results", setting,
                    "deviations.csv"))) {
                String[] x = line.split(",");
                if (x[0].equals("50") && x[1].equals(layer)) {
                    out.add(new String[] {x[2], x[5]});
                }
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void gramCharlierRegionMatchesTheSpecTable() {
        // docs/spec/perturbative.md §4.5 (iii): γ₁max(γ₂), printed to 2 decimals
        double[] g2 = {0.5, 1, 1.5, 2, 2.5, 3, 3.5};
        double[] g1 = {0.49, 0.75, 0.92, 1.02, 1.05, 1.00, 0.81};
        for (int k = 0; k < g2.length; k++) {
            assertEquals(g1[k], GramCharlier.maxSkewness(g2[k]), 0.005 + 1e-9, "gamma2 = " + g2[k]);
        }
        assertEquals(0, GramCharlier.maxSkewness(4), 0);
        assertTrue(GramCharlier.isPositive(0, 4), "(z² − 3)²/6 ≥ 0");
        assertTrue(!GramCharlier.isPositive(0, 4.01));
        assertTrue(!GramCharlier.isPositive(0, -0.01));
        assertTrue(!GramCharlier.isPositive(-0.91, 4.39), "width-640 lies outside");
        assertTrue(GramCharlier.isPositive(0.50, 1.06), "gaussian-wd0.01 W2 inside");
        assertTrue(GramCharlier.isPositive(0.32, 0.40), "W3 inside");
        assertTrue(!GramCharlier.isPositive(0, -1.2), "uniform epoch 0: negative in the tails");
        // the minimum is a true minimum of the polynomial: no grid point lies below it
        double min = GramCharlier.minimumFactor(0.6, 1.7);
        for (double z = -8; z <= 8; z += 1e-3) {
            assertTrue(GramCharlier.factor(0.6, 1.7, z) >= min - 1e-12);
        }
    }

    @Test
    void termsAreCheckedAtTheBoundary() {
        assertEquals(List.of("I22", "I45"), PerturbingTerms.parse(" s2 ").labels());
        assertEquals(List.of("I14", "I22", "I29", "I45"), PerturbingTerms.parse("S4").labels());
        assertEquals(List.of("I18", "I45"), PerturbingTerms.parse("i18, I45").labels());
        for (String bad : new String[] {"", "I3", "I53", "I22,I22", "X1", "I22;I45", "I-2", "I22,,I45"}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> PerturbingTerms.parse(bad), bad);
            assertTrue(!e.getMessage().contains("\n"), "one line");
        }
        assertEquals(Scheme.BARE, Scheme.parse("Bare"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Scheme.parse("A"));
    }

    @Test
    void aTermMissingFromTheDataIsNamed() {
        PigmmParameters f = PigmmParameters.iid(5, 0, 1);
        ObservedInvariants obs = observed(f, List.of(i(22)), List.of(), new double[0]);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Perturbative.fit(f, obs, PerturbingTerms.s2(), Scheme.RENORMALISED));
        assertTrue(e.getMessage().contains("I45"), e.getMessage());
    }

    @Test
    void predictionsDoNotDependOnTheOrderOfTheTerms() {
        PigmmParameters f = PigmmParameters.of(6, GaussianCorrelatorTest.F_STRUCT);
        GaussianCorrelator c = GaussianCorrelator.of(f);
        SplittableRandom rng = new SplittableRandom(5);
        List<InvariantGraph> all = Invariants.paperCubicQuartic();
        double[] o = new double[all.size()];
        double[] sd = new double[all.size()];
        for (int k = 0; k < o.length; k++) {
            o[k] = c.expectation(all.get(k)) * (1 + 0.1 * rng.nextGaussian());
            sd[k] = 1 + rng.nextDouble();
        }
        ObservedInvariants obs = new ObservedInvariants(100, all, o, sd);
        PerturbativeFit x = Perturbative.fit(f, obs, PerturbingTerms.parse("I22,I45,I18"));
        PerturbativeFit y = Perturbative.fit(f, obs, PerturbingTerms.parse("I18,I45,I22"));
        close(x.couplings()[0], y.couplings()[2], 1e-10, "g22");
        close(x.seCsv()[1], y.seCsv()[1], 1e-10, "se_csv g45");
        for (InvariantGraph g : all) {
            close(x.predict(g), y.predict(g), 1e-10, Invariants.label(g));
        }
        close(x.score(), y.score(), 1e-10, "score");
    }
}
