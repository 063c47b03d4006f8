package org.netgauss.invariants;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MatrixProducts} on the JDK's vector API: a register block of 4 rows of C × 2 vectors (8 accumulators)
 * over a block of {@link MatrixProducts#KC} values of k; per k, 2 vector loads of B and 4 broadcasts of A feed
 * 8 fused multiply-adds. Columns beyond the last whole pair of vectors, and rows beyond the last group of 4, go
 * through the same FMA chain one element at a time. Loaded only through {@link MatrixProducts}, after it checked
 * that the module is present. Each block is its own small method so that C2 keeps the vectors in registers.
 */
final class VectorProducts {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorProducts() {
    }

    static int lanes() {
        return L;
    }

    static void multiply(double[] a, double[] b, double[] c, int d, boolean upperOnly) {
        java.util.Arrays.fill(c, 0, d * d, 0.0);
        int strip = 2 * L;
        int jv = d / strip * strip;
        for (int k0 = 0; k0 < d; k0 += MatrixProducts.KC) {
            int k1 = Math.min(d, k0 + MatrixProducts.KC);
            for (int j = 0; j < jv; j += strip) {
                int i = 0;
                for (; i + 4 <= d; i += 4) {
                    if (upperOnly && j + strip <= i) {
                        continue; // every element of this block is below the diagonal
                    }
                    block4x2(a, b, c, d, i, j, k0, k1);
                }
                for (; i < d; i++) {
                    if (!(upperOnly && j + strip <= i)) {
                        block1x2(a, b, c, d, i, j, k0, k1);
                    }
                }
            }
            if (jv < d) {
                for (int i = 0; i < d; i++) {
                    for (int j = jv; j < d; j++) {
                        double s = c[i * d + j];
                        for (int k = k0; k < k1; k++) {
                            s = Math.fma(a[i * d + k], b[k * d + j], s);
                        }
                        c[i * d + j] = s;
                    }
                }
            }
        }
    }

    private static void block4x2(double[] a, double[] b, double[] c, int d, int i, int j, int k0, int k1) {
        int c0 = i * d + j;
        int c1 = c0 + d;
        int c2 = c1 + d;
        int c3 = c2 + d;
        DoubleVector x0 = DoubleVector.fromArray(S, c, c0);
        DoubleVector y0 = DoubleVector.fromArray(S, c, c0 + L);
        DoubleVector x1 = DoubleVector.fromArray(S, c, c1);
        DoubleVector y1 = DoubleVector.fromArray(S, c, c1 + L);
        DoubleVector x2 = DoubleVector.fromArray(S, c, c2);
        DoubleVector y2 = DoubleVector.fromArray(S, c, c2 + L);
        DoubleVector x3 = DoubleVector.fromArray(S, c, c3);
        DoubleVector y3 = DoubleVector.fromArray(S, c, c3 + L);
        int a0 = i * d;
        int a1 = a0 + d;
        int a2 = a1 + d;
        int a3 = a2 + d;
        for (int k = k0; k < k1; k++) {
            int bo = k * d + j;
            DoubleVector u = DoubleVector.fromArray(S, b, bo);
            DoubleVector v = DoubleVector.fromArray(S, b, bo + L);
            DoubleVector s0 = DoubleVector.broadcast(S, a[a0 + k]);
            x0 = s0.fma(u, x0);
            y0 = s0.fma(v, y0);
            DoubleVector s1 = DoubleVector.broadcast(S, a[a1 + k]);
            x1 = s1.fma(u, x1);
            y1 = s1.fma(v, y1);
            DoubleVector s2 = DoubleVector.broadcast(S, a[a2 + k]);
            x2 = s2.fma(u, x2);
            y2 = s2.fma(v, y2);
            DoubleVector s3 = DoubleVector.broadcast(S, a[a3 + k]);
            x3 = s3.fma(u, x3);
            y3 = s3.fma(v, y3);
        }
        x0.intoArray(c, c0);
        y0.intoArray(c, c0 + L);
        x1.intoArray(c, c1);
        y1.intoArray(c, c1 + L);
        x2.intoArray(c, c2);
        y2.intoArray(c, c2 + L);
        x3.intoArray(c, c3);
        y3.intoArray(c, c3 + L);
    }

    private static void block1x2(double[] a, double[] b, double[] c, int d, int i, int j, int k0, int k1) {
        int c0 = i * d + j;
        DoubleVector x0 = DoubleVector.fromArray(S, c, c0);
        DoubleVector y0 = DoubleVector.fromArray(S, c, c0 + L);
        int a0 = i * d;
        for (int k = k0; k < k1; k++) {
            int bo = k * d + j;
            DoubleVector s0 = DoubleVector.broadcast(S, a[a0 + k]);
            x0 = s0.fma(DoubleVector.fromArray(S, b, bo), x0);
            y0 = s0.fma(DoubleVector.fromArray(S, b, bo + L), y0);
        }
        x0.intoArray(c, c0);
        y0.intoArray(c, c0 + L);
    }

    /** Σ_j x[off + j] y[j] with two vector accumulators, then the tail in order. */
    static double dot(double[] x, int off, double[] y, int n) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = DoubleVector.zero(S);
        int j = 0;
        for (; j + 2 * L <= n; j += 2 * L) {
            s0 = DoubleVector.fromArray(S, x, off + j).fma(DoubleVector.fromArray(S, y, j), s0);
            s1 = DoubleVector.fromArray(S, x, off + j + L).fma(DoubleVector.fromArray(S, y, j + L), s1);
        }
        double s = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            s = Math.fma(x[off + j], y[j], s);
        }
        return s;
    }

    /** Σ_j x[off + j] with two vector accumulators, then the tail in order. */
    static double sum(double[] x, int off, int n) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = DoubleVector.zero(S);
        int j = 0;
        for (; j + 2 * L <= n; j += 2 * L) {
            s0 = s0.add(DoubleVector.fromArray(S, x, off + j));
            s1 = s1.add(DoubleVector.fromArray(S, x, off + j + L));
        }
        double s = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            s += x[off + j];
        }
        return s;
    }
}
