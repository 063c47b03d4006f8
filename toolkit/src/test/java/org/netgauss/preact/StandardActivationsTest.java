package org.netgauss.preact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardActivationsTest {

    @Test
    void derivativesAgreeWithCentralFiniteDifferences() {
        double h = 1e-6;
        for (ActivationFunction phi : List.of(StandardActivations.relu(), StandardActivations.tanh(), StandardActivations.identity(),
                StandardActivations.phi2())) {
            for (double x = -5.05; x <= 5; x += 0.1) {   // the grid avoids ReLU's kink at 0
                double fd = (phi.apply(x + h) - phi.apply(x - h)) / (2 * h);
                assertEquals(fd, phi.derivative(x), 1e-7, phi.name() + " at " + x);
            }
        }
    }

    @Test
    void phiTwoIsOddAndBoundedBySqrtTwo() {
        // docs/spec/gaussian-preact.md §1.2: phi_2(xi) follows the arcsine law on [-sqrt 2, sqrt 2]
        ActivationFunction phi2 = StandardActivations.phi2();
        for (double x = 0; x < 9; x += 0.25) {
            assertEquals(-phi2.apply(x), phi2.apply(-x), 1e-15);
            assertTrue(Math.abs(phi2.apply(x)) <= Math.sqrt(2));
        }
        assertEquals(Math.sqrt(2), phi2.apply(9), 1e-12);
        // Var phi_2(xi) = E[2 sin^2(pi (U - 1/2))] = 1 with U uniform: the arcsine law's variance on [-sqrt2, sqrt2]
        assertEquals(1.0, GaussianRule.gaussHermite(200).expect(x -> phi2.apply(x) * phi2.apply(x)), 1e-9);
    }

    @Test
    void onlyReluDeclaresItselfNonSmooth() {
        assertFalse(StandardActivations.relu().isSmooth());
        assertTrue(StandardActivations.tanh().isSmooth());
        assertEquals("relu", StandardActivations.relu().name());
    }
}
