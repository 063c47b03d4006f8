package org.netgauss.preact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The entry class's one-liners, as a notebook would use them, at small sizes. */
class PreactTest {

    @Test
    void notebookOneLinersProduceTables() {
        var phi = Preact.phiPositive(3);
        assertEquals(0.00394, Preact.oneLayerKs(phi), 2e-5);   // docs/spec/gaussian-preact.md §4 item 4
        var deep = Preact.propagate(Preact.init(phi), 3, 50, 2000);
        assertEquals(50, deep.toTable().rowCount());   // depth up to 50 (docs/spec/gaussian-preact.md §3a, deeper propagation)
        var ks = Preact.twoLayerKs(List.of(Preact.reluInit()), 2000);
        assertEquals(30, ks.toTable().rowCount());
        assertEquals(0.302940, Preact.edgeOfChaos(Preact.tanhInit()).fixedPoint(), 1e-6);   // docs/spec/gaussian-preact.md §2.2
        assertEquals(1.760955, Preact.eocCurve(Preact.tanh(), 1, 0.05).get(0).sigmaW2(), 2e-6);   // docs/spec/gaussian-preact.md §2.2
        assertEquals(0.95968, Preact.nonAsymptoticEoc(Preact.phiOdd(3)).sigmaW2(), 1e-5);   // docs/spec/gaussian-preact.md §2.3
        var corr = Preact.correlations(Preact.reluInit(), new double[][] {{1, 0}, {0, 1}, {1, 1}, {1, -1}},
                new int[] {0, 0, 1, 1}, new int[] {8, 8}, 10, 1);
        assertEquals(2, corr.byClass(2, CorrelationResult.Grouping.INCLUDE_IDENTICAL).length);
    }

    @Test
    void exactPhiForAnUntabulatedThetaComesFromAFreshDensityFit() {
        ExactPhiTheta phi = Preact.phiExact(PhiTheta.Family.POSITIVE, 2.5);   // tabulated: no fit needed
        assertEquals(2.5, phi.theta(), 0.0);
        assertTrue(phi.apply(1) > phi.apply(0));
    }
}
