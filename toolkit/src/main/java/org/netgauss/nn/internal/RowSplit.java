package org.netgauss.nn.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Runs a loop over rows {@code [0, n)} on the calling thread, or cut into contiguous chunks with one chunk per
 * thread when the work is big enough to pay for the hand-off. The trainer uses it to spread one wide member's
 * layer products over the cores when there are fewer members than cores. Every row is computed by exactly one
 * thread with the same arithmetic, so the result does not depend on the split.
 */
public final class RowSplit {
    /** Runs everything on the calling thread. */
    public static final RowSplit INLINE = new RowSplit(1);

    /** Below this many multiply-adds a split costs more in hand-off than it saves. */
    static final long MIN_WORK = 100_000;

    /** A loop body over the rows {@code [from, to)}. */
    @FunctionalInterface
    public interface Body {
        void run(int from, int to);
    }

    private final int parts;
    private volatile ForkJoinPool pool;

    /** A split into at most {@code parts} chunks; the calling thread computes the first. */
    public RowSplit(int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be >= 1, found " + parts);
        }
        this.parts = parts;
    }

    public int parts() {
        return parts;
    }

    /**
     * Runs {@code body} over {@code [0, n)}, split when {@code n · workPerRow} reaches {@link #MIN_WORK}; chunk
     * boundaries fall on multiples of {@code align} so vector kernels keep their register blocks.
     */
    public void run(int n, int align, long workPerRow, Body body) {
        if (parts == 1 || n < 2 * align || n * workPerRow < MIN_WORK) {
            body.run(0, n);
            return;
        }
        int chunk = (n + parts - 1) / parts;
        chunk = (chunk + align - 1) / align * align;
        ForkJoinPool p = pool();
        ForkJoinTask<?>[] rest = new ForkJoinTask<?>[parts - 1];
        int tasks = 0;
        for (int from = chunk; from < n; from += chunk) {
            int f = from;
            int t = Math.min(n, from + chunk);
            rest[tasks++] = p.submit(() -> body.run(f, t));
        }
        body.run(0, Math.min(n, chunk));
        for (int i = 0; i < tasks; i++) {
            rest[i].join();
        }
    }

    private ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    pool = new ForkJoinPool(parts - 1, fj -> {
                        var th = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(fj);
                        th.setName("netgauss-rows-" + th.getPoolIndex());
                        th.setDaemon(true);
                        return th;
                    }, null, false);
                }
                p = pool;
            }
        }
        return p;
    }
}
