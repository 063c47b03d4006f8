package org.netgauss.inpca;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The all-pairs loop behind {@link BhattacharyyaDistance}: for every pair of models {@code u < v} and every
 * sample {@code n}, {@code BC_n(u,v)}, then either {@code Σ_n −log BC_n} or {@code Σ_n (1 − BC_n)}.
 *
 * <p>float64 uses the dot product {@code Σ_c √p_u √p_v} (one multiply-add per class; rounding ~1e-16 per
 * sample). float32 uses the Hellinger form {@code 1 − ½ Σ_c (√p_u − √p_v)²} (equal for normalised rows):
 * in float32 the dot product of nearly equal models cancels to noise (absolute error ~1e-7, larger than
 * a distance of 1e-7 between neighbouring checkpoints), the difference form keeps ~1e-4 relative.
 *
 * <p>Why products: the log is the cost per pair-sample that does not vectorise in Java, so the factors
 * {@code BC_n} (each clamped to {@code ≥ e^−100}, so {@code −log BC_n ≤ 100}) are multiplied in float64;
 * every {@value #GROUP} samples (before the product could leave the normal range) the binary exponent is
 * split off into a separate sum, and one log per pair is taken per sub-chunk of samples.
 *
 * <p>Layout: square roots of a chunk of samples as rows {@code [sample * C + class][model]}, models padded to a
 * multiple of {@value #U_BLOCK}. Threads own disjoint column tiles of the output, so no two write the same
 * entry. Within a tile, a block of {@value #U_BLOCK} rows shares each loaded column vector, and a sub-chunk
 * of samples is sized to keep the column tile in L2 while all row blocks pass over it.
 */
final class BhattacharyyaKernel {
    static final int U_BLOCK = 4;
    static final int GROUP = 7;
    static final double MIN_BC = Math.exp(-100);
    private static final double LN2 = Math.log(2);
    private static final int V_TILE = 256;
    private static final int N_SUB = 4 * GROUP;

    private BhattacharyyaKernel() {}

    /**
     * Adds the chunk's sum over samples ({@code Σ −log BC} if {@code log}, else {@code Σ (1 − BC)}) into
     * {@code acc[u * mp + v]} for rows {@code u < rowEnd} and columns {@code colStart <= v < mp}; if
     * {@code triangular}, only row blocks that reach {@code u <= v} are computed (the rest of acc is junk).
     * {@code rowEnd} and {@code colStart} are multiples of {@value #U_BLOCK}; {@code mp} is the padded model count.
     */
    static void accumulate(float[][] sq, double[][] sq64, int mp, int ns, int classes, boolean log,
                           double[] acc, int threads, int rowEnd, int colStart, boolean triangular) {
        int tiles = (mp - colStart + V_TILE - 1) / V_TILE;
        // largest tiles (most rows above them) first, for balance under dynamic scheduling
        AtomicInteger next = new AtomicInteger(tiles - 1);
        Runnable worker = () -> {
            Scratch s = new Scratch(mp);
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

    /**
     * Per-thread accumulators, indexed by the column model v itself (not v − v0): C2 only vectorises a loop
     * whose loads and stores on same-typed arrays use the same index, since it cannot rule out aliasing.
     */
    private static final class Scratch {
        final float[] h0, h1, h2, h3;
        final double[] g0, g1, g2, g3, p0, p1, p2, p3, l0, l1, l2, l3;

        Scratch(int mp) {
            h0 = new float[mp]; h1 = new float[mp]; h2 = new float[mp]; h3 = new float[mp];
            g0 = new double[mp]; g1 = new double[mp]; g2 = new double[mp]; g3 = new double[mp];
            p0 = new double[mp]; p1 = new double[mp]; p2 = new double[mp]; p3 = new double[mp];
            l0 = new double[mp]; l1 = new double[mp]; l2 = new double[mp]; l3 = new double[mp];
        }
    }

    private static void block32(float[][] sq, int mp, int classes, int n0, int n1, int u0, int v0, int len,
                                boolean log, double[] acc, Scratch s) {
        int v1 = v0 + len;
        float[] h0 = s.h0, h1 = s.h1, h2 = s.h2, h3 = s.h3;
        double[] p0 = s.p0, p1 = s.p1, p2 = s.p2, p3 = s.p3;
        // sum of (1 − BC) for the Hellinger mean, or the binary exponents split off the products for the log
        double[] l0 = s.l0, l1 = s.l1, l2 = s.l2, l3 = s.l3;
        for (int j = v0; j < v1; j++) {
            p0[j] = 1; p1[j] = 1; p2[j] = 1; p3[j] = 1;
            l0[j] = 0; l1[j] = 0; l2[j] = 0; l3[j] = 0;
            h0[j] = 0; h1[j] = 0; h2[j] = 0; h3[j] = 0;
        }
        int inGroup = 0;
        for (int n = n0; n < n1; n++) {
            int c = 0;
            // two classes per pass: half the accumulator stores per multiply-add
            for (; c + 1 < classes; c += 2) {
                float[] ra = sq[n * classes + c];
                float[] rb = sq[n * classes + c + 1];
                float a0 = ra[u0], a1 = ra[u0 + 1], a2 = ra[u0 + 2], a3 = ra[u0 + 3];
                float b0 = rb[u0], b1 = rb[u0 + 1], b2 = rb[u0 + 2], b3 = rb[u0 + 3];
                for (int j = v0; j < v1; j++) {
                    float x = ra[j], y = rb[j];
                    float d0 = a0 - x, d1 = a1 - x, d2 = a2 - x, d3 = a3 - x;
                    float e0 = b0 - y, e1 = b1 - y, e2 = b2 - y, e3 = b3 - y;
                    h0[j] = Math.fma(e0, e0, Math.fma(d0, d0, h0[j]));
                    h1[j] = Math.fma(e1, e1, Math.fma(d1, d1, h1[j]));
                    h2[j] = Math.fma(e2, e2, Math.fma(d2, d2, h2[j]));
                    h3[j] = Math.fma(e3, e3, Math.fma(d3, d3, h3[j]));
                }
            }
            if (c < classes) {
                float[] ra = sq[n * classes + c];
                float a0 = ra[u0], a1 = ra[u0 + 1], a2 = ra[u0 + 2], a3 = ra[u0 + 3];
                for (int j = v0; j < v1; j++) {
                    float x = ra[j];
                    float d0 = a0 - x, d1 = a1 - x, d2 = a2 - x, d3 = a3 - x;
                    h0[j] = Math.fma(d0, d0, h0[j]);
                    h1[j] = Math.fma(d1, d1, h1[j]);
                    h2[j] = Math.fma(d2, d2, h2[j]);
                    h3[j] = Math.fma(d3, d3, h3[j]);
                }
            }
            if (log) {
                for (int j = v0; j < v1; j++) {
                    p0[j] *= Math.max(1.0 - 0.5 * h0[j], MIN_BC);
                    p1[j] *= Math.max(1.0 - 0.5 * h1[j], MIN_BC);
                    p2[j] *= Math.max(1.0 - 0.5 * h2[j], MIN_BC);
                    p3[j] *= Math.max(1.0 - 0.5 * h3[j], MIN_BC);
                    h0[j] = 0; h1[j] = 0; h2[j] = 0; h3[j] = 0;
                }
                if (++inGroup == GROUP && n < n1 - 1) {
                    for (int j = v0; j < v1; j++) {
                        p0[j] = splitExponent(p0[j], l0, j);
                        p1[j] = splitExponent(p1[j], l1, j);
                        p2[j] = splitExponent(p2[j], l2, j);
                        p3[j] = splitExponent(p3[j], l3, j);
                    }
                    inGroup = 0;
                }
            } else {
                for (int j = v0; j < v1; j++) {
                    l0[j] += Math.min(0.5 * h0[j], 1.0);
                    l1[j] += Math.min(0.5 * h1[j], 1.0);
                    l2[j] += Math.min(0.5 * h2[j], 1.0);
                    l3[j] += Math.min(0.5 * h3[j], 1.0);
                    h0[j] = 0; h1[j] = 0; h2[j] = 0; h3[j] = 0;
                }
            }
        }
        if (log) {
            for (int j = v0; j < v1; j++) {
                l0[j] = -(Math.log(p0[j]) + LN2 * l0[j]);
                l1[j] = -(Math.log(p1[j]) + LN2 * l1[j]);
                l2[j] = -(Math.log(p2[j]) + LN2 * l2[j]);
                l3[j] = -(Math.log(p3[j]) + LN2 * l3[j]);
            }
        }
        flush(acc, mp, u0, v0, len, l0, l1, l2, l3);
    }

    /**
     * float64 block: BC by the dot product, two classes per pass (larger loop bodies defeat C2's unrolling
     * and then its vectorisation). The first pass sets the accumulators and the last multiplies
     * {@code BC + e^−100} into the running products directly, so no pass clears or re-reads them. Adding
     * {@code e^−100} instead of clamping keeps the loop free of min/max (costly in C2) and still bounds
     * {@code −log BC_n} by 100; BC exceeds 1 only by rounding, clipped once at the end of the pipeline.
     */
    private static void block64(double[][] sq, int mp, int classes, int n0, int n1, int u0, int v0, int len,
                                boolean log, double[] acc, Scratch s) {
        int v1 = v0 + len;
        double[] h0 = s.g0, h1 = s.g1, h2 = s.g2, h3 = s.g3;
        double[] p0 = s.p0, p1 = s.p1, p2 = s.p2, p3 = s.p3;
        double[] l0 = s.l0, l1 = s.l1, l2 = s.l2, l3 = s.l3;
        for (int j = v0; j < v1; j++) {
            p0[j] = 1; p1[j] = 1; p2[j] = 1; p3[j] = 1;
            l0[j] = 0; l1[j] = 0; l2[j] = 0; l3[j] = 0;
        }
        int inGroup = 0;
        // passes: [0, last) in pairs of classes accumulate into h; the last one or two classes finish BC
        int last = classes % 2 == 0 ? classes - 2 : classes - 1;
        for (int n = n0; n < n1; n++) {
            int r = n * classes;
            for (int c = 0; c < last; c += 2) {
                double[] ra = sq[r + c], rb = sq[r + c + 1];
                if (c == 0) {
                    set2(ra, rb, u0, h0, h1, h2, h3, v0, v1);
                } else {
                    add2(ra, rb, u0, h0, h1, h2, h3, v0, v1);
                }
            }
            double[] ra = sq[r + last];
            double[] rb = last + 1 < classes ? sq[r + last + 1] : null;
            boolean fresh = last == 0;
            if (log) {
                finishProduct(ra, rb, u0, fresh, h0, h1, h2, h3, p0, p1, p2, p3, v0, v1);
                if (++inGroup == GROUP && n < n1 - 1) {
                    for (int j = v0; j < v1; j++) {
                        p0[j] = splitExponent(p0[j], l0, j);
                        p1[j] = splitExponent(p1[j], l1, j);
                        p2[j] = splitExponent(p2[j], l2, j);
                        p3[j] = splitExponent(p3[j], l3, j);
                    }
                    inGroup = 0;
                }
            } else {
                finishSum(ra, rb, u0, fresh, h0, h1, h2, h3, l0, l1, l2, l3, v0, v1);
            }
        }
        if (log) {
            for (int j = v0; j < v1; j++) {
                l0[j] = -(Math.log(p0[j]) + LN2 * l0[j]);
                l1[j] = -(Math.log(p1[j]) + LN2 * l1[j]);
                l2[j] = -(Math.log(p2[j]) + LN2 * l2[j]);
                l3[j] = -(Math.log(p3[j]) + LN2 * l3[j]);
            }
        }
        flush(acc, mp, u0, v0, len, l0, l1, l2, l3);
    }

    private static void set2(double[] ra, double[] rb, int u0, double[] h0, double[] h1, double[] h2, double[] h3,
                             int v0, int v1) {
        double a0 = ra[u0], a1 = ra[u0 + 1], a2 = ra[u0 + 2], a3 = ra[u0 + 3];
        double b0 = rb[u0], b1 = rb[u0 + 1], b2 = rb[u0 + 2], b3 = rb[u0 + 3];
        for (int j = v0; j < v1; j++) {
            double x = ra[j], y = rb[j];
            h0[j] = Math.fma(b0, y, a0 * x);
            h1[j] = Math.fma(b1, y, a1 * x);
            h2[j] = Math.fma(b2, y, a2 * x);
            h3[j] = Math.fma(b3, y, a3 * x);
        }
    }

    private static void add2(double[] ra, double[] rb, int u0, double[] h0, double[] h1, double[] h2, double[] h3,
                             int v0, int v1) {
        double a0 = ra[u0], a1 = ra[u0 + 1], a2 = ra[u0 + 2], a3 = ra[u0 + 3];
        double b0 = rb[u0], b1 = rb[u0 + 1], b2 = rb[u0 + 2], b3 = rb[u0 + 3];
        for (int j = v0; j < v1; j++) {
            double x = ra[j], y = rb[j];
            h0[j] = Math.fma(b0, y, Math.fma(a0, x, h0[j]));
            h1[j] = Math.fma(b1, y, Math.fma(a1, x, h1[j]));
            h2[j] = Math.fma(b2, y, Math.fma(a2, x, h2[j]));
            h3[j] = Math.fma(b3, y, Math.fma(a3, x, h3[j]));
        }
    }

    /** Last one or two classes ({@code rb == null}: one), then {@code p *= BC + e^−100}. */
    private static void finishProduct(double[] ra, double[] rb, int u0, boolean fresh,
                                      double[] h0, double[] h1, double[] h2, double[] h3,
                                      double[] p0, double[] p1, double[] p2, double[] p3, int v0, int v1) {
        double a0 = ra[u0], a1 = ra[u0 + 1], a2 = ra[u0 + 2], a3 = ra[u0 + 3];
        if (fresh) {
            // C == 2: the only pass
            double b0 = rb[u0], b1 = rb[u0 + 1], b2 = rb[u0 + 2], b3 = rb[u0 + 3];
            for (int j = v0; j < v1; j++) {
                double x = ra[j], y = rb[j];
                p0[j] *= Math.fma(b0, y, Math.fma(a0, x, MIN_BC));
                p1[j] *= Math.fma(b1, y, Math.fma(a1, x, MIN_BC));
                p2[j] *= Math.fma(b2, y, Math.fma(a2, x, MIN_BC));
                p3[j] *= Math.fma(b3, y, Math.fma(a3, x, MIN_BC));
            }
        } else if (rb != null) {
            double b0 = rb[u0], b1 = rb[u0 + 1], b2 = rb[u0 + 2], b3 = rb[u0 + 3];
            for (int j = v0; j < v1; j++) {
                double x = ra[j], y = rb[j];
                p0[j] *= Math.fma(b0, y, Math.fma(a0, x, h0[j] + MIN_BC));
                p1[j] *= Math.fma(b1, y, Math.fma(a1, x, h1[j] + MIN_BC));
                p2[j] *= Math.fma(b2, y, Math.fma(a2, x, h2[j] + MIN_BC));
                p3[j] *= Math.fma(b3, y, Math.fma(a3, x, h3[j] + MIN_BC));
            }
        } else {
            for (int j = v0; j < v1; j++) {
                double x = ra[j];
                p0[j] *= Math.fma(a0, x, h0[j] + MIN_BC);
                p1[j] *= Math.fma(a1, x, h1[j] + MIN_BC);
                p2[j] *= Math.fma(a2, x, h2[j] + MIN_BC);
                p3[j] *= Math.fma(a3, x, h3[j] + MIN_BC);
            }
        }
    }

    /** Last one or two classes, then {@code l += 1 − BC} (Hellinger mean). */
    private static void finishSum(double[] ra, double[] rb, int u0, boolean fresh,
                                  double[] h0, double[] h1, double[] h2, double[] h3,
                                  double[] l0, double[] l1, double[] l2, double[] l3, int v0, int v1) {
        double a0 = ra[u0], a1 = ra[u0 + 1], a2 = ra[u0 + 2], a3 = ra[u0 + 3];
        double b0 = rb == null ? 0 : rb[u0], b1 = rb == null ? 0 : rb[u0 + 1];
        double b2 = rb == null ? 0 : rb[u0 + 2], b3 = rb == null ? 0 : rb[u0 + 3];
        double[] rbb = rb == null ? ra : rb;
        for (int j = v0; j < v1; j++) {
            double x = ra[j], y = rbb[j];
            double g0 = fresh ? 0 : h0[j], g1 = fresh ? 0 : h1[j], g2 = fresh ? 0 : h2[j], g3 = fresh ? 0 : h3[j];
            l0[j] += 1 - Math.fma(b0, y, Math.fma(a0, x, g0));
            l1[j] += 1 - Math.fma(b1, y, Math.fma(a1, x, g1));
            l2[j] += 1 - Math.fma(b2, y, Math.fma(a2, x, g2));
            l3[j] += 1 - Math.fma(b3, y, Math.fma(a3, x, g3));
        }
    }

    /**
     * Moves the binary exponent of a positive normal {@code p} into {@code exps[j]} and returns the mantissa
     * in [1, 2): a few integer operations instead of a log, so one log per lane serves a whole sub-chunk.
     */
    private static double splitExponent(double p, double[] exps, int j) {
        long bits = Double.doubleToRawLongBits(p);
        exps[j] += (int) (bits >>> 52) - 1023;
        return Double.longBitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
    }

    private static void flush(double[] acc, int mp, int u0, int v0, int len,
                              double[] l0, double[] l1, double[] l2, double[] l3) {
        int r0 = u0 * mp, r1 = r0 + mp, r2 = r1 + mp, r3 = r2 + mp;
        for (int j = v0; j < v0 + len; j++) {
            acc[r0 + j] += l0[j];
            acc[r1 + j] += l1[j];
            acc[r2 + j] += l2[j];
            acc[r3 + j] += l3[j];
        }
    }
}
