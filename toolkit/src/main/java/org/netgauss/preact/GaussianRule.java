package org.netgauss.preact;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * A quadrature rule for expectations under the standard normal: E[f(xi)] ~ sum_i w_i f(x_i), with
 * sum_i w_i = 1. Used for every Gaussian expectation of the edge-of-chaos maps (spec
 * {@code docs/spec/gaussian-preact.md} 1.6 and 2.1).
 * <ul>
 *   <li>{@link #gaussHermite(int)}: probabilists' Gauss-Hermite, exact for polynomials of degree
 *       2n - 1; the fast choice for smooth phi (tanh, phi_theta).</li>
 *   <li>{@link #midpoint(double, double)}: the composite midpoint (trapezoid-family) rule on [-L, L] with the
 *       normal density as weight. Spectrally accurate for smooth integrands, O(step^2) at a kink; the safe
 *       choice for ReLU and for the odd phi_theta, whose derivative has a kink at 0.</li>
 * </ul>
 * Immutable; nodes and weights are copied out.
 */
public final class GaussianRule {
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    /** Beyond about 256 nodes the orthonormal Hermite values at the outer nodes overflow a double. */
    public static final int MAX_HERMITE_NODES = 256;

    private final String name;
    private final double[] nodes;
    private final double[] weights;

    private GaussianRule(String name, double[] nodes, double[] weights) {
        this.name = name;
        this.nodes = nodes;
        this.weights = weights;
    }

    /**
     * The n-point probabilists' Gauss-Hermite rule for the weight exp(-x^2/2)/sqrt(2 pi). Nodes are the
     * eigenvalues of the Jacobi matrix of the monic recurrence He_{k+1} = x He_k - k He_{k-1}
     * (Golub &amp; Welsch 1969), polished by Newton's method on the orthonormal recurrence
     * p_{k+1} = (x p_k - sqrt(k) p_{k-1}) / sqrt(k+1); weights are the Christoffel numbers
     * w_i = 1 / sum_{k&lt;n} p_k(x_i)^2, which keep relative accuracy even when tiny.
     *
     * @throws IllegalArgumentException unless 1 &lt;= n &lt;= {@link #MAX_HERMITE_NODES}
     */
    public static GaussianRule gaussHermite(int n) {
        if (n < 1 || n > MAX_HERMITE_NODES) {
            throw new IllegalArgumentException("Gauss-Hermite needs 1 <= n <= " + MAX_HERMITE_NODES + " nodes, found " + n
                    + "; for more resolution use GaussianRule.midpoint");
        }
        double[] x = new double[n];
        double[] w = new double[n];
        if (n == 1) {
            return new GaussianRule("gauss-hermite(1)", new double[] {0.0}, new double[] {1.0});
        }
        double[] diag = new double[n];
        double[] off = new double[n - 1];
        for (int k = 1; k < n; k++) {
            off[k - 1] = Math.sqrt(k);
        }
        double[] eig = new EigenDecomposition(diag, off).getRealEigenvalues();
        java.util.Arrays.sort(eig);
        for (int i = 0; i < n; i++) {
            double xi = eig[i];
            for (int it = 0; it < 3; it++) {
                double[] pv = orthonormal(xi, n);
                double step = pv[n] / (Math.sqrt(n) * pv[n - 1]);
                xi -= step;
                if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(xi))) {
                    break;
                }
            }
            double[] pv = orthonormal(xi, n);
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += pv[k] * pv[k];
            }
            x[i] = xi;
            w[i] = 1 / s;
        }
        // symmetrise: the rule is exactly symmetric, round-off is not
        for (int i = 0; i < n / 2; i++) {
            double xs = 0.5 * (x[n - 1 - i] - x[i]);
            double ws = 0.5 * (w[n - 1 - i] + w[i]);
            x[i] = -xs;
            x[n - 1 - i] = xs;
            w[i] = ws;
            w[n - 1 - i] = ws;
        }
        if (n % 2 == 1) {
            x[n / 2] = 0.0;
        }
        return new GaussianRule("gauss-hermite(" + n + ")", x, w);
    }

    /** p_0..p_n at x, orthonormal for N(0,1). */
    private static double[] orthonormal(double x, int n) {
        double[] p = new double[n + 1];
        p[0] = 1;
        p[1] = x;
        for (int k = 1; k < n; k++) {
            p[k + 1] = (x * p[k] - Math.sqrt(k) * p[k - 1]) / Math.sqrt(k + 1);
        }
        return p;
    }

    /**
     * The composite midpoint rule on [-L, L]: nodes +-(k + 1/2) step, weights step * phi(x) renormalised to
     * sum to 1 (the mass beyond L is below 1e-22 for L &gt;= 10). Like the trapezoid rule it is spectrally
     * accurate for smooth integrands and O(step^2) at a kink; it has no node at 0, so that a kink or jump
     * at 0 (ReLU, its derivative) is integrated exactly by symmetry. The spec recommends a trapezoid on
     * [-12, 12] with step 1e-4 for non-smooth phi (1.6); step 1e-3 is already accurate to 1e-7 here.
     *
     * @throws IllegalArgumentException unless 0 &lt; step &lt;= halfWidth
     */
    public static GaussianRule midpoint(double halfWidth, double step) {
        if (!(step > 0) || !(halfWidth >= step)) {
            throw new IllegalArgumentException("midpoint rule needs 0 < step <= halfWidth, found step = " + step
                    + ", halfWidth = " + halfWidth);
        }
        int m = (int) Math.round(halfWidth / step);
        int n = 2 * m;
        double[] x = new double[n];
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            x[i] = (i - m + 0.5) * step;
            w[i] = step * Math.exp(-0.5 * x[i] * x[i]) / SQRT_2PI;
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        return new GaussianRule("midpoint(L=" + halfWidth + ", h=" + step + ")", x, w);
    }

    /**
     * The default one-dimensional rule for an activation: Gauss-Hermite(200) when it is smooth, the
     * midpoint rule on [-12, 12] with step 1e-3 otherwise.
     */
    public static GaussianRule defaultFor(ActivationFunction phi) {
        return phi.isSmooth() ? gaussHermite(200) : midpoint(12, 1e-3);
    }

    /**
     * The default rule for two-dimensional expectations (it is used as a product rule, so its size is
     * squared): Gauss-Hermite(160) when smooth, the midpoint rule on [-10, 10] with step 1e-2 otherwise.
     */
    public static GaussianRule defaultPairFor(ActivationFunction phi) {
        return phi.isSmooth() ? gaussHermite(160) : midpoint(10, 1e-2);
    }

    /** E[f(xi)], xi ~ N(0,1). */
    public double expect(DoubleUnaryOperator f) {
        double s = 0;
        for (int i = 0; i < nodes.length; i++) {
            s += weights[i] * f.applyAsDouble(nodes[i]);
        }
        return s;
    }

    /**
     * E[f(xi1) g(rho xi1 + sqrt(1 - rho^2) xi2)] for independent standard normal xi1, xi2: the
     * expectation over a standard bivariate normal pair with correlation rho, as a product rule.
     *
     * @throws IllegalArgumentException unless -1 &lt;= rho &lt;= 1
     */
    public double expectPair(DoubleUnaryOperator f, DoubleUnaryOperator g, double rho) {
        if (!(rho >= -1 && rho <= 1)) {
            throw new IllegalArgumentException("correlation must be in [-1, 1], found " + rho);
        }
        double r = Math.sqrt(Math.max(0, 1 - rho * rho));
        double total = 0;
        for (int i = 0; i < nodes.length; i++) {
            double fi = f.applyAsDouble(nodes[i]);
            if (fi == 0 || weights[i] == 0) {
                continue;
            }
            double base = rho * nodes[i];
            double inner = 0;
            if (r == 0) {
                inner = g.applyAsDouble(base);
            } else {
                for (int j = 0; j < nodes.length; j++) {
                    inner += weights[j] * g.applyAsDouble(base + r * nodes[j]);
                }
            }
            total += weights[i] * fi * inner;
        }
        return total;
    }

    public String name() { return name; }

    public int size() { return nodes.length; }

    public double[] nodes() { return nodes.clone(); }

    public double[] weights() { return weights.clone(); }

    @Override
    public String toString() {
        return name;
    }
}
