package org.netgauss.progress;

import java.io.Console;
import java.io.PrintStream;

/**
 * Progress as text on a stream (stderr outside a notebook). On a terminal one line is rewritten in place
 * with {@code \r} up to five times a second; in a log (redirected output, batch jobs) a full line is written
 * at most every ten seconds, so logs stay readable.
 */
final class StreamProgressSink implements ProgressSink {
    static final long TERMINAL_INTERVAL_NANOS = 200_000_000L;
    static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private int lastLength;

    StreamProgressSink(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void show(ProgressState state) {
        String line = state.text();
        if (terminal) {
            // pad with spaces to wipe the rest of a longer previous line
            String pad = " ".repeat(Math.max(0, lastLength - line.length()));
            out.print("\r" + line + pad + (state.finished() ? "\n" : ""));
            lastLength = state.finished() ? 0 : line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public long minIntervalNanos() {
        return terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS;
    }

    /** Whether this process writes to an interactive terminal ({@code Console.isTerminal()} from Java 22 on). */
    static boolean attachedToTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // From Java 22 System.console() is non-null even when redirected; isTerminal() tells the truth.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 17-21: a console exists only for a terminal
        }
    }
}
