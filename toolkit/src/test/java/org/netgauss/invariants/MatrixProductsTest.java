package org.netgauss.invariants;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MatrixProductsTest {

    private static double[] random(int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] m = new double[d * d];
        for (int k = 0; k < m.length; k++) {
            m[k] = rng.nextDouble(-1, 1);
        }
        return m;
    }

    /** Integer entries: every partial sum is an exact integer, so every summation order gives the same bits. */
    private static double[] integers(int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] m = new double[d * d];
        for (int k = 0; k < m.length; k++) {
            m[k] = rng.nextInt(-9, 10);
        }
        return m;
    }

    private static double[] naive(double[] a, double[] b, int d) {
        double[] c = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += a[i * d + k] * b[k * d + j];
                }
                c[i * d + j] = s;
            }
        }
        return c;
    }

    private static double[] transpose(double[] m, int d) {
        double[] t = new double[d * d];
        MatrixProducts.transpose(m, t, d);
        return t;
    }

    @Test
    void integerProductsAreExactForEverySizeAndPath() {
        // sizes: below one vector, whole blocks, row and column remainders, more than one k block
        for (int d : new int[] {1, 3, 8, 16, 17, 33, 64, 70, 300}) {
            double[] a = integers(d, d);
            double[] b = integers(d, 1000 + d);
            double[] want = naive(a, b, d);
            double[] c = new double[d * d];
            MatrixProducts.multiply(a, b, c, d, false);
            assertArrayEquals(want, c, 0.0, "D = " + d);
            double[] p = new double[d * d];
            MatrixProducts.plain(a, b, p, d);
            assertArrayEquals(want, p, 0.0, "plain, D = " + d);
            double[] sym = new double[d * d];
            MatrixProducts.multiply(a, transpose(a, d), sym, d, true);
            assertArrayEquals(naive(a, transpose(a, d), d), sym, 0.0, "A Aᵀ, D = " + d);
        }
    }

    @Test
    void realProductsAgreeWithTheNaiveSumToRounding() {
        for (int d : new int[] {37, 257}) {
            double[] a = random(d, 1 + d);
            double[] b = random(d, 2 + d);
            double[] want = naive(a, b, d);
            double[] c = new double[d * d];
            MatrixProducts.multiply(a, b, c, d, false);
            for (int k = 0; k < c.length; k++) {
                // |error| ≤ d ε Σ_k |a_ik b_kj| ≤ d ε d
                assertEquals(want[k], c[k], 4.0 * d * d * Math.ulp(1.0), "D = " + d + ", element " + k);
            }
        }
    }

    @Test
    void symmetricProductIsExactlySymmetric() {
        int d = 45;
        double[] a = random(d, 9);
        double[] c = new double[d * d];
        MatrixProducts.multiply(transpose(a, d), a, c, d, true);
        double[] full = new double[d * d];
        MatrixProducts.multiply(transpose(a, d), a, full, d, false);
        assertArrayEquals(full, c, 0.0);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(c[i * d + j], c[j * d + i], 0.0);
            }
        }
    }
}
