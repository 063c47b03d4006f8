package org.netgauss.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RectangularInvariantsTest {

    @Test
    void numbersOfRectangularInvariantsAre1_4_10_33() {
        // docs/spec/pigmm.md §6: Burnside count of S_M x S_N invariants of degree 1..4
        assertEquals(1, RectangularInvariants.enumerate(1).size());
        assertEquals(4, RectangularInvariants.enumerate(2).size());
        assertEquals(10, RectangularInvariants.enumerate(3).size());
        assertEquals(33, RectangularInvariants.enumerate(4).size());
    }

    @Test
    void quadraticRectangularInvariantsAreNormRowColumnAndTotalSquares() {
        // docs/spec/pigmm.md §6: ‖X‖² (r0c0,r0c0), C·C (r0c0,r1c0), R·R (r0c0,r0c1), T² (r0c0,r1c1)
        assertEquals(List.of("r0c0,r0c0", "r0c0,r0c1", "r0c0,r1c0", "r0c0,r1c1"), RectangularInvariants.enumerate(2));
    }
}
