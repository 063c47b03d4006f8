package org.netgauss.preact.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class NormalTest {

    @Test
    void fastCdfAgreesWithCommonsMathToDoublePrecision() {
        NormalDistribution ref = new NormalDistribution(0, 1);
        for (double x = -9; x <= 9; x += 0.013) {
            assertEquals(ref.cumulativeProbability(x), Normal.cdf(x), 2e-15, "x = " + x);
        }
    }

    @Test
    void quantileInvertsCdfIncludingTails() {
        for (double p : new double[] {1e-12, 1e-6, 0.01, 0.3, 0.5, 0.9, 1 - 1e-9}) {
            double x = Normal.quantile(p);
            double back = p < 0.5 ? Normal.cdf(x) : 1 - Normal.survival(x);
            assertEquals(p, back, 1e-9 * Math.min(p, 1 - p) + 1e-16, "p = " + p);
        }
        assertEquals(1.959963984540054, Normal.quantile(0.975), 1e-12);
    }

    @Test
    void survivalKeepsRelativeAccuracyInTheTail() {
        // 1 - Phi(10) = 7.619853024160527e-24 (standard tables)
        assertEquals(7.619853024160527e-24, Normal.survival(10), 1e-36);
    }
}
