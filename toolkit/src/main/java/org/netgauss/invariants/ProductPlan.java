package org.netgauss.invariants;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates connected invariants of tree-width ≤ 2 (all of degree ≤ 4) on one matrix with at most three D³
 * products per matrix, shared by every graph: M² (= P), M·Mᵀ (= Q) and Mᵀ·M (= R). Everything else is O(D²).
 *
 * <p>Variable elimination as in {@link Contraction}, planned once symbolically. Summing out a vertex x between two
 * neighbours a, b with single plain edges and no factor on x gives one of the shared products:
 * Σ_x M_ax M_xb = P_ab, Σ_x M_ax M_bx = Q_ab, Σ_x M_xa M_xb = R_ab, Σ_x M_xa M_bx = P_ba. Summing out a vertex
 * with one neighbour a gives a vector f(a) = Σ_x u(x) X(x, a), where X is the entrywise product of the tables on
 * the edge {x, a} (M, Mᵀ, P, Pᵀ, Q, R) and u the product of x's vectors (diag M for loops, earlier f's): a dot
 * product along each row of Xᵀ, whose factors are stored too, so one O(D²) pass reading rows. A vertex alone gives Σ_x u(x). Of all elimination orders that need only the shared products, the plan
 * takes the one creating the fewest new vectors, so graphs share their vectors too (each vector is computed once
 * per matrix, by its symbolic key). For degree ≤ 4 every connected graph with three or more vertices has such an
 * order (a vertex of degree ≤ 2 without a loop always exists once the leaves are gone); {@link #supports} says
 * {@link #add} says
 * whether a given graph has one. Per matrix the vectors are computed level by level, one pass over the rows of
 * the tables per level. Sums are in a different order from the index sum, so values agree to rounding.
 */
final class ProductPlan {
    static final int M = 0;
    static final int MT = 1;
    static final int P = 2;
    static final int PT = 3;
    static final int Q = 4;
    static final int R = 5;
    private static final int[] TRANSPOSE = {MT, M, PT, P, Q, R};
    private static final int NONE = -1; // the vector of ones

    /** A vector over one index: DIAG, a product of vectors, or a one-neighbour elimination f(a) = Σ_x u(x) X(x,a). */
    private record Node(int kind, int[] children, int[] table, int level) {
    }

    private static final int DIAG = 0;
    private static final int HADAMARD = 1;
    private static final int MATVEC = 2;

    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Integer> memo = new HashMap<>();
    private final List<int[]> results = new ArrayList<>(); // per planned graph: vectors summed (NONE = D), multiplied
    private final boolean[] tablesUsed = new boolean[6];
    private List<String> dryRunKeys; // keys added during a dry run, removed afterwards
    private int maxLevel;

    ProductPlan() {
        intern("d", new Node(DIAG, new int[0], null, 0));
    }

    /**
     * Plans a connected graph; returns its index in {@link #evaluate}'s result, or −1 if it needs a D³ product
     * other than M², M·Mᵀ, Mᵀ·M (tree-width above 2, or degree above 4).
     */
    int add(InvariantGraph g) {
        int[] order = g.vertexCount() <= 6 ? bestOrder(g) : null;
        if (order == null) {
            return -1;
        }
        results.add(eliminate(g, order, tablesUsed));
        return results.size() - 1;
    }

    /** Number of planned graphs. */
    int size() {
        return results.size();
    }

    /** Number of distinct vectors computed per matrix (for tests and benchmarks). */
    int vectors() {
        return nodes.size();
    }

    private int[] bestOrder(InvariantGraph g) {
        int v = g.vertexCount();
        int[] best = null;
        int bestCost = Integer.MAX_VALUE;
        for (int[] order : permutations(v)) {
            int size = nodes.size();
            dryRunKeys = new ArrayList<>();
            int[] r = eliminate(g, order, new boolean[6]);
            int cost = 0;
            for (int k = size; k < nodes.size(); k++) {
                cost += nodes.get(k).kind() == MATVEC ? 100 * nodes.get(k).table().length : 1;
            }
            for (String key : dryRunKeys) {
                memo.remove(key);
            }
            nodes.subList(size, nodes.size()).clear();
            dryRunKeys = null;
            if (r != null && cost < bestCost) {
                bestCost = cost;
                best = order;
            }
        }
        return best;
    }

    private static List<int[]> permutations(int n) {
        List<int[]> out = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out;
    }

    private static void permute(int[] p, boolean[] used, int pos, List<int[]> out) {
        if (pos == p.length) {
            out.add(p.clone());
            return;
        }
        for (int i = 0; i < p.length; i++) {
            if (!used[i]) {
                used[i] = true;
                p[pos] = i;
                permute(p, used, pos + 1, out);
                used[i] = false;
            }
        }
    }

    /** Eliminates in the given order; the vectors whose sums multiply to the value, or null if not plannable. */
    private int[] eliminate(InvariantGraph g, int[] order, boolean[] used) {
        int v = g.vertexCount();
        List<List<Integer>> unary = new ArrayList<>();
        for (int i = 0; i < v; i++) {
            unary.add(new ArrayList<>());
        }
        Map<Long, List<Integer>> binary = new HashMap<>(); // key (a, b), a < b: tables oriented (a, b)
        for (int[] e : g.edges()) {
            if (e[0] == e[1]) {
                unary.get(e[0]).add(0); // node 0 is diag M
            } else {
                int a = Math.min(e[0], e[1]);
                binary.computeIfAbsent(key(a, Math.max(e[0], e[1])), k -> new ArrayList<>()).add(e[0] == a ? M : MT);
            }
        }
        used[M] = true;
        List<Integer> sums = new ArrayList<>();
        for (int x : order) {
            List<Integer> nb = new ArrayList<>();
            for (long k : binary.keySet()) {
                int a = (int) (k >> 32);
                int b = (int) k;
                if (a == x || b == x) {
                    nb.add(a == x ? b : a);
                }
            }
            int u = product(unary.get(x));
            if (nb.isEmpty()) {
                sums.add(u);
            } else if (nb.size() == 1) {
                int a = nb.get(0);
                // f(a) = Σ_x X(x, a) u(x) = Σ_x C(a, x) u(x) with C = Xᵀ: a dot product along a row of C, whose
                // factors (Mᵀ for M, P for Pᵀ, ...) are all stored
                int[] c = oriented(binary.remove(key(Math.min(x, a), Math.max(x, a))), x > a);
                for (int p : c) {
                    used[p] = true;
                }
                unary.get(a).add(intern("f" + Arrays.toString(c) + u, new Node(MATVEC, new int[] {u}, c, 1 + level(u))));
            } else if (nb.size() == 2 && u == NONE) {
                int a = nb.get(0);
                int b = nb.get(1);
                List<Integer> ta = binary.get(key(Math.min(x, a), Math.max(x, a)));
                List<Integer> tb = binary.get(key(Math.min(x, b), Math.max(x, b)));
                if (ta.size() != 1 || tb.size() != 1 || ta.get(0) > MT || tb.get(0) > MT) {
                    return null;
                }
                binary.remove(key(Math.min(x, a), Math.max(x, a)));
                binary.remove(key(Math.min(x, b), Math.max(x, b)));
                // view of each table oriented (x, neighbour): M or Mᵀ
                int va = x < a ? ta.get(0) : TRANSPOSE[ta.get(0)];
                int vb = x < b ? tb.get(0) : TRANSPOSE[tb.get(0)];
                int f = va == M ? (vb == M ? R : PT) : (vb == M ? P : Q); // oriented (a, b)
                used[MT] = true;
                used[f] = true;
                if (f == P || f == PT) {
                    used[P] = true;
                    used[PT] = true;
                }
                int lo = Math.min(a, b);
                binary.computeIfAbsent(key(lo, Math.max(a, b)), k -> new ArrayList<>()).add(a == lo ? f : TRANSPOSE[f]);
            } else {
                return null;
            }
        }
        return sums.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | b;
    }

    /** The tables of an edge as stored (oriented (lower, higher) vertex) or transposed; sorted. */
    private static int[] oriented(List<Integer> tables, boolean asStored) {
        int[] t = new int[tables.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = asStored ? tables.get(i) : TRANSPOSE[tables.get(i)];
        }
        Arrays.sort(t);
        return t;
    }

    private int level(int node) {
        return node == NONE ? 0 : nodes.get(node).level();
    }

    /** The entrywise product of a vertex's vectors as one node (NONE if it has none). */
    private int product(List<Integer> factors) {
        if (factors.isEmpty()) {
            return NONE;
        }
        if (factors.size() == 1) {
            return factors.get(0);
        }
        int[] c = factors.stream().mapToInt(Integer::intValue).sorted().toArray();
        int level = 0;
        for (int x : c) {
            level = Math.max(level, level(x));
        }
        return intern("h" + Arrays.toString(c), new Node(HADAMARD, c, null, level));
    }

    private int intern(String key, Node n) {
        Integer id = memo.get(key);
        if (id != null) {
            return id;
        }
        id = nodes.size();
        nodes.add(n);
        memo.put(key, id);
        if (dryRunKeys != null) {
            dryRunKeys.add(key);
        } else {
            maxLevel = Math.max(maxLevel, n.level());
        }
        return id;
    }

    // ---- evaluation ------------------------------------------------------------------------------------------

    /** Matvec nodes of one level, grouped by table: groups[level][g] = {table node ids...}. */
    private int[][][] schedule;
    private int[][] hadamards; // per level: HADAMARD node ids

    /** Fixes the plan: call once after the last {@link #add}, before {@link #evaluate}. */
    void compile() {
        schedule = new int[maxLevel + 1][][];
        hadamards = new int[maxLevel + 1][];
        for (int level = 0; level <= maxLevel; level++) {
            Map<String, List<Integer>> byTable = new java.util.LinkedHashMap<>();
            List<Integer> h = new ArrayList<>();
            for (int id = 0; id < nodes.size(); id++) {
                Node n = nodes.get(id);
                if (n.level() != level) {
                    continue;
                }
                if (n.kind() == MATVEC) {
                    byTable.computeIfAbsent(Arrays.toString(n.table()), k -> new ArrayList<>()).add(id);
                } else if (n.kind() == HADAMARD) {
                    h.add(id);
                }
            }
            schedule[level] = byTable.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                    .toArray(int[][]::new);
            hadamards[level] = h.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Buffers of one thread: the six tables, the vectors and a scratch row. */
    static final class Workspace {
        private int d = -1;
        private double[][] tables;
        private double[][] vectors;
        private double[] row;

        void ensure(int dim, int vectorCount) {
            if (d != dim || vectors.length < vectorCount) {
                d = dim;
                tables = new double[6][];
                vectors = new double[vectorCount][dim];
                row = new double[dim];
            }
        }
    }

    /** The values of the planned graphs, in the order they were added. */
    double[] evaluate(double[] m, int d, Workspace w) {
        w.ensure(d, nodes.size());
        double[][] tab = w.tables;
        tab[M] = m;
        for (int t = MT; t <= R; t++) {
            if (tablesUsed[t] && (tab[t] == null || tab[t].length != d * d)) {
                tab[t] = new double[d * d];
            }
        }
        if (tablesUsed[MT]) {
            MatrixProducts.transpose(m, tab[MT], d);
        }
        if (tablesUsed[P]) {
            MatrixProducts.multiply(m, m, tab[P], d, false);
            MatrixProducts.transpose(tab[P], tab[PT], d);
        }
        if (tablesUsed[Q]) {
            MatrixProducts.multiply(m, tab[MT], tab[Q], d, true);
        }
        if (tablesUsed[R]) {
            MatrixProducts.multiply(tab[MT], m, tab[R], d, true);
        }
        double[][] vec = w.vectors;
        for (int i = 0; i < d; i++) {
            vec[0][i] = m[i * d + i];
        }
        for (int level = 0; level <= maxLevel; level++) {
            if (schedule[level].length > 0) {
                pass(schedule[level], tab, vec, w.row, d);
            }
            for (int id : hadamards[level]) {
                int[] c = nodes.get(id).children();
                double[] out = vec[id];
                System.arraycopy(vec[c[0]], 0, out, 0, d);
                for (int k = 1; k < c.length; k++) {
                    double[] x = vec[c[k]];
                    for (int i = 0; i < d; i++) {
                        out[i] *= x[i];
                    }
                }
            }
        }
        double[] out = new double[results.size()];
        for (int g = 0; g < out.length; g++) {
            double p = 1;
            for (int u : results.get(g)) {
                p *= u == NONE ? d : sum(vec[u], d);
            }
            out[g] = p;
        }
        return out;
    }

    /** One pass over the rows a of the tables: every one-neighbour elimination of this level, as row dot products. */
    private void pass(int[][] groups, double[][] tab, double[][] vec, double[] scratch, int d) {
        for (int a = 0; a < d; a++) {
            int ao = a * d;
            for (int[] group : groups) {
                int[] t = nodes.get(group[0]).table();
                double[] r;
                int off;
                if (t.length == 1) {
                    r = tab[t[0]];
                    off = ao;
                } else {
                    double[] t0 = tab[t[0]];
                    double[] t1 = tab[t[1]];
                    for (int j = 0; j < d; j++) {
                        scratch[j] = t0[ao + j] * t1[ao + j];
                    }
                    for (int k = 2; k < t.length; k++) {
                        double[] tk = tab[t[k]];
                        for (int j = 0; j < d; j++) {
                            scratch[j] *= tk[ao + j];
                        }
                    }
                    r = scratch;
                    off = 0;
                }
                for (int id : group) { // f(a) = Σ_x C(a, x) u(x)
                    int u = nodes.get(id).children()[0];
                    vec[id][a] = u == NONE ? MatrixProducts.sum(r, off, d) : MatrixProducts.dot(r, off, vec[u], d);
                }
            }
        }
    }

    private static double sum(double[] x, int n) {
        return MatrixProducts.sum(x, 0, n);
    }
}
