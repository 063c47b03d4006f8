package org.netgauss.preact;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;

/**
 * The symmetric Weibull law W(theta, 1) of Wolinski &amp; Arbel (2025), the weight law that, with the
 * activations phi_theta, keeps pre-activations Gaussian ({@code docs/spec/gaussian-preact.md} §1.3):
 * <ul>
 *   <li>density f(t) = (theta/2) |t|^(theta-1) exp(-|t|^theta);</li>
 *   <li>cdf F(t) = 1/2 + sgn(t)/2 (1 - exp(-|t|^theta));</li>
 *   <li>absolute moments E|W|^s = Gamma(1 + s/theta), so E W^2 = Gamma(1 + 2/theta) and
 *       kurtosis E W^4 / (E W^2)^2 = Gamma(1 + 4/theta) / Gamma(1 + 2/theta)^2.</li>
 * </ul>
 * Weights are the raw W(theta, 1), not normalised to unit variance, as in all of the authors' notebooks.
 *
 * <p>Sampling: |W| = E^(1/theta) with E ~ Exp(1) (equivalently (-ln U)^(1/theta)), times a fair sign.
 * {@link #sample} evaluates this exactly. The bulk {@link #fill(double[], RandomGenerator)} used by the
 * propagation inverts the cdf numerically instead, which avoids two transcendental functions per draw:
 * |W| = Q(U) with Q(u) = (-ln(1-u))^(1/theta) interpolated by cubic Hermite polynomials on 2^12 cells of
 * [1/64, 1 - 1/64] (exact derivatives at the nodes; quantile error below 2e-10 for theta &gt;= 2 and 1e-9 relative for any
 * theta, checked in the tests) and
 * evaluated exactly in the two outer tails. The law is the same to that precision; the realisations differ
 * from {@link #sample}'s.
 *
 * <p>Immutable; the interpolation table is built on first use and belongs to this instance.
 */
public final class SymmetricWeibull implements WeightLaw {
    private static final double U_LO = 1.0 / 64;
    private static final double U_HI = 1 - 1.0 / 64;
    private static final int CELLS = 1 << 12;   // 128 KB of coefficients: stays in L2 next to the weights

    private final double theta;
    /** Cubic coefficients per cell, 4 per cell; built lazily (a benign race builds equal tables). */
    private volatile double[] table;

    /**
     * @param theta the shape; theta &gt; 0 for the law, theta &gt; 2 for a Gaussian product W phi(xi) (docs/spec/gaussian-preact.md §1.2)
     * @throws IllegalArgumentException if theta is not a positive finite number
     */
    public SymmetricWeibull(double theta) {
        if (!(theta > 0) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("Weibull shape theta must be positive and finite, found " + theta);
        }
        this.theta = theta;
    }

    /** The shape theta. */
    public double theta() {
        return theta;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SymmetricWeibull w && Double.compare(w.theta, theta) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(theta);
    }

    @Override
    public String name() {
        return "Weibull(" + trim(theta) + ")";
    }

    @Override
    public double sample(RandomGenerator rng) {
        double magnitude = Math.exp(Math.log(rng.nextExponential()) / theta);
        return rng.nextBoolean() ? magnitude : -magnitude;
    }

    @Override
    public void fill(double[] out, RandomGenerator rng) {
        double[] c = table();
        double inv = 1.0 / theta;
        double scale = CELLS / (U_HI - U_LO);
        long bits = 0;
        for (int i = 0; i < out.length; i++) {
            if ((i & 63) == 0) {
                bits = rng.nextLong();   // one long gives the signs of 64 draws
            }
            double u = rng.nextDouble();
            double m;
            if (u >= U_LO && u < U_HI) {
                double x = (u - U_LO) * scale;
                int k = Math.min(CELLS - 1, (int) x);
                double s = x - k;
                int j = 4 * k;
                m = c[j] + s * (c[j + 1] + s * (c[j + 2] + s * c[j + 3]));
            } else {
                m = Math.exp(Math.log(exponentialOf(u)) * inv);
            }
            out[i] = (bits & 1L) != 0 ? m : -m;
            bits >>>= 1;
        }
    }

    /**
     * -ln(1-u) with the intrinsic log only: a Taylor series (11 terms, below 1e-16 relative) for u &lt; 1/64,
     * where 1 - u would lose digits, and -log(1-u) above, where 1 - u is exact for u &gt;= 1/2 (Java 17's
     * {@code Math.log1p} is the slow StrictMath routine).
     */
    private static double exponentialOf(double u) {
        if (u < 0.5) {
            return u * (1 + u * (1.0 / 2 + u * (1.0 / 3 + u * (1.0 / 4 + u * (1.0 / 5 + u * (1.0 / 6 + u * (1.0 / 7
                    + u * (1.0 / 8 + u * (1.0 / 9 + u * (1.0 / 10 + u / 11))))))))));
        }
        return -Math.log(1 - u);
    }

    /** Q(u) = (-ln(1-u))^(1/theta), the quantile of |W|, exactly. */
    public double absQuantile(double u) {
        return Math.pow(-Math.log1p(-u), 1.0 / theta);
    }

    /** The interpolated quantile used by {@link #fill(double[], RandomGenerator)}, for u in [1/64, 1 - 1/64). */
    double absQuantileInterpolated(double u) {
        double[] c = table();
        double x = (u - U_LO) * (CELLS / (U_HI - U_LO));
        int k = Math.min(CELLS - 1, (int) x);
        double s = x - k;
        int j = 4 * k;
        return c[j] + s * (c[j + 1] + s * (c[j + 2] + s * c[j + 3]));
    }

    /**
     * Per cell k, the power-basis coefficients of the cubic Hermite interpolant of Q on [u_k, u_k+1] in the
     * local variable s in [0, 1): q0 + s d0 + s^2 (3(q1-q0) - 2 d0 - d1) + s^3 (2(q0-q1) + d0 + d1), with
     * d = h Q'(u) and Q'(u) = (1/theta) E^(1/theta - 1) / (1 - u), E = -ln(1-u).
     */
    private double[] table() {
        double[] c = table;
        if (c == null) {
            double h = (U_HI - U_LO) / CELLS;
            double[] q = new double[CELLS + 1];
            double[] d = new double[CELLS + 1];
            for (int k = 0; k <= CELLS; k++) {
                double u = U_LO + k * h;
                double e = -Math.log1p(-u);
                q[k] = Math.pow(e, 1.0 / theta);
                d[k] = h * q[k] / (theta * e * (1 - u));
            }
            c = new double[4 * CELLS];
            for (int k = 0; k < CELLS; k++) {
                c[4 * k] = q[k];
                c[4 * k + 1] = d[k];
                c[4 * k + 2] = 3 * (q[k + 1] - q[k]) - 2 * d[k] - d[k + 1];
                c[4 * k + 3] = 2 * (q[k] - q[k + 1]) + d[k] + d[k + 1];
            }
            table = c;
        }
        return c;
    }

    /** Density (theta/2) |t|^(theta-1) exp(-|t|^theta). */
    public double density(double t) {
        double a = Math.abs(t);
        return 0.5 * theta * Math.pow(a, theta - 1) * Math.exp(-Math.pow(a, theta));
    }

    /** F(t) = 1/2 + sgn(t)/2 (1 - exp(-|t|^theta)); the README of the authors' repo misprints the bracket. */
    public double cdf(double t) {
        double tail = -Math.expm1(-Math.pow(Math.abs(t), theta));
        return 0.5 + 0.5 * Math.signum(t) * tail;
    }

    /** P(|W| &gt; t) = exp(-t^theta) for t &gt;= 0, the kernel of the survival of |W||Y| (docs/spec/gaussian-preact.md §1.4, step A). */
    public double absSurvival(double t) {
        return t <= 0 ? 1.0 : Math.exp(-Math.pow(t, theta));
    }

    /** E|W|^s = Gamma(1 + s/theta), for s &gt; -theta. */
    public double absMoment(double s) {
        if (!(s > -theta)) {
            throw new IllegalArgumentException("E|W|^s is finite only for s > -theta = " + (-theta) + ", found " + s);
        }
        return Gamma.gamma(1 + s / theta);
    }

    /** E W^2 = Gamma(1 + 2/theta) (table in docs/spec/gaussian-preact.md §1.3: 0.902745 at theta = 3). */
    @Override
    public double secondMoment() {
        return absMoment(2);
    }

    /** E W^4 / (E W^2)^2 = Gamma(1 + 4/theta) / Gamma(1 + 2/theta)^2 (3 for a Gaussian). */
    public double kurtosis() {
        double m2 = secondMoment();
        return absMoment(4) / (m2 * m2);
    }

    /** kurtosis - 3. */
    public double excessKurtosis() {
        return kurtosis() - 3;
    }

    /**
     * The tail exponent theta' = 2 theta / (theta - 2) that |phi(xi)| must have so that W phi(xi) has
     * Gaussian tails: 1/2 = 1/theta + 1/theta' (docs/spec/gaussian-preact.md §1.2, "theta_conj" in the authors' code).
     *
     * @throws IllegalStateException for theta &lt;= 2, where no such activation exists
     */
    public double conjugateExponent() {
        if (!(theta > 2)) {
            throw new IllegalStateException("theta' = 2 theta/(theta-2) needs theta > 2, found theta = " + theta
                    + "; weights with tails heavier than Gaussian cannot give Gaussian pre-activations");
        }
        return 2 * theta / (theta - 2);
    }

    @Override
    public String toString() {
        return name();
    }

    static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }
}
