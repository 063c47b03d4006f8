package org.netgauss.store.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulated crashes for the kill-9 tests: with the system property {@code netgauss.test.haltAt=K}, the K-th
 * crash point this process reaches halts the JVM at once ({@link Runtime#halt}: no finally blocks, no shutdown
 * hooks, buffers not flushed, exactly like {@code kill -9}). Crash points sit where a kill is most harmful: after a
 * run directory is locked, and before and after every atomic rename. Without the property this is a no-op.
 *
 * <p>The counter is the one piece of static mutable state in the toolkit, on purpose: it counts events of the
 * whole process, which is what a crash interrupts.
 */
public final class CrashPoints {
    /** The property naming the crash point to halt at (1-based). */
    public static final String PROPERTY = "netgauss.test.haltAt";
    /** Exit status of a simulated crash, that of a process killed by SIGKILL. */
    public static final int STATUS = 137;
    private static final int HALT_AT = Integer.getInteger(PROPERTY, 0);
    private static final AtomicInteger REACHED = new AtomicInteger();

    private CrashPoints() {
    }

    /** Marks a crash point; halts the JVM if it is the one the property names. */
    public static void reached() {
        if (HALT_AT > 0 && REACHED.incrementAndGet() == HALT_AT) {
            Runtime.getRuntime().halt(STATUS);
        }
    }
}
