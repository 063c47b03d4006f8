package org.netgauss.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.WeightEnsemble;

class WickPredictorTest {
    /** f_struct of docs/spec/pigmm.md §5.2 "Wick oracle, D = 10". */
    static final double[] F_STRUCT = {0.5, 0.2, 0.3, 0.05, 0.2, 0.15, 0.02, 0.01, 0.12, -0.01, 0.1, 0.08, 0.06};

    private static void check(WickPredictor w, int n, double expected, double tol) {
        assertEquals(expected, w.expectation(Invariants.paper(n)), tol, "I" + n);
    }

    @Test
    void structuredModelMatchesSpecWickOracleAtD10() {
        // docs/spec/pigmm.md §5.2 "Wick oracle, D = 10" (the spec's printed digits set the tolerances)
        WickPredictor w = WickPredictor.of(PigmmParameters.of(10, F_STRUCT));
        check(w, 14, 0.42218, 1e-9);
        check(w, 15, 2.024, 1e-9);
        check(w, 16, 0.653, 1e-9);
        check(w, 22, 1.411133333, 1e-8);
        check(w, 23, 0.857333333, 1e-8);
        check(w, 24, 105.5, 1e-8);
        check(w, 25, 66.5, 1e-8);
        check(w, 28, 575, 1e-7);
        check(w, 29, 0.5519518, 1e-7);
        check(w, 40, 0.6082893506, 1e-9);
        check(w, 45, 2.537930444, 1e-8);
        check(w, 47, 1.252830444, 1e-8);
        check(w, 48, 1375, 1e-7);
        check(w, 49, 881.5, 1e-7);
        check(w, 52, 7825, 1e-6);
    }

    @Test
    void iidModelsMatchSpecWickOracles() {
        // docs/spec/pigmm.md §5.2 "IID N(0, 0.1), D = 10" and "IID mean 0.05, variance 0.1, D = 10"
        WickPredictor w = WickPredictor.of(PigmmParameters.iid(10, 0, 0.1));
        int[] n = {14, 22, 29, 31, 36, 40, 45, 47, 48, 52};
        double[] v = {0, 0, 0.3, 1.2, 1.2, 0.3, 3.0, 1.2, 30, 300};
        for (int k = 0; k < n.length; k++) {
            check(w, n[k], v[k], 1e-10 * (1 + v[k]));
        }
        WickPredictor m = WickPredictor.of(PigmmParameters.iid(10, 0.05, 0.1));
        int[] n2 = {14, 22, 24, 28, 29, 45, 52};
        double[] v2 = {0.15125, 1.5125, 27.5, 275, 0.3150625, 3.150625, 2425};
        for (int k = 0; k < n2.length; k++) {
            check(m, n2[k], v2[k], 1e-10 * (1 + v2[k]));
        }
    }

    @Test
    void quadraticWickPredictionsEqualClosedFormForwardMap() {
        // docs/spec/pigmm.md §2.7 forward map <I1..I13>(f), at small D and at the width-study size D = 640
        SplittableRandom rng = new SplittableRandom(4);
        for (int d : new int[] {4, 5, 10, 640}) {
            double[] f = F_STRUCT.clone();
            for (int k = 0; k < 13; k++) {
                f[k] += 0.01 * rng.nextDouble();
            }
            PigmmParameters p = PigmmParameters.of(d, f);
            double[] forward = p.expectedQuadraticInvariants();
            double[] wick = WickPredictor.of(p).expectations(Invariants.quadratic());
            for (int k = 0; k < 13; k++) {
                assertEquals(forward[k], wick[k], 1e-9 * (1 + Math.abs(forward[k])), "D = " + d + ", I" + (k + 1));
            }
        }
    }

    @Test
    void iidQuarticPredictionAtD640MatchesIsserlisCount() {
        // IID N(0, s²): <Σ M_ij⁴> = 3 s⁴ D², <T⁴> = 3 (D² s²)², exact; the D = 640 width-study size
        int d = 640;
        double s2 = 1.0 / d;
        WickPredictor w = WickPredictor.of(PigmmParameters.iid(d, 0, s2));
        assertEquals(3 * s2 * s2 * d * d, w.expectation(Invariants.paper(45)), 1e-9);
        assertEquals(3 * Math.pow(d * d * s2, 2), w.expectation(Invariants.paper(52)), 1e-6);
    }

    @Test
    void highNodeWickPredictionsMatchLinearFormIdentitiesAtD10AndD640() {
        // docs/spec/pigmm.md §3.2 identities for linear forms: T = D S01 and t = S01 + √(D−1) S02 are jointly Gaussian with
        // ℓ_T = D f1, ℓ_t = f1 + √(D−1) f2, c_TT = D² f3, c_tT = D (f3 + √(D−1) f4); then
        // E[T⁴] = ℓ⁴ + 6cℓ² + 3c² and E[t T³] = ℓ_t ℓ_T³ + 3 c_tT ℓ_T² + 3 c_TT ℓ_t ℓ_T + 3 c_tT c_TT (I52, I48)
        for (int d : new int[] {10, 640}) {
            PigmmParameters p = PigmmParameters.of(d, F_STRUCT);
            double s1 = Math.sqrt(d - 1.0);
            double lT = d * p.f1();
            double lt = p.f1() + s1 * p.f2();
            double cTT = (double) d * d * p.f3();
            double ctT = d * (p.f3() + s1 * p.f4());
            double t4 = Math.pow(lT, 4) + 6 * cTT * lT * lT + 3 * cTT * cTT;
            double tT3 = lt * Math.pow(lT, 3) + 3 * ctT * lT * lT + 3 * cTT * lt * lT + 3 * ctT * cTT;
            WickPredictor w = WickPredictor.of(p);
            assertEquals(t4, w.expectation(Invariants.paper(52)), 1e-10 * t4, "I52 at D = " + d);
            assertEquals(tT3, w.expectation(Invariants.paper(48)), 1e-10 * Math.abs(tT3), "I48 at D = " + d);
        }
    }

    @Test
    void wickPredictionsAgreeWithMonteCarloSamplesFromTheModel() {
        // Monte Carlo: 4000 draws at D = 6 from f_struct (seed 21); every degree-3 invariant and the paper's quartic
        // ones lie within 5 standard errors of the sample mean
        int d = 6;
        PigmmParameters p = PigmmParameters.of(d, F_STRUCT);
        int n = 4000;
        WeightEnsemble sample = p.sample(n, new SplittableRandom(21));
        WickPredictor w = WickPredictor.of(p);
        List<InvariantGraph> graphs = new java.util.ArrayList<>(Invariants.enumerate(3));
        graphs.addAll(Invariants.paperCubicQuartic());
        double[][] values = Invariants.evaluate(graphs, sample);
        for (int k = 0; k < graphs.size(); k++) {
            double mean = 0;
            double sq = 0;
            for (double[] row : values) {
                mean += row[k];
                sq += row[k] * row[k];
            }
            mean /= n;
            double se = Math.sqrt((sq / n - mean * mean) / n);
            assertEquals(w.expectation(graphs.get(k)), mean, 5 * se, Invariants.label(graphs.get(k)));
        }
    }
}
