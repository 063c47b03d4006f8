package org.netgauss.kernel;

import java.io.PrintStream;

/**
 * The kernel's own log: one line per event on the stderr the JVM started with, which Jupyter keeps as the
 * kernel's log. Cells replace {@code System.err} with a stream into the notebook, so the kernel must not log
 * through {@code System.err} while a cell runs: a dropped message would show up in someone's output.
 */
public final class KernelLog {
    private static final PrintStream STDERR = System.err;

    private KernelLog() {
    }

    /** Prints {@code netgauss kernel: <line>} to the original stderr. */
    public static void line(String line) {
        synchronized (STDERR) {
            STDERR.println("netgauss kernel: " + line);
            STDERR.flush();
        }
    }
}
