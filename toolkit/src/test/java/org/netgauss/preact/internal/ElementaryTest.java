package org.netgauss.preact.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ElementaryTest {

    @Test
    void tanhAgreesWithMathTanhToFourteenDigits() {
        for (double y = -30; y <= 30; y += 0.000731) {
            double ref = Math.tanh(y);
            assertEquals(ref, Elementary.tanh(y), 1e-14 * Math.max(Math.abs(ref), 1e-300), "y = " + y);
        }
        for (double y : new double[] {1e-300, -1e-12, 0.0499999, 0.05, 0.0500001}) {
            assertEquals(Math.tanh(y), Elementary.tanh(y), 1e-14 * Math.abs(Math.tanh(y)));
        }
    }

    @Test
    void log1pSmallAndPowPositiveAgreeWithMath() {
        for (double e = 0; e <= 1; e += 1.37e-4) {
            assertEquals(Math.log1p(e), Elementary.log1pSmall(e), 2e-16 + 1e-15 * Math.log1p(e));
        }
        assertEquals(Math.log1p(3e-6), Elementary.log1pSmall(3e-6), 1e-22);
        for (double x = 0.01; x < 50; x *= 1.07) {
            assertEquals(Math.pow(x, 0.3333), Elementary.powPositive(x, 0.3333), 1e-14 * Math.pow(x, 0.3333));
        }
    }
}
