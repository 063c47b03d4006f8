package org.netgauss.preact;

import java.util.random.RandomGenerator;

/**
 * A symmetric law for unit-scale weights (and biases): the {@code P} of W ~ P i.i.d. in the propagation
 * Z^{l+1} = (sigma_w / sqrt(n_l)) W phi(Z^l) + sigma_b B ({@code docs/spec/gaussian-preact.md} §1.1).
 *
 * <p>Randomness comes only from the generator passed in, so a seed fixes every draw.
 */
public interface WeightLaw {

    /** A short name for tables, e.g. {@code "N(0,1)"} or {@code "Weibull(3)"}. */
    String name();

    /** One draw. */
    double sample(RandomGenerator rng);

    /** E[W^2]; enters the variance map as m2 (docs/spec/gaussian-preact.md §2.1). */
    double secondMoment();

    /** Fills {@code out} with i.i.d. draws. */
    default void fill(double[] out, RandomGenerator rng) {
        for (int i = 0; i < out.length; i++) {
            out[i] = sample(rng);
        }
    }

    /** Fills {@code out} with i.i.d. draws rounded to float. */
    default void fill(float[] out, RandomGenerator rng) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) sample(rng);
        }
    }

    /** The standard normal N(0,1), drawn with {@link RandomGenerator#nextGaussian()}. */
    static WeightLaw gaussian() {
        return GaussianLaw.INSTANCE;
    }

    /** The symmetric Weibull W(theta, 1); see {@link SymmetricWeibull}. */
    static SymmetricWeibull weibull(double theta) {
        return new SymmetricWeibull(theta);
    }
}

/** N(0,1); package-private singleton behind {@link WeightLaw#gaussian()}. */
final class GaussianLaw implements WeightLaw {
    static final GaussianLaw INSTANCE = new GaussianLaw();

    private GaussianLaw() {
    }

    @Override public String name() { return "N(0,1)"; }
    @Override public double sample(RandomGenerator rng) { return rng.nextGaussian(); }
    @Override public double secondMoment() { return 1.0; }
    @Override public String toString() { return name(); }
}
