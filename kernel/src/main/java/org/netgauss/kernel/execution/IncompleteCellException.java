package org.netgauss.kernel.execution;

import java.util.List;

/** The cell ends inside a statement: an unclosed brace, bracket, string or comment. */
public final class IncompleteCellException extends CellException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final String snippet;

    IncompleteCellException(int line, String snippet) {
        super("incomplete cell: the statement starting at line " + line + " is not closed", null);
        this.line = line;
        this.snippet = snippet;
    }

    public int line() {
        return line;
    }

    @Override
    public List<String> describe() {
        String first = snippet.strip().lines().findFirst().orElse("");
        return List.of("Incomplete cell: the statement starting at line " + line + " never ends:",
                "    " + first,
                "Check for an unbalanced '{', '(' or '[', an unclosed string or comment, or a missing ';'.");
    }
}
