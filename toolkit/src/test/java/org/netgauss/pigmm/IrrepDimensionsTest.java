package org.netgauss.pigmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class IrrepDimensionsTest {
    @Test
    void copiesTimesDimensionsAddUpToDSquared() {
        for (int d : new int[] {4, 10, 640}) {
            Table t = IrrepBasis.dimensions(d);
            assertEquals((long) d * d, (long) t.intColumn("copies × dimension").sum(), "D = " + d);
            assertEquals(d * (d - 3) / 2, t.intColumn("dimension").getInt(2));
        }
        assertEquals(35, IrrepBasis.dimensions(10).intColumn("dimension").getInt(2));
        assertEquals(36, IrrepBasis.dimensions(10).intColumn("dimension").getInt(3));
        assertThrows(IllegalArgumentException.class, () -> IrrepBasis.dimensions(3));
    }
}
