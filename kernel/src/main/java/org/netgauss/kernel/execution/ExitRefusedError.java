package org.netgauss.kernel.execution;

import java.util.Arrays;

/**
 * What a cell gets instead of ending the kernel's JVM. {@link StopInstrumenter} rewrites every call of
 * {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in snippet bytecode (direct calls, method
 * references and method-handle constants) into a call of the static methods here, which throw this error: the
 * cell fails with a message that says what happened, and the kernel answers on. An {@link Error}, so that a
 * {@code catch (Exception e)} around the call does not let the cell run on as if the JVM had ended.
 * Calls made by library code or through reflection are not rewritten.
 */
public final class ExitRefusedError extends Error {
    private static final long serialVersionUID = 1L;

    private ExitRefusedError(String call) {
        super(call + " would end the JVM that runs this notebook's kernel, so the cell stops here instead;"
                + " restart or shut down the kernel from Jupyter to end it");
        // the top frame is the method below, not the notebook's code
        StackTraceElement[] trace = getStackTrace();
        setStackTrace(Arrays.copyOfRange(trace, Math.min(1, trace.length), trace.length));
    }

    /** Stands for {@code System.exit(status)} in snippet code. */
    public static void systemExit(int status) {
        throw new ExitRefusedError("System.exit(" + status + ")");
    }

    /** Stands for {@code runtime.exit(status)} in snippet code. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitRefusedError("Runtime.exit(" + status + ")");
    }

    /** Stands for {@code runtime.halt(status)} in snippet code. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitRefusedError("Runtime.halt(" + status + ")");
    }
}
