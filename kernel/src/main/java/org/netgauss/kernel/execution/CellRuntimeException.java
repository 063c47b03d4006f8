package org.netgauss.kernel.execution;

import java.util.ArrayList;
import java.util.List;

/**
 * Notebook code threw. {@link #describe()} shows the exception, its causes and the stack frames of user and
 * library code, without the kernel's and reflection's frames underneath.
 */
public final class CellRuntimeException extends CellException {
    private static final long serialVersionUID = 1L;

    CellRuntimeException(Throwable thrown) {
        super(thrown.toString(), thrown);
    }

    /** What the notebook code threw. */
    public Throwable thrown() {
        return getCause();
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        Throwable t = getCause();
        String prefix = "";
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            lines.add(prefix + t);
            for (StackTraceElement e : t.getStackTrace()) {
                String cls = e.getClassName();
                if (cls.startsWith("jdk.internal.reflect.") || cls.startsWith("java.lang.reflect.")
                        || cls.startsWith("org.netgauss.kernel.")) {
                    break; // below here is the kernel running the cell, not the user's code
                }
                lines.add("    at " + frame(e));
            }
            prefix = "Caused by: ";
        }
        return lines;
    }

    private static String frame(StackTraceElement e) {
        if (e.getClassName().startsWith("REPL.")) {
            // JShell's wrapper classes: do_it$ is the cell itself, any other method is one the notebook declared
            return "do_it$".equals(e.getMethodName()) ? "cell" : e.getMethodName() + "(declared in the notebook)";
        }
        return e.toString();
    }
}
