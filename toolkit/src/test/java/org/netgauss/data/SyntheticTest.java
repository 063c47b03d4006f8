package org.netgauss.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyntheticTest {
    @Test
    void blobsAreDeterministicForASeed() {
        assertArrayEquals(Synthetic.gaussianBlobs(90, 3, 4, 3.0, 5).features(),
                Synthetic.gaussianBlobs(90, 3, 4, 3.0, 5).features());
    }

    @Test
    void blobsAreBalancedAndShaped() {
        Dataset d = Synthetic.gaussianBlobs(100, 3, 2, 3.0, 1);
        assertEquals(100, d.size());
        assertEquals(2, d.featureCount());
        assertArrayEquals(new int[] {34, 33, 33}, d.classCounts());
    }

    @Test
    void blobsHaveUnitVariancesAroundTheirCentres() {
        // with separation 0 all centres are 0, so every feature is N(0, 1): mean ~ 0, variance ~ 1
        Dataset d = Synthetic.gaussianBlobs(20_000, 2, 1, 0.0, 9);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < d.size(); i++) {
            double x = d.feature(i, 0);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / d.size();
        double var = sumSq / d.size() - mean * mean;
        // 5 standard errors: se(mean) = 1/sqrt(n) = 0.007, se(var) = sqrt(2/n) = 0.01
        assertEquals(0.0, mean, 0.035);
        assertEquals(1.0, var, 0.05);
    }

    @Test
    void wellSeparatedBlobsAreNearestCentroidSeparable() {
        Dataset d = Synthetic.gaussianBlobs(300, 3, 5, 10.0, 2);
        double[][] c = new double[3][5];
        int[] counts = d.classCounts();
        for (int i = 0; i < d.size(); i++) {
            for (int j = 0; j < 5; j++) {
                c[d.label(i)][j] += d.feature(i, j) / counts[d.label(i)];
            }
        }
        int correct = 0;
        for (int i = 0; i < d.size(); i++) {
            int best = 0;
            double bestDist = Double.MAX_VALUE;
            for (int k = 0; k < 3; k++) {
                double dist = 0;
                for (int j = 0; j < 5; j++) {
                    dist += Math.pow(d.feature(i, j) - c[k][j], 2);
                }
                if (dist < bestDist) {
                    bestDist = dist;
                    best = k;
                }
            }
            correct += best == d.label(i) ? 1 : 0;
        }
        assertTrue(correct >= 295, correct + " of 300");
    }

    @Test
    void blobsRejectBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Synthetic.gaussianBlobs(0, 3, 2, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Synthetic.gaussianBlobs(10, 1, 2, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Synthetic.gaussianBlobs(10, 3, 2, Double.NaN, 1));
    }
}
