package org.netgauss.inpca;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Dense symmetric eigendecomposition with eigenpairs sorted by |eigenvalue|, descending, as InPCA needs
 * (docs/spec/hyperribbon.md §1.3 step 2: W is indefinite, so the largest-magnitude negative eigenvalues matter as much as the
 * positive ones). Commons Math's tridiagonal QL up to {@value #LAPACK_FROM} points; above that LAPACK
 * {@code dsyev} through ND4J, which is tens of times faster at m = 3600 (a pure-Java O(m³) takes minutes).
 */
final class SymmetricEigen {
    final double[] values;
    /** vectors[i][k]: component i of the k-th eigenvector, for k < kept. */
    final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    static final int LAPACK_FROM = 400;

    static SymmetricEigen of(double[][] a, int kept) {
        if (a.length >= LAPACK_FROM) {
            return lapack(a, kept);
        }
        try {
            return commonsMath(a, kept);
        } catch (org.apache.commons.math3.exception.MaxCountExceededException e) {
            // Commons Math's QL gives up on some low-rank W with eigenvalues over many decades (e.g. linear-model
            // trajectories, docs/spec/hyperribbon.md §3); LAPACK's dsyev does not
            return lapack(a, kept);
        }
    }

    /** LAPACK through ND4J (float64): eigenvalues ascending, eigenvectors in the columns of the overwritten copy. */
    static SymmetricEigen lapack(double[][] a, int kept) {
        int n = a.length;
        org.nd4j.linalg.api.ndarray.INDArray m = org.nd4j.linalg.factory.Nd4j.create(a);
        org.nd4j.linalg.api.ndarray.INDArray vals =
                org.nd4j.linalg.eigen.Eigen.symmetricGeneralizedEigenvalues(m, true);
        return sorted(vals.toDoubleVector(), k -> m.getColumn(k).toDoubleVector(), n, kept);
    }

    static SymmetricEigen commonsMath(double[][] a, int kept) {
        int n = a.length;
        // copy: a failed decomposition must leave a intact for the LAPACK fallback
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(a, true));
        return sorted(eig.getRealEigenvalues(), k -> eig.getEigenvector(k).toArray(), n, kept);
    }

    private static SymmetricEigen sorted(double[] raw, java.util.function.IntFunction<double[]> vector, int n,
                                         int kept) {
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -Math.abs(raw[k])));
        double[] values = new double[n];
        double[][] vectors = new double[n][kept];
        for (int k = 0; k < n; k++) {
            values[k] = raw[order[k]];
            if (k < kept) {
                double[] v = vector.apply(order[k]);
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
