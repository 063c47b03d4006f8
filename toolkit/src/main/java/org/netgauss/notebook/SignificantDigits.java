package org.netgauss.notebook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as a reader wants them in a table: {@code digits} significant digits, half-even rounding, no trailing
 * zeros, plain notation for 10⁻⁴ ≤ |x| &lt; 10⁶ and scientific ({@code 1.235e-05}) outside it. Display only: the
 * data, CSV and JSON keep every digit.
 */
public final class SignificantDigits {
    /** Digits shown by default in rendered tables. */
    public static final int DEFAULT = 4;
    /** "Show every digit": {@link Double#toString(double)}, which round-trips. */
    public static final int ALL = 0;

    private SignificantDigits() {
    }

    /**
     * {@code x} with {@code digits} significant digits ({@link #ALL} for the shortest exact form).
     *
     * @throws IllegalArgumentException unless {@code 0 <= digits <= 17}
     */
    public static String format(double x, int digits) {
        check(digits);
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "\u221e" : "\u2212\u221e";
        }
        if (digits == ALL) {
            return Double.toString(x);
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal r = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        double a = Math.abs(r.doubleValue());
        if (a >= 1e-4 && a < 1e6) {
            String s = r.stripTrailingZeros().toPlainString();
            return s;
        }
        int exponent = r.precision() - r.scale() - 1;
        BigDecimal mantissa = r.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + (exponent < 0 ? "e-" : "e+") + pad2(Math.abs(exponent));
    }

    /** Checks a digits setting. */
    static int check(int digits) {
        if (digits < 0 || digits > 17) {
            throw new IllegalArgumentException("significant digits must be between 1 and 17 (or 0 for all),"
                    + " found " + digits);
        }
        return digits;
    }

    private static String pad2(int e) {
        return e < 10 ? "0" + e : Integer.toString(e);
    }
}
