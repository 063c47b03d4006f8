package org.netgauss.pigmm;

import java.util.List;
import java.util.Locale;
import org.netgauss.pigmm.internal.SymmetricMatrices;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Bhattacharyya distance between two PIGMMs of the same D in closed form, reduced per irrep the way
 * {@link Wasserstein} reduces W₂² (a netgauss extension, "beyond the papers" in issue 8; hyper-ribbon spec docs/spec/hyperribbon.md
 * §1.2 for why Bhattacharyya).
 *
 * <p>For Gaussians N(μ₁, Σ₁), N(μ₂, Σ₂) (Bhattacharyya 1943; Kailath 1967, Eq. 18; see
 * {@code org.netgauss.inpca.GaussianBhattacharyya}):
 * <pre>
 *   D_B = ⅛ Δμᵀ Σ̄⁻¹ Δμ + ½ ln( det Σ̄ / √(det Σ₁ det Σ₂) ),   Σ̄ = (Σ₁ + Σ₂)/2.
 * </pre>
 * D_B is unchanged by an orthogonal change of variables. In the orthonormal irrep basis of docs/spec/pigmm.md §2.2–2.3
 * (pigmm spec) a PIGMM's mean is (f1, f2) on V_0 and zero elsewhere, and its covariance is block diagonal:
 * Σ_V0 = [[f3, f4], [f4, f5]] on V_0, Σ_VH ⊗ I_{D−1} on the three copies of V_H, f12 I on V_2 and f13 I on
 * V_3 (Hirst &amp; Ramgoolam 2025, Sec. 2). Log-determinants of a block-diagonal matrix add, and the mean
 * lives in V_0 only, so
 * <pre>
 *   D_B = ⅛ Δfᵀ Σ̄_V0⁻¹ Δf + ½ ln(det Σ̄_V0 / √(det Σ_V0 det Σ'_V0))                   (mean, V0)
 *       + (D−1)/2 · ln(det Σ̄_VH / √(det Σ_VH det Σ'_VH))                               (VH)
 *       + D(D−3)/4 · ln(f̄12 / √(f12 f12'))  +  (D−1)(D−2)/4 · ln(f̄13 / √(f13 f13'))      (V2, V3)
 * </pre>
 * with Δf = (f1 − f1', f2 − f2') and bars the averages of the two models. Each term is ≥ 0 (AM–GM /
 * Minkowski's determinant inequality). The total grows like D² (it is a distance between distributions of
 * D² entries); {@link #intensive()} divides by D², the per-entry analogue of InPCA's mean over samples.
 *
 * @param d      matrix size D
 * @param mean   ⅛ Δfᵀ Σ̄_V0⁻¹ Δf
 * @param v0     the V_0 covariance term
 * @param vh     the V_H covariance term, multiplicity D − 1 included
 * @param v2     the V_2 term, dimension D(D−3)/2 included
 * @param v3     the V_3 term, dimension (D−1)(D−2)/2 included
 */
public record PigmmBhattacharyya(int d, double mean, double v0, double vh, double v2, double v3) {

    /**
     * The per-irrep terms of D_B between two normalisable PIGMMs.
     *
     * @throws IllegalArgumentException if the D differ or a model is not normalisable (e.g. fitted to N ≤ 2
     *                                  members, which leaves Σ_V0 singular)
     */
    public static PigmmBhattacharyya between(PigmmParameters a, PigmmParameters b) {
        if (a.d() != b.d()) {
            throw new IllegalArgumentException("Bhattacharyya distance needs PIGMMs of the same D, found D = "
                    + a.d() + " and D = " + b.d());
        }
        requireNormalisable(a, "first");
        requireNormalisable(b, "second");
        int d = a.d();
        double[][] s0 = average(a.sigmaV0(), b.sigmaV0());
        double[] df = {a.f1() - b.f1(), a.f2() - b.f2()};
        double[][] inv = SymmetricMatrices.inverse(s0);
        double maha = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                maha += df[i] * inv[i][j] * df[j];
            }
        }
        double v0 = logRatio(s0, a.sigmaV0(), b.sigmaV0()) / 2;
        double vh = (d - 1) * logRatio(average(a.sigmaVH(), b.sigmaVH()), a.sigmaVH(), b.sigmaVH()) / 2;
        double v2 = IrrepBasis.dimV2(d) * scalar(a.f12(), b.f12()) / 2;
        double v3 = IrrepBasis.dimV3(d) * scalar(a.f13(), b.f13()) / 2;
        return new PigmmBhattacharyya(d, maha / 8, v0, vh, v2, v3);
    }

    /** D_B between two PIGMMs (the {@link #total()} of {@link #between}). */
    public static double distance(PigmmParameters a, PigmmParameters b) {
        return between(a, b).total();
    }

    /**
     * Symmetric matrix of {@link #intensive()} distances between a sequence of models, e.g. the fits of one
     * layer through training, ready for {@code DistanceMatrix.of} and InPCA.
     */
    public static double[][] intensiveMatrix(List<PigmmParameters> models) {
        int m = models.size();
        double[][] out = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double v = between(models.get(i), models.get(j)).intensive();
                out[i][j] = v;
                out[j][i] = v;
            }
        }
        return out;
    }

    /** D_B = mean + v0 + vh + v2 + v3. */
    public double total() {
        return mean + v0 + vh + v2 + v3;
    }

    /** D_B / D², the distance per matrix entry. */
    public double intensive() {
        return total() / ((double) d * d);
    }

    /** One row per term, plus the total and the intensive distance. */
    public Table toTable() {
        return Table.create("Bhattacharyya distance by irrep (D = " + d + ")",
                StringColumn.create("term", "mean (V0)", "V0", "VH", "V2", "V3", "D_B", "D_B / D^2"),
                DoubleColumn.create("value", mean, v0, vh, v2, v3, total(), intensive()));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PigmmBhattacharyya[D=%d, D_B=%.6g, D_B/D^2=%.6g, mean=%.4g, V0=%.4g,"
                + " VH=%.4g, V2=%.4g, V3=%.4g]", d, total(), intensive(), mean, v0, vh, v2, v3);
    }

    private static void requireNormalisable(PigmmParameters p, String which) {
        if (!p.isNormalisable()) {
            throw new IllegalArgumentException("the " + which + " PIGMM (D = " + p.d() + ") is not normalisable"
                    + " (Σ_V0, Σ_VH positive definite and f12, f13 > 0 needed); fit it to more members");
        }
    }

    /** ln(det Σ̄ / √(det A det B)). */
    private static double logRatio(double[][] avg, double[][] a, double[][] b) {
        return SymmetricMatrices.logDet(avg) - 0.5 * (SymmetricMatrices.logDet(a) + SymmetricMatrices.logDet(b));
    }

    /** ln(((x + y)/2) / √(xy)). */
    private static double scalar(double x, double y) {
        return Math.log((x + y) / 2) - 0.5 * (Math.log(x) + Math.log(y));
    }

    private static double[][] average(double[][] a, double[][] b) {
        double[][] s = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                s[i][j] = (a[i][j] + b[i][j]) / 2;
            }
        }
        return s;
    }
}
