package org.netgauss.kernel.execution;

import java.util.ArrayList;
import java.util.List;

/** The compiler rejected part of a cell; {@link #diagnostics()} point at lines of the cell. */
public final class CompilationException extends CellException {
    private static final long serialVersionUID = 1L;

    /** One compiler message: 1-based line in the cell, the column span on that line, the message. */
    public record Diagnostic(int line, int startColumn, int endColumn, String sourceLine, String message) {
    }

    private final transient List<Diagnostic> diagnostics;

    CompilationException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "compile error"
                : "line " + diagnostics.get(0).line() + ": " + diagnostics.get(0).message(), null);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            lines.add("Compile error at line " + d.line() + " of the cell:");
            lines.add("    " + d.sourceLine());
            int width = Math.max(1, d.endColumn() - d.startColumn());
            lines.add("    " + " ".repeat(Math.max(0, d.startColumn())) + "^".repeat(Math.min(width,
                    Math.max(1, d.sourceLine().length() - d.startColumn()))));
            for (String m : d.message().split("\n")) {
                if (!m.isBlank() && !m.strip().startsWith("location:")) {
                    lines.add(m);
                }
            }
        }
        return lines;
    }
}
