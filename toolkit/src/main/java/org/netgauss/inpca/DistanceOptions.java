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
         * float32 square roots and per-sample class sums (Hellinger form {@code 1 − ½Σ(√p − √q)²}, which
         * keeps nearly equal models accurate), float64 products, logs and sample sums. Relative error of D
         * below 1e-5 for separated models and below 1e-3 at D ~ 1e-7 (asserted in
         * {@code BhattacharyyaDistanceTest}). Half the chunk memory, but on JDK 17 slower than FLOAT64
         * (about 1.4x in our runs): C2 does not vectorise the float-to-double step per sample.
         */
        FLOAT32,
        /**
         * float64 throughout (dot-product form {@code Σ √p √q}, exact to ~1e-15 per sample): agrees with
         * the scalar definition to 1e-12 relative. The default: the fastest on JDK 17 too. Float32
         * predictions are widened chunk by chunk, so the input itself is never copied to float64.
         */
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

    /** float64, automatic chunks, one thread per available processor. */
    public static DistanceOptions defaults() {
        return new DistanceOptions(Precision.FLOAT64, 0, Runtime.getRuntime().availableProcessors());
    }

    public DistanceOptions withPrecision(Precision p) { return new DistanceOptions(p, chunkSamples, threads); }

    public DistanceOptions withChunkSamples(int n) { return new DistanceOptions(precision, n, threads); }

    public DistanceOptions withThreads(int t) { return new DistanceOptions(precision, chunkSamples, t); }
}
