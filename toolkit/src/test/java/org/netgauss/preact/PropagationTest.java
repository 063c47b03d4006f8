package org.netgauss.preact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PropagationTest {

    private static final PropagationConfig PAPER_N = new PropagationConfig(200_000, 20250502L, 2);

    @Test
    void twoLayerKsExperimentMatchesTheAuthorsSpotValues() {
        // docs/spec/gaussian-preact.md §4 item 11 (the spec author's numpy re-run of the authors' stored data, cfg2 n = 10, N = 2e5):
        // odd theta=3 0.0072, pos theta=3 0.0037, relu 0.0442, tanh 0.0909; tolerance 0.003 (MC sd <= 0.0012)
        var c = TwoLayerKsExperiment.Configuration.CFG2;
        assertEquals(0.0072, TwoLayerKsExperiment.point(Initialisation.of(PhiTheta.odd(3)), c, 10, PAPER_N).ks(), 0.003);
        assertEquals(0.0037, TwoLayerKsExperiment.point(Initialisation.of(PhiTheta.positive(3)), c, 10, PAPER_N).ks(), 0.003);
        assertEquals(0.0442, TwoLayerKsExperiment.point(Initialisation.relu(), c, 10, PAPER_N).ks(), 0.003);
        assertEquals(0.0909, TwoLayerKsExperiment.point(Initialisation.tanh(), c, 10, PAPER_N).ks(), 0.003);
    }

    @Test
    void sharedFirstLayerBreaksGaussianityOfTheOddFamily() {
        // docs/spec/gaussian-preact.md §3a: in cfg0 with n >= 2 all second-layer units share phi(Z^1), violating independence; KS is
        // large for phi^o and phi^p holds up better
        var cfg = new PropagationConfig(50_000, 3, 2);
        var c0 = TwoLayerKsExperiment.Configuration.CFG0;
        double odd = TwoLayerKsExperiment.point(Initialisation.of(PhiTheta.odd(3)), c0, 10, cfg).ks();
        double pos = TwoLayerKsExperiment.point(Initialisation.of(PhiTheta.positive(3)), c0, 10, cfg).ks();
        double oddIndependent = TwoLayerKsExperiment.point(Initialisation.of(PhiTheta.odd(3)), c0, 1, cfg).ks();
        assertTrue(odd > 3 * oddIndependent, "odd n=10 " + odd + " vs n=1 " + oddIndependent);
        assertTrue(pos < odd, "pos " + pos + " odd " + odd);
    }

    @Test
    void sameSeedGivesTheSameSamplesWhateverTheThreadCount() {
        var init = Initialisation.of(PhiTheta.positive(3));
        var one = Propagation.deep(init, 4, 3, new PropagationConfig(10_000, 99, 1));
        var two = Propagation.deep(init, 4, 3, new PropagationConfig(10_000, 99, 2));
        assertArrayEquals(one.samples(3), two.samples(3));
        var other = Propagation.deep(init, 4, 3, new PropagationConfig(10_000, 100, 2));
        assertTrue(other.samples(3)[0] != one.samples(3)[0]);
    }

    @Test
    void positivePhiThetaStaysGaussianWithDepthWhileTanhDrifts() {
        // paper Sec. 5.1-5.2 (docs/spec/gaussian-preact.md §3a, "deeper propagation"): with phi^p_theta pre-activations stay close to N(0,1),
        // with tanh they drift away; 20 000 networks of width 4, depth 12, fixed seed
        var cfg = new PropagationConfig(20_000, 5, 2);
        PropagationResult pos = Propagation.deep(Initialisation.of(PhiTheta.positive(3)), 4, 12, cfg);
        PropagationResult tanh = Propagation.deep(Initialisation.tanh(), 4, 12, cfg);
        assertTrue(pos.last().statistics().ks() < 0.03, pos.toString());
        assertTrue(tanh.last().statistics().ks() > 0.1, tanh.toString());
        assertTrue(tanh.last().statistics().excessKurtosis() > 0.5, tanh.toString());
        // tanh drifts also against its own mean-field variance q^l: shape, not just scale
        assertTrue(tanh.last().statistics().ksRef() > 3 * pos.last().statistics().ksRef(), tanh.last() + " / " + pos.last());
    }

    @Test
    void reluAtTheEdgeKeepsTheMeanFieldVarianceButGrowsHeavyTails() {
        // V(q) = q at sigma_w^2 = 2: q^l = 2 for x = 1 at every layer; finite width 3 gives kurtosis growing with depth
        var r = Propagation.deep(Initialisation.relu(), 3, 6, new PropagationConfig(40_000, 6, 2));
        for (LayerGaussianity l : r.layers()) {
            assertEquals(2.0, l.meanFieldQ(), 1e-9);
        }
        assertEquals(2.0, r.layer(1).statistics().variance(), 0.05);
        assertTrue(r.layer(6).statistics().excessKurtosis() > r.layer(2).statistics().excessKurtosis());
    }

    @Test
    void firstLayerIsExactlyGaussianWithTheMeanFieldVariance() {
        // Z^1 = sigma_w W x/sqrt(n_0) + sigma_b B with N(0,1) W, B: exactly N(0, sigma_w^2 |x|^2/n_0 + sigma_b^2)
        double[] x = {0.5, -1.0, 2.0};
        var r = Propagation.run(Initialisation.tanh(), x, new int[] {5, 1}, new PropagationConfig(50_000, 8, 2));
        double q1 = 1.46 * (0.25 + 1 + 4) / 3 + 0.013;
        assertEquals(q1, r.layer(1).meanFieldQ(), 1e-12);
        assertTrue(r.layer(1).statistics().ksRefPValue() > 0.001, r.layer(1).toString());
    }

    @Test
    void tableHasOneRowPerLayerAndNamedColumns() {
        var r = Propagation.deep(Initialisation.relu(), 2, 5, new PropagationConfig(1000, 1, 1));
        Table t = r.toTable();
        assertEquals(5, t.rowCount());
        assertTrue(t.columnNames().containsAll(List.of("activation", "layer", "ks", "ks_pvalue", "wasserstein1",
                "excess_kurtosis", "ks_q")));
        var exp = TwoLayerKsExperiment.run(List.of(Initialisation.relu()), List.of(TwoLayerKsExperiment.Configuration.CFG1),
                1, 3, new PropagationConfig(1000, 1, 1));
        assertEquals(3, exp.toTable().rowCount());
        assertEquals(exp.points().get(2).ks(), exp.ks(TwoLayerKsExperiment.Configuration.CFG1, "relu", 3), 0.0);
    }

    @Test
    void rejectsEmptyInputsAndZeroWidthsWithTheLayerNamed() {
        var cfg = new PropagationConfig(100, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> Propagation.run(Initialisation.relu(), new double[0], new int[] {2}, cfg));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Propagation.run(Initialisation.relu(), new double[] {1}, new int[] {2, 0}, cfg));
        assertTrue(e.getMessage().contains("layer 2"));
        assertThrows(IllegalArgumentException.class, () -> new PropagationConfig(1, 0, 1));
    }
}
