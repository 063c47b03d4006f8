package org.netgauss.invariants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates many invariants on one matrix, sharing work: a disconnected graph is the product of its connected
 * components; components are evaluated once per matrix; the rest of the plan is fixed once per list of graphs.
 * <ul>
 *   <li>One-vertex components Σ_i d_i^a, with d = diag M, from a table of powers of d.</li>
 *   <li>Two-vertex components Σ_ij d_i^a M_ij^b M_ji^c d_j^e (every "low-node" invariant and the t, T factors of
 *       the high-node ones) are grouped by (b, c): per group one pass over the rows forms p_j = M_ij^b M_ji^c and
 *       the row sums Σ_j p_j d_j^e for the few e the group needs, then Σ_i d_i^a (…). That is O(D²) per (b, c)
 *       group with contiguous, unit-stride loops (M_ji is read from a transposed copy), 14 groups at most for
 *       degree ≤ 4, instead of a power table per (i, j) pair.</li>
 *   <li>The three two-edge trees on three vertices are R·R (out-star), C·C (in-star) and C·R (path), from the row
 *       sums R and column sums C.</li>
 *   <li>Every other connected component of tree-width ≤ 2 (all of degree ≤ 4) goes through one {@link ProductPlan}:
 *       the three D³ products M², M·Mᵀ, Mᵀ·M are computed once per matrix and shared by all of them, and every
 *       other step is O(D²) and shared between components by its symbolic key.</li>
 *   <li>Anything else goes through {@link Contraction}.</li>
 * </ul>
 * Sums are taken in a different order from {@link Contraction} and from the index sum, so values agree with them to
 * rounding (about 1e-15 relative per term), not bit for bit. One evaluator may be used from several threads.
 */
final class BatchEvaluator {
    private final List<InvariantGraph> graphs;
    private final List<InvariantGraph> components = new ArrayList<>();
    private final int[][] factors; // per graph: indices into components
    private final List<int[]> oneVertex = new ArrayList<>(); // {component, loops}
    private final List<int[]> trees = new ArrayList<>(); // {component, kind 0 = R.R, 1 = C.C, 2 = C.R}
    private final List<Integer> general = new ArrayList<>();
    private final ProductPlan plan = new ProductPlan();
    private final List<int[]> planned = new ArrayList<>(); // {component, index in the plan's result}
    private final List<Group> groups = new ArrayList<>();
    private final int maxPower;
    private final boolean needsTranspose;

    /** Two-vertex components sharing the exponents (b, c) of M_ij and M_ji. */
    private static final class Group {
        final int b;
        final int c;
        final int[] es; // distinct exponents e of d_j
        final List<int[]> members = new ArrayList<>(); // {component, a, index of e in es}

        Group(int b, int c, int[] es) {
            this.b = b;
            this.c = c;
            this.es = es;
        }
    }

    BatchEvaluator(List<InvariantGraph> graphs) {
        this.graphs = List.copyOf(graphs);
        Map<InvariantGraph, Integer> index = new LinkedHashMap<>();
        factors = new int[graphs.size()][];
        List<int[]> twoVertex = new ArrayList<>(); // {component, a, b, c, e}
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
                    classify(c, id, twoVertex);
                }
                factors[g][p] = id;
            }
        }
        int mp = 1;
        for (InvariantGraph c : components) {
            mp = Math.max(mp, c.degree());
        }
        maxPower = mp;
        Map<Integer, List<int[]>> byBc = new TreeMap<>();
        for (int[] t : twoVertex) {
            byBc.computeIfAbsent(t[2] * 64 + t[3], k -> new ArrayList<>()).add(t);
        }
        boolean transpose = false;
        for (List<int[]> list : byBc.values()) {
            int[] es = list.stream().mapToInt(t -> t[4]).distinct().sorted().toArray();
            Group grp = new Group(list.get(0)[2], list.get(0)[3], es);
            for (int[] t : list) {
                grp.members.add(new int[] {t[0], t[1], java.util.Arrays.binarySearch(es, t[4])});
            }
            transpose |= grp.c > 0;
            groups.add(grp);
        }
        needsTranspose = transpose;
        plan.compile();
    }

    private void classify(InvariantGraph c, int id, List<int[]> twoVertex) {
        int[][] edges = c.edges();
        if (c.vertexCount() == 1) {
            oneVertex.add(new int[] {id, c.degree()});
        } else if (c.vertexCount() == 2) {
            int[] e = {id, 0, 0, 0, 0};
            for (int[] x : edges) {
                e[1 + 2 * x[0] + x[1]]++;
            }
            twoVertex.add(e);
        } else if (c.vertexCount() == 3 && edges.length == 2 && edges[0][0] != edges[0][1]
                && edges[1][0] != edges[1][1]) {
            int kind;
            if (edges[0][0] == edges[1][0]) {
                kind = 0; // Σ_ijk M_ij M_ik = R·R
            } else if (edges[0][1] == edges[1][1]) {
                kind = 1; // Σ_ijk M_ij M_kj = C·C
            } else {
                kind = 2; // Σ_ijk M_ij M_jk = C·R
            }
            trees.add(new int[] {id, kind});
        } else {
            int k = plan.add(c);
            if (k >= 0) {
                planned.add(new int[] {id, k});
            } else {
                general.add(id);
            }
        }
    }

    double[] evaluate(double[] m, int d) {
        return evaluate(m, d, new ProductPlan.Workspace());
    }

    /** The values on one matrix, with buffers that one thread reuses from matrix to matrix. */
    double[] evaluate(double[] m, int d, ProductPlan.Workspace workspace) {
        double[] value = new double[components.size()];
        // dpow[p][j] = d_j^p
        double[][] dpow = new double[maxPower + 1][d];
        java.util.Arrays.fill(dpow[0], 1);
        for (int j = 0; j < d; j++) {
            dpow[1][j] = m[j * d + j];
        }
        for (int p = 2; p <= maxPower; p++) {
            for (int j = 0; j < d; j++) {
                dpow[p][j] = dpow[p - 1][j] * dpow[1][j];
            }
        }
        for (int[] c : oneVertex) {
            value[c[0]] = sum(dpow[c[1]], d);
        }
        if (!groups.isEmpty()) {
            twoVertex(m, d, dpow, value);
        }
        if (!trees.isEmpty()) {
            double[] r = new double[d];
            double[] col = new double[d];
            for (int i = 0; i < d; i++) {
                int io = i * d;
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double x = m[io + j];
                    s += x;
                    col[j] += x;
                }
                r[i] = s;
            }
            for (int[] t : trees) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    s += t[1] == 0 ? r[i] * r[i] : t[1] == 1 ? col[i] * col[i] : col[i] * r[i];
                }
                value[t[0]] = s;
            }
        }
        if (plan.size() > 0) {
            double[] v = plan.evaluate(m, d, workspace);
            for (int[] p : planned) {
                value[p[0]] = v[p[1]];
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

    private void twoVertex(double[] m, int d, double[][] dpow, double[] value) {
        double[] mt = needsTranspose ? transpose(m, d) : null;
        double[] p = new double[d];
        double[][] acc = new double[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            acc[g] = new double[groups.get(g).members.size()];
        }
        double[] rowSum = new double[maxPower + 1];
        for (int i = 0; i < d; i++) {
            int io = i * d;
            for (int g = 0; g < groups.size(); g++) {
                Group grp = groups.get(g);
                // p_j = M_ij^b M_ji^c, unit stride in j for both factors
                if (grp.b > 0) {
                    System.arraycopy(m, io, p, 0, d);
                    for (int k = 1; k < grp.b; k++) {
                        for (int j = 0; j < d; j++) {
                            p[j] *= m[io + j];
                        }
                    }
                    for (int k = 0; k < grp.c; k++) {
                        for (int j = 0; j < d; j++) {
                            p[j] *= mt[io + j];
                        }
                    }
                } else {
                    System.arraycopy(mt, io, p, 0, d);
                    for (int k = 1; k < grp.c; k++) {
                        for (int j = 0; j < d; j++) {
                            p[j] *= mt[io + j];
                        }
                    }
                }
                int[] es = grp.es;
                for (int x = 0; x < es.length; x++) {
                    rowSum[x] = es[x] == 0 ? sum(p, d) : dot(p, dpow[es[x]], d);
                }
                double[] a = acc[g];
                for (int k = 0; k < a.length; k++) {
                    int[] mem = grp.members.get(k);
                    a[k] += dpow[mem[1]][i] * rowSum[mem[2]];
                }
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            Group grp = groups.get(g);
            for (int k = 0; k < acc[g].length; k++) {
                value[grp.members.get(k)[0]] = acc[g][k];
            }
        }
    }

    /** Σ_j x_j with four independent accumulators (the additions pipeline instead of waiting on one another). */
    private static double sum(double[] x, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += x[j];
            s1 += x[j + 1];
            s2 += x[j + 2];
            s3 += x[j + 3];
        }
        for (; j < n; j++) {
            s0 += x[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ_j x_j y_j with four independent accumulators. */
    private static double dot(double[] x, double[] y, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += x[j] * y[j];
            s1 += x[j + 1] * y[j + 1];
            s2 += x[j + 2] * y[j + 2];
            s3 += x[j + 3] * y[j + 3];
        }
        for (; j < n; j++) {
            s0 += x[j] * y[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The transpose of a d×d row-major matrix (MatrixProducts' blocked transpose). */
    private static double[] transpose(double[] m, int d) {
        double[] t = new double[d * d];
        MatrixProducts.transpose(m, t, d);
        return t;
    }
}
