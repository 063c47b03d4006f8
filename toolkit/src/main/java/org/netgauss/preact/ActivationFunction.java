package org.netgauss.preact;

/**
 * An element-wise activation function phi with its derivative phi'.
 *
 * <p>Laws an implementation must keep (each is checked in the tests of the built-in activations):
 * {@code derivative(x)} agrees with a central finite difference of {@code apply} wherever phi is
 * differentiable; {@code apply} is a pure function (no state, thread-safe); the array forms give the same
 * values as the scalar form.
 *
 * <p>Kept self-contained in {@code preact}: the training engine in {@code nn} adapts it to its own
 * pluggable activation.
 */
public interface ActivationFunction {

    /** A short name for tables and plots, e.g. {@code "tanh"} or {@code "phi_o(theta=3)"}. */
    String name();

    /** phi(x). */
    double apply(double x);

    /** phi'(x); at a kink, the right derivative. */
    double derivative(double x);

    /**
     * Whether phi and phi' are smooth enough for Gauss-Hermite quadrature to converge fast. Kinked
     * functions (ReLU) answer {@code false}, so that {@link GaussianRule#defaultFor} picks the midpoint rule.
     */
    default boolean isSmooth() {
        return true;
    }

    /** {@code out[i] = phi(x[i])}; {@code out} may be {@code x}. */
    default void apply(double[] x, double[] out) {
        checkSameLength(x.length, out.length);
        for (int i = 0; i < x.length; i++) {
            out[i] = apply(x[i]);
        }
    }

    /** {@code out[i] = phi(x[i])}, computed in double and rounded; {@code out} may be {@code x}. */
    default void apply(float[] x, float[] out) {
        checkSameLength(x.length, out.length);
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) apply(x[i]);
        }
    }

    /** {@code out[i] = phi'(x[i])}; {@code out} may be {@code x}. */
    default void derivative(double[] x, double[] out) {
        checkSameLength(x.length, out.length);
        for (int i = 0; i < x.length; i++) {
            out[i] = derivative(x[i]);
        }
    }

    /** {@code out[i] = phi'(x[i])}; {@code out} may be {@code x}. */
    default void derivative(float[] x, float[] out) {
        checkSameLength(x.length, out.length);
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) derivative(x[i]);
        }
    }

    private static void checkSameLength(int in, int out) {
        if (in != out) {
            throw new IllegalArgumentException("Arrays have different length: x[" + in + "], out[" + out + "]");
        }
    }
}
