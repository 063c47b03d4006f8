package org.netgauss.nn;

/**
 * A small, fully specified random generator: SplitMix64 (Steele, Lea &amp; Flood, "Fast splittable pseudorandom
 * number generators", OOPSLA 2014), the generator behind {@link java.util.SplittableRandom}. It is written out
 * here, rather than borrowed from the JDK, so that its numbers are fixed by this file alone: the same seed gives
 * the same weights on Java 17, 21 and 25, and its whole state is one {@code long} ({@link #state()}) that a
 * checkpoint can store.
 *
 * <p>Not thread-safe; give each member and purpose its own instance (see {@link Seeds}).
 */
public final class Rng {
    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    /** A generator whose first output is {@code Seeds.mix64(seed + GAMMA)}. */
    public Rng(long seed) {
        this.state = seed;
    }

    /** The current state; {@code new Rng(rng.state())} continues the same sequence. */
    public long state() { return state; }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GAMMA;
        return Seeds.mix64(state);
    }

    /** Uniform on [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform on [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /**
     * Uniform on [0, bound) by Lemire's multiply-shift of 32 random bits; the bias, at most bound / 2^32, is
     * below 1.5e-5 for MNIST-sized shuffles and is accepted for a fixed, branch-free sequence.
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, found " + bound);
        }
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /**
     * Standard normal by the Box–Muller transform, {@code sqrt(-2 ln u1) cos(2 pi u2)}, one pair of uniforms per
     * value (no cached second value, so the state stays one {@code long}); {@link StrictMath} keeps it
     * bit-reproducible across JVMs.
     */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1]: log is finite
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /** A uniformly random permutation of 0..n-1 (Fisher–Yates, Durstenfeld's variant). */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
