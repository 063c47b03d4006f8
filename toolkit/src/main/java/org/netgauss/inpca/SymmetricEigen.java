package org.netgauss.inpca;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Dense symmetric eigendecomposition with eigenpairs sorted by |eigenvalue|, descending, as InPCA needs
 * (spec §1.3 step 2: W is indefinite, so the largest-magnitude negative eigenvalues matter as much as the
 * positive ones). Backed by Commons Math's tridiagonal QL; fine to a few thousand points.
 */
final class SymmetricEigen {
    final double[] values;
    /** vectors[i][k]: component i of the k-th eigenvector, for k < kept. */
    final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    static SymmetricEigen of(double[][] a, int kept) {
        int n = a.length;
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(a, false));
        double[] raw = eig.getRealEigenvalues();
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -Math.abs(raw[k])));
        double[] values = new double[n];
        double[][] vectors = new double[n][kept];
        for (int k = 0; k < n; k++) {
            values[k] = raw[order[k]];
            if (k < kept) {
                double[] v = eig.getEigenvector(order[k]).toArray();
                // fix the sign so results are reproducible: largest-magnitude component positive
                int big = 0;
                for (int i = 1; i < n; i++) {
                    if (Math.abs(v[i]) > Math.abs(v[big])) {
                        big = i;
                    }
                }
                double sign = v[big] < 0 ? -1 : 1;
                for (int i = 0; i < n; i++) {
                    vectors[i][k] = sign * v[i];
                }
            }
        }
        return new SymmetricEigen(values, vectors);
    }
}
