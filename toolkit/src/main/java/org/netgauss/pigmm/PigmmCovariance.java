package org.netgauss.pigmm;

/**
 * Mean and covariance of the entries of a PIGMM matrix in the matrix basis (docs/spec/pigmm.md §2.8), each O(1) per index
 * tuple so that no D² x D² matrix is ever stored.
 *
 * <p>μ_ij = f1/D + f2 (δ_ij − 1/D)/√(D−1), and
 * Cov(M_ij, M_kl) = Σ_{a,b∈{1,2}} (Λ_V0⁻¹)_ab E⁰ᵃ_ij E⁰ᵇ_kl + Σ_{a,b∈{c,r,d}} (Λ_VH⁻¹)_ab K^{ab}(ij;kl)
 * + f12 P₂(ij;kl) + f13 P₃(ij;kl), with K^{ab}(ij;kl) = Σ_m E^{a,m}_ij E^{b,m}_kl = Σ_pq A^a_ij(p) P_pq A^b_kl(q)
 * where E^{a,m}_ij = Σ_p A^a_ij(p) v_m(p) and P_pq = δ_pq − 1/D (Hirst &amp; Ramgoolam 2025, Sec. 2; docs/spec/pigmm.md §2.3,
 * §2.8). Expanding the sums over p, q reproduces the spec's closed forms for K^{cc}, K^{cd}, K^{dd}, …
 * P₃ = (δ_ik δ_jl − δ_il δ_jk)/2 − (P_ik − P_il − P_jk + P_jl)/(2D) and
 * P₂ = 1 − P₃ − E⁰¹⊗E⁰¹ − E⁰²⊗E⁰² − (K^{cc} + K^{rr} + K^{dd}).
 *
 * <p>Indices are 0-based. The values depend only on the equality pattern of the indices, which is what makes
 * the set-partition Wick sums of {@code org.netgauss.invariants.WickPredictor} exact for any D.
 */
public final class PigmmCovariance {
    private final PigmmParameters p;
    private final int d;
    private final double s1;
    private final double sd;
    private final double[][] sigmaVH;

    PigmmCovariance(PigmmParameters p) {
        this.p = p;
        this.d = p.d();
        this.s1 = Math.sqrt(d - 1.0);
        this.sd = Math.sqrt(d / (d - 2.0));
        this.sigmaVH = p.sigmaVH();
    }

    /** The parameters this covariance belongs to. */
    public PigmmParameters parameters() {
        return p;
    }

    /** μ_ij = f1/D + f2 (δ_ij − 1/D)/√(D−1). */
    public double mean(int i, int j) {
        return p.f1() / d + p.f2() * (delta(i, j) - 1.0 / d) / s1;
    }

    /** Cov(M_ij, M_kl) as in the class comment. */
    public double covariance(int i, int j, int k, int l) {
        double e1ij = 1.0 / d;
        double e2ij = (delta(i, j) - 1.0 / d) / s1;
        double e2kl = (delta(k, l) - 1.0 / d) / s1;
        double v0 = p.f3() * e1ij * e1ij + p.f4() * (e1ij * e2kl + e2ij * e1ij) + p.f5() * e2ij * e2kl;
        double vh = 0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                if (sigmaVH[a][b] != 0) {
                    vh += sigmaVH[a][b] * k(a, i, j, b, k, l);
                }
            }
        }
        double p3 = projectorV3(i, j, k, l);
        double p2 = projectorV2(i, j, k, l);
        return v0 + vh + p.f12() * p2 + p.f13() * p3;
    }

    /** Orthogonal projector onto V_3 as a kernel: P₃(ij;kl) (docs/spec/pigmm.md §2.8). */
    public double projectorV3(int i, int j, int k, int l) {
        return (delta(i, k) * delta(j, l) - delta(i, l) * delta(j, k)) / 2
                - (pp(i, k) - pp(i, l) - pp(j, k) + pp(j, l)) / (2.0 * d);
    }

    /** Orthogonal projector onto V_2 as a kernel: P₂(ij;kl) (docs/spec/pigmm.md §2.8). */
    public double projectorV2(int i, int j, int k, int l) {
        double e1 = 1.0 / (d * (double) d);
        double e2 = (delta(i, j) - 1.0 / d) * (delta(k, l) - 1.0 / d) / (d - 1.0);
        double vh = k(0, i, j, 0, k, l) + k(1, i, j, 1, k, l) + k(2, i, j, 2, k, l);
        return delta(i, k) * delta(j, l) - projectorV3(i, j, k, l) - e1 - e2 - vh;
    }

    /**
     * K^{ab}(ij;kl) = Σ_m E^{a,m}_ij E^{b,m}_kl for copies a, b ∈ {0 = c, 1 = r, 2 = d}.
     */
    public double k(int a, int i, int j, int b, int k, int l) {
        // each E^{a,m}_ij is Σ_p coef_p v_m(idx_p) with at most two terms
        int[] ia = new int[2];
        double[] ca = new double[2];
        int na = terms(a, i, j, ia, ca);
        int[] ib = new int[2];
        double[] cb = new double[2];
        int nb = terms(b, k, l, ib, cb);
        double s = 0;
        for (int x = 0; x < na; x++) {
            for (int y = 0; y < nb; y++) {
                s += ca[x] * cb[y] * pp(ia[x], ib[y]);
            }
        }
        return s;
    }

    private int terms(int copy, int i, int j, int[] idx, double[] coef) {
        switch (copy) {
            case 0: // column copy: v_m(j)/sqrt(D)
                idx[0] = j;
                coef[0] = 1 / Math.sqrt(d);
                return 1;
            case 1: // row copy: v_m(i)/sqrt(D)
                idx[0] = i;
                coef[0] = 1 / Math.sqrt(d);
                return 1;
            default: // diagonal copy: sqrt(D/(D-2)) [delta_ij v_m(i) - (v_m(i) + v_m(j))/D]
                idx[0] = i;
                coef[0] = sd * (delta(i, j) - 1.0 / d);
                idx[1] = j;
                coef[1] = -sd / d;
                return 2;
        }
    }

    private double pp(int a, int b) {
        return delta(a, b) - 1.0 / d;
    }

    private static double delta(int a, int b) {
        return a == b ? 1 : 0;
    }
}
