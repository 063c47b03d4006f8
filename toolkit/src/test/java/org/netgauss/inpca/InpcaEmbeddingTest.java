package org.netgauss.inpca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class InpcaEmbeddingTest {

    /** The four models of docs/spec/hyperribbon.md §1.7: P0, A, B and P*ε (one-hot with zeros replaced by 1e-6, renormalised). */
    static Predictions fourModels() {
        double e = 1e-6;
        double z = 1 + 2 * e;
        double[][][] p = {
            {{1 / 3., 1 / 3., 1 / 3.}, {1 / 3., 1 / 3., 1 / 3.}},
            {{.6, .3, .1}, {.2, .6, .2}},
            {{.2, .2, .6}, {.6, .2, .2}},
            {{1 / z, e / z, e / z}, {e / z, 1 / z, e / z}},
        };
        return Predictions.of(p);
    }

    @Test
    void fourModelDistancesMatchSpec17() {
        // docs/spec/hyperribbon.md §1.7 "Four models": D rows [0, .046282, .037067, .547309], [., 0, .146064, .254279], [., ., 0, .801992]
        DistanceMatrix d = BhattacharyyaDistance.matrix(fourModels(), BhattacharyyaDistanceTest.F64);
        double[][] expected = {{0, .046282, .037067, .547309}, {0, 0, .146064, .254279}, {0, 0, 0, .801992}};
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 4; j++) {
                assertEquals(expected[i][j], d.get(i, j), 6e-7, "D[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void fourModelSpectrumHasOneTimeLikeDirectionAsInSpec17() {
        // docs/spec/hyperribbon.md §1.7: eig(W) = [0.456791, 0.006330, −0.004874, 0]; χ_1 = 0.982513, χ_2 = 0.989333
        InpcaEmbedding emb = Inpca.embed(BhattacharyyaDistance.matrix(fourModels(), BhattacharyyaDistanceTest.F64), 4);
        double[] e = emb.eigenvalues();
        assertEquals(0.456791, e[0], 1e-6);
        assertEquals(0.006330, e[1], 1e-6);
        assertEquals(-0.004874, e[2], 1e-6);
        assertEquals(0, e[3], 1e-12);
        assertArrayEquals(new int[] {1, 1, -1, 0}, emb.signature());
        assertEquals(1, emb.timeLikeCount());
        assertEquals(0.982513, emb.explainedStress(1), 1e-6);
        assertEquals(0.989333, emb.explainedStress(2), 1e-6);
        // the square root turns a rounding residue of 1e-16 in 1 − Σe²/‖W‖² into 1e-8
        assertEquals(1.0, emb.explainedStress(4), 1e-7);
    }

    @Test
    void minkowskiReconstructionWithAllComponentsIsExact() {
        // docs/spec/hyperribbon.md §1.7: exact to 1e-15 (we allow a few ulps of the largest D)
        InpcaEmbedding emb = Inpca.embed(BhattacharyyaDistance.matrix(fourModels(), BhattacharyyaDistanceTest.F64), 4);
        assertTrue(emb.reconstructionError() < 1e-15 * 1e1, "error " + emb.reconstructionError());
        assertEquals(1.0, emb.explainedDistanceFrobenius(4), 1e-14);
        assertEquals(1.0, emb.explainedDistanceL1(4), 1e-14);
    }

    @Test
    void geodesicFromIgnoranceToTruthIsASmallHyperRibbon() {
        // docs/spec/hyperribbon.md §1.7, C = 10, 11 equally spaced points: D(P0,P*) = ½ ln 10 = 1.1512925,
        // eig(W) = [1.107611, −0.108136, 0.012021, −0.001279, 0.000120, −0.000009], χ_1..4 = [0.9022, 0.9891, 0.9988, 0.9999]
        int c = 10;
        int[] labels = {0, 3, 7, 9};
        Predictions g = Geodesic.ignoranceToTruth(labels, c, 11);
        DistanceMatrix d = BhattacharyyaDistance.matrix(g, BhattacharyyaDistanceTest.F64);
        assertEquals(0.5 * Math.log(10), d.get(0, 10), 1e-12);
        assertEquals(1.1512925, d.get(0, 10), 1e-7);
        double theta = Geodesic.ignoranceToTruthAngle(c);
        assertEquals(1.2490458, theta, 1e-7);
        for (int i = 0; i < 11; i++) {
            for (int j = 0; j < 11; j++) {
                assertEquals(Geodesic.distanceAlong(i / 10.0, j / 10.0, theta), d.get(i, j), 1e-12);
            }
        }
        InpcaEmbedding emb = Inpca.embed(d, 11);
        double[] expected = {1.107611, -0.108136, 0.012021, -0.001279, 0.000120, -0.000009};
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], emb.eigenvalues()[k], 1e-6, "e_" + (k + 1));
        }
        double[] chi = {0.9022, 0.9891, 0.9988, 0.9999};
        for (int k = 0; k < chi.length; k++) {
            assertEquals(chi[k], emb.explainedStress(k + 1), 1e-4, "χ_" + (k + 1));
        }
    }

    @Test
    void float32GeodesicSpectrumAgreesWithOracleToo() {
        Predictions g = Geodesic.ignoranceToTruth(new int[] {1, 2}, 10, 11);
        InpcaEmbedding emb = Inpca.embed(BhattacharyyaDistance.matrix(g, BhattacharyyaDistanceTest.F32));
        assertEquals(1.107611, emb.eigenvalues()[0], 2e-6);
        assertEquals(-0.108136, emb.eigenvalues()[1], 2e-6);
    }

    @Test
    void projectingABasePointReproducesItsCoordinates() {
        Predictions p = Predictions.of(BhattacharyyaDistanceTest.randomSoftmax(15, 40, 6, 2, 11), 15, 40, 6);
        DistanceMatrix d = BhattacharyyaDistance.matrix(p, BhattacharyyaDistanceTest.F64);
        InpcaEmbedding emb = Inpca.embed(d, 6);
        for (int i = 0; i < 15; i++) {
            double[] x = emb.project(d.row(i));
            for (int k = 0; k < 6; k++) {
                assertEquals(emb.coordinate(i, k), x[k], 1e-10);
            }
        }
    }

    @Test
    void projectingFromPredictionsUsesCrossDistances() {
        Predictions base = Predictions.of(BhattacharyyaDistanceTest.randomSoftmax(9, 30, 5, 2, 12), 9, 30, 5);
        InpcaEmbedding emb = Inpca.embed(BhattacharyyaDistance.matrix(base), 3);
        double[][] x = Inpca.project(emb, base, base);
        for (int i = 0; i < 9; i++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(emb.coordinate(i, k), x[i][k], 1e-9);
            }
        }
    }

    @Test
    void uniformWeightsGiveTheUnweightedCoordinates() {
        Predictions p = Predictions.of(BhattacharyyaDistanceTest.randomSoftmax(12, 30, 4, 2, 13), 12, 30, 4);
        DistanceMatrix d = BhattacharyyaDistance.matrix(p, BhattacharyyaDistanceTest.F64);
        InpcaEmbedding plain = Inpca.embed(d, 5);
        double[] w = new double[12];
        java.util.Arrays.fill(w, 1.0 / 12);
        InpcaEmbedding weighted = Inpca.embedWeighted(d, w, 5);
        for (int k = 0; k < 5; k++) {
            // Mao's weighted W carries the factor ω = 1/m: eigenvalues e/m, coordinates unchanged
            assertEquals(plain.eigenvalues()[k] / 12, weighted.eigenvalues()[k], 1e-14);
            assertEquals(plain.explainedStress(k + 1), weighted.explainedStress(k + 1), 1e-12);
            for (int i = 0; i < 12; i++) {
                assertEquals(plain.coordinate(i, k), weighted.coordinate(i, k), 1e-10);
            }
        }
    }

    @Test
    void weightedEmbeddingReconstructsDistancesAndProjectsBasePoints() {
        Predictions p = Predictions.of(BhattacharyyaDistanceTest.randomSoftmax(8, 30, 4, 2, 14), 8, 30, 4);
        DistanceMatrix d = BhattacharyyaDistance.matrix(p, BhattacharyyaDistanceTest.F64);
        double[] w = {0.05, 0.05, 0.1, 0.1, 0.1, 0.2, 0.2, 0.2};
        InpcaEmbedding emb = Inpca.embedWeighted(d, w, 8);
        assertTrue(emb.reconstructionError() < 1e-13, "error " + emb.reconstructionError());
        // eigenvectors are ω-orthonormal: Σ_i ω_i V_ik² = 1 (docs/spec/hyperribbon.md §1.6 step 4)
        double[][] v = emb.eigenvectors();
        for (int k = 0; k < 7; k++) {
            double s = 0;
            for (int i = 0; i < 8; i++) {
                s += w[i] * v[i][k] * v[i][k];
            }
            assertEquals(1, s, 1e-12);
        }
        double[] x = emb.project(d.row(3));
        for (int k = 0; k < 7; k++) {
            assertEquals(emb.coordinate(3, k), x[k], 1e-10);
        }
    }

    @Test
    void weightsThatDoNotSumToOneAreRejected() {
        DistanceMatrix d = BhattacharyyaDistance.matrix(fourModels());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Inpca.embedWeighted(d, new double[] {1, 1, 1, 1}, 2));
        assertTrue(e.getMessage().contains("sum to 4"), e.getMessage());
    }

    @Test
    void spectrumTableListsSignatureAndStress() {
        InpcaEmbedding emb = Inpca.embed(BhattacharyyaDistance.matrix(fourModels()), 4);
        Table t = emb.toTable();
        assertEquals(4, t.rowCount());
        assertEquals("time-like", t.stringColumn("signature").get(2));
        assertEquals(emb.explainedStress(2), t.doubleColumn("explained stress").get(1), 1e-15);
        assertEquals(5, emb.coordinatesTable().columnCount());
        assertTrue(emb.toString().contains("time-like 1"), emb.toString());
    }
}
