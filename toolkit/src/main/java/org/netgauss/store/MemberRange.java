package org.netgauss.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A contiguous range of global member indices {@code [first, first + count)} of an ensemble of
 * {@code ensembleSize} members: the part of the ensemble one shard (one Slurm array task) trains.
 *
 * <p>Two ways to name one on the command line:
 * <ul>
 *   <li>{@code --members FROM:TO}, half-open like a Python slice: {@code 0:250} is members 0..249;</li>
 *   <li>{@code --shard K/N}, shard {@code K} (0-based, as {@code SLURM_ARRAY_TASK_ID}) of {@code N} balanced
 *       shards: members {@code floor(K E / N)} to {@code floor((K+1) E / N)}, so shard sizes differ by at most
 *       one and the N shards cover the ensemble exactly once.</li>
 * </ul>
 *
 * @param first        first global member index
 * @param count        number of members (at least 1)
 * @param ensembleSize members in the whole ensemble
 */
public record MemberRange(int first, int count, int ensembleSize) {
    private static final Pattern MEMBERS = Pattern.compile("\\s*(\\d+)\\s*:\\s*(\\d+)\\s*");
    private static final Pattern SHARD = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

    public MemberRange {
        if (ensembleSize < 1) {
            throw new IllegalArgumentException("ensemble size must be >= 1, found " + ensembleSize);
        }
        if (first < 0 || count < 1 || (long) first + count > ensembleSize) {
            throw new IllegalArgumentException("member range " + first + ":" + ((long) first + count)
                    + " must be non-empty and inside 0:" + ensembleSize);
        }
    }

    /** All members. */
    public static MemberRange all(int ensembleSize) {
        return new MemberRange(0, ensembleSize, ensembleSize);
    }

    /**
     * Parses {@code FROM:TO} (half-open).
     *
     * @throws IllegalArgumentException naming the text and the ensemble size if it is malformed or out of range
     */
    public static MemberRange parseMembers(String spec, int ensembleSize) {
        Matcher m = MEMBERS.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("--members '" + spec + "': expected FROM:TO (half-open, e.g. 0:250)");
        }
        long from = Long.parseLong(m.group(1));
        long to = Long.parseLong(m.group(2));
        if (to <= from || to > ensembleSize) {
            throw new IllegalArgumentException("--members '" + spec + "': need FROM < TO <= " + ensembleSize
                    + " (the ensemble size)");
        }
        return new MemberRange((int) from, (int) (to - from), ensembleSize);
    }

    /**
     * Parses {@code K/N}: shard K (0-based) of N balanced shards.
     *
     * @throws IllegalArgumentException if it is malformed, K >= N, or N exceeds the ensemble size
     */
    public static MemberRange parseShard(String spec, int ensembleSize) {
        Matcher m = SHARD.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("--shard '" + spec + "': expected K/N, shard K (0-based) of N, e.g. 3/8");
        }
        long k = Long.parseLong(m.group(1));
        long n = Long.parseLong(m.group(2));
        if (n < 1 || k >= n) {
            throw new IllegalArgumentException("--shard '" + spec + "': need 0 <= K < N (K is 0-based, like SLURM_ARRAY_TASK_ID)");
        }
        if (n > ensembleSize) {
            throw new IllegalArgumentException("--shard '" + spec + "': " + n + " shards for " + ensembleSize
                    + " members would leave some shards empty; use at most " + ensembleSize + " shards");
        }
        return shard((int) k, (int) n, ensembleSize);
    }

    /** Shard {@code k} (0-based) of {@code n} balanced shards of an ensemble of {@code ensembleSize}. */
    public static MemberRange shard(int k, int n, int ensembleSize) {
        if (n < 1 || k < 0 || k >= n || n > ensembleSize) {
            throw new IllegalArgumentException("shard " + k + "/" + n + " of " + ensembleSize
                    + " members: need 0 <= k < n <= ensemble size");
        }
        int from = (int) ((long) k * ensembleSize / n);
        int to = (int) ((long) (k + 1) * ensembleSize / n);
        return new MemberRange(from, to - from, ensembleSize);
    }

    /** One past the last member. */
    public int end() { return first + count; }

    public boolean contains(int member) { return member >= first && member < end(); }

    public boolean isWholeEnsemble() { return first == 0 && count == ensembleSize; }

    /** {@code FROM:TO}, the form {@link #parseMembers} reads. */
    @Override
    public String toString() {
        return first + ":" + end();
    }
}
