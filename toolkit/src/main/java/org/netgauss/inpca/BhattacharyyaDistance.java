package org.netgauss.inpca;

import java.util.Arrays;

/**
 * Intensive Bhattacharyya distance between models' predicted distributions on a fixed sample set (docs/spec/hyperribbon.md
 * §1.2; Mao et al., PNAS 2024, "Distance" in Methods; Quinn et al., PNAS 2019):
 *
 * <pre>
 *   BC_n(u,v) = Σ_c sqrt( p_u^n(c) p_v^n(c) )                    (Bhattacharyya coefficient of sample n)
 *   D_uv      = (1/N) Σ_n −log BC_n(u,v)                          (intensive distance, Mao convention)
 * </pre>
 *
 * D is the Bhattacharyya distance of the product distributions divided by N, and {@code 8 D} is Quinn's
 * replica-limit squared distance {@code d²_I = −8 log BC}. Locally {@code D ≈ (1/8) Σ dp²/p}, one eighth
 * of the Fisher metric. D already plays the role of a squared distance.
 *
 * <p>Numerical guards: rows are renormalised before the square root; each {@code BC_n} is clipped to
 * {@code [e^−100, 1]}, so {@code 0 <= −log BC_n <= 100} (Mao clips at 0 and replaces {@code +∞} by 100;
 * we also cap finite values above 100, which only float32-denormal overlaps reach). In float64,
 * {@code BC_n = Σ_c √p_u √p_v}; in float32 the Hellinger form {@code 1 − ½ Σ_c (√p_u − √p_v)²}, because the
 * dot product would cancel to noise for nearly equal models. The matrix is symmetric, zero on the diagonal.
 *
 * <p>Cost: {@code T(T−1)/2 · N} pair-samples, each {@code C} fused multiply-adds and one float64 product,
 * one log per pair per 28 samples; memory: the {@code T²} float64 result plus one chunk of square roots
 * (see {@link DistanceOptions}); the predictions themselves are never copied.
 */
public final class BhattacharyyaDistance {
    private BhattacharyyaDistance() {}

    /** The {@code T × T} matrix of intensive Bhattacharyya distances, with {@link DistanceOptions#defaults()}. */
    public static DistanceMatrix matrix(Predictions p) {
        return matrix(p, DistanceOptions.defaults());
    }

    /** The {@code T × T} matrix of intensive Bhattacharyya distances {@code D_uv = mean_n −log BC_n}. */
    public static DistanceMatrix matrix(Predictions p, DistanceOptions options) {
        return square(p, options, true, "bhattacharyya");
    }

    /**
     * Per-sample averaged Hellinger distance {@code (1/N) Σ_n (1 − BC_n)} (docs/spec/hyperribbon.md §1.2, "Hellinger
     * alternative"; unit-sphere convention {@code Σ_c (√p − √q)² = 2 (1 − BC)}). Bounded by 1, saturates.
     */
    public static DistanceMatrix hellinger(Predictions p, DistanceOptions options) {
        return square(p, options, false, "hellinger");
    }

    /** {@link #hellinger(Predictions, DistanceOptions)} with default options. */
    public static DistanceMatrix hellinger(Predictions p) {
        return hellinger(p, DistanceOptions.defaults());
    }

    /**
     * Hellinger distance of the joint (product) distributions, {@code 1 − Π_n BC_n = −expm1(−N D)}, from an
     * intensive Bhattacharyya matrix over {@code samples} samples. It tends to 1 for every pair as N grows,
     * the "curse of dimensionality" that the intensive distance removes (docs/spec/hyperribbon.md §1.2).
     */
    public static DistanceMatrix jointHellinger(DistanceMatrix bhattacharyya, int samples) {
        double[] v = bhattacharyya.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = -Math.expm1(-samples * v[i]);
        }
        return new DistanceMatrix("joint-hellinger", bhattacharyya.rows(), bhattacharyya.cols(), v);
    }

    /**
     * Distances from each of {@code queries}' models (rows) to each of {@code base}'s models (columns): the
     * input of {@link InpcaEmbedding#project} for out-of-sample embedding (docs/spec/hyperribbon.md §1.5). Costs
     * {@code Q × T × N} pair-samples, not {@code (Q + T)²/2 × N}.
     */
    public static DistanceMatrix cross(Predictions queries, Predictions base, DistanceOptions options) {
        if (queries.samples() != base.samples() || queries.classes() != base.classes()) {
            throw new IllegalArgumentException("queries have " + queries.samples() + " samples x " + queries.classes()
                    + " classes, base has " + base.samples() + " x " + base.classes() + "; they must be predictions on"
                    + " the same sample set");
        }
        int q = queries.models();
        int qp = pad(q);
        int mp = qp + pad(base.models());
        double[] acc = run(new Predictions[] {queries, base}, new int[] {0, qp}, mp, options, true, qp, qp, false);
        int m = base.models();
        double[] out = new double[q * m];
        double inv = 1.0 / base.samples();
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < m; j++) {
                out[i * m + j] = acc[i * mp + qp + j] * inv;
            }
        }
        return new DistanceMatrix("bhattacharyya", q, m, out);
    }

    /** {@link #cross(Predictions, Predictions, DistanceOptions)} with default options. */
    public static DistanceMatrix cross(Predictions queries, Predictions base) {
        return cross(queries, base, DistanceOptions.defaults());
    }

    /**
     * Scalar float64 reference for one pair, straight from the definition {@code mean_n −log Σ_c √(p q)}
     * (with the same clamp at 100 per sample); rows are {@code [sample][class]}. For tests and spot checks.
     */
    public static double between(double[][] p, double[][] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("models have " + p.length + " and " + q.length + " samples");
        }
        double sum = 0;
        for (int n = 0; n < p.length; n++) {
            if (p[n].length != q[n].length) {
                throw new IllegalArgumentException("sample " + n + " has " + p[n].length + " and " + q[n].length
                        + " classes");
            }
            double bc = 0;
            for (int c = 0; c < p[n].length; c++) {
                bc += Math.sqrt(p[n][c] * q[n][c]);
            }
            sum += Math.min(100, Math.max(0, -Math.log(bc)));
        }
        return sum / p.length;
    }

    private static DistanceMatrix square(Predictions p, DistanceOptions options, boolean log, String name) {
        int m = p.models();
        int mp = pad(m);
        double[] acc = run(new Predictions[] {p}, new int[] {0}, mp, options, log, mp, 0, true);
        double[] out = new double[m * m];
        double inv = 1.0 / p.samples();
        for (int u = 0; u < m; u++) {
            for (int v = u + 1; v < m; v++) {
                double d = Math.max(0, acc[u * mp + v] * inv);
                out[u * m + v] = d;
                out[v * m + u] = d;
            }
        }
        return new DistanceMatrix(name, m, m, out);
    }

    static int pad(int m) {
        return (m + BhattacharyyaKernel.U_BLOCK - 1) / BhattacharyyaKernel.U_BLOCK * BhattacharyyaKernel.U_BLOCK;
    }

    private static double[] run(Predictions[] parts, int[] offsets, int mp, DistanceOptions options, boolean log,
                                int rowEnd, int colStart, boolean triangular) {
        if ((long) rowEnd * mp > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(mp + " models need a " + rowEnd + " x " + mp + " result, more than one"
                    + " Java array holds; compute blocks of models with cross(...) instead");
        }
        Predictions first = parts[0];
        int samples = first.samples();
        int classes = first.classes();
        int chunk = options.chunkSamples() > 0 ? options.chunkSamples()
                : (int) Math.max(1, (32L << 20) / ((long) mp * classes));
        chunk = Math.min(chunk, samples);
        boolean f32 = options.precision() == DistanceOptions.Precision.FLOAT32;
        float[][] sq32 = f32 ? new float[chunk * classes][mp] : null;
        double[][] sq64 = f32 ? null : new double[chunk * classes][mp];
        // padding models: the uniform distribution, so padded rows stay finite; their results are dropped
        double uniform = Math.sqrt(1.0 / classes);
        for (int r = 0; r < chunk * classes; r++) {
            if (f32) {
                Arrays.fill(sq32[r], (float) uniform);
            } else {
                Arrays.fill(sq64[r], uniform);
            }
        }
        double[] acc = new double[rowEnd * mp];
        for (int from = 0; from < samples; from += chunk) {
            int count = Math.min(chunk, samples - from);
            for (int k = 0; k < parts.length; k++) {
                parts[k].sqrtTransposed(from, count, offsets[k], sq32, sq64);
            }
            BhattacharyyaKernel.accumulate(sq32, sq64, mp, count, classes, log, acc, options.threads(),
                    rowEnd, colStart, triangular);
        }
        return acc;
    }
}
