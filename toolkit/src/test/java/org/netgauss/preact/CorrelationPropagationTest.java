package org.netgauss.preact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorrelationPropagationTest {

    /** Two unit-norm-per-feature inputs with cosine c. */
    private static double[][] pairWithCosine(double c, int n0) {
        double[] a = new double[n0];
        double[] b = new double[n0];
        a[0] = Math.sqrt(n0);
        b[0] = c * Math.sqrt(n0);
        b[1] = Math.sqrt(1 - c * c) * Math.sqrt(n0);
        return new double[][] {a, b};
    }

    @Test
    void wideReluNetworkFollowsTheArcCosineCorrelationMap() {
        // consistency of two routes: at width 1000 the empirical c^2 should follow the mean-field map
        // c^2 = C(c^1), C the ReLU arc-cosine kernel (docs/spec/gaussian-preact.md §2.2), C(0.5) = 0.608998; finite-width bias O(1/n)
        CorrelationResult r = CorrelationPropagation.run(Initialisation.relu(), pairWithCosine(0.5, 4), new int[] {0, 1},
                new int[] {1000, 1000}, new PropagationConfig(24, 17, 2));
        double c1 = r.correlation(1)[0][1];
        double c2 = r.correlation(2)[0][1];
        assertEquals(0.5, c1, 0.01);
        double predicted = EdgeOfChaos.of(Initialisation.relu()).correlation(c1, 2.0);
        assertEquals(predicted, c2, 0.01);
        assertEquals(1.0, r.correlation(2)[1][1], 1e-12);
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        double[][] x = {{1, 0, 2}, {0, 1, 1}, {1, 1, 0}, {-1, 2, 0}};
        int[] labels = {0, 0, 1, 1};
        var one = CorrelationPropagation.run(Initialisation.of(PhiTheta.positive(3)), x, labels, new int[] {6, 5, 4},
                new PropagationConfig(40, 3, 1));
        var two = CorrelationPropagation.run(Initialisation.of(PhiTheta.positive(3)), x, labels, new int[] {6, 5, 4},
                new PropagationConfig(40, 3, 2));
        assertEquals(one, two);
    }

    @Test
    void classMeansFollowTheAuthorsGroupingQuirk() {
        // 4 inputs, 2 classes of k = 2, one layer; c_ab chosen by hand
        double[] c = {
            1.0, 0.6, 0.2, 0.1,
            0.6, 1.0, 0.3, 0.4,
            0.2, 0.3, 1.0, 0.8,
            0.1, 0.4, 0.8, 1.0};
        var r = new CorrelationResult("hand", new int[] {3, 5}, new int[] {0, 0, 1, 1}, 1, new double[][] {c});
        double[][] incl = r.byClass(1, CorrelationResult.Grouping.INCLUDE_IDENTICAL);
        assertEquals(0.8, incl[0][0], 1e-12);     // (1 + 0.6 + 0.6 + 1)/4
        assertEquals(0.25, incl[0][1], 1e-12);    // (0.2 + 0.1 + 0.3 + 0.4)/4
        double[][] excl = r.byClass(1, CorrelationResult.Grouping.EXCLUDE_IDENTICAL);
        assertEquals(0.6, excl[0][0], 1e-12);
        assertEquals(0.25, excl[0][1], 1e-12);
        double[][] authors = r.byClass(1, CorrelationResult.Grouping.AUTHORS);
        assertEquals(0.6, authors[0][0], 1e-12);  // (0.8*2 - 1)/(2 - 1): the diagonal removed
        assertEquals(-0.5, authors[0][1], 1e-12); // (0.25*2 - 1)/1: the quirk on off-diagonal blocks
        assertEquals(4, r.toTable().rowCount());
    }

    @Test
    void rejectsMismatchedLabelsRaggedInputsAndZeroInputs() {
        var cfg = new PropagationConfig(2, 1, 1);
        var init = Initialisation.relu();
        assertThrows(IllegalArgumentException.class,
                () -> CorrelationPropagation.run(init, new double[][] {{1}, {2}}, new int[] {0}, new int[] {3}, cfg));
        assertThrows(IllegalArgumentException.class,
                () -> CorrelationPropagation.run(init, new double[][] {{1, 2}, {2}}, new int[] {0, 1}, new int[] {3}, cfg));
        var e = assertThrows(IllegalArgumentException.class,
                () -> CorrelationPropagation.run(init, new double[][] {{1, 2}, {0, 0}}, new int[] {0, 1}, new int[] {3}, cfg));
        assertTrue(e.getMessage().contains("input 1"));
        var r = new CorrelationResult("x", new int[] {1, 1}, new int[] {0, 1, 1}, 1, new double[][] {new double[9]});
        assertThrows(IllegalArgumentException.class, () -> r.byClass(1, CorrelationResult.Grouping.AUTHORS));
        assertThrows(IllegalArgumentException.class, () -> r.byClass(1, CorrelationResult.Grouping.EXCLUDE_IDENTICAL));
        assertArrayEquals(new int[] {0, 1, 1}, r.labels());
    }
}
