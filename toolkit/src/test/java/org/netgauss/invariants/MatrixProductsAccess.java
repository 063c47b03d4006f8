package org.netgauss.invariants;

/** The invariants' package-private float64 products, opened to the benchmarks in {@code org.netgauss.bench}. */
public final class MatrixProductsAccess {
    private MatrixProductsAccess() {
    }

    /** c = a·b for row-major D x D matrices ({@link MatrixProducts#multiply}); symmetric computes half and mirrors. */
    public static void multiply(double[] a, double[] b, double[] c, int d, boolean symmetric) {
        MatrixProducts.multiply(a, b, c, d, symmetric);
    }

    /** t = mᵀ ({@link MatrixProducts#transpose}). */
    public static void transpose(double[] m, double[] t, int d) {
        MatrixProducts.transpose(m, t, d);
    }

    /** Which kernel runs: the vector API or plain Java. */
    public static String describe() {
        return MatrixProducts.describe();
    }
}
