package org.netgauss.invariants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates many invariants on one matrix, sharing work: a disconnected graph is the product of its connected
 * components; components are evaluated once per matrix; all components with one or two vertices (every
 * "low-node" invariant, and the t and T factors of the high-node ones) are summed in a single O(D²) pass over
 * (i, j) as products of powers of M_ii, M_ij, M_ji, M_jj; the rest go through {@link Contraction}.
 */
final class BatchEvaluator {
    private final List<InvariantGraph> graphs;
    private final List<InvariantGraph> components = new ArrayList<>();
    private final int[][] factors; // per graph: indices into components
    private final List<int[]> twoVertex = new ArrayList<>(); // {component, a, b, c, d} exponents of ii, ij, ji, jj
    private final List<int[]> oneVertex = new ArrayList<>(); // {component, loops}
    private final List<Integer> general = new ArrayList<>();
    private final int maxPower;

    BatchEvaluator(List<InvariantGraph> graphs) {
        this.graphs = List.copyOf(graphs);
        Map<InvariantGraph, Integer> index = new LinkedHashMap<>();
        factors = new int[graphs.size()][];
        for (int g = 0; g < graphs.size(); g++) {
            List<InvariantGraph> parts = graphs.get(g).components();
            factors[g] = new int[parts.size()];
            for (int p = 0; p < parts.size(); p++) {
                InvariantGraph c = parts.get(p);
                Integer id = index.get(c);
                if (id == null) {
                    id = components.size();
                    index.put(c, id);
                    components.add(c);
                    classify(c, id);
                }
                factors[g][p] = id;
            }
        }
        int mp = 0;
        for (InvariantGraph c : components) {
            mp = Math.max(mp, c.degree());
        }
        maxPower = mp;
    }

    private void classify(InvariantGraph c, int id) {
        if (c.vertexCount() == 1) {
            oneVertex.add(new int[] {id, c.degree()});
        } else if (c.vertexCount() == 2) {
            int[] e = {id, 0, 0, 0, 0};
            for (int[] x : c.edges()) {
                e[1 + 2 * x[0] + x[1]]++;
            }
            twoVertex.add(e);
        } else {
            general.add(id);
        }
    }

    double[] evaluate(double[] m, int d) {
        double[] value = new double[components.size()];
        for (int[] c : oneVertex) {
            double s = 0;
            for (int i = 0; i < d; i++) {
                s += Math.pow(m[i * d + i], c[1]);
            }
            value[c[0]] = s;
        }
        if (!twoVertex.isEmpty()) {
            int k = twoVertex.size();
            double[] acc = new double[k];
            int stride = maxPower + 1;
            // exponents as offsets into one flat table of powers: [ii | ij | ji | jj] x (0..maxPower)
            int[] o0 = new int[k];
            int[] o1 = new int[k];
            int[] o2 = new int[k];
            int[] o3 = new int[k];
            for (int c = 0; c < k; c++) {
                int[] e = twoVertex.get(c);
                o0[c] = e[1];
                o1[c] = stride + e[2];
                o2[c] = 2 * stride + e[3];
                o3[c] = 3 * stride + e[4];
            }
            double[] pw = new double[4 * stride];
            for (int i = 0; i < d; i++) {
                powers(pw, 0, stride, m[i * d + i]);
                for (int j = 0; j < d; j++) {
                    powers(pw, stride, stride, m[i * d + j]);
                    powers(pw, 2 * stride, stride, m[j * d + i]);
                    powers(pw, 3 * stride, stride, m[j * d + j]);
                    for (int c = 0; c < k; c++) {
                        acc[c] += pw[o0[c]] * pw[o1[c]] * pw[o2[c]] * pw[o3[c]];
                    }
                }
            }
            for (int c = 0; c < k; c++) {
                value[twoVertex.get(c)[0]] = acc[c];
            }
        }
        for (int id : general) {
            value[id] = Contraction.evaluate(components.get(id), m, d);
        }
        double[] out = new double[graphs.size()];
        for (int g = 0; g < out.length; g++) {
            double p = 1;
            for (int id : factors[g]) {
                p *= value[id];
            }
            out[g] = p;
        }
        return out;
    }

    private static void powers(double[] p, int from, int count, double x) {
        p[from] = 1;
        for (int k = 1; k < count; k++) {
            p[from + k] = p[from + k - 1] * x;
        }
    }
}
