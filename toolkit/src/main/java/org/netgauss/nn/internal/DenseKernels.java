package org.netgauss.nn.internal;

/**
 * The three dense products of a layer's forward and backward pass, each over a range of its output rows so a big
 * layer can be split across threads.
 *
 * <p><b>One summation order.</b> Every output element is a single sequential chain of fused multiply-adds over the
 * contracted index, started from the bias or from zero: {@code z = fma(w_k, x_k, z)} for k = 0, 1, … in order.
 * Implementations differ only in how many elements they advance at once, so all of them, and any split of the
 * rows across threads, give bit-identical results (tested in {@code KernelsTest}).
 *
 * <p><b>Layout.</b> Activations are feature-major, one array per feature over the batch ({@code at[k][b]});
 * the layer input for the weight gradient is per sample ({@code a[b][k]}); weights and their gradients are one
 * array per output neuron. Arrays may be longer than the valid range: an implementation with {@link #lanes()}
 * {@code = L} computes whole vectors, so batch arrays must hold {@link #pad}(batch) entries and per-sample arrays
 * {@code pad}(features). The extra lanes hold values that nothing reads.
 */
public interface DenseKernels {

    /** Vector width in floats; array lengths are rounded up to a multiple of it. */
    int lanes();

    /** {@code n} rounded up to a multiple of {@link #lanes()}. */
    default int pad(int n) {
        int l = lanes();
        return (n + l - 1) / l * l;
    }

    /**
     * zt[j][b] = bias[boff+j] + Σ_k w[row0+j][k] · at[k][b], for j in [j0, j1) and b &lt; pad(nb); {@code bias}
     * may be null (then the chain starts at 0).
     */
    void forward(float[][] w, int row0, int j0, int j1, int in, float[][] at, int nb, float[][] zt,
                 float[] bias, int boff);

    /**
     * The same product as {@link #forward} for a narrow layer, read from the input held per sample
     * ({@code x[b][k]}) and the transposed weights {@code wt[k][j]} (rows of length pad(out)), so the input never
     * needs a feature-major copy: zt[j][b] = bias[boff+j] + Σ_k wt[k][j] · x[b][k] for j &lt; out, b &lt; nb, the
     * same FMA chain in the same order.
     */
    void forwardFromSamples(float[][] wt, int out, int in, float[][] x, int nb, float[][] zt, float[] bias, int boff);

    /** a[i] = z[i] &gt; 0 ? z[i] : 0 for i &lt; pad(n): ReLU without a branch per element. */
    void relu(float[] z, float[] a, int n);

    /** g[i] = z[i] &gt; 0 ? g[i] : g[i] · 0 for i &lt; pad(n): back through ReLU, as autograd multiplies by 0 or 1. */
    void reluBackward(float[] g, float[] z, int n);

    /** gw[j][k] = Σ_{b &lt; nb} dzt[j][b] · a[b][k], for j in [j0, j1) and k &lt; pad(in). */
    void weightGradient(float[][] dzt, int j0, int j1, int in, float[][] a, int nb, float[][] gw);

    /** dat[k][b] = Σ_{j &lt; out} w[row0+j][k] · dzt[j][b], for k in [k0, k1) and b &lt; pad(nb). */
    void inputGradient(float[][] w, int row0, int out, int k0, int k1, float[][] dzt, int nb, float[][] dat);

    /**
     * One step of {@code torch.optim.Adam} on a whole row, in float32 with PyTorch's order of operations:
     * g = grad + wd·p (only if wd ≠ 0), m = flush(m·b1 + a1·g), v = flush(v·b2 + a2·g²),
     * p = p + (−stepSize · m / (sqrt(v)/bc2Sqrt + eps)), where flush is {@link Kernels#flushSubnormal} and the
     * scalars come from {@code Optimizer} (stepSize = lr/(1−β1^t), bc2Sqrt = sqrt(1−β2^t)).
     */
    void adamRow(float[] p, float[] g, float[] m, float[] v, int len, float b1, float a1, float b2, float a2, float wd,
                 float stepSize, float bc2Sqrt, float eps);

    /** out[i] = {@link StrictMath#exp}(x[i]) for i &lt; n, bit for bit (fdlibm's algorithm), as fast as possible. */
    void exp(double[] x, double[] out, int n);
}
