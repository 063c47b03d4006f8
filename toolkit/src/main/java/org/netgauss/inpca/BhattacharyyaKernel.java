package org.netgauss.inpca;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The all-pairs loop behind {@link BhattacharyyaDistance}: for every pair of models {@code u < v} and every
 * sample {@code n}, {@code BC_n(u,v) = 1 − ½ Σ_c (√p_u − √p_v)²} (equal to {@code Σ_c √(p_u p_v)} for
 * normalised rows), then either {@code Σ_n −log BC_n} or {@code Σ_n (1 − BC_n)}.
 *
 * <p>Why the Hellinger form and not the dot product: for nearly equal models {@code 1 − Σ√(p_u p_v)}
 * cancels to rounding noise (absolute error ~1e-7 in float32, larger than a distance of 1e-6 between
 * neighbouring checkpoints), whereas {@code ½ Σ(√p_u − √p_v)²} keeps a relative error of ~1e-4 or better.
 *
 * <p>Why products: the log is the cost per pair-sample that does not vectorise in Java, so
 * {@value #GROUP} factors {@code BC_n} (each clamped to {@code ≥ e^−100}, so {@code −log BC_n ≤ 100}) are
 * multiplied in float64 before one log is taken; their product stays above the smallest normal double.
 *
 * <p>Layout: square roots of a chunk of samples as {@code [sample][class][model]}, models padded to a
 * multiple of {@value #U_BLOCK}. Threads own disjoint column tiles of the output, so no two write the same
 * entry. Within a tile, a block of {@value #U_BLOCK} rows shares each loaded column vector, and a sub-chunk
 * of samples is sized to keep the column tile in L2 while all row blocks pass over it.
 */
final class BhattacharyyaKernel {
    static final int U_BLOCK = 4;
    static final int GROUP = 7;
    static final double MIN_BC = Math.exp(-100);
    private static final int V_TILE = 128;
    private static final int N_SUB = 4 * GROUP;

    private BhattacharyyaKernel() {}

    /**
     * Adds the chunk's sum over samples ({@code Σ −log BC} if {@code log}, else {@code Σ (1 − BC)}) into
     * {@code acc[u * mp + v]} for rows {@code u < rowEnd} and columns {@code colStart <= v < mp}; if
     * {@code triangular}, only row blocks that reach {@code u <= v} are computed (the rest of acc is junk).
     * {@code rowEnd} and {@code colStart} are multiples of {@value #U_BLOCK}; {@code mp} is the padded model count.
     */
    static void accumulate(float[] sq, double[] sq64, int mp, int ns, int classes, boolean log,
                           double[] acc, int threads, int rowEnd, int colStart, boolean triangular) {
        int tiles = (mp - colStart + V_TILE - 1) / V_TILE;
        // largest tiles (most rows above them) first, for balance under dynamic scheduling
        AtomicInteger next = new AtomicInteger(tiles - 1);
        Runnable worker = () -> {
            Scratch s = new Scratch();
            for (int tile; (tile = next.getAndDecrement()) >= 0; ) {
                int v0 = colStart + tile * V_TILE;
                int len = Math.min(V_TILE, mp - v0);
                int uEnd = triangular ? Math.min(rowEnd, v0 + len) : rowEnd;
                for (int n0 = 0; n0 < ns; n0 += N_SUB) {
                    int n1 = Math.min(ns, n0 + N_SUB);
                    for (int u0 = 0; u0 < uEnd; u0 += U_BLOCK) {
                        if (sq != null) {
                            block32(sq, mp, classes, n0, n1, u0, v0, len, log, acc, s);
                        } else {
                            block64(sq64, mp, classes, n0, n1, u0, v0, len, log, acc, s);
                        }
                    }
                }
            }
        };
        int t = Math.max(1, Math.min(threads, tiles));
        if (t == 1) {
            worker.run();
        } else {
            ForkJoinPool pool = new ForkJoinPool(t);
            try {
                pool.submit(() -> IntStream.range(0, t).parallel().forEach(i -> worker.run())).join();
            } finally {
                pool.shutdown();
            }
        }
    }

    private static final class Scratch {
        final float[] h0 = new float[V_TILE], h1 = new float[V_TILE], h2 = new float[V_TILE], h3 = new float[V_TILE];
        final double[] g0 = new double[V_TILE], g1 = new double[V_TILE], g2 = new double[V_TILE], g3 = new double[V_TILE];
        final double[] p0 = new double[V_TILE], p1 = new double[V_TILE], p2 = new double[V_TILE], p3 = new double[V_TILE];
        final double[] l0 = new double[V_TILE], l1 = new double[V_TILE], l2 = new double[V_TILE], l3 = new double[V_TILE];
    }

    private static void block32(float[] sq, int mp, int classes, int n0, int n1, int u0, int v0, int len,
                                boolean log, double[] acc, Scratch s) {
        float[] h0 = s.h0, h1 = s.h1, h2 = s.h2, h3 = s.h3;
        double[] p0 = s.p0, p1 = s.p1, p2 = s.p2, p3 = s.p3;
        double[] l0 = s.l0, l1 = s.l1, l2 = s.l2, l3 = s.l3;
        for (int j = 0; j < len; j++) {
            p0[j] = 1; p1[j] = 1; p2[j] = 1; p3[j] = 1;
            l0[j] = 0; l1[j] = 0; l2[j] = 0; l3[j] = 0;
            h0[j] = 0; h1[j] = 0; h2[j] = 0; h3[j] = 0;
        }
        int inGroup = 0;
        for (int n = n0; n < n1; n++) {
            for (int c = 0; c < classes; c++) {
                int off = (n * classes + c) * mp;
                float a0 = sq[off + u0], a1 = sq[off + u0 + 1], a2 = sq[off + u0 + 2], a3 = sq[off + u0 + 3];
                int voff = off + v0;
                for (int j = 0; j < len; j++) {
                    float r = sq[voff + j];
                    float d0 = a0 - r, d1 = a1 - r, d2 = a2 - r, d3 = a3 - r;
                    h0[j] = Math.fma(d0, d0, h0[j]);
                    h1[j] = Math.fma(d1, d1, h1[j]);
                    h2[j] = Math.fma(d2, d2, h2[j]);
                    h3[j] = Math.fma(d3, d3, h3[j]);
                }
            }
            if (log) {
                for (int j = 0; j < len; j++) {
                    p0[j] *= Math.max(1.0 - 0.5 * h0[j], MIN_BC);
                    p1[j] *= Math.max(1.0 - 0.5 * h1[j], MIN_BC);
                    p2[j] *= Math.max(1.0 - 0.5 * h2[j], MIN_BC);
                    p3[j] *= Math.max(1.0 - 0.5 * h3[j], MIN_BC);
                    h0[j] = 0; h1[j] = 0; h2[j] = 0; h3[j] = 0;
                }
                if (++inGroup == GROUP || n == n1 - 1) {
                    for (int j = 0; j < len; j++) {
                        l0[j] -= Math.log(p0[j]); p0[j] = 1;
                        l1[j] -= Math.log(p1[j]); p1[j] = 1;
                        l2[j] -= Math.log(p2[j]); p2[j] = 1;
                        l3[j] -= Math.log(p3[j]); p3[j] = 1;
                    }
                    inGroup = 0;
                }
            } else {
                for (int j = 0; j < len; j++) {
                    l0[j] += Math.min(0.5 * h0[j], 1.0);
                    l1[j] += Math.min(0.5 * h1[j], 1.0);
                    l2[j] += Math.min(0.5 * h2[j], 1.0);
                    l3[j] += Math.min(0.5 * h3[j], 1.0);
                    h0[j] = 0; h1[j] = 0; h2[j] = 0; h3[j] = 0;
                }
            }
        }
        flush(acc, mp, u0, v0, len, l0, l1, l2, l3);
    }

    private static void block64(double[] sq, int mp, int classes, int n0, int n1, int u0, int v0, int len,
                                boolean log, double[] acc, Scratch s) {
        double[] h0 = s.g0, h1 = s.g1, h2 = s.g2, h3 = s.g3;
        double[] p0 = s.p0, p1 = s.p1, p2 = s.p2, p3 = s.p3;
        double[] l0 = s.l0, l1 = s.l1, l2 = s.l2, l3 = s.l3;
        for (int j = 0; j < len; j++) {
            p0[j] = 1; p1[j] = 1; p2[j] = 1; p3[j] = 1;
            l0[j] = 0; l1[j] = 0; l2[j] = 0; l3[j] = 0;
            h0[j] = 0; h1[j] = 0; h2[j] = 0; h3[j] = 0;
        }
        int inGroup = 0;
        for (int n = n0; n < n1; n++) {
            for (int c = 0; c < classes; c++) {
                int off = (n * classes + c) * mp;
                double a0 = sq[off + u0], a1 = sq[off + u0 + 1], a2 = sq[off + u0 + 2], a3 = sq[off + u0 + 3];
                int voff = off + v0;
                for (int j = 0; j < len; j++) {
                    double r = sq[voff + j];
                    double d0 = a0 - r, d1 = a1 - r, d2 = a2 - r, d3 = a3 - r;
                    h0[j] = Math.fma(d0, d0, h0[j]);
                    h1[j] = Math.fma(d1, d1, h1[j]);
                    h2[j] = Math.fma(d2, d2, h2[j]);
                    h3[j] = Math.fma(d3, d3, h3[j]);
                }
            }
            if (log) {
                for (int j = 0; j < len; j++) {
                    p0[j] *= Math.max(1.0 - 0.5 * h0[j], MIN_BC);
                    p1[j] *= Math.max(1.0 - 0.5 * h1[j], MIN_BC);
                    p2[j] *= Math.max(1.0 - 0.5 * h2[j], MIN_BC);
                    p3[j] *= Math.max(1.0 - 0.5 * h3[j], MIN_BC);
                    h0[j] = 0; h1[j] = 0; h2[j] = 0; h3[j] = 0;
                }
                if (++inGroup == GROUP || n == n1 - 1) {
                    for (int j = 0; j < len; j++) {
                        l0[j] -= Math.log(p0[j]); p0[j] = 1;
                        l1[j] -= Math.log(p1[j]); p1[j] = 1;
                        l2[j] -= Math.log(p2[j]); p2[j] = 1;
                        l3[j] -= Math.log(p3[j]); p3[j] = 1;
                    }
                    inGroup = 0;
                }
            } else {
                for (int j = 0; j < len; j++) {
                    l0[j] += Math.min(0.5 * h0[j], 1.0);
                    l1[j] += Math.min(0.5 * h1[j], 1.0);
                    l2[j] += Math.min(0.5 * h2[j], 1.0);
                    l3[j] += Math.min(0.5 * h3[j], 1.0);
                    h0[j] = 0; h1[j] = 0; h2[j] = 0; h3[j] = 0;
                }
            }
        }
        flush(acc, mp, u0, v0, len, l0, l1, l2, l3);
    }

    private static void flush(double[] acc, int mp, int u0, int v0, int len,
                              double[] l0, double[] l1, double[] l2, double[] l3) {
        int r0 = u0 * mp + v0, r1 = r0 + mp, r2 = r1 + mp, r3 = r2 + mp;
        for (int j = 0; j < len; j++) {
            acc[r0 + j] += l0[j];
            acc[r1 + j] += l1[j];
            acc[r2 + j] += l2[j];
            acc[r3 + j] += l3[j];
        }
    }
}
