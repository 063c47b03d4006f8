package org.netgauss.perturbative.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netgauss.invariants.InvariantGraph;

/**
 * An invariant rewritten as a sum over its free indices of a product of linear-form atoms (docs/spec/perturbative.md
 * §3.3): the entry E_ab = M_ab, the row sum R_a = Σ_x M_ax, the column sum C_b = Σ_x M_xb, the trace t = Σ_x M_xx
 * and the total T = Σ_xy M_xy.
 *
 * <p>The rewriting is exact: a component with one edge is t (a loop) or T; in a larger component an edge a → b whose
 * end b has no other edge is summed out into R_a, and one whose start a has no other edge into C_b. What stays are
 * the free indices, at most 4 for I1..I52, so that the pattern sums over pairs of invariants stay small.
 *
 * @param vertices the number of free indices, labelled 0..vertices−1
 * @param atoms    each atom as {type, a, b}; {@link #ENTRY} uses a and b, {@link #ROW} a, {@link #COLUMN} b
 */
public record AtomForm(int vertices, int[][] atoms) {
    /** Atom types. */
    public static final int ENTRY = 0, ROW = 1, COLUMN = 2, TRACE = 3, TOTAL = 4;

    /** Copies the atoms in. */
    public AtomForm {
        atoms = copy(atoms);
    }

    /** The atoms as {type, a, b}, copied out. */
    @Override
    public int[][] atoms() {
        return copy(atoms);
    }

    /** The number of atoms (linear forms) in the product. */
    public int size() {
        return atoms.length;
    }

    /** The atom form of an invariant graph. */
    public static AtomForm of(InvariantGraph g) {
        int[][] edges = g.edges();
        int v = g.vertexCount();
        int[] incidences = new int[v];
        for (int[] e : edges) {
            incidences[e[0]]++;
            incidences[e[1]]++;
        }
        List<int[]> atoms = new ArrayList<>();
        Map<Integer, Integer> free = new HashMap<>();
        for (InvariantGraph c : g.components()) {
            if (c.degree() == 1) {
                atoms.add(new int[] {c.vertexCount() == 1 ? TRACE : TOTAL, -1, -1});
            }
        }
        for (int[] e : edges) {
            int a = e[0];
            int b = e[1];
            if (a == b) {
                if (incidences[a] > 2) {
                    atoms.add(new int[] {ENTRY, label(free, a), label(free, a)});
                }
                continue; // an isolated loop is a trace, counted above
            }
            boolean aLeaf = incidences[a] == 1;
            boolean bLeaf = incidences[b] == 1;
            if (aLeaf && bLeaf) {
                continue; // an isolated edge is a total, counted above
            } else if (bLeaf) {
                atoms.add(new int[] {ROW, label(free, a), -1});
            } else if (aLeaf) {
                atoms.add(new int[] {COLUMN, -1, label(free, b)});
            } else {
                atoms.add(new int[] {ENTRY, label(free, a), label(free, b)});
            }
        }
        return new AtomForm(free.size(), atoms.toArray(new int[0][]));
    }

    private static int label(Map<Integer, Integer> free, int vertex) {
        return free.computeIfAbsent(vertex, x -> free.size());
    }

    private static int[][] copy(int[][] a) {
        int[][] r = new int[a.length][];
        for (int k = 0; k < a.length; k++) {
            r[k] = a[k].clone();
        }
        return r;
    }
}
