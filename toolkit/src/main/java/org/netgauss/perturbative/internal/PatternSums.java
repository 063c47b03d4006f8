package org.netgauss.perturbative.internal;

import java.util.Arrays;
import org.netgauss.pigmm.PigmmParameters;

/**
 * Exact Gaussian expectations and connected correlators of invariants in atom form, at a cost independent of D
 * (docs/spec/perturbative.md §3.2–3.3).
 *
 * <p>Pattern sum: Σ_{ι ∈ [D]^V} E[atoms](ι) = Σ_{π ∈ Π(V)} D(D−1)…(D−|π|+1) · E[atoms](ι_π), where π runs over the
 * set partitions of the free indices V and ι_π gives its blocks distinct values. For each pattern, Isserlis with
 * means: E[x_1…x_n] = Σ over partial matchings of ∏(pair covariances)·∏(unmatched means). The connected correlator
 * C₀(F, O) = ⟨FO⟩₀ − ⟨F⟩₀⟨O⟩₀ keeps only the matchings with at least one pair joining an atom of F to an atom of
 * O; they are enumerated directly (not as a difference, which cancels badly when ⟨F⟩₀ is large).
 */
public final class PatternSums {
    private final AtomMoments moments;
    private final int d;

    /** Pattern sums in the model with the given parameters; not thread-safe. */
    public PatternSums(PigmmParameters parameters) {
        this.moments = new AtomMoments(parameters);
        this.d = parameters.d();
    }

    /** ⟨F⟩₀. */
    public double mean(AtomForm f) {
        return sum(f.atoms(), new int[f.size()], f.vertices(), false);
    }

    /** C₀(F, O) = ⟨FO⟩₀ − ⟨F⟩₀⟨O⟩₀, as the sum over connected matchings. */
    public double connected(AtomForm f, AtomForm o) {
        int[][] a = f.atoms();
        int[][] b = o.atoms();
        int[][] all = new int[a.length + b.length][];
        int[] group = new int[all.length];
        for (int k = 0; k < a.length; k++) {
            all[k] = a[k];
        }
        for (int k = 0; k < b.length; k++) {
            int[] x = b[k].clone();
            if (x[1] >= 0) {
                x[1] += f.vertices();
            }
            if (x[2] >= 0) {
                x[2] += f.vertices();
            }
            all[a.length + k] = x;
            group[a.length + k] = 1;
        }
        return sum(all, group, f.vertices() + o.vertices(), true);
    }

    private double sum(int[][] atoms, int[] group, int vertices, boolean connectedOnly) {
        if (atoms.length > 16) {
            throw new IllegalArgumentException("pattern sums support at most 16 atoms, found " + atoms.length);
        }
        int[] rgs = new int[vertices];
        return partitions(atoms, group, rgs, 1, vertices == 0 ? 0 : 1, connectedOnly);
    }

    /** Σ over set partitions of the free indices (restricted growth strings, rgs[0] = 0). */
    private double partitions(int[][] atoms, int[] group, int[] rgs, int pos, int blocks, boolean connectedOnly) {
        if (pos >= rgs.length) {
            double weight = 1;
            for (int k = 0; k < blocks; k++) {
                weight *= d - k;
            }
            return weight == 0 ? 0 : weight * isserlis(atoms, group, rgs, connectedOnly);
        }
        double s = 0;
        for (int b = 0; b <= blocks; b++) {
            rgs[pos] = b;
            s += partitions(atoms, group, rgs, pos + 1, Math.max(blocks, b + 1), connectedOnly);
        }
        return s;
    }

    private double isserlis(int[][] atoms, int[] group, int[] rgs, boolean connectedOnly) {
        int n = atoms.length;
        int[] type = new int[n];
        int[] a = new int[n];
        int[] b = new int[n];
        double[] mean = new double[n];
        for (int k = 0; k < n; k++) {
            type[k] = atoms[k][0];
            a[k] = atoms[k][1] >= 0 ? rgs[atoms[k][1]] : -1;
            b[k] = atoms[k][2] >= 0 ? rgs[atoms[k][2]] : -1;
            mean[k] = moments.mean(type[k], a[k], b[k]);
        }
        double[][] c = new double[n][n];
        for (int x = 0; x < n; x++) {
            for (int y = x + 1; y < n; y++) {
                c[x][y] = moments.covariance(type[x], a[x], b[x], type[y], a[y], b[y]);
            }
        }
        Matchings m = new Matchings(mean, c, group);
        int full = (1 << n) - 1;
        return connectedOnly ? m.connected(full) : m.all(full);
    }

    /** Sums over partial matchings of a subset of atoms, memoised by subset. */
    private static final class Matchings {
        private final double[] mean;
        private final double[][] c;
        private final int[] group;
        private final double[] all;
        private final double[] connected;

        Matchings(double[] mean, double[][] c, int[] group) {
            this.mean = mean;
            this.c = c;
            this.group = group;
            this.all = new double[1 << mean.length];
            this.connected = new double[1 << mean.length];
            Arrays.fill(all, Double.NaN);
            Arrays.fill(connected, Double.NaN);
        }

        /** Σ over all partial matchings of the subset. */
        double all(int set) {
            if (set == 0) {
                return 1;
            }
            if (!Double.isNaN(all[set])) {
                return all[set];
            }
            int x = Integer.numberOfTrailingZeros(set);
            int rest = set & ~(1 << x);
            double s = mean[x] * all(rest);
            for (int r = rest; r != 0; r &= r - 1) {
                int y = Integer.numberOfTrailingZeros(r);
                s += c[x][y] * all(rest & ~(1 << y));
            }
            all[set] = s;
            return s;
        }

        /** Σ over the partial matchings of the subset with at least one pair joining the two groups. */
        double connected(int set) {
            if (set == 0) {
                return 0;
            }
            if (!Double.isNaN(connected[set])) {
                return connected[set];
            }
            int x = Integer.numberOfTrailingZeros(set);
            int rest = set & ~(1 << x);
            double s = mean[x] * connected(rest);
            for (int r = rest; r != 0; r &= r - 1) {
                int y = Integer.numberOfTrailingZeros(r);
                int left = rest & ~(1 << y);
                s += c[x][y] * (group[x] != group[y] ? all(left) : connected(left));
            }
            connected[set] = s;
            return s;
        }
    }
}
