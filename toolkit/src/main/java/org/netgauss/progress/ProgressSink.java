package org.netgauss.progress;

/** Where a {@link Progress} shows its states: a notebook output, a terminal line, or a log. */
interface ProgressSink {
    /** Shows a state (never called more often than {@link #minIntervalNanos()}, except the final state). */
    void show(ProgressState state);

    /** The shortest time between two shown states; the final state is always shown. */
    long minIntervalNanos();
}
