package org.netgauss.invariants;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A permutation-invariant polynomial of degree k in the entries of a D x D matrix, as a directed multigraph with
 * k edges (Hirst &amp; Ramgoolam 2025, Sec. 3; docs/spec/pigmm.md §2.1): vertices are summation indices (unrestricted: they may
 * take equal values), each factor M_ij is an edge i → j; loops and parallel edges are allowed, isolated vertices
 * are not. The invariant is Σ_{i_1..i_v} ∏_{edges (a,b)} M_{i_a i_b}.
 *
 * <p>The graph is stored in canonical form: vertices 0..v−1, and the edge list is the lexicographically least
 * "first appearance" relabelling over all orderings of the edges. Two index sums are the same invariant iff
 * their canonical forms are equal. {@link #name()} is the canonical edge list, e.g. {@code "00,01,11"} for
 * Σ M_ii M_ij M_jj; it is stable across runs and versions.
 */
public final class InvariantGraph implements Comparable<InvariantGraph> {
    private final int vertices;
    private final int[] code; // 2k entries: src0, dst0, src1, dst1, ...

    private InvariantGraph(int vertices, int[] code) {
        this.vertices = vertices;
        this.code = code;
    }

    /**
     * The graph of an index pattern such as {@code "ii,ij,jj"} (Σ M_ii M_ij M_jj): one two-letter factor per edge,
     * separated by commas; any letters or digits name the indices.
     */
    public static InvariantGraph parse(String pattern) {
        String[] factors = pattern.replace(" ", "").split(",");
        Map<Character, Integer> ids = new HashMap<>();
        int[][] edges = new int[factors.length][2];
        for (int e = 0; e < factors.length; e++) {
            if (factors[e].length() != 2) {
                throw new IllegalArgumentException("factor '" + factors[e] + "' in '" + pattern
                        + "' must be two index letters, like ij for M_ij");
            }
            for (int s = 0; s < 2; s++) {
                char c = factors[e].charAt(s);
                Integer id = ids.get(c);
                if (id == null) {
                    id = ids.size();
                    ids.put(c, id);
                }
                edges[e][s] = id;
            }
        }
        return of(edges);
    }

    /** The graph with the given edges {@code {src, dst}}; vertex labels are arbitrary non-negative ints. */
    public static InvariantGraph of(int[][] edges) {
        if (edges.length == 0) {
            throw new IllegalArgumentException("an invariant needs at least one edge (factor of M)");
        }
        return new InvariantGraphCanon(edges).canonical();
    }

    static InvariantGraph fromCanonical(int vertices, int[] code) {
        return new InvariantGraph(vertices, code);
    }

    /** Degree k of the polynomial = number of edges. */
    public int degree() {
        return code.length / 2;
    }

    /** Number of vertices (summation indices). */
    public int vertexCount() {
        return vertices;
    }

    /** The edges {src, dst} in canonical order. */
    public int[][] edges() {
        int[][] e = new int[degree()][2];
        for (int k = 0; k < degree(); k++) {
            e[k][0] = code[2 * k];
            e[k][1] = code[2 * k + 1];
        }
        return e;
    }

    /** Stable name: the canonical edge list, e.g. {@code "00,01,12"}. */
    public String name() {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < degree(); k++) {
            if (k > 0) {
                b.append(',');
            }
            b.append(code[2 * k]).append(code[2 * k + 1]);
        }
        return b.toString();
    }

    /** The index sum with letters i, j, k, …, e.g. {@code "Σ M_ii M_ij M_jk"}. */
    public String indexSum() {
        String letters = "ijklmnopqrstuvwxyz";
        StringBuilder b = new StringBuilder("Σ");
        for (int k = 0; k < degree(); k++) {
            b.append(" M_").append(letters.charAt(code[2 * k])).append(letters.charAt(code[2 * k + 1]));
        }
        return b.toString();
    }

    /** A drawing-friendly description: vertex count and the edge list with arrows, e.g. "3 vertices: 0→0, 0→1, 1→2". */
    public String describe() {
        StringBuilder b = new StringBuilder().append(vertices).append(vertices == 1 ? " vertex: " : " vertices: ");
        for (int k = 0; k < degree(); k++) {
            if (k > 0) {
                b.append(", ");
            }
            b.append(code[2 * k]).append('→').append(code[2 * k + 1]);
        }
        return b.toString();
    }

    /** Graphviz DOT source for drawing. */
    public String toDot() {
        StringBuilder b = new StringBuilder("digraph \"").append(name()).append("\" {\n");
        for (int v = 0; v < vertices; v++) {
            b.append("  ").append(v).append(";\n");
        }
        for (int k = 0; k < degree(); k++) {
            b.append("  ").append(code[2 * k]).append(" -> ").append(code[2 * k + 1]).append(";\n");
        }
        return b.append("}\n").toString();
    }

    /** The connected components (weakly connected) as graphs. */
    public List<InvariantGraph> components() {
        int[] parent = new int[vertices];
        for (int v = 0; v < vertices; v++) {
            parent[v] = v;
        }
        int[][] e = edges();
        for (int[] x : e) {
            parent[find(parent, x[0])] = find(parent, x[1]);
        }
        Map<Integer, List<int[]>> groups = new HashMap<>();
        for (int[] x : e) {
            groups.computeIfAbsent(find(parent, x[0]), r -> new ArrayList<>()).add(x);
        }
        List<InvariantGraph> out = new ArrayList<>();
        for (List<int[]> g : groups.values()) {
            out.add(of(g.toArray(new int[0][])));
        }
        out.sort(null);
        return out;
    }

    private static int find(int[] p, int x) {
        while (p[x] != x) {
            x = p[x];
        }
        return x;
    }

    @Override
    public int compareTo(InvariantGraph o) {
        if (degree() != o.degree()) {
            return Integer.compare(degree(), o.degree());
        }
        if (vertices != o.vertices) {
            return Integer.compare(vertices, o.vertices);
        }
        return Arrays.compare(code, o.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InvariantGraph g && g.vertices == vertices && Arrays.equals(g.code, code);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(code);
    }

    @Override
    public String toString() {
        return "InvariantGraph[" + name() + ", " + indexSum() + "]";
    }
}
