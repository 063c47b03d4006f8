package org.netgauss.inpca;

/**
 * Settings of {@link BhattacharyyaDistance}.
 *
 * @param precision    storage of the square-root probabilities and of the per-class sums; per-pair sums over
 *                     samples are always float64
 * @param chunkSamples samples transposed and processed at a time (bounds the working set to
 *                     {@code chunkSamples × classes × models} values besides the {@code models²} result);
 *                     0 chooses about 32 M values
 * @param threads      worker threads (at least 1)
 */
public record DistanceOptions(Precision precision, int chunkSamples, int threads) {

    /** Working precision of the distance kernel. */
    public enum Precision {
        /**
         * float32 square roots and class sums, float64 products, logs and sample sums. Relative error of
         * D about 1e-6 for well-separated models, up to ~1e-4 for models at D ~ 1e-7 (measured in
         * {@code BhattacharyyaDistanceTest}); twice as fast, half the memory.
         */
        FLOAT32,
        /** float64 throughout: agrees with the scalar reference to ~1e-12 relative. */
        FLOAT64
    }

    public DistanceOptions {
        if (precision == null) {
            throw new IllegalArgumentException("precision must be FLOAT32 or FLOAT64, found null");
        }
        if (chunkSamples < 0) {
            throw new IllegalArgumentException("chunkSamples must be >= 0 (0 = automatic), found " + chunkSamples);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
    }

    /** float32, automatic chunks, one thread per available processor. */
    public static DistanceOptions defaults() {
        return new DistanceOptions(Precision.FLOAT32, 0, Runtime.getRuntime().availableProcessors());
    }

    public DistanceOptions withPrecision(Precision p) { return new DistanceOptions(p, chunkSamples, threads); }

    public DistanceOptions withChunkSamples(int n) { return new DistanceOptions(precision, n, threads); }

    public DistanceOptions withThreads(int t) { return new DistanceOptions(precision, chunkSamples, t); }
}
