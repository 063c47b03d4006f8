package org.netgauss.inpca;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Closed-form Bhattacharyya distance between two Gaussians (Bhattacharyya 1943; e.g. Kailath, IEEE Trans.
 * Commun. Technol. 15, 1967, Eq. 18):
 *
 * <pre>
 *   D_B = (1/8) (μ1 − μ2)ᵀ Σ̄⁻¹ (μ1 − μ2) + ½ ln( det Σ̄ / sqrt(det Σ1 det Σ2) ),   Σ̄ = (Σ1 + Σ2)/2
 * </pre>
 *
 * For equal variances in one dimension this is {@code (μ1 − μ2)²/(8σ²)}, the per-sample distance of the
 * linear-model theory (docs/spec/hyperribbon.md §3.3). Meant for comparing fitted Gaussian models (e.g. per-irrep PIGMM
 * blocks) on the same footing as InPCA's D. Log-determinants come from Cholesky factors, so nearly
 * singular covariances lose accuracy gracefully rather than overflowing.
 */
public final class GaussianBhattacharyya {
    private GaussianBhattacharyya() {}

    /** One-dimensional case: {@code (μ1−μ2)²/(4(σ1²+σ2²)) + ½ ln((σ1²+σ2²)/(2σ1σ2))}. */
    public static double univariate(double mu1, double sigma1, double mu2, double sigma2) {
        if (!(sigma1 > 0) || !(sigma2 > 0)) {
            throw new IllegalArgumentException("standard deviations must be positive, found " + sigma1 + " and " + sigma2);
        }
        double v = sigma1 * sigma1 + sigma2 * sigma2;
        double dm = mu1 - mu2;
        return dm * dm / (4 * v) + 0.5 * Math.log(v / (2 * sigma1 * sigma2));
    }

    /**
     * General covariances (symmetric positive definite, d × d).
     *
     * @throws IllegalArgumentException on mismatched sizes or a covariance that is not positive definite
     */
    public static double distance(double[] mu1, double[][] cov1, double[] mu2, double[][] cov2) {
        int d = mu1.length;
        if (mu2.length != d || cov1.length != d || cov2.length != d) {
            throw new IllegalArgumentException("inconsistent dimensions: μ1[" + d + "], Σ1[" + cov1.length + "], μ2["
                    + mu2.length + "], Σ2[" + cov2.length + "]");
        }
        RealMatrix s1 = new Array2DRowRealMatrix(cov1);
        RealMatrix s2 = new Array2DRowRealMatrix(cov2);
        RealMatrix avg = s1.add(s2).scalarMultiply(0.5);
        CholeskyDecomposition ca = cholesky(avg, "(Σ1 + Σ2)/2");
        CholeskyDecomposition c1 = cholesky(s1, "Σ1");
        CholeskyDecomposition c2 = cholesky(s2, "Σ2");
        ArrayRealVector dm = new ArrayRealVector(mu1).subtract(new ArrayRealVector(mu2));
        double maha = dm.dotProduct(ca.getSolver().solve(dm));
        double logDet = logDet(ca) - 0.5 * (logDet(c1) + logDet(c2));
        return maha / 8 + 0.5 * logDet;
    }

    private static CholeskyDecomposition cholesky(RealMatrix m, String name) {
        try {
            return new CholeskyDecomposition(m, 1e-10, 0);
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            throw new IllegalArgumentException(name + " is not symmetric positive definite (" + e.getMessage()
                    + "); regularise it, e.g. add εI", e);
        }
    }

    private static double logDet(CholeskyDecomposition c) {
        RealMatrix l = c.getL();
        double s = 0;
        for (int i = 0; i < l.getRowDimension(); i++) {
            s += 2 * Math.log(l.getEntry(i, i));
        }
        return s;
    }
}
