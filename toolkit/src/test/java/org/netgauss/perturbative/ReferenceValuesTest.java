package org.netgauss.perturbative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netgauss.invariants.Invariants;

/**
 * The reference values of docs/spec/perturbative.md §5, recomputed from the committed {@code results/*}: the spec
 * prints them to 2–6 significant digits, so each is checked to max(1e-6 relative, half a unit of its last printed
 * digit). Also the scheme-A shifts of §4.1 and the entry cumulants of the table of §1.
 */
class ReferenceValuesTest {
    private static final Path RESULTS = Path.of("..", "results");

    static FitInput input(String setting, int epoch, String layer) {
        return CommittedResults.read(RESULTS, setting).stream()
                .filter(i -> i.epoch() == epoch && i.layer().equals(layer)).findFirst().orElseThrow();
    }

    /** |actual − printed| within max(1e-6 relative, half a unit of the printed last digit). */
    static void printed(String printed, double actual, String what) {
        BigDecimal p = new BigDecimal(printed);
        double halfUnit = 0.5 * Math.pow(10, -p.scale());
        double tol = Math.max(1e-6 * Math.abs(p.doubleValue()), halfUnit * (1 + 1e-9));
        assertEquals(p.doubleValue(), actual, tol, what);
    }

    static void couplings(PerturbativeFit fit, String[] g, String[] se) {
        for (int a = 0; a < g.length; a++) {
            printed(g[a], fit.couplings()[a], "g" + a + " " + fit);
            printed(se[a], fit.seNull()[a], "se_null" + a + " " + fit);
        }
    }

    static void heldOut(PerturbativeFit fit, String median, String medianP, String max, String maxAt, String maxP,
                        String maxPAt) {
        PerturbativePredictions.HeldOutSummary s = fit.predictions().summary();
        printed(median, s.medianGauss(), "median Δ " + s);
        printed(medianP, s.medianPerturbative(), "median Δ' " + s);
        printed(max, s.maxGauss(), "max Δ " + s);
        printed(maxP, s.maxPerturbative(), "max Δ' " + s);
        if (maxAt != null) {
            assertEquals(maxAt, s.argmaxGauss(), s.toString());
        }
        if (maxPAt != null) {
            assertEquals(maxPAt, s.argmaxPerturbative(), s.toString());
        }
    }

    static void named(PerturbativeFit fit, String label, String before, String after) {
        InvariantPrediction p = fit.predictions().get(label).orElseThrow();
        if (before != null) {
            printed(before, p.deviationGauss(), label + " Δ");
        }
        printed(after, p.deviationPerturbative(), label + " Δ'");
    }

    @Test
    void width640S2() {
        PerturbativeFit fit = input("width-640", 50, "W2").fit(PerturbingTerms.s2(), Scheme.RENORMALISED);
        couplings(fit, new String[] {"19.2252", "-2501.28"}, new String[] {"0.204", "1.09"});
        heldOut(fit, "0.362", "0.086", "7.09", "I46", "5.53", "I38");
        named(fit, "I14", "2.20", "0.18");
        named(fit, "I29", "3.50", "0.02");
        named(fit, "I46", "7.09", "0.09");
        named(fit, "I18", "5.78", "2.51");
        named(fit, "I21", "2.39", "1.03");
        named(fit, "I35", "2.53", "1.00");
        named(fit, "I38", "6.25", "5.53");
        // docs/spec/perturbative.md §4.4: se_csv 2.63 and 24.1
        printed("2.63", fit.seCsv()[0], "se_csv g22");
        printed("24.1", fit.seCsv()[1], "se_csv g45");
        // docs/spec/perturbative.md §4.6: the null-based score is inflated under heavy tails, 6.0e6
        printed("6.0e6", fit.score(), "score");
    }

    @Test
    void width640S4() {
        PerturbativeFit fit = input("width-640", 50, "W2").fit(PerturbingTerms.s4(), Scheme.RENORMALISED);
        couplings(fit, new String[] {"-16.130", "19.2508", "-10.180", "-2501.26"},
                new String[] {"5.38", "0.205", "27.3", "1.09"});
        heldOut(fit, "0.264", "0.067", "7.09", null, "5.54", "I38");
        named(fit, "I46", null, "0.08");
        named(fit, "I18", null, "2.61");
    }

    @Test
    void width160S2() {
        PerturbativeFit fit = input("width-160", 50, "W2").fit(PerturbingTerms.s2(), Scheme.RENORMALISED);
        couplings(fit, new String[] {"15.2642", "-110.942"}, new String[] {"0.086", "0.265"});
        // the spec prints max Δ = 1.53 (I46); the committed data give 1.5248, i.e. 1.52 (see the report)
        heldOut(fit, "0.297", "0.033", "1.525", "I46", "1.29", "I38");
        named(fit, "I14", "0.87", "0.03");
        named(fit, "I29", "0.79", "0.14");
        named(fit, "I18", "1.32", "1.12");
    }

    @Test
    void gaussianWd001W2S2() {
        PerturbativeFit fit = input("gaussian-wd0.01", 50, "W2").fit(PerturbingTerms.s2(), Scheme.RENORMALISED);
        couplings(fit, new String[] {"-1.67306", "-5.54848"}, new String[] {"0.053", "0.081"});
        heldOut(fit, "0.171", "0.015", "0.317", "I18", "0.199", "I18");
        named(fit, "I14", "0.27", "0.00");
        named(fit, "I29", "0.29", "0.00");
        named(fit, "I38", "0.29", "0.14");
        // docs/spec/perturbative.md §2.4: −24 s̄⁴ ĝ45 = 1.06, equal to γ₂ of the §1 table
        EntryCumulants e = fit.entryCumulants();
        printed("1.06", -24 * e.meanVariance() * e.meanVariance() * fit.couplings()[1], "-24 s^4 g45");
        printed("1.06", e.gamma2(), "gamma2");
        printed("0.50", e.gamma1(), "gamma1");
        assertTrue(e.gramCharlierPositive());
    }

    @Test
    void gaussianWd001W3S2() {
        PerturbativeFit fit = input("gaussian-wd0.01", 50, "W3").fit(PerturbingTerms.s2(), Scheme.RENORMALISED);
        couplings(fit, new String[] {"-1.49296", "-2.05873"}, new String[] {"0.052", "0.080"});
        heldOut(fit, "0.114", "0.012", "0.234", null, "0.161", "I18");
    }

    @Test
    void uniformEpoch0IsThePositiveControl() {
        PerturbativeFit fit = input("uniform", 0, "W2").fit(PerturbingTerms.s2(), Scheme.RENORMALISED);
        couplings(fit, new String[] {"-0.0264", "45.362"}, new String[] {"0.213", "0.585"});
        heldOut(fit, "0.039", "0.007", "1.51", "I29", "0.028", null);
        // expected ĝ45 = 0.45 D² = 45 within 3 se_null, held-out max Δ' ≤ 0.1 (docs/spec/perturbative.md §7, acceptance 4)
        assertEquals(45, fit.couplings()[1], 3 * fit.seNull()[1]);
        assertTrue(fit.predictions().summary().maxPerturbative() <= 0.1);
        printed("0.28", fit.seCsv()[1], "se_csv g45");
        printed("-1.20", fit.entryCumulants().gamma2(), "gamma2 of a uniform law");
    }

    @Test
    void gaussianEpoch0IsTheNegativeControl() {
        PerturbativeFit fit = input("gaussian", 0, "W2").fit(PerturbingTerms.s2(), Scheme.RENORMALISED);
        couplings(fit, new String[] {"0.0288", "-0.0252"}, new String[] {"0.041", "0.064"});
        heldOut(fit, "0.016", "0.016", "0.048", null, "0.050", null);
        for (int a = 0; a < 2; a++) {
            assertTrue(Math.abs(fit.couplings()[a]) / fit.seNull()[a] < 3, "coupling consistent with 0");
        }
    }

    @Test
    void bareSchemeMovesTheGaussianPart() {
        // docs/spec/perturbative.md §4.1: at width-640 ⟨T⟩ moves by 104% and ⟨I3⟩ by 71%; held-out max Δ 7.1 → 108;
        // at gaussian-wd0.01 W2 by 9% and 16%, held-out max 0.32 → 0.74
        PerturbativeFit w = input("width-640", 50, "W2").fit(PerturbingTerms.s2(), Scheme.BARE);
        printed("1.04", relativeShift(w, 2), "shift of T");
        printed("0.71", relativeShift(w, 3), "shift of I3");
        printed("108", w.predictions().summary().maxPerturbative(), "bare held-out max");
        PerturbativeFit g = input("gaussian-wd0.01", 50, "W2").fit(PerturbingTerms.s2(), Scheme.BARE);
        printed("0.09", Math.abs(relativeShift(g, 2)), "shift of T");
        printed("0.16", Math.abs(relativeShift(g, 3)), "shift of I3");
        printed("0.74", g.predictions().summary().maxPerturbative(), "bare held-out max");
        // the renormalised scheme leaves them where f̂ put them
        PerturbativeFit r = input("width-640", 50, "W2").fit(PerturbingTerms.s2(), Scheme.RENORMALISED);
        assertEquals(0, relativeShift(r, 2), 1e-12);
        assertEquals(0, relativeShift(r, 3), 1e-12);
    }

    private static double relativeShift(PerturbativeFit fit, int k) {
        double wick = fit.correlator().expectation(Invariants.paper(k));
        return fit.predict(Invariants.paper(k)) / wick - 1;
    }

    @Test
    void entryCumulantsReproduceTheMotivationTable() {
        // docs/spec/perturbative.md §1 table: γ₁, γ₂ per setting and layer (epoch 50 except uniform epoch 0)
        Object[][] rows = {{"width-10", 50, "W2", "-0.06", "0.26"}, {"width-40", 50, "W2", "-0.28", "0.99"},
            {"width-160", 50, "W2", "-0.57", "1.60"}, {"width-640", 50, "W2", "-0.91", "4.39"},
            {"gaussian-wd0.01", 50, "W2", "0.50", "1.06"}, {"gaussian-wd0.01", 50, "W3", "0.32", "0.40"},
            {"uniform-wd0.01", 50, "W3", "0.32", "0.33"}, {"gaussian", 50, "W4", "-1.81", "22.6"},
            {"uniform", 0, "W2", "0.00", "-1.20"}};
        for (Object[] r : rows) {
            FitInput in = input((String) r[0], (Integer) r[1], (String) r[2]);
            EntryCumulants e = EntryCumulants.of(in.parameters(), in.observed());
            printed((String) r[3], e.gamma1(), "gamma1 " + in.key());
            printed((String) r[4], e.gamma2(), "gamma2 " + in.key());
        }
    }

    @Test
    void fittedInvariantsAreMatchedExactly() {
        // docs/spec/perturbative.md §5 step 4: for F in A, Δ' ≤ 1e-9
        for (PerturbingTerms t : List.of(PerturbingTerms.s2(), PerturbingTerms.s4())) {
            PerturbativeFit fit = input("width-640", 50, "W2").fit(t, Scheme.RENORMALISED);
            for (InvariantPrediction p : fit.predictions().predictions()) {
                if (p.fitted()) {
                    assertTrue(p.deviationPerturbative() <= 1e-9, p.toString());
                }
            }
        }
    }
}
