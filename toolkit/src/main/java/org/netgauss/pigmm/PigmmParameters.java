package org.netgauss.pigmm;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.netgauss.nd4j.Nd4jArrays;
import org.netgauss.pigmm.internal.SymmetricMatrices;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The 13 moment parameters f1..f13 of the permutation-invariant Gaussian matrix model (PIGMM) for D x D
 * matrices (Hirst &amp; Ramgoolam 2025, "Eq. 2.11"; docs/spec/pigmm.md §2.5).
 *
 * <table>
 *   <caption>meaning of f1..f13</caption>
 *   <tr><td>f1, f2</td><td>⟨S_{0,1}⟩, ⟨S_{0,2}⟩ = Λ_V0⁻¹ μ̃</td></tr>
 *   <tr><td>f3, f4, f5</td><td>Λ_V0⁻¹ entries (11), (12), (22)</td></tr>
 *   <tr><td>f6, f7, f8</td><td>Λ_VH⁻¹ entries (c,c), (c,r), (c,d)</td></tr>
 *   <tr><td>f9, f10</td><td>Λ_VH⁻¹ entries (r,r), (r,d)</td></tr>
 *   <tr><td>f11</td><td>Λ_VH⁻¹ entry (d,d)</td></tr>
 *   <tr><td>f12, f13</td><td>Λ_V2⁻¹, Λ_V3⁻¹</td></tr>
 * </table>
 *
 * The action form is S = −μ̃·S₀ + ½ S₀ᵀΛ_V0 S₀ + ½ Σ_ab (Λ_VH)_ab Σ_m S_{a,m}S_{b,m} + ½Λ_V2 q₂ + ½Λ_V3 q₃;
 * see {@link #muTilde()}, {@link #lambdaV0()}, {@link #lambdaVH()}, {@link #lambdaV2()}, {@link #lambdaV3()} and
 * {@link #fromAction}. The V_H copy order is (c, r, d) = (column, row, diagonal), as in the authors'
 * repository (docs/spec/pigmm.md §2.5, checklist item 8).
 */
public record PigmmParameters(int d, double f1, double f2, double f3, double f4, double f5, double f6, double f7,
                              double f8, double f9, double f10, double f11, double f12, double f13)
        implements GaussianMatrixModel {

    private static final String[] MEANING = {
        "<S01>", "<S02>", "Cov V0 (1,1)", "Cov V0 (1,2)", "Cov V0 (2,2)", "Cov VH (c,c)", "Cov VH (c,r)",
        "Cov VH (c,d)", "Cov VH (r,r)", "Cov VH (r,d)", "Cov VH (d,d)", "Var V2", "Var V3"};

    /** Validates D ≥ 4 and finiteness; positivity is reported by {@link #isNormalisable()}, not enforced. */
    public PigmmParameters {
        if (d < 4) {
            throw new IllegalArgumentException("the PIGMM needs D >= 4 (V_2 has dimension D(D-3)/2), found D = " + d);
        }
        double[] f = {f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13};
        for (int k = 0; k < 13; k++) {
            if (!Double.isFinite(f[k])) {
                throw new IllegalArgumentException("PIGMM parameter f" + (k + 1) + " is " + f[k]);
            }
        }
    }

    /** Parameters from an array (f1..f13) of length 13. */
    public static PigmmParameters of(int d, double... f) {
        if (f.length != 13) {
            throw new IllegalArgumentException("expected 13 parameters f1..f13, found " + f.length);
        }
        return new PigmmParameters(d, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12]);
    }

    /**
     * The simple Gaussian: IID entries of mean m and variance s², which is the point
     * f = (D m, 0, s², 0, s², s², 0, 0, s², 0, s², s², s²) (docs/spec/pigmm.md §2.8, "IID special case").
     */
    public static PigmmParameters iid(int d, double mean, double variance) {
        return new PigmmParameters(d, d * mean, 0, variance, 0, variance, variance, 0, 0, variance, 0, variance,
                variance, variance);
    }

    /**
     * The analytic reference the authors compare training against (docs/spec/pigmm.md §4, "Usage"): IID N(0, s²) with the V_0
     * variances shrunk by the biased-covariance factor (1 − 1/N),
     * f_ref = (0, 0, (1−1/N)s², 0, (1−1/N)s², s², 0, 0, s², 0, s², s², s²).
     */
    public static PigmmParameters initReference(int d, double variance, int members) {
        double v0 = (1 - 1.0 / members) * variance;
        return new PigmmParameters(d, 0, 0, v0, 0, v0, variance, 0, 0, variance, 0, variance, variance, variance);
    }

    /**
     * Parameters from the action form (docs/spec/pigmm.md §2.5): f1,f2 = Λ_V0⁻¹μ̃, the covariances are the matrix inverses of
     * Λ_V0 (2 x 2), Λ_VH (3 x 3, order c, r, d), and f12 = 1/Λ_V2, f13 = 1/Λ_V3.
     */
    public static PigmmParameters fromAction(int d, double[] muTilde, double[][] lambdaV0, double[][] lambdaVH,
                                             double lambdaV2, double lambdaV3) {
        double[][] s0 = inverse(lambdaV0, "Lambda_V0", 2);
        double[][] sh = inverse(lambdaVH, "Lambda_VH", 3);
        if (muTilde.length != 2) {
            throw new IllegalArgumentException("muTilde has 2 entries, found " + muTilde.length);
        }
        double m1 = s0[0][0] * muTilde[0] + s0[0][1] * muTilde[1];
        double m2 = s0[1][0] * muTilde[0] + s0[1][1] * muTilde[1];
        return new PigmmParameters(d, m1, m2, s0[0][0], s0[0][1], s0[1][1], sh[0][0], sh[0][1], sh[0][2], sh[1][1],
                sh[1][2], sh[2][2], 1 / lambdaV2, 1 / lambdaV3);
    }

    private static double[][] inverse(double[][] a, String name, int n) {
        if (a.length != n || a[0].length != n) {
            throw new IllegalArgumentException(name + " must be " + n + " x " + n);
        }
        RealMatrix m = MatrixUtils.createRealMatrix(a);
        if (!MatrixUtils.isSymmetric(m, 1e-12 * Math.max(1, m.getNorm()))) {
            throw new IllegalArgumentException(name + " must be symmetric");
        }
        LUDecomposition lu = new LUDecomposition(m);
        if (!lu.getSolver().isNonSingular()) {
            throw new IllegalArgumentException(name + " is singular: the covariance (its inverse) does not exist");
        }
        return lu.getSolver().getInverse().getData();
    }

    /** f1..f13 as an array of length 13 (index k−1 holds f_k). */
    public double[] toArray() {
        return new double[] {f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13};
    }

    /** f1..f13 as a float64 {@code INDArray} of shape [13] (index k−1 holds f_k). */
    public INDArray toINDArray() {
        return Nd4jArrays.create(toArray(), 13);
    }

    /** Parameters from an {@code INDArray} of 13 values f1..f13 (any float dtype, any shape holding 13 values). */
    public static PigmmParameters of(int d, INDArray f) {
        return of(d, Nd4jArrays.doubles(f));
    }

    /** f_k for k = 1..13. */
    public double f(int k) {
        if (k < 1 || k > 13) {
            throw new IllegalArgumentException("parameters are f1..f13, asked for f" + k);
        }
        return toArray()[k - 1];
    }

    /** Mean of (S_{0,1}, S_{0,2}) = (f1, f2). */
    public double[] meanV0() {
        return new double[] {f1, f2};
    }

    /** Σ_V0 = Λ_V0⁻¹ = [[f3, f4], [f4, f5]]. */
    public double[][] sigmaV0() {
        return new double[][] {{f3, f4}, {f4, f5}};
    }

    /** Σ_VH = Λ_VH⁻¹ = [[f6, f7, f8], [f7, f9, f10], [f8, f10, f11]] in copy order (c, r, d). */
    public double[][] sigmaVH() {
        return new double[][] {{f6, f7, f8}, {f7, f9, f10}, {f8, f10, f11}};
    }

    /** Λ_V0 = Σ_V0⁻¹ (docs/spec/pigmm.md §2.5). */
    public double[][] lambdaV0() {
        return inverse(sigmaV0(), "Sigma_V0 = [[f3,f4],[f4,f5]]", 2);
    }

    /** Λ_VH = Σ_VH⁻¹ (docs/spec/pigmm.md §2.5), copy order (c, r, d). */
    public double[][] lambdaVH() {
        return inverse(sigmaVH(), "Sigma_VH (f6..f11)", 3);
    }

    /** Λ_V2 = 1/f12. */
    public double lambdaV2() {
        return 1 / f12;
    }

    /** Λ_V3 = 1/f13. */
    public double lambdaV3() {
        return 1 / f13;
    }

    /** μ̃ = Λ_V0 (f1, f2)ᵀ (docs/spec/pigmm.md §2.5). */
    public double[] muTilde() {
        double[][] l = lambdaV0();
        return new double[] {l[0][0] * f1 + l[0][1] * f2, l[1][0] * f1 + l[1][1] * f2};
    }

    /**
     * Whether the model is a proper Gaussian with a density: Σ_V0 and Σ_VH positive definite and f12, f13 &gt; 0
     * (docs/spec/pigmm.md §2.5). Fitted parameters are always positive semidefinite.
     */
    public boolean isNormalisable() {
        return SymmetricMatrices.isPositiveDefinite(sigmaV0()) && SymmetricMatrices.isPositiveDefinite(sigmaVH()) && f12 > 0 && f13 > 0;
    }

    /**
     * The exact model expectations ⟨I1⟩..⟨I13⟩ of the linear and quadratic invariants (docs/spec/pigmm.md §2.7; the earlier
     * forward equations of the authors' repository). With s₁ = √(D−1), s₂ = √(D−2):
     * ⟨I1⟩ = f1 + s₁f2, ⟨I2⟩ = D f1, ⟨I3⟩ = f1² + f2² + f3 + f5 + (D−1)(f6+f9+f11) + D(D−3)/2 f12 + (D−1)(D−2)/2 f13,
     * and so on as in the spec. Index k−1 holds ⟨I_k⟩.
     */
    public double[] expectedQuadraticInvariants() {
        double dd = d;
        double s1 = Math.sqrt(dd - 1);
        double s2 = Math.sqrt(dd - 2);
        double dim2 = dd * (dd - 3) / 2;
        double dim3 = (dd - 1) * (dd - 2) / 2;
        double v0 = f1 * f1 + f3;
        double diagMean = f1 + s1 * f2;
        double i12 = diagMean * diagMean + f3 + 2 * s1 * f4 + (dd - 1) * f5;
        return new double[] {
            diagMean,
            dd * f1,
            f1 * f1 + f2 * f2 + f3 + f5 + (dd - 1) * (f6 + f9 + f11) + dim2 * f12 + dim3 * f13,
            f1 * f1 + f2 * f2 + f3 + f5 + (dd - 1) * (2 * f7 + f11) + dim2 * f12 - dim3 * f13,
            f1 * f1 + s1 * f1 * f2 + f3 + s1 * f4 + (dd - 1) * (f7 + f9) + (dd - 1) * s2 * f10,
            f1 * f1 + s1 * f1 * f2 + f3 + s1 * f4 + (dd - 1) * (f7 + f6) + (dd - 1) * s2 * f8,
            dd * v0 + dd * (dd - 1) * f9,
            dd * v0 + dd * (dd - 1) * f6,
            dd * v0 + dd * (dd - 1) * f7,
            dd * dd * v0,
            i12 / dd + (dd - 1) / dd * (f6 + f9 + 2 * f7 + (dd - 2) * f11 + 2 * s2 * (f8 + f10)),
            i12,
            dd * (f1 * f1 + s1 * f1 * f2 + f3 + s1 * f4)
        };
    }

    /** Mean and covariance of the matrix entries (docs/spec/pigmm.md §2.8), for Wick contractions. */
    public PigmmCovariance covariance() {
        return new PigmmCovariance(this);
    }

    /** W₂² to another model of the same D (docs/spec/pigmm.md §4); see {@link Wasserstein}. */
    public double wasserstein2Squared(PigmmParameters other) {
        return Wasserstein.squared(this, other);
    }

    /** W₂ = √(W₂²) to another model of the same D (docs/spec/pigmm.md §4). */
    public double wasserstein2(PigmmParameters other) {
        return Math.sqrt(wasserstein2Squared(other));
    }

    /** "PIGMM". */
    @Override
    public String name() {
        return "PIGMM";
    }

    /** D. */
    @Override
    public int rows() {
        return d;
    }

    /** D. */
    @Override
    public int cols() {
        return d;
    }

    /** Number of free parameters, 13. */
    @Override
    public int parameterCount() {
        return 13;
    }

    /** This model itself. */
    @Override
    public PigmmParameters toPigmmParameters() {
        return this;
    }

    /** One matrix drawn from this model, row-major D x D; randomness only from {@code rng}. */
    @Override
    public double[] sample(RandomGenerator rng) {
        return PigmmSampler.sample(this, rng);
    }

    /** Log-density of one row-major matrix under this model (docs/spec/pigmm.md §2.5); needs {@link #isNormalisable()}. */
    @Override
    public double logLikelihood(double[] matrix) {
        return PigmmLikelihood.logDensity(this, IrrepQuadratics.of(matrix, d));
    }

    /** Σ over members of the log-density (one likelihood object for all members). */
    @Override
    public double logLikelihood(WeightEnsemble ensemble) {
        ensemble.requireSquare("PIGMM log-likelihood", d, 1);
        if (ensemble.rows() != d) {
            throw new IllegalArgumentException("model has D = " + d + ", ensemble has D = " + ensemble.rows());
        }
        PigmmLikelihood likelihood = new PigmmLikelihood(this);
        double s = 0;
        for (int n = 0; n < ensemble.members(); n++) {
            s += likelihood.logDensity(IrrepQuadratics.of(ensemble.member(n), d));
        }
        return s;
    }

    /** A table with columns parameter (f1..f13), value and meaning. */
    public Table toTable() {
        String[] names = new String[13];
        for (int k = 0; k < 13; k++) {
            names[k] = "f" + (k + 1);
        }
        return Table.create("PIGMM parameters (D = " + d + ")", StringColumn.create("parameter", names),
                DoubleColumn.create("value", toArray()), StringColumn.create("meaning", MEANING));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PigmmParameters[D=").append(d);
        double[] f = toArray();
        for (int k = 0; k < 13; k++) {
            b.append(", f").append(k + 1).append('=').append(String.format(Locale.ROOT, "%.6g", f[k]));
        }
        return b.append(']').toString();
    }
}
