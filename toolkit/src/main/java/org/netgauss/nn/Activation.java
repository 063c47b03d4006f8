package org.netgauss.nn;

import java.util.Objects;

/**
 * An element-wise activation function with its derivative, applied after every hidden layer.
 *
 * <p>Laws an implementation must satisfy (tests can check them): {@code value} is deterministic, and
 * {@code derivative(z, value(z))} is the derivative of {@code value} at {@code z} wherever it exists; at kinks
 * it returns the value PyTorch's autograd uses (ReLU: 0 at z = 0). Other packages add their own functions
 * (e.g. phi_theta of Wolinski &amp; Arbel) with {@link #of}.
 */
public interface Activation {
    /** The name recorded in the manifest; two activations with the same name must compute the same function. */
    String name();

    /** phi(z). */
    float value(float z);

    /** phi'(z), given z and a = phi(z) (whichever is cheaper to use). */
    float derivative(float z, float a);

    /**
     * a[i] = phi(z[i]) for i &lt; n: the trainer's hot loop. The default calls {@link #value}; an implementation may
     * override it with a loop the JIT can vectorise, computing the same floats.
     */
    default void apply(float[] z, float[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = value(z[i]);
        }
    }

    /** g[i] *= phi'(z[i]) for i &lt; n, given a = phi(z); overridable like {@link #apply}. */
    default void backpropagate(float[] g, float[] z, float[] a, int n) {
        for (int i = 0; i < n; i++) {
            g[i] *= derivative(z[i], a[i]);
        }
    }

    /** ReLU: max(z, 0); derivative 1 for z &gt; 0, else 0 (as {@code torch.nn.ReLU}). */
    Activation RELU = of("relu", z -> z > 0f ? z : 0f, (z, a) -> z > 0f ? 1f : 0f);

    /** tanh; derivative 1 - tanh². Evaluated in double with {@link StrictMath} so it is bit-reproducible. */
    Activation TANH = of("tanh", z -> (float) StrictMath.tanh(z), (z, a) -> 1f - a * a);

    /** The identity (a linear network). */
    Activation IDENTITY = of("identity", z -> z, (z, a) -> 1f);

    /** A float function of one float. */
    @FunctionalInterface
    interface Function {
        float apply(float z);
    }

    /** The derivative as a function of z and a = phi(z). */
    @FunctionalInterface
    interface Derivative {
        float apply(float z, float a);
    }

    /** A named activation from a function and its derivative. */
    static Activation of(String name, Function value, Derivative derivative) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(derivative, "derivative");
        return new Activation() {
            @Override
            public String name() { return name; }

            @Override
            public float value(float z) { return value.apply(z); }

            @Override
            public float derivative(float z, float a) { return derivative.apply(z, a); }

            @Override
            public String toString() { return name; }
        };
    }

    /** The built-in activation with this name: relu, tanh or identity. */
    static Activation named(String name) {
        return switch (name) {
            case "relu" -> RELU;
            case "tanh" -> TANH;
            case "identity" -> IDENTITY;
            default -> throw new IllegalArgumentException("unknown activation '" + name
                    + "'; built in: relu, tanh, identity; other functions are passed as Activation objects");
        };
    }
}
