package org.netgauss.kernel.execution;

/**
 * Thrown inside notebook code to unwind it after Kernel → Interrupt. An {@link Error}, so that a user's
 * {@code catch (Exception e)} does not swallow it.
 */
public final class CellInterruptedError extends Error {
    private static final long serialVersionUID = 1L;

    public CellInterruptedError() {
        super("cell interrupted", null, false, false);
    }
}
