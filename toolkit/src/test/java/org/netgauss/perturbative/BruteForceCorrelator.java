package org.netgauss.perturbative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netgauss.invariants.InvariantGraph;
import org.netgauss.pigmm.PigmmCovariance;
import org.netgauss.pigmm.PigmmParameters;

/**
 * A slow reference for tests: C₀(F, O) by expanding both invariants into monomials of the D² entries and applying
 * Isserlis with means to each pair of monomials, with the dense entry mean and covariance of docs/spec/pigmm.md §2.8.
 * Independent of the atom forms and pattern sums; practical for D ≤ 5.
 */
final class BruteForceCorrelator {
    private final int d;
    private final double[] mean;
    private final double[][] cov;
    private final Map<String, Double> cache = new HashMap<>();

    BruteForceCorrelator(PigmmParameters p) {
        d = p.d();
        PigmmCovariance c = p.covariance();
        mean = new double[d * d];
        cov = new double[d * d][d * d];
        for (int x = 0; x < d * d; x++) {
            mean[x] = c.mean(x / d, x % d);
            for (int y = 0; y < d * d; y++) {
                cov[x][y] = c.covariance(x / d, x % d, y / d, y % d);
            }
        }
    }

    /** The invariant as monomials (sorted entry indices) with integer coefficients. */
    Map<List<Integer>, Double> expand(InvariantGraph g) {
        Map<List<Integer>, Double> out = new HashMap<>();
        int v = g.vertexCount();
        int[][] e = g.edges();
        int[] idx = new int[v];
        while (true) {
            Integer[] mono = new Integer[e.length];
            for (int k = 0; k < e.length; k++) {
                mono[k] = idx[e[k][0]] * d + idx[e[k][1]];
            }
            Arrays.sort(mono);
            out.merge(List.of(mono), 1.0, Double::sum);
            int pos = 0;
            while (pos < v && ++idx[pos] == d) {
                idx[pos++] = 0;
            }
            if (pos == v) {
                return out;
            }
        }
    }

    double expectation(InvariantGraph g) {
        double s = 0;
        for (Map.Entry<List<Integer>, Double> m : expand(g).entrySet()) {
            s += m.getValue() * moment(m.getKey());
        }
        return s;
    }

    double connected(InvariantGraph f, InvariantGraph o) {
        Map<List<Integer>, Double> a = expand(f);
        Map<List<Integer>, Double> b = expand(o);
        double s = 0;
        for (Map.Entry<List<Integer>, Double> x : a.entrySet()) {
            double ex = moment(x.getKey());
            for (Map.Entry<List<Integer>, Double> y : b.entrySet()) {
                List<Integer> joint = new ArrayList<>(x.getKey());
                joint.addAll(y.getKey());
                s += x.getValue() * y.getValue() * (moment(joint) - ex * moment(y.getKey()));
            }
        }
        return s;
    }

    /** E[∏ x_k] by Isserlis with means. */
    double moment(List<Integer> vars) {
        List<Integer> sorted = new ArrayList<>(vars);
        sorted.sort(null);
        String key = sorted.toString();
        Double v = cache.get(key);
        if (v == null) {
            int[] a = sorted.stream().mapToInt(Integer::intValue).toArray();
            v = matchings(a, (1 << a.length) - 1);
            cache.put(key, v);
        }
        return v;
    }

    private double matchings(int[] a, int left) {
        if (left == 0) {
            return 1;
        }
        int x = Integer.numberOfTrailingZeros(left);
        int rest = left & ~(1 << x);
        double s = mean[a[x]] * matchings(a, rest);
        for (int r = rest; r != 0; r &= r - 1) {
            int y = Integer.numberOfTrailingZeros(r);
            s += cov[a[x]][a[y]] * matchings(a, rest & ~(1 << y));
        }
        return s;
    }
}
