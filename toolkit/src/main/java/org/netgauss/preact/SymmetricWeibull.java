package org.netgauss.preact;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;

/**
 * The symmetric Weibull law W(theta, 1) of Wolinski &amp; Arbel (2025), the weight law that, with the
 * activations phi_theta, keeps pre-activations Gaussian (spec {@code research/gaussian-preact.md} 1.3):
 * <ul>
 *   <li>density f(t) = (theta/2) |t|^(theta-1) exp(-|t|^theta);</li>
 *   <li>cdf F(t) = 1/2 + sgn(t)/2 (1 - exp(-|t|^theta));</li>
 *   <li>absolute moments E|W|^s = Gamma(1 + s/theta), so E W^2 = Gamma(1 + 2/theta) and
 *       kurtosis E W^4 / (E W^2)^2 = Gamma(1 + 4/theta) / Gamma(1 + 2/theta)^2.</li>
 * </ul>
 * Weights are the raw W(theta, 1), not normalised to unit variance, as in all of the authors' notebooks.
 *
 * <p>Sampling: |W| = E^(1/theta) with E ~ Exp(1) (equivalently (-ln U)^(1/theta)), times a fair sign.
 *
 * @param theta the shape; theta &gt; 0 for the law, theta &gt; 2 for a Gaussian product W phi(xi) (spec 1.2)
 */
public record SymmetricWeibull(double theta) implements WeightLaw {

    /** @throws IllegalArgumentException if theta is not a positive finite number */
    public SymmetricWeibull {
        if (!(theta > 0) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("Weibull shape theta must be positive and finite, found " + theta);
        }
    }

    @Override
    public String name() {
        return "Weibull(" + trim(theta) + ")";
    }

    @Override
    public double sample(RandomGenerator rng) {
        double magnitude = Math.pow(rng.nextExponential(), 1.0 / theta);
        return rng.nextBoolean() ? magnitude : -magnitude;
    }

    @Override
    public void fill(double[] out, RandomGenerator rng) {
        double inv = 1.0 / theta;
        for (int i = 0; i < out.length; i++) {
            double m = Math.pow(rng.nextExponential(), inv);
            out[i] = rng.nextBoolean() ? m : -m;
        }
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

    /** P(|W| &gt; t) = exp(-t^theta) for t &gt;= 0, the kernel of the survival of |W||Y| (spec 1.4, step A). */
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

    /** E W^2 = Gamma(1 + 2/theta) (table in spec 1.3: 0.902745 at theta = 3). */
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
     * Gaussian tails: 1/2 = 1/theta + 1/theta' (spec 1.2, "theta_conj" in the authors' code).
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
