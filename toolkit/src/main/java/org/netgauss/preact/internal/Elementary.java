package org.netgauss.preact.internal;

/**
 * Elementary functions for the hot loops of the propagation, built on the JIT intrinsics {@link Math#exp}
 * and {@link Math#log} (Java 17's {@code Math.tanh}, {@code Math.log1p} and, on some CPUs, {@code Math.pow}
 * fall back to the slower StrictMath routines). Relative error below 1e-14, checked against
 * {@code Math} in the tests.
 */
public final class Elementary {
    private Elementary() {
    }

    /**
     * tanh(y): an odd Taylor polynomial to y^9 for |y| &lt; 0.05 (truncation below 1e-15 relative), otherwise
     * sign(y) (1 - 2/(e^{2|y|} + 1)).
     */
    public static double tanh(double y) {
        double a = Math.abs(y);
        if (a < 0.05) {
            double y2 = y * y;
            return y * (1 + y2 * (-1.0 / 3 + y2 * (2.0 / 15 + y2 * (-17.0 / 315 + y2 * (62.0 / 2835)))));
        }
        if (a > 22) {
            return Math.copySign(1.0, y);
        }
        double t = 1 - 2 / (Math.exp(2 * a) + 1);
        return y < 0 ? -t : t;
    }

    /** ln(1 + e) for e in [0, 1]: a series for e &lt; 1e-5, else log(1 + e) (absolute error ~1e-16). */
    public static double log1pSmall(double e) {
        if (e < 1e-5) {
            return e * (1 - e * (0.5 - e / 3));
        }
        return Math.log(1 + e);
    }

    /** x^p for x &gt; 0 as exp(p ln x). */
    public static double powPositive(double x, double p) {
        return Math.exp(p * Math.log(x));
    }
}
