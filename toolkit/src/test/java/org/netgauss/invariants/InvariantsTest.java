package org.netgauss.invariants;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InvariantsTest {

    private static double[] matrixA() {
        // docs/spec/pigmm.md §5.2: A_ij = ((i² + 3j + 2ij + 1) mod 7) − 3, 0-based, D = 5
        double[] a = new double[25];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                a[i * 5 + j] = ((i * i + 3 * j + 2 * i * j + 1) % 7) - 3;
            }
        }
        return a;
    }

    @Test
    void numbersOfInvariantsAre2_11_52_296() {
        // docs/spec/pigmm.md §2.1 (Burnside count and canonical enumeration)
        assertEquals(2, Invariants.enumerate(1).size());
        assertEquals(11, Invariants.enumerate(2).size());
        assertEquals(52, Invariants.enumerate(3).size());
        assertEquals(296, Invariants.enumerate(4).size());
    }

    @Test
    void vertexCountBreakdownsMatchSpec() {
        // docs/spec/pigmm.md §2.1: cubic 1, 9, 21, 16, 4, 1; quartic 1, 18, 71, 108, 71, 22, 4, 1
        int[] cubic = {1, 9, 21, 16, 4, 1};
        int[] quartic = {1, 18, 71, 108, 71, 22, 4, 1};
        for (int v = 1; v <= 6; v++) {
            assertEquals(cubic[v - 1], Invariants.enumerate(3, v).size(), "cubic with " + v + " vertices");
        }
        for (int v = 1; v <= 8; v++) {
            assertEquals(quartic[v - 1], Invariants.enumerate(4, v).size(), "quartic with " + v + " vertices");
        }
    }

    @Test
    void paperNumberingIsTheLowAndHighNodeInvariants() {
        // docs/spec/pigmm.md §3.1: I14-I28 are the cubic graphs with 1, 2, 5, 6 vertices, I29-I52 the quartic with 1, 2, 7, 8;
        // I1-I13 are all linear and quadratic invariants
        List<InvariantGraph> expected = new ArrayList<>();
        expected.addAll(Invariants.enumerate(1));
        expected.addAll(Invariants.enumerate(2));
        for (int k = 3; k <= 4; k++) {
            for (int v : new int[] {1, 2, 2 * k - 1, 2 * k}) {
                expected.addAll(Invariants.enumerate(k, v));
            }
        }
        List<InvariantGraph> paper = new ArrayList<>();
        for (int n = 1; n <= 52; n++) {
            paper.add(Invariants.paper(n));
        }
        assertEquals(52, new HashSet<>(paper).size(), "paper invariants are distinct");
        assertEquals(new HashSet<>(expected), new HashSet<>(paper));
        assertEquals(Integer.valueOf(16), Invariants.paperNumber(InvariantGraph.parse("ab,bb,aa")).orElseThrow());
    }

    @Test
    void canonicalFormIgnoresIndexNamesAndFactorOrder() {
        assertEquals(InvariantGraph.parse("ij,jk,ki"), InvariantGraph.parse("ba,cb,ac"));
        assertNotEquals(InvariantGraph.parse("ij,jk,ki"), InvariantGraph.parse("ij,jk,ik"));
        assertEquals("00,01,11", Invariants.paper(16).name());
        assertEquals("3 vertices: 0→1, 1→2", Invariants.paper(9).describe());
    }

    @Test
    void quadraticInvariantsOfMatrixAMatchSpecTestVector() {
        // docs/spec/pigmm.md §5.2: I1..I13 of A
        double[] expected = {-2, 2, 94, 16, 31, 16, 122, 40, -16, 4, 22, 4, -4};
        double[] a = matrixA();
        for (int n = 1; n <= 13; n++) {
            assertEquals(expected[n - 1], Invariants.evaluate(Invariants.paper(n), a, 5), 1e-10, "I" + n);
        }
    }

    @Test
    void contractionEqualsIndexSumForAllInvariantsUpToDegreeFourAtD4AndD5() {
        // route 1: elimination by matrix products; route 2: literal O(D^v) index sum
        for (int d : new int[] {4, 5}) {
            SplittableRandom rng = new SplittableRandom(d);
            double[] m = new double[d * d];
            for (int k = 0; k < m.length; k++) {
                m[k] = rng.nextDouble(-1, 1);
            }
            for (int k = 1; k <= 4; k++) {
                for (InvariantGraph g : Invariants.enumerate(k)) {
                    double brute = Invariants.evaluateByIndexSum(g, m, d);
                    assertEquals(brute, Invariants.evaluate(g, m, d), 1e-10 * (1 + Math.abs(brute)), g.toString());
                }
            }
        }
    }

    @Test
    void batchEvaluationEqualsOneByOneEvaluation() {
        // route 1: shared components and one O(D²) pass for 1-2 vertex components; route 2: index sum per graph
        int d = 5;
        SplittableRandom rng = new SplittableRandom(12);
        double[] m = new double[d * d];
        for (int k = 0; k < m.length; k++) {
            m[k] = rng.nextDouble(-1, 1);
        }
        List<InvariantGraph> all = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            all.addAll(Invariants.enumerate(k));
        }
        double[] batch = Invariants.evaluate(all, m, d);
        for (int g = 0; g < all.size(); g++) {
            double brute = Invariants.evaluateByIndexSum(all.get(g), m, d);
            assertEquals(brute, batch[g], 1e-10 * (1 + Math.abs(brute)), all.get(g).toString());
        }
    }

    @Test
    void quarticCycleAtD640MatchesTraceOfMatrixPower() {
        // tr(M⁴) and Σ M_ij M_jk M_kl (path) at D = 640 via an independent route: repeated products
        int d = 640;
        SplittableRandom rng = new SplittableRandom(1);
        double[] m = new double[d * d];
        for (int k = 0; k < m.length; k++) {
            m[k] = rng.nextGaussian() / Math.sqrt(d);
        }
        double[] m2 = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double a = m[i * d + k];
                for (int j = 0; j < d; j++) {
                    m2[i * d + j] += a * m[k * d + j];
                }
            }
        }
        double tr4 = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                tr4 += m2[i * d + j] * m2[j * d + i];
            }
        }
        assertEquals(tr4, Invariants.evaluate(InvariantGraph.parse("ij,jk,kl,li"), m, d), 1e-9 * Math.abs(tr4));
    }

    @Test
    void tableListsEveryGraph() {
        assertEquals(52, Invariants.table(Invariants.enumerate(3)).rowCount());
        assertTrue(Invariants.label(Invariants.paper(45)).equals("I45"));
        assertArrayEquals(new int[][] {{0, 0}}, Invariants.paper(1).edges());
    }
}
