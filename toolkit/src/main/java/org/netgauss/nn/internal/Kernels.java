package org.netgauss.nn.internal;

import java.util.Arrays;

/**
 * The kernels of one member's forward and backward pass: the dense products of the chosen {@link DenseKernels}
 * and the small helpers around them (bias gradient, layout changes).
 *
 * <p>{@link #dense()} is {@link VectorKernels} when the JVM has the {@code jdk.incubator.vector} module (start it
 * with {@code --add-modules jdk.incubator.vector}; the netgauss launcher, kernelspec and build do) and
 * {@link PlainKernels} otherwise. The system property {@code netgauss.kernels=plain|vector} forces a choice. Both
 * give bit-identical results, so the choice changes speed only.
 */
public final class Kernels {
    /** The system property that forces {@code plain} or {@code vector} kernels. */
    public static final String PROPERTY = "netgauss.kernels";

    private static final DenseKernels DENSE = choose(System.getProperty(PROPERTY, ""));

    private Kernels() {
    }

    /** The dense products this JVM uses. */
    public static DenseKernels dense() {
        return DENSE;
    }

    /** The plain-Java kernels, always available. */
    public static DenseKernels plain() {
        return PlainKernels.INSTANCE;
    }

    /** The vector-API kernels, if this JVM has the {@code jdk.incubator.vector} module. */
    public static java.util.Optional<DenseKernels> vector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(VectorKernels.INSTANCE);
    }

    /** A one-line description for logs and benchmarks, e.g. "vector (16 lanes)". */
    public static String describe() {
        return DENSE == PlainKernels.INSTANCE ? "plain Java" : "vector API (" + DENSE.lanes() + " float lanes)";
    }

    static DenseKernels choose(String forced) {
        switch (forced) {
            case "plain":
                return plain();
            case "vector":
                return vector().orElseThrow(() -> new IllegalStateException("-D" + PROPERTY
                        + "=vector needs the JVM option --add-modules jdk.incubator.vector"));
            case "":
                return vector().orElse(plain());
            default:
                throw new IllegalStateException("-D" + PROPERTY + " must be plain or vector, found '" + forced + "'");
        }
    }

    /**
     * x, or 0 if x is subnormal (|x| &lt; 2^-126); the optimisers apply it to their state. A moment estimate whose
     * gradient stays 0 (the weights into a dead ReLU unit) decays geometrically into the subnormal range, where it
     * never reaches 0 (2^-149 · 0.9 rounds back to 2^-149) and every later multiply takes the CPU's slow subnormal
     * path, 25 times slower: a third of a paper-size run went there. This is the flush-to-zero a CPU does under
     * {@code torch.set_flush_denormal(True)}. Such a state moves its weight by about 1e-40, below the float
     * resolution of any weight larger than 1e-33, so the weights are those of PyTorch's default in practice.
     */
    public static float flushSubnormal(float x) {
        int bits = Float.floatToRawIntBits(x);
        // an all-zero exponent field means subnormal or zero; (e - 1) >> 31 is then -1, else 0: no branch
        int e = bits & 0x7f800000;
        return Float.intBitsToFloat(bits & ~((e - 1) >> 31));
    }

    /**
     * {@link DenseKernels#adamRow}'s arithmetic one element at a time on p[off, off+len) with gradient g[goff ..]
     * and moments m, v indexed like p: the optimiser's general case and the vector kernels' tail.
     */
    public static void adamSlice(float[] p, int off, float[] g, int goff, float[] m, float[] v, int len, float b1,
                                 float a1, float b2, float a2, float wd, float stepSize, float bc2Sqrt, float eps) {
        for (int i = 0; i < len; i++) {
            int k = off + i;
            float grad = wd != 0f ? g[goff + i] + wd * p[k] : g[goff + i];
            float mk = flushSubnormal(m[k] * b1 + a1 * grad);
            float vk = flushSubnormal(v[k] * b2 + a2 * (grad * grad));
            m[k] = mk;
            v[k] = vk;
            float denom = (float) Math.sqrt(vk) / bc2Sqrt + eps;
            p[k] = p[k] + -stepSize * (mk / denom);
        }
    }

    /** gb[j] = sum_{b &lt; nb} dzt[j][b]. */
    public static void biasGradient(float[][] dzt, int out, int nb, float[] gb) {
        for (int j = 0; j < out; j++) {
            float s = 0f;
            float[] d = dzt[j];
            for (int b = 0; b < nb; b++) {
                s += d[b];
            }
            gb[j] = s;
        }
    }

    /**
     * wt[k][j] = w[row0 + j][k]. By destination row, with the source rows read side by side (five at a time, so
     * the paper's ten take two passes):
     * writing column-wise into the 784 destination rows instead cost as much as the weight gradient.
     */
    public static void transposeRows(float[][] w, int row0, int out, int in, float[][] wt) {
        int j = 0;
        for (; j + 4 < out; j += 5) {
            float[] r0 = w[row0 + j];
            float[] r1 = w[row0 + j + 1];
            float[] r2 = w[row0 + j + 2];
            float[] r3 = w[row0 + j + 3];
            float[] r4 = w[row0 + j + 4];
            for (int k = 0; k < in; k++) {
                float[] d = wt[k];
                d[j] = r0[k];
                d[j + 1] = r1[k];
                d[j + 2] = r2[k];
                d[j + 3] = r3[k];
                d[j + 4] = r4[k];
            }
        }
        for (; j < out; j++) {
            float[] r = w[row0 + j];
            for (int k = 0; k < in; k++) {
                wt[k][j] = r[k];
            }
        }
    }

    /** dst[b][k] = src[k][b] for k &lt; features, b &lt; nb (feature-major to per-sample). */
    public static void toSamples(float[][] src, int features, int nb, float[][] dst) {
        for (int k = 0; k < features; k++) {
            float[] s = src[k];
            for (int b = 0; b < nb; b++) {
                dst[b][k] = s[b];
            }
        }
    }

    /**
     * dst[k][b] = src[b][k] for b &lt; nb, k &lt; features (per-sample to feature-major). Tiles of 8 samples: the
     * 8 source rows stream forward side by side and each step writes 8 consecutive floats of one destination
     * array. (Tiling by features instead, with all 100 source rows in flight, cost more than the forward product.)
     */
    public static void toFeatures(float[][] src, int nb, int features, float[][] dst) {
        int b = 0;
        for (; b + 7 < nb; b += 8) {
            float[] s0 = src[b];
            float[] s1 = src[b + 1];
            float[] s2 = src[b + 2];
            float[] s3 = src[b + 3];
            float[] s4 = src[b + 4];
            float[] s5 = src[b + 5];
            float[] s6 = src[b + 6];
            float[] s7 = src[b + 7];
            for (int k = 0; k < features; k++) {
                float[] d = dst[k];
                d[b] = s0[k];
                d[b + 1] = s1[k];
                d[b + 2] = s2[k];
                d[b + 3] = s3[k];
                d[b + 4] = s4[k];
                d[b + 5] = s5[k];
                d[b + 6] = s6[k];
                d[b + 7] = s7[k];
            }
        }
        for (; b < nb; b++) {
            float[] sb = src[b];
            for (int k = 0; k < features; k++) {
                dst[k][b] = sb[k];
            }
        }
    }
}
