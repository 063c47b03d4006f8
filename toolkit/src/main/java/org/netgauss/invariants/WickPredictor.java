package org.netgauss.invariants;

import java.util.List;
import org.netgauss.pigmm.PigmmCovariance;
import org.netgauss.pigmm.PigmmParameters;

/**
 * Exact expectations of invariants in a PIGMM by Wick/Isserlis contraction, for any D at a cost independent of D
 * (Hirst &amp; Ramgoolam 2025, Sec. 3; docs/spec/pigmm.md §3.2).
 *
 * <p>For a graph with vertices 1..v, ⟨Σ_{i} ∏_e M_{i_{s(e)} i_{t(e)}}⟩ = Σ_π D(D−1)…(D−|π|+1) · E_π, where π runs
 * over the set partitions of the vertices (which indices are equal), |π| is its number of blocks, and E_π is the
 * expectation for one representative assignment of distinct values to the blocks. This is exact because the mean
 * μ_ij and the covariance Cov(M_ij, M_kl) of docs/spec/pigmm.md §2.8 depend only on the equality pattern of their indices.
 * E_π is computed by Isserlis with a mean: the sum over all partitions of the k factors into singletons and pairs
 * of ∏(singleton means) · ∏(pair covariances) (4 terms for k = 3, 10 for k = 4). At most Bell(8) = 4140 patterns.
 */
public final class WickPredictor {
    private final PigmmParameters parameters;
    private final PigmmCovariance cov;
    /**
     * Mean and covariance on representative labels 0..labels−1: they depend only on the equality pattern of the
     * indices, so one table per predictor serves every partition (the O(1) closed forms of docs/spec/pigmm.md §2.8 are otherwise
     * re-evaluated thousands of times per graph). Grown on demand to the largest vertex count seen.
     */
    private int labels;
    private double[] meanTable = new double[0];
    private double[] covTable = new double[0];

    private WickPredictor(PigmmParameters parameters) {
        this.parameters = parameters;
        this.cov = parameters.covariance();
    }

    /** A predictor for the model with the given parameters. */
    public static WickPredictor of(PigmmParameters parameters) {
        return new WickPredictor(parameters);
    }

    /** The model. */
    /** The Wick expectations of {@code graphs} as a table: label, index sum, expectation. */
    public tech.tablesaw.api.Table expectations(InvariantGraph... graphs) {
        List<InvariantGraph> g = List.of(graphs);
        return tech.tablesaw.api.Table.create("Wick expectations, D = " + parameters.d(),
                tech.tablesaw.api.StringColumn.create("invariant", g.stream().map(Invariants::label).toList()),
                tech.tablesaw.api.StringColumn.create("index sum", g.stream().map(InvariantGraph::indexSum).toList()),
                tech.tablesaw.api.DoubleColumn.create("expectation", expectations(g)));
    }

    public PigmmParameters parameters() {
        return parameters;
    }

    /** ⟨g⟩ in the model, exact for any D. */
    public double expectation(InvariantGraph g) {
        if (g.degree() > 6) {
            throw new IllegalArgumentException("Wick predictions support degree <= 6, found " + g.degree());
        }
        int v = g.vertexCount();
        int[][] edges = g.edges();
        int[] rgs = new int[v];
        synchronized (this) {
            ensureTables(v);
            return sum(edges, rgs, 1, 1);
        }
    }

    /** ⟨g⟩ for each graph of a list. */
    public double[] expectations(List<InvariantGraph> graphs) {
        double[] r = new double[graphs.size()];
        for (int k = 0; k < r.length; k++) {
            r[k] = expectation(graphs.get(k));
        }
        return r;
    }

    private void ensureTables(int v) {
        if (v <= labels) {
            return;
        }
        int l = v;
        double[] m = new double[l * l];
        double[] c = new double[l * l * l * l];
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < l; j++) {
                m[i * l + j] = cov.mean(i, j);
                for (int k = 0; k < l; k++) {
                    for (int q = 0; q < l; q++) {
                        c[((i * l + j) * l + k) * l + q] = cov.covariance(i, j, k, q);
                    }
                }
            }
        }
        labels = l;
        meanTable = m;
        covTable = c;
    }

    /** Sum over set partitions of the vertices (restricted growth strings; rgs[0] = 0). */
    private double sum(int[][] edges, int[] rgs, int pos, int blocks) {
        if (pos >= rgs.length) {
            double weight = fallingFactorial(parameters.d(), blocks);
            return weight == 0 ? 0 : weight * isserlis(edges, rgs);
        }
        double s = 0;
        for (int b = 0; b <= blocks; b++) {
            rgs[pos] = b;
            s += sum(edges, rgs, pos + 1, Math.max(blocks, b + 1));
        }
        return s;
    }

    private static double fallingFactorial(int d, int n) {
        double r = 1;
        for (int k = 0; k < n; k++) {
            r *= d - k;
        }
        return r;
    }

    /** E[∏_e M_{rgs(s_e), rgs(t_e)}] by Isserlis with a mean. */
    private double isserlis(int[][] edges, int[] rgs) {
        int k = edges.length;
        int[] row = new int[k];
        int[] col = new int[k];
        double[] mean = new double[k];
        for (int e = 0; e < k; e++) {
            row[e] = rgs[edges[e][0]];
            col[e] = rgs[edges[e][1]];
            mean[e] = meanTable[row[e] * labels + col[e]];
        }
        double[][] c = new double[k][k];
        int l = labels;
        for (int a = 0; a < k; a++) {
            int ra = (row[a] * l + col[a]) * l;
            for (int b = a + 1; b < k; b++) {
                c[a][b] = covTable[(ra + row[b]) * l + col[b]];
            }
        }
        return pairings(mean, c, (1 << k) - 1);
    }

    /** Σ over partitions of the set {@code left} into singletons and pairs. */
    private static double pairings(double[] mean, double[][] c, int left) {
        if (left == 0) {
            return 1;
        }
        int a = Integer.numberOfTrailingZeros(left);
        int rest = left & ~(1 << a);
        double s = mean[a] * pairings(mean, c, rest);
        for (int r = rest; r != 0; r &= r - 1) {
            int b = Integer.numberOfTrailingZeros(r);
            s += c[a][b] * pairings(mean, c, rest & ~(1 << b));
        }
        return s;
    }
}
