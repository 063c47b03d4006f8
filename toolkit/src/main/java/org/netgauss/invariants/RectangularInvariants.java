package org.netgauss.invariants;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Invariants of M x N matrices under S_M x S_N (rows and columns permuted independently; docs/spec/pigmm.md §6): bipartite
 * multigraphs with k edges from row vertices to column vertices, up to isomorphisms that keep the two sides.
 * There are 1, 4, 10, 33 of degree 1..4 (docs/spec/pigmm.md §6, Burnside count). The degree-2 ones are ‖X‖², R·R, C·C and T².
 *
 * <p>Canonical form as in {@link InvariantGraph}, with rows and columns relabelled separately by first appearance.
 * Names read {@code "r0c0,r0c1"} for Σ X_ij X_ik (= R·R).
 */
public final class RectangularInvariants {
    private RectangularInvariants() {
    }

    /** Canonical names of all S_M x S_N invariants of the given degree (1..5), sorted. */
    public static List<String> enumerate(int degree) {
        if (degree < 1 || degree > 5) {
            throw new IllegalArgumentException("degrees 1..5 are supported, asked for " + degree);
        }
        TreeSet<String> out = new TreeSet<>();
        int[] rows = new int[degree];
        List<int[]> rgs = new ArrayList<>();
        growth(rows, 1, 1, rgs);
        for (int[] r : rgs) {
            for (int[] c : rgs) {
                out.add(canonical(r, c));
            }
        }
        return List.copyOf(out);
    }

    private static void growth(int[] a, int pos, int blocks, List<int[]> out) {
        if (pos >= a.length) {
            out.add(a.clone());
            return;
        }
        for (int b = 0; b <= blocks; b++) {
            a[pos] = b;
            growth(a, pos + 1, Math.max(blocks, b + 1), out);
        }
    }

    /** Least code over edge orderings; edge e joins row r[e] to column c[e]. */
    static String canonical(int[] r, int[] c) {
        int k = r.length;
        int[] order = new int[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        int[][] best = {null};
        permute(order, 0, r, c, best);
        StringBuilder b = new StringBuilder();
        for (int e = 0; e < k; e++) {
            b.append(e == 0 ? "" : ",").append('r').append(best[0][2 * e]).append('c').append(best[0][2 * e + 1]);
        }
        return b.toString();
    }

    private static void permute(int[] order, int pos, int[] r, int[] c, int[][] best) {
        if (pos == order.length) {
            int[] rl = new int[order.length];
            int[] cl = new int[order.length];
            Arrays.fill(rl, -1);
            Arrays.fill(cl, -1);
            int nr = 0;
            int nc = 0;
            int[] code = new int[2 * order.length];
            for (int e = 0; e < order.length; e++) {
                int x = r[order[e]];
                int y = c[order[e]];
                if (rl[x] < 0) {
                    rl[x] = nr++;
                }
                if (cl[y] < 0) {
                    cl[y] = nc++;
                }
                code[2 * e] = rl[x];
                code[2 * e + 1] = cl[y];
            }
            if (best[0] == null || Arrays.compare(code, best[0]) < 0) {
                best[0] = code;
            }
            return;
        }
        for (int i = pos; i < order.length; i++) {
            int t = order[pos];
            order[pos] = order[i];
            order[i] = t;
            permute(order, pos + 1, r, c, best);
            order[i] = order[pos];
            order[pos] = t;
        }
    }
}
