package org.netgauss.pigmm.internal;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/** Small dense symmetric-matrix helpers (2 x 2 and 3 x 3 irrep blocks) on Commons Math. */
public final class SymmetricMatrices {
    private SymmetricMatrices() {
    }

    /**
     * The positive semidefinite square root by symmetric eigendecomposition, with negative eigenvalues clipped
     * to 0 (docs/spec/pigmm.md §4: rounding can leave tiny negative eigenvalues in a semidefinite fit).
     */
    public static double[][] sqrt(double[][] a) {
        RealMatrix m = MatrixUtils.createRealMatrix(symmetrised(a));
        EigenDecomposition e = new EigenDecomposition(m);
        double[] ev = e.getRealEigenvalues();
        RealMatrix v = e.getV();
        int n = a.length;
        double[][] r = new double[n][n];
        for (int k = 0; k < n; k++) {
            double s = Math.sqrt(Math.max(0, ev[k]));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    r[i][j] += s * v.getEntry(i, k) * v.getEntry(j, k);
                }
            }
        }
        return r;
    }

    /** Eigenvalues of a symmetric matrix. */
    public static double[] eigenvalues(double[][] a) {
        return new EigenDecomposition(MatrixUtils.createRealMatrix(symmetrised(a))).getRealEigenvalues();
    }

    /** Whether all eigenvalues are strictly positive. */
    public static boolean isPositiveDefinite(double[][] a) {
        for (double x : eigenvalues(a)) {
            if (!(x > 0)) {
                return false;
            }
        }
        return true;
    }

    /** tr(A). */
    public static double trace(double[][] a) {
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            t += a[i][i];
        }
        return t;
    }

    /** A·B. */
    public static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] r = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < m; j++) {
                    r[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return r;
    }

    /**
     * The Bures term B(A, B) = tr A + tr B − 2 tr[(A^½ B A^½)^½] of the Gaussian W₂² (docs/spec/pigmm.md §4).
     */
    public static double bures(double[][] a, double[][] b) {
        double[][] ra = sqrt(a);
        double[][] inner = multiply(multiply(ra, b), ra);
        return Math.max(0, trace(a) + trace(b) - 2 * trace(sqrt(inner)));
    }

    /** log det of a symmetric positive definite matrix. */
    public static double logDet(double[][] a) {
        double s = 0;
        for (double x : eigenvalues(a)) {
            s += Math.log(x);
        }
        return s;
    }

    /** A⁻¹ of a symmetric positive definite matrix. */
    public static double[][] inverse(double[][] a) {
        return new EigenDecomposition(MatrixUtils.createRealMatrix(symmetrised(a))).getSolver().getInverse().getData();
    }

    private static double[][] symmetrised(double[][] a) {
        int n = a.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = (a[i][j] + a[j][i]) / 2;
            }
        }
        return s;
    }
}
