package org.netgauss.inpca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GeodesicTest {

    @Test
    void geodesicPointsAreNormalisedDistributionsWithTheRightEnds() {
        int[] labels = {2, 0, 1};
        Predictions g = Geodesic.ignoranceToTruth(labels, 3, 5);
        for (int n = 0; n < 3; n++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(1 / 3.0, g.probability(0, n, c), 1e-15);
                assertEquals(c == labels[n] ? 1 : 0, g.probability(4, n, c), 1e-15);
            }
        }
    }

    @Test
    void progressOfAGeodesicPointIsItsParameter() {
        int[] labels = {1, 4, 7, 9, 0};
        Predictions g = Geodesic.ignoranceToTruth(labels, 10, 11);
        for (int t = 0; t <= 10; t++) {
            assertEquals(t / 10.0, Geodesic.progressToTruth(g, t, labels), 1e-6, "point " + t);
        }
    }

    @Test
    void distanceAlongTheGeodesicIsAdditiveOnlyToSecondOrder() {
        // D is a squared-distance-like quantity: D(0,1) > D(0,½) + D(½,1) on the great circle
        double theta = Geodesic.ignoranceToTruthAngle(10);
        assertTrue(Geodesic.distanceAlong(0, 1, theta)
                > Geodesic.distanceAlong(0, 0.5, theta) + Geodesic.distanceAlong(0.5, 1, theta));
    }

    @Test
    void asymmetricDistanceMatrixIsRejectedByTheEmbedding() {
        DistanceMatrix d = DistanceMatrix.of("test", new double[][] {{0, 1}, {2, 0}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Inpca.embed(d));
        assertTrue(e.getMessage().contains("symmetrise"), e.getMessage());
    }

    @Test
    void referencePointsAreAppendedAfterTheModelsAtDistanceHalfLogC() {
        int[] labels = {0, 1, 2};
        Predictions models = Geodesic.ignoranceToTruth(labels, 3, 3);
        Predictions all = Inpca.withReferencePoints(models, labels);
        assertEquals(5, all.models());
        DistanceMatrix d = Inpca.bhattacharyya(all);
        // docs/spec/hyperribbon.md §1.7: D(P0, P*) = ½ ln C
        assertEquals(0.5 * Math.log(3), d.get(3, 4), 1e-12);
        assertEquals(0, d.get(0, 3), 1e-12);
        assertEquals(0, d.get(2, 4), 1e-12);
    }
}
