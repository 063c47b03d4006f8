package org.netgauss.invariants;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.netgauss.pigmm.WeightEnsemble;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Entry point for permutation-invariant matrix observables as directed multigraphs (Hirst &amp; Ramgoolam 2025,
 * Sec. 3; docs/spec/pigmm.md §2.1, §3.1).
 *
 * <pre>{@code
 * List<InvariantGraph> quartic = Invariants.enumerate(4);     // 296 graphs
 * InvariantGraph i16 = Invariants.paper(16);                   // Σ M_ii M_ij M_jj
 * double v = Invariants.evaluate(i16, matrix, d);
 * }</pre>
 */
public final class Invariants {
    /**
     * The paper's numbering I1..I52 as index patterns (docs/spec/pigmm.md §2.1 table for I1–I13, §3.1 lists for I14–I52;
     * the order is the authors' repository's).
     */
    private static final String[] PAPER = {
        "ii", "ij",
        "ij,ij", "ij,ji", "ii,ij", "ii,ji", "ij,ik", "ij,kj", "ij,jk", "ij,kl", "ii,ii", "ii,jj", "ii,jk",
        "ii,ii,ii",
        "ii,ii,jj", "ii,ij,jj", "ii,ii,ij", "ji,ii,ii", "ii,ij,ij", "ji,ii,ij", "ji,ji,ii", "ij,ij,ij", "ij,ij,ji",
        "ii,jk,lm", "ij,jk,lm", "ij,kj,lm", "ij,ik,lm", "ij,kl,mn",
        "ii,ii,ii,ii",
        "ii,ii,ii,jj", "ii,ii,jj,jj", "ii,ii,ii,ij", "ji,ii,ii,ii", "ii,ii,ij,jj", "jj,ji,ii,ii", "ii,ii,ij,ij",
        "ji,ii,ii,ij", "ji,ji,ii,ii", "ii,ij,ij,jj", "ji,ii,ij,jj", "ii,ij,ij,ij", "ji,ii,ij,ij", "ji,ji,ii,ij",
        "ji,ji,ji,ii", "ij,ij,ij,ij", "ji,ij,ij,ij", "ji,ji,ij,ij",
        "ii,jk,lm,no", "ij,jk,lm,no", "ij,kj,lm,no", "ij,ik,lm,no", "ij,kl,mn,op"};

    private static final List<InvariantGraph> PAPER_GRAPHS;
    private static final Map<InvariantGraph, Integer> PAPER_INDEX = new HashMap<>();

    static {
        List<InvariantGraph> g = new ArrayList<>();
        for (int k = 0; k < PAPER.length; k++) {
            InvariantGraph x = InvariantGraph.parse(PAPER[k]);
            g.add(x);
            PAPER_INDEX.put(x, k + 1);
        }
        PAPER_GRAPHS = Collections.unmodifiableList(g);
    }

    private Invariants() {
    }

    /**
     * All invariants of degree k, i.e. all directed multigraphs with k edges and no isolated vertices, up to
     * isomorphism, sorted by vertex count and then canonical code. Sizes 2, 11, 52, 296 for k = 1..4 (docs/spec/pigmm.md §2.1;
     * valid as linearly independent functions for D ≥ 2k).
     */
    public static List<InvariantGraph> enumerate(int degree) {
        if (degree < 1 || degree > 5) {
            throw new IllegalArgumentException("enumeration supports degrees 1..5, asked for " + degree);
        }
        TreeSet<InvariantGraph> out = new TreeSet<>();
        int[] rgs = new int[2 * degree];
        enumerate(rgs, 1, 1, out);
        return List.copyOf(out);
    }

    /** Set partitions of the 2k edge endpoints as restricted growth strings: each is one labelled graph. */
    private static void enumerate(int[] rgs, int pos, int blocks, TreeSet<InvariantGraph> out) {
        if (pos == rgs.length) {
            int[][] edges = new int[rgs.length / 2][2];
            for (int e = 0; e < edges.length; e++) {
                edges[e][0] = rgs[2 * e];
                edges[e][1] = rgs[2 * e + 1];
            }
            out.add(InvariantGraph.of(edges));
            return;
        }
        for (int b = 0; b <= blocks; b++) {
            rgs[pos] = b;
            enumerate(rgs, pos + 1, Math.max(blocks, b + 1), out);
        }
    }

    /** Invariants of degree k with exactly v vertices (docs/spec/pigmm.md §2.1 breakdown). */
    public static List<InvariantGraph> enumerate(int degree, int vertices) {
        return enumerate(degree).stream().filter(g -> g.vertexCount() == vertices).toList();
    }

    /** The paper's invariant I_n, n = 1..52 (docs/spec/pigmm.md §2.1, §3.1). */
    public static InvariantGraph paper(int n) {
        if (n < 1 || n > PAPER_GRAPHS.size()) {
            throw new IllegalArgumentException("the paper numbers invariants I1..I52, asked for I" + n);
        }
        return PAPER_GRAPHS.get(n - 1);
    }

    /** The paper number n of a graph if it is one of I1..I52. */
    public static Optional<Integer> paperNumber(InvariantGraph g) {
        return Optional.ofNullable(PAPER_INDEX.get(g));
    }

    /** The paper's label "I16" if numbered, else the canonical name. */
    public static String label(InvariantGraph g) {
        return paperNumber(g).map(n -> "I" + n).orElse(g.name());
    }

    /** I1..I13, the linear and quadratic invariants (docs/spec/pigmm.md §2.1). */
    public static List<InvariantGraph> quadratic() {
        return PAPER_GRAPHS.subList(0, 13);
    }

    /**
     * I14..I52: the 39 cubic and quartic invariants with 1, 2, 2k−1 or 2k vertices that the paper compares with
     * the Wick predictions (docs/spec/pigmm.md §3.1).
     */
    public static List<InvariantGraph> paperCubicQuartic() {
        return PAPER_GRAPHS.subList(13, 52);
    }

    /** The invariant on one row-major D x D matrix, by contraction (at most O(D³) for degree ≤ 4). */
    public static double evaluate(InvariantGraph g, double[] matrix, int d) {
        checkMatrix(matrix, d);
        return Contraction.evaluate(g, matrix, d);
    }

    /** The invariant on every member of a square ensemble. */
    public static double[] evaluate(InvariantGraph g, WeightEnsemble ensemble) {
        if (!ensemble.isSquare()) {
            throw new IllegalArgumentException("invariants under S_D need square members, found " + ensemble);
        }
        double[] r = new double[ensemble.members()];
        for (int n = 0; n < r.length; n++) {
            r[n] = Contraction.evaluate(g, ensemble.member(n), ensemble.rows());
        }
        return r;
    }

    /**
     * Values [member][invariant] for a list of invariants, sharing connected components between them and summing
     * all one- and two-vertex components in O(D²) passes per member; members are evaluated in parallel on the
     * common fork-join pool, with results identical to a serial loop.
     */
    public static double[][] evaluate(List<InvariantGraph> graphs, WeightEnsemble ensemble) {
        if (!ensemble.isSquare()) {
            throw new IllegalArgumentException("invariants under S_D need square members, found " + ensemble);
        }
        BatchEvaluator batch = new BatchEvaluator(graphs);
        double[][] r = new double[ensemble.members()][];
        int d = ensemble.rows();
        // members are independent, so the rows are the same whichever thread computes them (bit for bit); each
        // strand of members reuses one set of D x D buffers
        int strands = Math.min(r.length, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1);
        IntStream.range(0, strands).parallel().forEach(s -> {
            ProductPlan.Workspace w = new ProductPlan.Workspace();
            for (int n = s; n < r.length; n += strands) {
                r[n] = batch.evaluate(ensemble.member(n), d, w);
            }
        });
        return r;
    }

    /** Several invariants on one row-major D x D matrix, sharing work as {@link #evaluate(List, WeightEnsemble)}. */
    public static double[] evaluate(List<InvariantGraph> graphs, double[] matrix, int d) {
        checkMatrix(matrix, d);
        return new BatchEvaluator(graphs).evaluate(matrix, d);
    }

    /**
     * The invariant by its literal index sum, O(D^v): a slow reference for tests and small D.
     */
    public static double evaluateByIndexSum(InvariantGraph g, double[] matrix, int d) {
        checkMatrix(matrix, d);
        int v = g.vertexCount();
        int[][] e = g.edges();
        int[] idx = new int[v];
        double s = 0;
        while (true) {
            double p = 1;
            for (int[] x : e) {
                p *= matrix[idx[x[0]] * d + idx[x[1]]];
            }
            s += p;
            int pos = 0;
            while (pos < v && ++idx[pos] == d) {
                idx[pos++] = 0;
            }
            if (pos == v) {
                return s;
            }
        }
    }

    /**
     * The number of invariants of each degree k = 1..maxDegree (directed multigraphs with k edges and no isolated
     * vertex, up to relabelling; 2, 11, 52, 296 for k = 1..4 when D ≥ 2k, docs/spec/pigmm.md §2.1).
     */
    public static Table counts(int maxDegree) {
        if (maxDegree < 1) {
            throw new IllegalArgumentException("degrees start at 1, found maxDegree = " + maxDegree);
        }
        int[] k = IntStream.rangeClosed(1, maxDegree).toArray();
        return Table.create("number of invariants of degree k", IntColumn.create("k", k),
                IntColumn.create("invariants", IntStream.of(k).map(d -> enumerate(d).size()).toArray()));
    }

    /** A table of invariants: label, name, degree, vertices, index sum and edge description. */
    public static Table table(List<InvariantGraph> graphs) {
        return Table.create("invariants",
                StringColumn.create("label", graphs.stream().map(Invariants::label).toList()),
                StringColumn.create("name", graphs.stream().map(InvariantGraph::name).toList()),
                IntColumn.create("degree", graphs.stream().mapToInt(InvariantGraph::degree).toArray()),
                IntColumn.create("vertices", graphs.stream().mapToInt(InvariantGraph::vertexCount).toArray()),
                StringColumn.create("index sum", graphs.stream().map(InvariantGraph::indexSum).toList()),
                StringColumn.create("graph", graphs.stream().map(InvariantGraph::describe).toList()));
    }

    private static void checkMatrix(double[] m, int d) {
        if (m.length != d * d) {
            throw new IllegalArgumentException("expected a " + d + " x " + d + " matrix (" + d * d + " values), found "
                    + m.length);
        }
    }
}
