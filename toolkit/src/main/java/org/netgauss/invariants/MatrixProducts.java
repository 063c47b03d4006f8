package org.netgauss.invariants;

/**
 * The dense float64 products C = A·B of two row-major D x D matrices that the quartic invariants share (M², M·Mᵀ,
 * Mᵀ·M; see {@link ProductPlan}). The vector-API kernel ({@link VectorProducts}) runs when the JVM has the
 * {@code jdk.incubator.vector} module, plain Java loops otherwise; both sum each element over k in increasing order
 * within blocks of {@link #KC}, so results agree to rounding (the vector kernel fuses multiply and add).
 * A product known to be symmetric (A·Aᵀ) computes only the blocks on and above the diagonal and mirrors the rest:
 * C_ij and C_ji are the same products added in the same order, so the mirror is exact.
 */
final class MatrixProducts {
    /** Block of the contracted index: a 4-row slice of A and a column strip of B stay in the L1/L2 caches. */
    static final int KC = 256;

    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"plain".equals(System.getProperty("netgauss.kernels"));

    private MatrixProducts() {
    }

    /** c = a·b for row-major D x D matrices; {@code symmetric} promises that a·b is symmetric (b = aᵀ). */
    static void multiply(double[] a, double[] b, double[] c, int d, boolean symmetric) {
        if (VECTOR) {
            VectorProducts.multiply(a, b, c, d, symmetric);
        } else {
            plain(a, b, c, d);
        }
        if (symmetric) {
            for (int i = 1; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    c[i * d + j] = c[j * d + i];
                }
            }
        }
    }

    /** Σ_j x[off + j]: vector lanes when the module is present, else four scalar accumulators. */
    static double sum(double[] x, int off, int n) {
        if (VECTOR) {
            return VectorProducts.sum(x, off, n);
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += x[off + j];
            s1 += x[off + j + 1];
            s2 += x[off + j + 2];
            s3 += x[off + j + 3];
        }
        for (; j < n; j++) {
            s0 += x[off + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ_j x[off + j] y[j]: vector lanes when the module is present, else four scalar accumulators. */
    static double dot(double[] x, int off, double[] y, int n) {
        if (VECTOR) {
            return VectorProducts.dot(x, off, y, n);
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += x[off + j] * y[j];
            s1 += x[off + j + 1] * y[j + 1];
            s2 += x[off + j + 2] * y[j + 2];
            s3 += x[off + j + 3] * y[j + 3];
        }
        for (; j < n; j++) {
            s0 += x[off + j] * y[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** i-k-j loops: the inner loop is an axpy over a row of b, which C2 vectorises. */
    static void plain(double[] a, double[] b, double[] c, int d) {
        java.util.Arrays.fill(c, 0, d * d, 0.0);
        for (int k0 = 0; k0 < d; k0 += KC) {
            int k1 = Math.min(d, k0 + KC);
            for (int i = 0; i < d; i++) {
                int io = i * d;
                for (int k = k0; k < k1; k++) {
                    double x = a[io + k];
                    int ko = k * d;
                    for (int j = 0; j < d; j++) {
                        c[io + j] += x * b[ko + j];
                    }
                }
            }
        }
    }

    /** Whether the vector-API kernel is in use. */
    static String describe() {
        return VECTOR ? "vector API (" + VectorProducts.lanes() + " double lanes)" : "plain Java";
    }

    /** Blocked transpose, so reads and writes both stay in cache. */
    static void transpose(double[] m, double[] t, int d) {
        int block = 32;
        for (int i0 = 0; i0 < d; i0 += block) {
            for (int j0 = 0; j0 < d; j0 += block) {
                int i1 = Math.min(d, i0 + block);
                int j1 = Math.min(d, j0 + block);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        t[j * d + i] = m[i * d + j];
                    }
                }
            }
        }
    }
}
