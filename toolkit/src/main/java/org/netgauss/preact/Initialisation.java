package org.netgauss.preact;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An activation with the weight law and scales it is initialised with:
 * Z^1 = (sigma_w / sqrt(n_0)) W^1 x + sigma_b B^1 with N(0,1) weights and biases (x is deterministic), and
 * Z^{l+1} = (sigma_w / sqrt(n_l)) W^{l+1} phi(Z^l) + sigma_b B^{l+1} with W, B drawn from {@code weightLaw}
 * and B from {@code biasLaw} ({@code docs/spec/gaussian-preact.md} §1.1 and 3a, the convention of the
 * authors' code, where biases come from the weights' sampler; the constraint (C2) of docs/spec/gaussian-preact.md §1.2 wants Gaussian
 * biases, which matters only when sigma_b &gt; 0).
 *
 * @param name a label for tables
 * @param activation phi
 * @param weightLaw the law of the weights of layers 2..L
 * @param biasLaw the law of the biases of layers 2..L
 * @param sigmaW weight scale
 * @param sigmaB bias scale
 */
public record Initialisation(String name, ActivationFunction activation, WeightLaw weightLaw, WeightLaw biasLaw, double sigmaW,
        double sigmaB) {

    public Initialisation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(weightLaw, "weightLaw");
        Objects.requireNonNull(biasLaw, "biasLaw");
        if (!(sigmaW > 0) || Double.isInfinite(sigmaW) || !(sigmaB >= 0) || Double.isInfinite(sigmaB)) {
            throw new IllegalArgumentException(name + ": need sigma_w > 0 and sigma_b >= 0, finite; found sigma_w = "
                    + sigmaW + ", sigma_b = " + sigmaB);
        }
    }

    /** Biases from the weights' law, as in the authors' code. */
    public Initialisation(String name, ActivationFunction activation, WeightLaw weightLaw, double sigmaW, double sigmaB) {
        this(name, activation, weightLaw, weightLaw, sigmaW, sigmaB);
    }

    /** A phi_theta surrogate with W(theta, 1) weights, sigma_w = 1, sigma_b = 0 (docs/spec/gaussian-preact.md §3a). */
    public static Initialisation of(PhiTheta phi) {
        return new Initialisation(phi.name(), phi, phi.weightLaw(), 1.0, 0.0);
    }

    /** An exact phi_theta with W(theta, 1) weights, sigma_w = 1, sigma_b = 0. */
    public static Initialisation of(ExactPhiTheta phi) {
        return new Initialisation(phi.name(), phi, phi.weightLaw(), 1.0, 0.0);
    }

    /** ReLU at its edge of chaos: N(0,1) weights, sigma_w = sqrt 2, sigma_b = 0 (docs/spec/gaussian-preact.md §2.2, the authors' values). */
    public static Initialisation relu() {
        return new Initialisation("relu", StandardActivations.relu(), WeightLaw.gaussian(), Math.sqrt(2), 0.0);
    }

    /**
     * tanh with the authors' values sigma_w = sqrt 1.46, sigma_b = sqrt 0.013 (docs/spec/gaussian-preact.md §2.2; near, not on, the
     * asymptotic EOC curve: chi_1 = 0.99886).
     */
    public static Initialisation tanh() {
        return new Initialisation("tanh", StandardActivations.tanh(), WeightLaw.gaussian(), Math.sqrt(1.46), Math.sqrt(0.013));
    }

    /** The 16 curves of the paper's 2-layer KS figure: phi^o and phi^p at theta in {2.05,...,10}, ReLU, tanh. */
    public static List<Initialisation> paperSet() {
        List<Initialisation> list = new ArrayList<>();
        for (double theta : PhiTheta.paperThetas()) {
            list.add(of(PhiTheta.odd(theta)));
        }
        for (double theta : PhiTheta.paperThetas()) {
            list.add(of(PhiTheta.positive(theta)));
        }
        list.add(relu());
        list.add(tanh());
        return List.copyOf(list);
    }

    /** A copy with other scales. */
    public Initialisation withScales(double sigmaW, double sigmaB) {
        return new Initialisation(name, activation, weightLaw, biasLaw, sigmaW, sigmaB);
    }

    /** A copy with another bias law, e.g. {@link WeightLaw#gaussian()} to satisfy (C2). */
    public Initialisation withBiasLaw(WeightLaw law) {
        return new Initialisation(name, activation, weightLaw, law, sigmaW, sigmaB);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s[%s, sigma_w=%.6g, sigma_b=%.6g]", name, weightLaw.name(), sigmaW, sigmaB);
    }
}
