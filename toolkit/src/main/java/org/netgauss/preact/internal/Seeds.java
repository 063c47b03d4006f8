package org.netgauss.preact.internal;

/** Derives independent-looking seeds from a run seed and indices (SplitMix64 finaliser), no shared state. */
public final class Seeds {
    private Seeds() {
    }

    /** A seed for the item at {@code indices} of a run with seed {@code seed}. */
    public static long derive(long seed, long... indices) {
        long h = mix(seed);
        for (long i : indices) {
            h = mix(h ^ mix(i + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
