package org.netgauss.preact.internal;

import org.apache.commons.math3.special.Erf;

/**
 * The standard normal density, distribution function and quantile, written for speed in the inner loops
 * of the Gaussianity statistics (KS and Wasserstein distances over 10^5-10^6 samples).
 */
public final class Normal {
    private Normal() {
    }

    private static final double INV_SQRT_2PI = 0.3989422804014327;
    private static final double SQRT2 = 1.4142135623730951;
    // Phi(-8.3) < 6e-17: beyond this the cdf is 0 or 1 to double precision in absolute terms
    private static final double CUTOFF = 8.3;

    /** phi(x) = exp(-x^2/2)/sqrt(2 pi). */
    public static double pdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /**
     * Phi(x) to about 1e-15 absolute error, by Marsaglia's series (J. Stat. Softw. 11(4), 2004):
     * Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...). About 15-30 terms for typical |x| &lt; 3,
     * several times faster than {@code Erf.erfc}. For tail probabilities with relative accuracy use
     * {@link #survival(double)}.
     */
    public static double cdf(double x) {
        if (x <= -CUTOFF) {
            return 0.0;
        }
        if (x >= CUTOFF) {
            return 1.0;
        }
        double sum = x;
        double term = x;
        double x2 = x * x;
        double old = 0.0;
        for (int k = 3; sum != old; k += 2) {
            old = sum;
            term *= x2 / k;
            sum += term;
        }
        return 0.5 + sum * pdf(x);
    }

    /** 1 - Phi(x) with relative accuracy in the upper tail: erfc(x/sqrt 2)/2. */
    public static double survival(double x) {
        return 0.5 * Erf.erfc(x / SQRT2);
    }

    /** Phi^{-1}(p) for p in (0,1): sqrt(2) erfinv(2p - 1), with +-infinity at 0 and 1. */
    public static double quantile(double p) {
        if (p <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        // erfcInv keeps relative accuracy for small p
        return p < 0.5 ? -SQRT2 * Erf.erfcInv(2 * p) : SQRT2 * Erf.erfcInv(2 * (1 - p));
    }
}
