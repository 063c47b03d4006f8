package org.netgauss.perturbative.internal;

import java.util.HashMap;
import java.util.Map;
import org.netgauss.pigmm.PigmmCovariance;
import org.netgauss.pigmm.PigmmParameters;

/**
 * Means and covariances of the atoms of {@link AtomForm} in a PIGMM (docs/spec/perturbative.md §3.3, "Atom means" and
 * "Atom covariances").
 *
 * <p>An atom is a sum of entries over its hidden indices (R_a = Σ_x M_ax, T = Σ_xy M_xy, …). Because the entry
 * mean and covariance of docs/spec/pigmm.md §2.8 depend only on which indices are equal, a sum over a hidden index x
 * is exact as Σ_{x ∈ labels in use} (…) + (D − #labels in use)·(… at a new label), applied one hidden index at a
 * time. This reproduces the spec's closed forms (⟨T⟩ = D f1, Cov(T, T) = D² f3, Cov(C_j, C_l) = f3 + D f6 P_jl, …)
 * without writing each of them out. Values are cached per equality pattern; an instance is not thread-safe.
 */
public final class AtomMoments {
    private final PigmmCovariance cov;
    private final int d;
    private final Map<Long, Double> means = new HashMap<>();
    private final Map<Long, Double> covariances = new HashMap<>();

    /** Atom moments in the model with the given parameters. */
    public AtomMoments(PigmmParameters parameters) {
        this.cov = parameters.covariance();
        this.d = parameters.d();
    }

    /** ⟨atom⟩ for an atom {type, a, b} with labels a, b ≥ 0 where used. */
    public double mean(int type, int a, int b) {
        int[] slots = slots(type, a, b, 0);
        long key = canonicalKey(type, slots, -1);
        Double v = means.get(key);
        if (v == null) {
            v = hiddenSum(slots, 2);
            means.put(key, v);
        }
        return v;
    }

    /** Cov(atom1, atom2) for atoms {type, a, b}. */
    public double covariance(int type1, int a1, int b1, int type2, int a2, int b2) {
        int[] s = new int[4];
        int[] first = slots(type1, a1, b1, 0);
        int[] second = slots(type2, a2, b2, 2);
        System.arraycopy(first, 0, s, 0, 2);
        System.arraycopy(second, 0, s, 2, 2);
        long key = canonicalKey(type1, s, type2);
        Double v = covariances.get(key);
        if (v == null) {
            v = hiddenSum(s, 4);
            covariances.put(key, v);
        }
        return v;
    }

    /**
     * The (row, column) slots of an atom: a label ≥ 0, or a hidden index −1 − h (h = base, base + 1) summed over
     * 0..D−1.
     */
    private static int[] slots(int type, int a, int b, int base) {
        int h0 = -1 - base;
        int h1 = -2 - base;
        return switch (type) {
            case AtomForm.ENTRY -> new int[] {a, b};
            case AtomForm.ROW -> new int[] {a, h0};
            case AtomForm.COLUMN -> new int[] {h0, b};
            case AtomForm.TRACE -> new int[] {h0, h0};
            case AtomForm.TOTAL -> new int[] {h0, h1};
            default -> throw new IllegalArgumentException("unknown atom type " + type);
        };
    }

    /** A key that depends only on the types and the equality pattern of the slots. */
    private static long canonicalKey(int type1, int[] slots, int type2) {
        long key = (type1 + 1) * 8L + (type2 + 1);
        int[] seen = new int[slots.length];
        int n = 0;
        for (int s : slots) {
            int id = -1;
            for (int k = 0; k < n; k++) {
                if (seen[k] == s) {
                    id = k;
                }
            }
            if (id < 0) {
                seen[n] = s;
                id = n++;
            }
            // hidden slots are told apart from labels by their sign
            key = key * 16 + (s < 0 ? 8 + id : id);
        }
        return key;
    }

    /**
     * Σ over the hidden slots of the entry mean (length 2) or entry covariance (length 4), assigning one hidden index
     * at a time: to a label already in use, or to one new label standing for the D − #in-use others.
     */
    private double hiddenSum(int[] slots, int length) {
        int hidden = 0;
        for (int s : slots) {
            hidden = Math.min(hidden, s);
        }
        if (hidden == 0) {
            return length == 2 ? cov.mean(slots[0], slots[1])
                    : cov.covariance(slots[0], slots[1], slots[2], slots[3]);
        }
        int target = hidden; // the most negative hidden index goes first
        int used = 0;
        int[] labels = new int[slots.length];
        for (int s : slots) {
            if (s >= 0) {
                boolean known = false;
                for (int k = 0; k < used; k++) {
                    known |= labels[k] == s;
                }
                if (!known) {
                    labels[used++] = s;
                }
            }
        }
        double sum = 0;
        int fresh = 0;
        for (int k = 0; k < used; k++) {
            fresh = Math.max(fresh, labels[k] + 1);
            sum += hiddenSum(assign(slots, target, labels[k]), length);
        }
        double weight = d - used;
        if (weight > 0) {
            sum += weight * hiddenSum(assign(slots, target, fresh), length);
        }
        return sum;
    }

    private static int[] assign(int[] slots, int hidden, int label) {
        int[] r = slots.clone();
        for (int k = 0; k < r.length; k++) {
            if (r[k] == hidden) {
                r[k] = label;
            }
        }
        return r;
    }
}
