package org.netgauss.preact;

import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.netgauss.nn.Rng;
import org.netgauss.nn.WeightInit;
import org.netgauss.nn.WeightSampler;

/**
 * Adapters that hand the pre-activation laws to the training engine in {@code nn}: an {@link ActivationFunction}
 * (phi_theta, tanh, ReLU, ...) becomes an {@link org.netgauss.nn.Activation}, a {@link WeightLaw} (the
 * symmetric Weibull W(theta, 1), N(0,1)) becomes a {@link WeightSampler}, and an {@link Initialisation} becomes
 * a {@link WeightInit} that draws W_ij = (sigma_w / sqrt(fan_in)) P and B_i = sigma_b P_B, the convention of
 * Wolinski &amp; Arbel ({@code docs/spec/gaussian-preact.md} §1.1 and 3c).
 *
 * <pre>{@code
 * var phi  = Preact.phiPositive(3);
 * var init = Preact.init(phi);                                   // W(3,1), sigma_w = 1, sigma_b = 0
 * var mlp  = Mlp.of(784, 100, 100, 10).withActivation(TrainingLaws.activation(phi));
 * var cfg  = TrainingConfig.defaults(mlp).withInit(TrainingLaws.weightInit(init));
 * }</pre>
 *
 * <p>Every layer, the first included, draws from the initialisation's weight law: the propagation experiments
 * use N(0,1) for layer 1 only because their input is a fixed vector, whereas the training engine cannot tell the
 * first layer from the others and MNIST's 784-pixel sums are near Gaussian whatever the law.
 */
public final class TrainingLaws {
    private TrainingLaws() {
    }

    /**
     * phi as the engine's activation: phi(z) and phi'(z) evaluated in double and rounded to float. The name is
     * {@code phi.name()} (e.g. {@code phi_p(theta=3)}), recorded in the run's manifest.
     */
    public static org.netgauss.nn.Activation activation(ActivationFunction phi) {
        Objects.requireNonNull(phi, "phi");
        return org.netgauss.nn.Activation.of(phi.name(), z -> (float) phi.apply(z), (z, a) -> (float) phi.derivative(z));
    }

    /**
     * Unit-scale draws of {@code law} times {@code sigmaW / sqrt(fan_in)}: the weights of
     * Z^{l+1} = (sigma_w / sqrt(n_l)) W phi(Z^l) (docs/spec/gaussian-preact.md §1.1).
     */
    public static WeightSampler sampler(WeightLaw law, double sigmaW) {
        Objects.requireNonNull(law, "law");
        if (!(sigmaW > 0) || Double.isInfinite(sigmaW)) {
            throw new IllegalArgumentException("sigma_w must be finite and positive, found " + sigmaW);
        }
        return (rng, fanIn, fanOut) -> sigmaW / Math.sqrt(fanIn) * law.sample(new RngView(rng));
    }

    /** The weights and biases of {@code init} for the engine; see the class comment for the first layer. */
    public static WeightInit weightInit(Initialisation init) {
        Objects.requireNonNull(init, "init");
        WeightSampler weights = sampler(init.weightLaw(), init.sigmaW());
        String name = String.format(Locale.ROOT, "%s*%s/sqrt(fan_in)%s", trim(init.sigmaW()), init.weightLaw().name(),
                init.sigmaB() > 0 ? String.format(Locale.ROOT, ",bias=%s*%s", trim(init.sigmaB()), init.biasLaw().name()) : "");
        return new WeightInit() {
            @Override
            public String name() { return name; }

            @Override
            public void initWeights(float[] w, int off, int out, int in, Rng rng) {
                for (int i = 0; i < out * in; i++) {
                    w[off + i] = (float) weights.sample(rng, in, out);
                }
            }

            @Override
            public void initBias(float[] b, int off, int out, int in, Rng rng) {
                if (init.sigmaB() == 0) {
                    java.util.Arrays.fill(b, off, off + out, 0f);
                    return;
                }
                RngView view = new RngView(rng);
                for (int i = 0; i < out; i++) {
                    b[off + i] = (float) (init.sigmaB() * init.biasLaw().sample(view));
                }
            }

            @Override
            public String toString() { return name; }
        };
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v);
    }

    /**
     * The engine's generator seen as a {@link RandomGenerator}: every draw goes through {@link Rng#nextLong()},
     * so the weights stay a function of the member's seed alone.
     */
    static final class RngView implements RandomGenerator {
        private final Rng rng;

        RngView(Rng rng) {
            this.rng = Objects.requireNonNull(rng, "rng");
        }

        @Override
        public long nextLong() {
            return rng.nextLong();
        }

        @Override
        public double nextDouble() {
            return rng.nextDouble();
        }

        @Override
        public double nextGaussian() {
            return rng.nextGaussian();
        }
    }
}
