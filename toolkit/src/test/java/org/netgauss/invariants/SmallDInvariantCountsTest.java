package org.netgauss.invariants;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * How many linearly independent invariant functions of degree k exist for D x D matrices when D is small (docs/spec/pigmm.md §2.1:
 * 2, 11, 52, 296 only for D ≥ 2k). Three routes that must agree:
 * <ol>
 *   <li><b>graphs:</b> an S_D-orbit of degree-k monomials ∏ M_{i_e j_e} is fixed by which index values coincide,
 *       i.e. by a directed multigraph with k edges on at most D vertices. So the count is the number of enumerated
 *       graphs with ≤ D vertices, the partial sums of the spec's vertex breakdowns (cubic 1, 9, 21, 16, 4, 1;
 *       quartic 1, 18, 71, 108, 71, 22, 4, 1; quadratic 1, 5, 4, 1 from I11 | I3–I6, I12 | I7–I9, I13 | I10;
 *       linear 1, 1).</li>
 *   <li><b>Burnside / Molien:</b> the dimension of the degree-k invariant polynomials in the D² entries is the number
 *       of S_D-orbits on degree-k monomials, (1/D!) Σ_σ [t^k] ∏_{cycles c of σ on (i, j)} 1/(1 − t^|c|).</li>
 *   <li><b>rank:</b> evaluate all graphs of degree k on random integer matrices and take the rank of the table. The
 *       values are exact integers in double (|value| ≤ 3⁴·D⁸ &lt; 2⁵³), and the rank is taken modulo the prime
 *       p = 10⁹ + 7: rank_p ≤ rank_Q ≤ (Burnside count), the last because every graph sum is an invariant
 *       polynomial. So rank_p = Burnside count proves rank_Q equals it, with no floating-point tolerance.</li>
 * </ol>
 */
class SmallDInvariantCountsTest {
    private static final long P = 1_000_000_007L;

    /** Expected counts, row D = 1..8, column k = 1..4 (route 1, by hand from the spec's vertex breakdowns). */
    private static final int[][] EXPECTED = {
        {1, 1, 1, 1},
        {2, 6, 10, 19},
        {2, 10, 31, 90},
        {2, 11, 47, 198},
        {2, 11, 51, 269},
        {2, 11, 52, 291},
        {2, 11, 52, 295},
        {2, 11, 52, 296},
    };

    @Test
    void graphsWithAtMostDVerticesGiveTheExpectedCounts() {
        for (int d = 1; d <= 8; d++) {
            int[] counts = new int[4];
            for (int k = 1; k <= 4; k++) {
                final int dd = d;
                counts[k - 1] = (int) Invariants.enumerate(k).stream().filter(g -> g.vertexCount() <= dd).count();
            }
            assertArrayEquals(EXPECTED[d - 1], counts, "D = " + d);
        }
    }

    @Test
    void burnsideOrbitCountsOfMonomialsEqualTheGraphCounts() {
        for (int d = 1; d <= 8; d++) {
            long[] orbits = burnside(d, 4);
            for (int k = 1; k <= 4; k++) {
                assertEquals(EXPECTED[d - 1][k - 1], orbits[k], "D = " + d + ", degree " + k);
            }
        }
    }

    @Test
    void rankOfGraphInvariantsOnRandomIntegerMatricesEqualsTheCountsForD1To5() {
        SplittableRandom rng = new SplittableRandom(2026);
        for (int d = 1; d <= 5; d++) {
            for (int k = 1; k <= 4; k++) {
                List<InvariantGraph> graphs = Invariants.enumerate(k);
                int samples = 2 * EXPECTED[d - 1][k - 1] + 10;
                long[][] table = new long[samples][];
                for (int s = 0; s < samples; s++) {
                    double[] m = new double[d * d];
                    for (int x = 0; x < m.length; x++) {
                        m[x] = rng.nextInt(7) - 3;
                    }
                    double[] v = Invariants.evaluate(graphs, m, d);
                    table[s] = new long[v.length];
                    for (int g = 0; g < v.length; g++) {
                        if (v[g] != Math.rint(v[g]) || Math.abs(v[g]) > 0x1p52) {
                            throw new AssertionError("not an exact integer: " + v[g]);
                        }
                        table[s][g] = Math.floorMod((long) v[g], P);
                    }
                }
                assertEquals(EXPECTED[d - 1][k - 1], rankModP(table), "rank at D = " + d + ", degree " + k);
            }
        }
    }

    /** [t^k] of the Molien series of S_D on the D² matrix entries, k = 0..maxDegree (exact integers). */
    static long[] burnside(int d, int maxDegree) {
        long[] total = new long[maxDegree + 1];
        int[] perm = new int[d];
        for (int i = 0; i < d; i++) {
            perm[i] = i;
        }
        long count = 0;
        do {
            long[] series = new long[maxDegree + 1];
            series[0] = 1;
            boolean[] seen = new boolean[d * d];
            for (int start = 0; start < d * d; start++) {
                if (seen[start]) {
                    continue;
                }
                int len = 0;
                int x = start;
                while (!seen[x]) {
                    seen[x] = true;
                    len++;
                    x = perm[x / d] * d + perm[x % d];
                }
                // multiply by 1/(1 − t^len) = 1 + t^len + t^2len + ...
                for (int e = len; e <= maxDegree; e++) {
                    series[e] += series[e - len];
                }
            }
            for (int e = 0; e <= maxDegree; e++) {
                total[e] += series[e];
            }
            count++;
        } while (nextPermutation(perm));
        for (int e = 0; e <= maxDegree; e++) {
            if (total[e] % count != 0) {
                throw new AssertionError("Burnside sum not divisible by D!");
            }
            total[e] /= count;
        }
        return total;
    }

    private static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
        return true;
    }

    /** Rank over the integers modulo P by Gaussian elimination. */
    static int rankModP(long[][] rows) {
        long[][] a = new long[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            a[r] = rows[r].clone();
        }
        int cols = a.length == 0 ? 0 : a[0].length;
        int rank = 0;
        for (int c = 0; c < cols && rank < a.length; c++) {
            int pivot = -1;
            for (int r = rank; r < a.length; r++) {
                if (a[r][c] != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            long[] t = a[pivot];
            a[pivot] = a[rank];
            a[rank] = t;
            long inv = modInverse(a[rank][c]);
            for (int r = rank + 1; r < a.length; r++) {
                if (a[r][c] == 0) {
                    continue;
                }
                long f = a[r][c] * inv % P;
                for (int x = c; x < cols; x++) {
                    a[r][x] = Math.floorMod(a[r][x] - f * a[rank][x] % P, P);
                }
            }
            rank++;
        }
        return rank;
    }

    private static long modInverse(long x) {
        long result = 1;
        long base = x % P;
        for (long e = P - 2; e > 0; e >>= 1) {
            if ((e & 1) == 1) {
                result = result * base % P;
            }
            base = base * base % P;
        }
        return result;
    }
}
