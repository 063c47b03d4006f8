package org.netgauss.pigmm;

/**
 * The orthonormal irrep basis of D x D matrices under the diagonal action of S_D,
 * V_D ⊗ V_D = 2V_0 ⊕ 3V_H ⊕ V_2 ⊕ V_3 (Hirst &amp; Ramgoolam 2025, Sec. 2; docs/spec/pigmm.md §2.2–2.3).
 *
 * <p>Dimensions 1, D−1, D(D−3)/2 (partition [D−2,2]) and (D−1)(D−2)/2 (partition [D−2,1,1]); the Frobenius
 * inner product ⟨A,B⟩ = Σ A_ij B_ij. The same Helmert vectors v_m are used in all three V_H copies, so that
 * the V_H covariance is Λ_VH⁻¹ ⊗ I_{D−1}.
 */
public final class IrrepBasis {
    private IrrepBasis() {
    }

        /**
     * The decomposition V_D ⊗ V_D = 2 V₀ ⊕ 3 V_H ⊕ V₂ ⊕ V₃ of D x D matrices under S_D (docs/spec/pigmm.md §2.2) as a
     * table: each irrep's copies, dimension, what it is, its PIGMM parameters and copies × dimension (summing to D²).
     */
    public static tech.tablesaw.api.Table dimensions(int d) {
        if (d < 4) {
            throw new IllegalArgumentException("the decomposition needs D >= 4 (V_2 has dimension D(D-3)/2), found " + d);
        }
        return tech.tablesaw.api.Table.create("V_D ⊗ V_D for D = " + d,
                tech.tablesaw.api.StringColumn.create("irrep", "V0", "VH", "V2", "V3"),
                tech.tablesaw.api.IntColumn.create("copies", 2, 3, 1, 1),
                tech.tablesaw.api.IntColumn.create("dimension", 1, dimVH(d), dimV2(d), dimV3(d)),
                tech.tablesaw.api.StringColumn.create("what it is",
                        "total sum T/D; trace part (D t − T)/(D √(D−1))",
                        "column sums C, row sums R, diagonal d (each with its mean removed)",
                        "symmetric, zero diagonal, zero row sums", "antisymmetric, zero row sums"),
                tech.tablesaw.api.StringColumn.create("parameters", "f1, f2 (means); f3, f4, f5 (2×2 covariance)",
                        "f6..f11 (3×3 covariance, order c, r, d)", "f12", "f13"),
                tech.tablesaw.api.IntColumn.create("copies × dimension", 2, 3 * dimVH(d), dimV2(d), dimV3(d)));
    }

/** dim V_H = D − 1. */
    public static int dimVH(int d) {
        return d - 1;
    }

    /** dim V_2 = D(D−3)/2. */
    public static int dimV2(int d) {
        return d * (d - 3) / 2;
    }

    /** dim V_3 = (D−1)(D−2)/2. */
    public static int dimV3(int d) {
        return (d - 1) * (d - 2) / 2;
    }

    /**
     * The Helmert basis of the zero-sum vectors of ℝ^D: v_m ∝ (1, …, 1, −m, 0, …, 0) with m ones, m = 1..D−1
     * (docs/spec/pigmm.md §2.3). Row m−1 of the result is v_m.
     */
    public static double[][] helmert(int d) {
        double[][] v = new double[d - 1][d];
        for (int m = 1; m < d; m++) {
            double norm = Math.sqrt(m * (m + 1.0));
            for (int i = 0; i < m; i++) {
                v[m - 1][i] = 1 / norm;
            }
            v[m - 1][m] = -m / norm;
        }
        return v;
    }

    /** E⁰¹_ij = 1/D (docs/spec/pigmm.md §2.3), row-major. */
    public static double[] e01(int d) {
        double[] e = new double[d * d];
        java.util.Arrays.fill(e, 1.0 / d);
        return e;
    }

    /** E⁰²_ij = (δ_ij − 1/D)/√(D−1) (docs/spec/pigmm.md §2.3), row-major. */
    public static double[] e02(int d) {
        double[] e = new double[d * d];
        double s = Math.sqrt(d - 1.0);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                e[i * d + j] = ((i == j ? 1 : 0) - 1.0 / d) / s;
            }
        }
        return e;
    }

    /** Column copy E^{c,m}_ij = v_m(j)/√D (docs/spec/pigmm.md §2.3). */
    public static double[] column(double[] v, int d) {
        double[] e = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                e[i * d + j] = v[j] / Math.sqrt(d);
            }
        }
        return e;
    }

    /** Row copy E^{r,m}_ij = v_m(i)/√D (docs/spec/pigmm.md §2.3). */
    public static double[] row(double[] v, int d) {
        double[] e = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                e[i * d + j] = v[i] / Math.sqrt(d);
            }
        }
        return e;
    }

    /** Diagonal copy E^{d,m}_ij = √(D/(D−2)) [δ_ij v_m(i) − (v_m(i) + v_m(j))/D] (docs/spec/pigmm.md §2.3). */
    public static double[] diagonal(double[] v, int d) {
        double[] e = new double[d * d];
        double s = Math.sqrt(d / (d - 2.0));
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                e[i * d + j] = s * ((i == j ? v[i] : 0) - (v[i] + v[j]) / d);
            }
        }
        return e;
    }

    /**
     * Orthogonal projection onto V_3, the antisymmetric matrices with zero row sums (docs/spec/pigmm.md §2.3):
     * P₃(M) = A − (a_i − a_j)/D with A = (M − Mᵀ)/2 and a the row sums of A.
     */
    public static double[] projectV3(double[] m, int d) {
        double[] a = new double[d];
        double[] p = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double x = (m[i * d + j] - m[j * d + i]) / 2;
                p[i * d + j] = x;
                a[i] += x;
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                p[i * d + j] -= (a[i] - a[j]) / d;
            }
        }
        return p;
    }

    /**
     * Orthogonal projection onto V_2, the symmetric matrices with zero diagonal and zero row sums
     * (docs/spec/pigmm.md §2.3): X = (M + Mᵀ)/2 with zero diagonal, r its row sums, σ = Σr/(2(D−1)),
     * α_i = (r_i − σ)/(D−2), P₂(M)_ij = X_ij − α_i − α_j off the diagonal and 0 on it.
     */
    public static double[] projectV2(double[] m, int d) {
        double[] r = new double[d];
        double[] p = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                if (i != j) {
                    double x = (m[i * d + j] + m[j * d + i]) / 2;
                    p[i * d + j] = x;
                    r[i] += x;
                }
            }
        }
        double sum = 0;
        for (double x : r) {
            sum += x;
        }
        double sigma = sum / (2 * (d - 1.0));
        double[] alpha = new double[d];
        for (int i = 0; i < d; i++) {
            alpha[i] = (r[i] - sigma) / (d - 2.0);
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                p[i * d + j] = i == j ? 0 : p[i * d + j] - alpha[i] - alpha[j];
            }
        }
        return p;
    }
}
