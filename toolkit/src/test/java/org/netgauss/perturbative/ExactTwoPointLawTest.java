package org.netgauss.perturbative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netgauss.invariants.InvariantGraph;
import org.netgauss.invariants.Invariants;
import org.netgauss.pigmm.Pigmm;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.WeightEnsemble;

/**
 * Oracle (e) of docs/spec/perturbative.md §6 and the exactness statement of §4.3: for independent entries with two-
 * point laws, all 2¹⁶ matrices at D = 4 are enumerated, their exact means give the population PIGMM fit and the
 * observed values, and the renormalised single-entry model reproduces every tracked invariant.
 */
class ExactTwoPointLawTest {
    private static final int D = 4;

    /** Exact E[I_k] for k = 1..52 when off-diagonal entries take {lo, hi} with P(lo) = p, diagonal ones {dlo, dhi}. */
    static double[] exactMeans(double lo, double hi, double p, double dlo, double dhi, double dp) {
        List<InvariantGraph> graphs = new ArrayList<>();
        for (int n = 1; n <= 52; n++) {
            graphs.add(Invariants.paper(n));
        }
        int count = 1 << (D * D);
        double[] data = new double[count * D * D];
        double[] weight = new double[count];
        for (int bits = 0; bits < count; bits++) {
            double w = 1;
            for (int e = 0; e < D * D; e++) {
                boolean diag = e / D == e % D;
                boolean low = (bits >> e & 1) == 0;
                data[bits * D * D + e] = diag ? (low ? dlo : dhi) : (low ? lo : hi);
                w *= diag ? (low ? dp : 1 - dp) : (low ? p : 1 - p);
            }
            weight[bits] = w;
        }
        double[][] v = Invariants.evaluate(graphs, WeightEnsemble.of(data, count, D, D));
        // compensated (Kahan) sums: the population fit takes differences of these means
        double[] mean = new double[52];
        double[] carry = new double[52];
        for (int bits = 0; bits < count; bits++) {
            for (int k = 0; k < 52; k++) {
                double y = weight[bits] * v[bits][k] - carry[k];
                double t = mean[k] + y;
                carry[k] = (t - mean[k]) - y;
                mean[k] = t;
            }
        }
        return mean;
    }

    static PigmmParameters populationFit(double[] mean) {
        double[] q = new double[13];
        System.arraycopy(mean, 0, q, 0, 13);
        return Pigmm.fitFromMeanInvariants(D, q);
    }

    static ObservedInvariants observed(double[] mean) {
        List<InvariantGraph> g = Invariants.paperCubicQuartic();
        double[] o = new double[39];
        double[] sd = new double[39];
        for (int k = 0; k < 39; k++) {
            o[k] = mean[13 + k];
            sd[k] = 1;
        }
        return new ObservedInvariants(1000, g, o, sd);
    }

    /** The largest |⟨F⟩₁ − E F| / (|E F| + 1) over the 39. */
    static double worstError(PerturbativeFit fit, double[] mean) {
        double worst = 0;
        for (int k = 14; k <= 52; k++) {
            double e = mean[k - 1];
            worst = Math.max(worst, Math.abs(fit.predict(Invariants.paper(k)) - e) / (Math.abs(e) + 1));
        }
        return worst;
    }

    @Test
    void e1CenteredTwoPointLawIsExactWithS2() {
        double[] mean = exactMeans(-1, 2, 2.0 / 3, -1, 2, 2.0 / 3);
        double[] expected = {32, 96, 24, 24, 72, 2976};
        int[] which = {22, 45, 29, 46, 38, 52};
        for (int k = 0; k < which.length; k++) {
            assertEquals(expected[k], mean[which[k] - 1], 1e-9, "E I" + which[k]);
        }
        PigmmParameters f = populationFit(mean);
        double[] pop = {0, 0, 2, 0, 2, 2, 0, 0, 2, 0, 2, 2, 2};
        for (int k = 0; k < 13; k++) {
            assertEquals(pop[k], f.toArray()[k], 1e-12, "f" + (k + 1));
        }
        GaussianCorrelator c = GaussianCorrelator.of(f);
        double[] gauss = {0, 192, 48, 48, 96, 3072};
        for (int k = 0; k < which.length; k++) {
            assertEquals(gauss[k], c.expectation(Invariants.paper(which[k])), 1e-9, "Gaussian I" + which[k]);
        }
        PerturbativeFit b = Perturbative.fit(f, observed(mean), PerturbingTerms.s2(), Scheme.RENORMALISED);
        assertEquals(-1.0 / 24, b.couplings()[0], 1e-12);
        assertEquals(1.0 / 64, b.couplings()[1], 1e-12);
        assertTrue(worstError(b, mean) < 1e-12, "all 39 exact: " + worstError(b, mean));
        PerturbativeFit a = Perturbative.fit(f, observed(mean), PerturbingTerms.s2(), Scheme.BARE);
        assertEquals(-1.0 / 60, a.couplings()[0], 1e-12);
        assertEquals(1.0 / 256, a.couplings()[1], 1e-12);
        assertEquals(8.7, worstError(a, mean), 0.05, "scheme A is not exact");
    }

    @Test
    void e2ShiftedTwoPointLawIsExactWithS2() {
        double[] mean = exactMeans(-1, 2, 0.6, -1, 2, 0.6);
        assertEquals(41.6, mean[21], 1e-9);
        assertEquals(112, mean[44], 1e-9);
        assertEquals(34.24, mean[45], 1e-9);
        assertEquals(5939.968, mean[51], 1e-8);
        PerturbativeFit b = Perturbative.fit(populationFit(mean), observed(mean), PerturbingTerms.s2(),
                Scheme.RENORMALISED);
        ReferenceValuesTest.printed("-0.034532", b.couplings()[0], "g22");
        ReferenceValuesTest.printed("0.016373", b.couplings()[1], "g45");
        assertTrue(worstError(b, mean) < 1e-12, "all 39 exact: " + worstError(b, mean));
    }

    @Test
    void e3DistinctDiagonalLawNeedsS4() {
        double[] mean = exactMeans(-1, 2, 0.6, 0, 3, 0.75);
        PigmmParameters f = populationFit(mean);
        String[] pop = {"1.35", "0.952628", "2.041875", "-0.204599", "1.805625", "2.041875", "-0.118125", "-0.167054",
            "2.041875", "-0.167054", "1.92375", "2.16", "2.16"};
        for (int k = 0; k < 13; k++) {
            ReferenceValuesTest.printed(pop[k], f.toArray()[k], "f" + (k + 1));
        }
        PerturbativeFit s2 = Perturbative.fit(f, observed(mean), PerturbingTerms.s2(), Scheme.RENORMALISED);
        ReferenceValuesTest.printed("0.37", worstError(s2, mean), "S2 leaves errors up to 0.37");
        PerturbativeFit s4 = Perturbative.fit(f, observed(mean), PerturbingTerms.s4(), Scheme.RENORMALISED);
        String[] g = {"-0.082524", "-0.034532", "-0.006618", "0.016373"};
        for (int a = 0; a < 4; a++) {
            ReferenceValuesTest.printed(g[a], s4.couplings()[a], "g" + a);
        }
        assertTrue(worstError(s4, mean) < 1e-12, "all 39 exact with S4: " + worstError(s4, mean));
    }
}
