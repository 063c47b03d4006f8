package org.netgauss.kernel.execution;

import java.util.List;

/**
 * A cell that could not be run to the end. Each subclass carries the data of its failure and says it in
 * lines a person can act on ({@link #describe()}); the kernel only adds colour.
 */
public abstract sealed class CellException extends RuntimeException
        permits CompilationException, IncompleteCellException, CellRuntimeException, CellInterruptedException {
    private static final long serialVersionUID = 1L;

    CellException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The error report, one line per element, no line breaks inside. */
    public abstract List<String> describe();

    /** The 1-based line of {@code cell} that holds character {@code offset}. */
    static int lineOf(String cell, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, cell.length()); i++) {
            if (cell.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Line {@code line} (1-based) of {@code text}, or "" past its end. */
    static String lineText(String text, int line) {
        String[] lines = text.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }
}
