package org.netgauss.preact;

/**
 * How many random networks to draw, from which seed, on how many threads.
 *
 * <p>Network k's weights come from the k/{@value #CHUNK}-th generator split off {@code new
 * SplittableRandom(seed)}, so results are the same bit for bit whatever the thread count.
 *
 * @param networks number of independent networks (samples per statistic)
 * @param seed the run seed
 * @param threads worker threads (&gt;= 1)
 */
public record PropagationConfig(int networks, long seed, int threads) {
    /** Networks per generator and per task. */
    public static final int CHUNK = 4096;

    public PropagationConfig {
        if (networks < 2) {
            throw new IllegalArgumentException("need at least 2 networks for a statistic, found " + networks);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
    }

    /** 10 000 networks, seed 0, all available processors. */
    public static PropagationConfig defaults() {
        return new PropagationConfig(10_000, 0L, Runtime.getRuntime().availableProcessors());
    }

    public PropagationConfig withNetworks(int n) { return new PropagationConfig(n, seed, threads); }

    public PropagationConfig withSeed(long s) { return new PropagationConfig(networks, s, threads); }

    public PropagationConfig withThreads(int t) { return new PropagationConfig(networks, seed, t); }
}
