package org.netgauss.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Singular values of every matrix of an ensemble, computed with ND4J's LAPACK: σ_k(M) = √λ_k(MᵀM), in descending
 * order. (ND4J 1.0.0-M2.1's {@code svd} op fails on the CPU backend, so the symmetric eigen-solver stands in.)
 */
public final class SingularValues {
    private SingularValues() {
    }

    /**
     * The singular values of each member of an ensemble {@code [N, rows, cols]}, as a float64 {@code [N, cols]}
     * array with each row descending (for rows &lt; cols the last cols − rows values are 0 up to rounding).
     *
     * @throws IllegalArgumentException if the array is not of rank 3
     */
    public static INDArray of(INDArray ensemble) {
        if (ensemble.rank() != 3) {
            throw new IllegalArgumentException("singular values need an ensemble [N, rows, cols]; got shape "
                    + java.util.Arrays.toString(ensemble.shape()));
        }
        int n = (int) ensemble.size(0);
        int cols = (int) ensemble.size(2);
        INDArray out = Nd4j.create(DataType.DOUBLE, n, cols);
        for (int m = 0; m < n; m++) {
            INDArray mat = ensemble.get(NDArrayIndex.point(m), NDArrayIndex.all(), NDArrayIndex.all())
                    .castTo(DataType.DOUBLE);
            double[] ev = Eigen.symmetricGeneralizedEigenvalues(mat.transpose().mmul(mat), false).toDoubleVector();
            java.util.Arrays.sort(ev);
            for (int k = 0; k < cols; k++) {
                out.putScalar(m, k, Math.sqrt(Math.max(0, ev[cols - 1 - k])));
            }
        }
        return out;
    }
}
