package org.netgauss.invariants;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.WeightEnsemble;

/**
 * Wick predictions of every cubic (52) and quartic (296) invariant against Monte Carlo means of draws from the same
 * model (docs/spec/pigmm.md §3.2 says the Wick route equals Monte Carlo; this checks it for all 348, not only the paper's 39).
 */
class WickMonteCarloTest {

    /**
     * D = 6: all 52 cubic and 291 of the 296 quartic invariants are linearly independent functions there (only the
     * 5 quartic graphs with 7 or 8 vertices reduce to the others; see {@link SmallDInvariantCountsTest}), so almost
     * every graph is checked on its own. f_struct of docs/spec/pigmm.md §5.2 has every coupling non-zero.
     *
     * <p>Statistics: with N = 20 000 draws, z_k = (Ī_k − ⟨I_k⟩)/(s_k/√N) is close to N(0, 1) (CLT; the quartic
     * polynomials have finite moments of every order). P(|z| &gt; 4) = 6.3e-5 per check, so by Bonferroni (a union
     * bound, valid however the 348 z's are correlated) a fresh seed fails with probability at most
     * 348 × 6.3e-5 ≈ 2.2 %. The seed is fixed, so the test itself is deterministic; a real error in one covariance
     * class shifts many invariants by O(1) relative, i.e. by tens to hundreds of standard errors at this N.
     * Runtime about 5 s.
     */
    @Test
    void everyCubicAndQuarticWickPredictionAgreesWithMonteCarloWithin4StandardErrorsAtD6() {
        int d = 6;
        int n = 20_000;
        PigmmParameters p = PigmmParameters.of(d, WickPredictorTest.F_STRUCT);
        WeightEnsemble sample = p.sample(n, new SplittableRandom(20261122));
        List<InvariantGraph> graphs = new ArrayList<>(Invariants.enumerate(3));
        graphs.addAll(Invariants.enumerate(4));
        double[] wick = WickPredictor.of(p).expectations(graphs);
        double[][] values = Invariants.evaluate(graphs, sample);
        List<String> failures = new ArrayList<>();
        double maxZ = 0;
        for (int k = 0; k < graphs.size(); k++) {
            double mean = 0;
            for (double[] row : values) {
                mean += row[k];
            }
            mean /= n;
            double var = 0;
            for (double[] row : values) {
                var += (row[k] - mean) * (row[k] - mean);
            }
            double se = Math.sqrt(var / (n - 1) / n);
            double z = Math.abs(mean - wick[k]) / se;
            maxZ = Math.max(maxZ, z);
            if (!(z <= 4)) {
                failures.add(Invariants.label(graphs.get(k)) + " (" + graphs.get(k).indexSum() + "): MC " + mean
                        + " ± " + se + ", Wick " + wick[k] + ", z = " + z);
            }
        }
        assertTrue(graphs.size() == 348, "52 + 296 graphs");
        assertTrue(failures.isEmpty(), failures.size() + " of 348 outside 4 SE (max z " + maxZ + "): " + failures);
    }
}
