package org.netgauss.invariants;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.netgauss.pigmm.PigmmParameters;
import tech.tablesaw.api.Table;

class InvariantTablesTest {
    @Test
    void countsAreTheNumbersOfDirectedMultigraphs() {
        // docs/spec/pigmm.md §2.1: 2, 11, 52 invariants of degree 1, 2, 3
        assertArrayEquals(new int[] {2, 11, 52}, Invariants.counts(3).intColumn("invariants").asIntArray());
        assertThrows(IllegalArgumentException.class, () -> Invariants.counts(0));
    }

    @Test
    void wickExpectationsTableHoldsTheIidOracles() {
        // docs/spec/pigmm.md §5.2, IID N(0, 0.1) at D = 10: Σ M_ii⁴ = 0.3, Σ M_ij⁴ = 3, T⁴ = 300
        Table t = WickPredictor.of(PigmmParameters.iid(10, 0, 0.1)).expectations(Invariants.paper(29),
                Invariants.paper(45), Invariants.paper(52));
        assertEquals("I45", t.stringColumn("invariant").get(1));
        assertEquals(0.3, t.doubleColumn("expectation").getDouble(0), 1e-12);
        assertEquals(3.0, t.doubleColumn("expectation").getDouble(1), 1e-12);
        assertEquals(300.0, t.doubleColumn("expectation").getDouble(2), 1e-9);
    }
}
