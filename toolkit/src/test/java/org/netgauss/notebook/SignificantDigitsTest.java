package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SignificantDigitsTest {
    @Test
    void fourDigitsPlainInTheMiddleRange() {
        assertEquals("3.142", SignificantDigits.format(Math.PI, 4));
        assertEquals("-0.001235", SignificantDigits.format(-0.00123456, 4));
        assertEquals("123500", SignificantDigits.format(123456.7, 4));
        assertEquals("0.5", SignificantDigits.format(0.5, 4));
        assertEquals("20", SignificantDigits.format(20.0, 4));
        assertEquals("0", SignificantDigits.format(-0.0, 4));
    }

    @Test
    void scientificOutsideIt() {
        assertEquals("1.235e-05", SignificantDigits.format(1.23456e-5, 4));
        assertEquals("1e+06", SignificantDigits.format(999999.9, 4));   // rounds up into the next decade
        assertEquals("-2.5e+10", SignificantDigits.format(-2.5e10, 4));
        assertEquals("4.9e-324", SignificantDigits.format(Double.MIN_VALUE, 2));
    }

    @Test
    void halfEvenOnTheExactBinaryValue() {
        // 0.125 is exact in binary: half-even keeps the even digit; 0.12345 is stored as 0.1234500000000000041..., so up
        assertEquals("0.12", SignificantDigits.format(0.125, 2));
        assertEquals("0.1235", SignificantDigits.format(0.12345, 4));
    }

    @Test
    void allDigitsRoundTrip() {
        double x = 0.1 + 0.2;
        assertEquals(x, Double.parseDouble(SignificantDigits.format(x, SignificantDigits.ALL)));
        assertEquals("0.30000000000000004", SignificantDigits.format(x, SignificantDigits.ALL));
    }

    @Test
    void nonFiniteValues() {
        assertEquals("NaN", SignificantDigits.format(Double.NaN, 4));
        assertEquals("\u221e", SignificantDigits.format(Double.POSITIVE_INFINITY, 4));
        assertEquals("\u2212\u221e", SignificantDigits.format(Double.NEGATIVE_INFINITY, 4));
    }

    @Test
    void digitsOutOfRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SignificantDigits.format(1, -1));
        assertThrows(IllegalArgumentException.class, () -> SignificantDigits.format(1, 18));
    }
}
