package org.netgauss.perturbative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netgauss.invariants.InvariantGraph;
import org.netgauss.invariants.Invariants;
import org.netgauss.invariants.WickPredictor;
import org.netgauss.pigmm.PigmmParameters;

/** Oracles (b), (c) and the Wick part of (g) of docs/spec/perturbative.md §6. */
class GaussianCorrelatorTest {
    /** f_struct of docs/spec/pigmm.md §5.2, used at D = 4 in docs/spec/perturbative.md §6 (c). */
    static final double[] F_STRUCT = {0.5, 0.2, 0.3, 0.05, 0.2, 0.15, 0.02, 0.01, 0.12, -0.01, 0.1, 0.08, 0.06};

    private static InvariantGraph i(int n) {
        return Invariants.paper(n);
    }

    private static void close(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void iidStandardNormalCorrelatorsArePolynomialsInD() {
        // docs/spec/perturbative.md §6 (b): C₀(F, I22) and C₀(F, I45) for IID N(0, 1), as polynomials in D
        for (int d : new int[] {4, 5, 7, 10, 640}) {
            GaussianCorrelator c = GaussianCorrelator.of(PigmmParameters.iid(d, 0, 1));
            double dd = d;
            double[][] cubic = {{1, 3 * dd}, {2, 3 * dd * dd}, {3, 0}, {10, 0}, {4, 0}, {14, 15 * dd}, {22, 15 * dd * dd},
                {23, 3 * dd * (dd + 4)}, {24, 3 * dd * (3 * dd * dd + 2)}, {25, 3 * dd * (3 * dd * dd + 2)},
                {26, 3 * dd * dd * (dd * dd + 2 * dd + 2)}, {28, 3 * dd * dd * (3 * dd * dd + 2)}, {29, 0}, {45, 0}};
            for (double[] row : cubic) {
                close(row[1], c.connected(i((int) row[0]), i(22)), 1e-10, "C0(I" + (int) row[0] + ", I22) at D=" + d);
            }
            double[][] quartic = {{1, 0}, {2, 0}, {3, 12 * dd * dd}, {10, 12 * dd * dd}, {4, 12 * dd}, {14, 0},
                {22, 0}, {29, 96 * dd}, {46, 96 * dd}, {45, 96 * dd * dd}, {36, 24 * dd * (dd + 3)},
                {38, 24 * dd * (dd + 3)}, {47, 24 * dd * (dd + 3)}, {52, 24 * dd * dd * (3 * dd * dd + 1)}};
            for (double[] row : quartic) {
                close(row[1], c.connected(i((int) row[0]), i(45)), 1e-10, "C0(I" + (int) row[0] + ", I45) at D=" + d);
            }
        }
    }

    @Test
    void correlatorsScaleWithTheEntryScale() {
        // docs/spec/perturbative.md §6 (b): with s ≠ 1, multiply by s^(deg F + deg O)
        double s = 0.7;
        GaussianCorrelator c = GaussianCorrelator.of(PigmmParameters.iid(6, 0, s * s));
        close(96 * 36 * Math.pow(s, 8), c.connected(i(45), i(45)), 1e-12, "C0(I45, I45)");
        close(15 * 6 * Math.pow(s, 6), c.connected(i(14), i(22)), 1e-12, "C0(I14, I22)");
    }

    @Test
    void structuredModelMeansMatchSpecAtD4() {
        // docs/spec/perturbative.md §6 (c), Gaussian values ⟨F⟩₀
        GaussianCorrelator c = GaussianCorrelator.of(PigmmParameters.of(4, F_STRUCT));
        int[] f = {2, 3, 14, 22, 29, 45, 18, 38, 46, 49, 52};
        double[] v = {2, 2.24, 0.451032158693, 0.836378620458, 0.500516391111, 0.995559499216, 0.812353726738,
            0.83037567636, 0.62540924949, 52.192, 200.32};
        for (int k = 0; k < f.length; k++) {
            close(v[k], c.expectation(i(f[k])), 1e-10, "<I" + f[k] + ">0");
        }
    }

    @Test
    void structuredModelCorrelatorsMatchSpecAtD4() {
        // docs/spec/perturbative.md §6 (c) table C₀(F, O), O = I14, I22, I29, I45
        GaussianCorrelator c = GaussianCorrelator.of(PigmmParameters.of(4, F_STRUCT));
        int[] o = {14, 22, 29, 45};
        Object[][] table = {
            {2, new double[] {0.962528764306, 2.10949742261, 0.697480713372, 1.1154004908}},
            {3, new double[] {0.503059042636, 0.862432021849, 0.566965914022, 0.906623663946}},
            {14, new double[] {0.619606622265, 0.727505173375, 0.582284704373, 0.627873018305}},
            {22, new double[] {0.727505173375, 1.30271394395, 0.664316601228, 0.939429785426}},
            {29, new double[] {0.582284704373, 0.664316601228, 0.736594464203, 0.778860844121}},
            {45, new double[] {0.627873018305, 0.939429785426, 0.778860844121, 1.08549098387}},
            {18, new double[] {0.978576149901, 1.35371494283, 0.938291705769, 1.10864453095}},
            {38, new double[] {0.798468900175, 1.00605130044, 0.983520469951, 1.12881003352}},
            {46, new double[] {0.608984640626, 0.804542727556, 0.760309300942, 0.897476833517}},
            {49, new double[] {50.7419620369, 103.691577042, 51.5442456058, 85.4371307476}},
            {52, new double[] {192.855439964, 400.035690121, 192.794823291, 325.962740219}}};
        for (Object[] row : table) {
            int f = (Integer) row[0];
            double[] v = (double[]) row[1];
            for (int k = 0; k < o.length; k++) {
                close(v[k], c.connected(i(f), i(o[k])), 1e-10, "C0(I" + f + ", I" + o[k] + ")");
            }
        }
    }

    @Test
    void expectationsEqualWickPredictorForAllPaperInvariants() {
        // the new pattern sums and the existing WickPredictor are independent routes to ⟨F⟩₀
        PigmmParameters p = PigmmParameters.of(7, F_STRUCT);
        GaussianCorrelator c = GaussianCorrelator.of(p);
        WickPredictor w = WickPredictor.of(p);
        for (int n = 1; n <= 52; n++) {
            close(w.expectation(i(n)), c.expectation(i(n)), 1e-12, "<I" + n + ">0");
        }
    }

    @Test
    void correlatorEqualsExplicitIndexSumCovarianceAtD4() {
        // C₀(F, O) against Σ over all index tuples of Cov of the products, computed from the dense moments: an
        // independent route (brute force Isserlis over the D² entries)
        PigmmParameters p = PigmmParameters.of(4, F_STRUCT);
        GaussianCorrelator c = GaussianCorrelator.of(p);
        BruteForceCorrelator brute = new BruteForceCorrelator(p);
        List<int[]> pairs = List.of(new int[] {45, 45}, new int[] {18, 22}, new int[] {38, 29}, new int[] {7, 45},
                new int[] {9, 22}, new int[] {21, 14}, new int[] {35, 45}, new int[] {13, 3});
        for (int[] pr : pairs) {
            close(brute.connected(i(pr[0]), i(pr[1])), c.connected(i(pr[0]), i(pr[1])), 1e-11,
                    "C0(I" + pr[0] + ", I" + pr[1] + ")");
        }
    }

    @Test
    void anyQuarticInvariantCorrelatesWithTheSingleEntryTerms() {
        // a random sample of the 296 quartic graphs (not only the paper's 39), against brute force at D = 4
        PigmmParameters p = PigmmParameters.of(4, F_STRUCT);
        GaussianCorrelator c = GaussianCorrelator.of(p);
        BruteForceCorrelator brute = new BruteForceCorrelator(p);
        List<InvariantGraph> quartic = Invariants.enumerate(4);
        SplittableRandom rng = new SplittableRandom(18);
        for (int t = 0; t < 6; t++) {
            InvariantGraph f = quartic.get(rng.nextInt(quartic.size()));
            close(brute.connected(f, i(22)), c.connected(f, i(22)), 1e-11, "C0(" + f.name() + ", I22)");
        }
    }
}
