package org.netgauss.invariants;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netgauss.pigmm.WeightEnsemble;

class BatchEvaluatorTest {

    @Test
    void groupedTwoVertexPassHandlesDegreeFiveAgainstIndexSum() {
        // exponents beyond the quartic ones (b + c = 5, d_j^4) go through the same (b, c) groups
        List<InvariantGraph> g = new ArrayList<>();
        for (String p : List.of("ii,ij,ij,ji,jj", "ij,ij,ij,ij,ji", "ii,ii,ii,ii,ii", "ji,jj,jj,jj,jj", "ij,ij,ij,ij,ij",
                "ij,ik,ii,jj,kk", "ij,jk,lm,no,pq")) {
            g.add(InvariantGraph.parse(p));
        }
        int d = 4;
        double[] m = new double[d * d];
        SplittableRandom rng = new SplittableRandom(5);
        for (int k = 0; k < m.length; k++) {
            m[k] = rng.nextDouble(-1, 1);
        }
        double[] batch = Invariants.evaluate(g, m, d);
        for (int k = 0; k < g.size(); k++) {
            double brute = Invariants.evaluateByIndexSum(g.get(k), m, d);
            assertEquals(brute, batch[k], 1e-12 * (1 + Math.abs(brute)), g.get(k).toString());
        }
    }

    @Test
    void parallelEnsembleEvaluationEqualsMemberByMemberBitForBit() {
        int d = 7;
        int n = 64;
        SplittableRandom rng = new SplittableRandom(6);
        double[] x = new double[n * d * d];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextGaussian();
        }
        WeightEnsemble e = WeightEnsemble.of(x, n, d, d);
        List<InvariantGraph> graphs = new ArrayList<>(Invariants.enumerate(3));
        double[][] all = Invariants.evaluate(graphs, e);
        for (int k = 0; k < n; k++) {
            assertArrayEquals(Invariants.evaluate(graphs, e.member(k), d), all[k], "member " + k);
        }
    }
}
