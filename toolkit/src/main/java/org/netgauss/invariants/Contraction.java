package org.netgauss.invariants;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an invariant on one D x D matrix by variable elimination instead of the O(D^v) index sum.
 *
 * <p>Factors are vectors over one vertex (loops M_ii give diag M) and D x D tables over a pair of vertices
 * (edges; parallel edges multiply entrywise). A vertex x with neighbours {a, b} is summed out as
 * F(a,b) = Σ_x u(x) A(x,a) B(x,b), a matrix product, O(D³); with one neighbour in O(D²); alone in O(D).
 * The vertex with fewest neighbours goes first. Every graph with at most 5 edges has tree-width ≤ 2, so no
 * factor over three vertices ever appears and the cost is at most O(D³) per eliminated vertex.
 */
final class Contraction {
    private final int d;
    private final Map<Integer, double[]> unary = new HashMap<>();
    private final Map<Long, double[]> binary = new HashMap<>(); // key (a, b) with a < b, table [x_a * D + x_b]
    private final List<Integer> alive = new ArrayList<>();
    private double scalar = 1;

    private Contraction(int d) {
        this.d = d;
    }

    static double evaluate(InvariantGraph g, double[] m, int d) {
        Contraction c = new Contraction(d);
        for (int v = 0; v < g.vertexCount(); v++) {
            c.alive.add(v);
        }
        for (int[] e : g.edges()) {
            if (e[0] == e[1]) {
                double[] diag = new double[d];
                for (int i = 0; i < d; i++) {
                    diag[i] = m[i * d + i];
                }
                c.mulUnary(e[0], diag);
            } else {
                c.mulBinary(e[0], e[1], m);
            }
        }
        return c.run();
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | b;
    }

    private void mulUnary(int v, double[] x) {
        double[] u = unary.get(v);
        if (u == null) {
            unary.put(v, x.clone());
        } else {
            for (int i = 0; i < d; i++) {
                u[i] *= x[i];
            }
        }
    }

    /** Multiplies in a table t indexed [x_a * D + x_b]. */
    private void mulBinary(int a, int b, double[] t) {
        double[] oriented = a < b ? t : transpose(t);
        long k = key(Math.min(a, b), Math.max(a, b));
        double[] cur = binary.get(k);
        if (cur == null) {
            binary.put(k, oriented == t ? t.clone() : oriented);
        } else {
            for (int i = 0; i < cur.length; i++) {
                cur[i] *= oriented[i];
            }
        }
    }

    private double[] transpose(double[] t) {
        double[] r = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                r[j * d + i] = t[i * d + j];
            }
        }
        return r;
    }

    /** Table of the factor on (x, a) indexed [x_x * D + x_a]. */
    private double[] oriented(int x, int a) {
        double[] t = binary.remove(key(Math.min(x, a), Math.max(x, a)));
        return x < a ? t : transpose(t);
    }

    private List<Integer> neighbours(int v) {
        List<Integer> n = new ArrayList<>();
        for (long k : binary.keySet()) {
            int a = (int) (k >> 32);
            int b = (int) k;
            if (a == v) {
                n.add(b);
            } else if (b == v) {
                n.add(a);
            }
        }
        return n;
    }

    private double run() {
        while (!alive.isEmpty()) {
            int best = -1;
            List<Integer> bestN = null;
            for (int v : alive) {
                List<Integer> n = neighbours(v);
                if (bestN == null || n.size() < bestN.size()) {
                    best = v;
                    bestN = n;
                }
            }
            alive.remove(Integer.valueOf(best));
            double[] u = unary.remove(best);
            if (bestN.isEmpty()) {
                double s = 0;
                if (u == null) {
                    s = d;
                } else {
                    for (double x : u) {
                        s += x;
                    }
                }
                scalar *= s;
            } else if (bestN.size() == 1) {
                int a = bestN.get(0);
                double[] t = oriented(best, a);
                double[] f = new double[d];
                for (int x = 0; x < d; x++) {
                    double w = u == null ? 1 : u[x];
                    for (int i = 0; i < d; i++) {
                        f[i] += w * t[x * d + i];
                    }
                }
                mulUnary(a, f);
            } else if (bestN.size() == 2) {
                int a = bestN.get(0);
                int b = bestN.get(1);
                double[] ta = oriented(best, a);
                double[] tb = oriented(best, b);
                double[] f = new double[d * d];
                for (int x = 0; x < d; x++) {
                    double w = u == null ? 1 : u[x];
                    int xo = x * d;
                    for (int i = 0; i < d; i++) {
                        double wa = w * ta[xo + i];
                        if (wa == 0) {
                            continue;
                        }
                        int io = i * d;
                        for (int j = 0; j < d; j++) {
                            f[io + j] += wa * tb[xo + j];
                        }
                    }
                }
                mulBinary(a, b, f);
            } else {
                throw new UnsupportedOperationException("invariant needs a three-index intermediate (tree-width > 2);"
                        + " only graphs of tree-width <= 2, which includes all of degree <= 5, are supported");
            }
        }
        return scalar;
    }
}
