package org.netgauss.nn;

import java.util.Arrays;
import java.util.Objects;

/**
 * A fully connected network architecture: widths {@code [n0, n1, ..., nL]} give L layers; layer l maps
 * n_{l-1} inputs to n_l outputs by z = W_l a + b_l with W_l of shape {@code [n_l, n_{l-1}]} (PyTorch
 * orientation, stored as {@code W1 .. WL}); the activation follows every hidden layer, the last layer is linear
 * and feeds the {@link Loss}.
 *
 * <p>{@code Mlp.of(784, 10, 10, 10, 10).withBias(false)} is the PIGMM paper's network (Hirst &amp; Ramgoolam,
 * docs/spec/pigmm.md §1).
 */
public record Mlp(int[] widths, boolean bias, Activation activation, Loss loss) {
    public Mlp {
        Objects.requireNonNull(widths, "widths");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(loss, "loss");
        if (widths.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output width, found "
                    + Arrays.toString(widths));
        }
        for (int w : widths) {
            if (w <= 0) {
                throw new IllegalArgumentException("MLP widths must be positive, found " + Arrays.toString(widths));
            }
        }
        if (loss == Loss.CROSS_ENTROPY && widths[widths.length - 1] < 2) {
            throw new IllegalArgumentException("cross-entropy needs at least 2 outputs (classes), found widths "
                    + Arrays.toString(widths));
        }
        widths = widths.clone();
    }

    /** Widths with PyTorch's defaults: biases on, ReLU, cross-entropy. */
    public static Mlp of(int... widths) {
        return new Mlp(widths, true, Activation.RELU, Loss.CROSS_ENTROPY);
    }

    @Override
    public int[] widths() { return widths.clone(); }

    public Mlp withBias(boolean b) { return new Mlp(widths, b, activation, loss); }

    public Mlp withActivation(Activation a) { return new Mlp(widths, bias, a, loss); }

    public Mlp withLoss(Loss l) { return new Mlp(widths, bias, activation, l); }

    /** Number of weight layers L. */
    public int layers() { return widths.length - 1; }

    /** Inputs of layer l (1-based, as in W1). */
    public int fanIn(int l) { return widths[l - 1]; }

    /** Outputs of layer l (1-based). */
    public int fanOut(int l) { return widths[l]; }

    public int inputs() { return widths[0]; }

    public int outputs() { return widths[widths.length - 1]; }

    /** Parameters of one network. */
    public long parameterCount() {
        long n = 0;
        for (int l = 1; l <= layers(); l++) {
            n += (long) fanIn(l) * fanOut(l) + (bias ? fanOut(l) : 0);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mlp m && Arrays.equals(m.widths, widths) && m.bias == bias
                && m.activation.name().equals(activation.name()) && m.loss == loss;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(widths), bias, activation.name(), loss);
    }

    @Override
    public String toString() {
        return "Mlp" + Arrays.toString(widths) + (bias ? " bias" : " no-bias") + " " + activation.name() + " "
                + loss.name().toLowerCase(java.util.Locale.ROOT);
    }
}
