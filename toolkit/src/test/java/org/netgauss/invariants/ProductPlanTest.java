package org.netgauss.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProductPlanTest {

    private static List<InvariantGraph> all348() {
        List<InvariantGraph> g = new ArrayList<>(Invariants.enumerate(3));
        g.addAll(Invariants.enumerate(4));
        assertEquals(348, g.size());
        return g;
    }

    private static double[] random(int d, long seed, double lo, double hi) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] m = new double[d * d];
        for (int k = 0; k < m.length; k++) {
            m[k] = rng.nextDouble(lo, hi);
        }
        return m;
    }

    @Test
    void everyConnectedCubicAndQuarticComponentNeedsOnlyTheSharedProducts() {
        int planned = 0;
        for (InvariantGraph g : all348()) {
            for (InvariantGraph c : g.components()) {
                assertTrue(new ProductPlan().add(c) >= 0, c.toString());
                planned++;
            }
        }
        assertTrue(planned > 348);
    }

    @Test
    void aTriangleWithTwoDiagonalsIsOutsideThePlan() {
        // K4 needs a three-index intermediate: no elimination order avoids it
        InvariantGraph k4 = InvariantGraph.parse("ij,jk,kl,li,ik,jl");
        assertEquals(-1, new ProductPlan().add(k4));
    }

    @Test
    void all348AgreeWithTheIndexSumAtSmallD() {
        List<InvariantGraph> graphs = all348();
        for (int d : new int[] {1, 2, 4}) {
            double[] m = random(d, 11 + d, -1, 1);
            double[] batch = Invariants.evaluate(graphs, m, d);
            for (int k = 0; k < graphs.size(); k++) {
                double brute = Invariants.evaluateByIndexSum(graphs.get(k), m, d);
                assertEquals(brute, batch[k], 1e-12 * (1 + Math.abs(brute)), "D = " + d + ", " + graphs.get(k));
            }
        }
    }

    /**
     * Against the existing evaluator (one {@link Contraction} per graph) for all 348 graphs; the tolerance is
     * 1e-12 of the same invariant of |M|, which bounds the sum of the absolute values of the terms. Sizes cover the
     * vector kernel's whole blocks and its row and column remainders.
     */
    @Test
    void all348AgreeWithContractionToTwelveDigits() {
        List<InvariantGraph> graphs = all348();
        for (int d : new int[] {5, 37, 64}) {
            double[] m = random(d, 40 + d, -1, 1);
            double[] abs = m.clone();
            for (int k = 0; k < abs.length; k++) {
                abs[k] = Math.abs(abs[k]);
            }
            double[] batch = Invariants.evaluate(graphs, m, d);
            for (int k = 0; k < graphs.size(); k++) {
                double ref = Contraction.evaluate(graphs.get(k), m, d);
                double scale = Contraction.evaluate(graphs.get(k), abs, d);
                assertEquals(ref, batch[k], 1e-12 * scale, "D = " + d + ", " + graphs.get(k));
            }
        }
    }

    @Test
    void positiveMatricesAgreeWithContractionToRelativeTwelveDigits() {
        List<InvariantGraph> graphs = all348();
        int d = 48;
        double[] m = random(d, 7, 0.1, 1);
        double[] batch = Invariants.evaluate(graphs, m, d);
        for (int k = 0; k < graphs.size(); k++) {
            double ref = Contraction.evaluate(graphs.get(k), m, d);
            assertEquals(ref, batch[k], 1e-12 * Math.abs(ref), graphs.get(k).toString());
        }
    }

    @Test
    void planSharesVectorsBetweenGraphs() {
        ProductPlan plan = new ProductPlan();
        int added = 0;
        for (InvariantGraph g : all348()) {
            for (InvariantGraph c : g.components()) {
                if (c.vertexCount() >= 3) {
                    plan.add(c);
                    added++;
                }
            }
        }
        // far fewer distinct vectors than planned components: most one-neighbour steps are shared
        assertTrue(plan.vectors() < added, plan.vectors() + " vectors for " + added + " components");
    }
}
