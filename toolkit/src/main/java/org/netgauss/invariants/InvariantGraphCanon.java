package org.netgauss.invariants;

import java.util.Arrays;

/**
 * Canonical form of a directed multigraph given by its edges: over all k! orderings of the edges, relabel
 * vertices in order of first appearance along (src₀, dst₀, src₁, dst₁, …) and keep the lexicographically least
 * code. An isomorphism maps some edge ordering of one graph to an ordering of the other with the same code, so
 * equal codes ⇔ isomorphic graphs. k! ≤ 24 for the degrees used (k ≤ 4).
 */
final class InvariantGraphCanon {
    private final int[][] edges;
    private int[] best;

    InvariantGraphCanon(int[][] edges) {
        this.edges = edges;
    }

    InvariantGraph canonical() {
        int k = edges.length;
        if (k > 8) {
            throw new IllegalArgumentException("invariants of degree " + k + " > 8 are not supported");
        }
        int[] order = new int[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        permute(order, 0);
        int v = 0;
        for (int x : best) {
            v = Math.max(v, x + 1);
        }
        return InvariantGraph.fromCanonical(v, best);
    }

    private void permute(int[] order, int pos) {
        if (pos == order.length) {
            consider(order);
            return;
        }
        for (int i = pos; i < order.length; i++) {
            swap(order, pos, i);
            permute(order, pos + 1);
            swap(order, pos, i);
        }
    }

    private void consider(int[] order) {
        int[] code = new int[2 * order.length];
        int[] label = new int[64];
        Arrays.fill(label, -1);
        int next = 0;
        for (int e = 0; e < order.length; e++) {
            for (int s = 0; s < 2; s++) {
                int v = edges[order[e]][s];
                if (v < 0 || v >= label.length) {
                    throw new IllegalArgumentException("vertex label " + v + " out of range 0..63");
                }
                if (label[v] < 0) {
                    label[v] = next++;
                }
                code[2 * e + s] = label[v];
            }
        }
        if (best == null || Arrays.compare(code, best) < 0) {
            best = code;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
