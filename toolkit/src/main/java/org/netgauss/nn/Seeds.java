package org.netgauss.nn;

/**
 * Derives every random seed of a run from the run seed, a member's <em>global</em> index in the ensemble, a
 * purpose and (for data orders) the epoch, so that any member range trained alone (a Slurm shard) gets exactly
 * the numbers it would get inside the full ensemble.
 *
 * <p>The mixing function is the 64-bit finaliser {@code mix64} of SplitMix64 (Stafford's "variant 13":
 * {@code z ^= z>>>30; z *= 0xBF58476D1CE4E5B9; z ^= z>>>27; z *= 0x94D049BB133111EB; z ^= z>>>31}), applied
 * in a chain:
 * <pre>
 *   seed(run, member, purpose, extra) = mix64(mix64(mix64(mix64(run) + member * G1) + purpose.code * G2) + extra * G3)
 * </pre>
 * with odd constants {@code G1 = 0x9E3779B97F4A7C15}, {@code G2 = 0xC2B2AE3D27D4EB4F},
 * {@code G3 = 0x165667B19E3779F9}. Each step is a bijection of the running value for a fixed input, so distinct
 * (member, purpose, extra) give distinct streams except with probability ~2^-64. The same mixer derives the
 * seeds of experiments indexed by a tuple, {@link #derive(long, long...)}.
 */
public final class Seeds {
    private static final long G1 = 0x9E3779B97F4A7C15L;
    private static final long G2 = 0xC2B2AE3D27D4EB4FL;
    private static final long G3 = 0x165667B19E3779F9L;

    /** What a derived seed is used for; the code is part of the documented derivation and never changes. */
    public enum Purpose {
        /** the member's initial weights and biases */
        INIT(1),
        /** the member's data order; {@code extra} is the epoch (1-based) */
        DATA_ORDER(2),
        /** the data order shared by all members in {@link DataOrder#SHARED} mode; member index -1 */
        SHARED_DATA_ORDER(3);

        private final int code;

        Purpose(int code) {
            this.code = code;
        }

        public int code() { return code; }
    }

    private Seeds() {
    }

    /** The SplitMix64 finaliser (a bijection on 64-bit values). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed for {@code purpose} of member {@code member} (global index) in run {@code runSeed}. */
    public static long derive(long runSeed, long member, Purpose purpose, long extra) {
        long h = mix64(runSeed);
        h = mix64(h + member * G1);
        h = mix64(h + purpose.code() * G2);
        return mix64(h + extra * G3);
    }

    /**
     * A seed for the item at {@code indices} of an experiment with seed {@code seed}, for experiments whose
     * items are indexed by a tuple rather than by member and purpose (the pre-activation studies):
     * <pre>
     *   h = mix64(seed);  for each index i:  h = mix64(h ^ mix64(i + G1))
     * </pre>
     * No shared state: the same arguments always give the same seed.
     */
    public static long derive(long seed, long... indices) {
        long h = mix64(seed);
        for (long i : indices) {
            h = mix64(h ^ mix64(i + G1));
        }
        return h;
    }

    /** A generator for {@code purpose} of member {@code member}. */
    public static Rng rng(long runSeed, long member, Purpose purpose, long extra) {
        return new Rng(derive(runSeed, member, purpose, extra));
    }
}
