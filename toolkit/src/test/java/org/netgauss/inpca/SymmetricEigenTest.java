package org.netgauss.inpca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void lapackAndCommonsMathGiveTheSameSortedEigenpairs() {
        // an indefinite symmetric matrix, like a centred Bhattacharyya W
        int n = 40;
        SplittableRandom rng = new SplittableRandom(3);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = rng.nextDouble() - 0.5;
            }
        }
        SymmetricEigen cm = SymmetricEigen.commonsMath(copy(a), 5);
        SymmetricEigen lp = SymmetricEigen.lapack(copy(a), 5);
        for (int k = 0; k < n; k++) {
            assertEquals(cm.values[k], lp.values[k], 1e-12);
        }
        for (int k = 0; k < 5; k++) {
            for (int i = 0; i < n; i++) {
                assertEquals(cm.vectors[i][k], lp.vectors[i][k], 1e-10);
            }
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
