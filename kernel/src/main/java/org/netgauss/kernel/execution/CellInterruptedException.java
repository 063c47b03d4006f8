package org.netgauss.kernel.execution;

import java.util.List;

/** The cell was stopped by Kernel → Interrupt, or because it ran longer than the configured timeout. */
public final class CellInterruptedException extends CellException {
    private static final long serialVersionUID = 1L;
    private final long timeoutMillis;

    CellInterruptedException(long timeoutMillis) {
        super(timeoutMillis > 0 ? "cell timed out after " + timeoutMillis + " ms" : "cell interrupted", null);
        this.timeoutMillis = timeoutMillis;
    }

    /** The timeout that stopped the cell, or 0 if a person interrupted it. */
    public long timeoutMillis() {
        return timeoutMillis;
    }

    @Override
    public List<String> describe() {
        return List.of(timeoutMillis > 0
                ? "Cell stopped: it ran longer than the kernel's timeout of " + timeoutMillis + " ms."
                : "Cell interrupted. Variables assigned before the interrupt keep their values.");
    }
}
