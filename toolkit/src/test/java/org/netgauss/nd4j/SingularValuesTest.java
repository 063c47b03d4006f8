package org.netgauss.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SingularValuesTest {
    @Test
    void aDiagonalMatrixHasItsAbsoluteDiagonalInDescendingOrder() {
        INDArray e = Nd4j.create(new double[] {1, 0, 0, 0, -3, 0, 0, 0, 2}, new long[] {1, 3, 3});
        assertArrayEquals(new double[] {3, 2, 1}, SingularValues.of(e).getRow(0).toDoubleVector(), 1e-12);
    }

    @Test
    void aRotationTimesADiagonalKeepsTheDiagonalsValues() {
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        // member 0: R·diag(5, 0.5); member 1: diag(1, 1), both as float32 as checkpoints are
        INDArray e = Nd4j.create(new float[] {(float) (5 * c), (float) (-0.5 * s), (float) (5 * s), (float) (0.5 * c),
                1, 0, 0, 1}, new long[] {2, 2, 2});
        INDArray sv = SingularValues.of(e);
        assertEquals(DataType.DOUBLE, sv.dataType());
        assertArrayEquals(new long[] {2, 2}, sv.shape());
        assertArrayEquals(new double[] {5, 0.5}, sv.getRow(0).toDoubleVector(), 1e-5);
        assertArrayEquals(new double[] {1, 1}, sv.getRow(1).toDoubleVector(), 1e-6);
    }

    @Test
    void theSquaresSumToTheFrobeniusNorm() {
        INDArray e = Nd4j.randn(7L, new long[] {3, 6, 6}).castTo(DataType.DOUBLE);
        INDArray sv = SingularValues.of(e);
        for (int m = 0; m < 3; m++) {
            double frob = e.get(org.nd4j.linalg.indexing.NDArrayIndex.point(m)).norm2Number().doubleValue();
            double sum = 0;
            double[] row = sv.getRow(m).toDoubleVector();
            for (int k = 0; k < row.length; k++) {
                sum += row[k] * row[k];
                assertTrue(k == 0 || row[k] <= row[k - 1], "descending");
            }
            assertEquals(frob * frob, sum, 1e-9 * frob * frob);
        }
    }

    @Test
    void aMatrixThatIsNotAnEnsembleIsRefused() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> SingularValues.of(Nd4j.create(DataType.DOUBLE, 4, 4)));
        assertTrue(ex.getMessage().contains("[4, 4]"), ex.getMessage());
    }
}
