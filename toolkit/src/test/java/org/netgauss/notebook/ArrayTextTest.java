package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArrayTextTest {
    @Test
    void longArrayShowsFirstThirtyAndLastTen() {
        int[] a = IntStream.range(0, 100).toArray();
        String s = ArrayText.describe(a);
        assertTrue(s.startsWith("int[100] {0, 1, 2,"), s);
        assertTrue(s.contains("28, 29, \u2026 60 more, 90, 91,"), s);
        assertTrue(s.endsWith("98, 99}"), s);
    }

    @Test
    void arrayOfFortyIsWhole() {
        String s = ArrayText.describe(IntStream.range(0, 40).toArray());
        assertTrue(!s.contains("more") && s.endsWith("38, 39}"), s);
    }

    @Test
    void emptyAndNullElements() {
        assertEquals("double[0] {}", ArrayText.describe(new double[0]));
        assertEquals("Object[2] {null, 3}", ArrayText.describe(new Object[] {null, 3}));
    }

    @Test
    void raggedOrNonNumericMatricesHaveNoHtml() {
        assertNull(ArrayText.matrixHtml(new double[][] {{1, 2}, {3}}, 4));
        assertNull(ArrayText.matrixHtml(new String[][] {{"a"}}, 4));
        assertNull(ArrayText.matrixHtml(new double[0][], 4));
        assertTrue(ArrayText.matrixHtml(new int[][] {{1, 2}, {3, 4}}, 4).contains("<caption>int[2][2]</caption>"));
    }

    @Test
    void notAnArrayIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ArrayText.describe("x"));
    }
}
