package org.netgauss.kernel.execution;

/**
 * The thread that runs notebook code. Instrumented snippet code polls {@link #checkStop()} at every backward
 * branch and method entry, so an interrupt stops even a {@code while (true) {}} loop on JDKs where
 * {@code Thread.stop} no longer exists.
 */
public final class SnippetThread extends Thread {
    private volatile boolean stopRequested;

    SnippetThread(Runnable target, String name) {
        super(target, name);
        setDaemon(true);
    }

    void requestStop() {
        stopRequested = true;
        interrupt();
    }

    void clearStop() {
        stopRequested = false;
    }

    /**
     * Called from instrumented snippet bytecode. Throws {@link CellInterruptedError} when the cell running on
     * this thread has been interrupted; a no-op on any other thread.
     */
    public static void checkStop() {
        if (Thread.currentThread() instanceof SnippetThread t && t.stopRequested) {
            t.stopRequested = false;
            throw new CellInterruptedError();
        }
    }
}
