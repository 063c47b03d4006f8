package org.netgauss.kernel.execution;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs notebook cells in JShell, in this JVM. A cell is split into complete snippets (statements,
 * declarations, expressions) which run one after another; the value of the last one, if it is an expression,
 * is the cell's value, as an object.
 */
public final class CellEvaluator implements AutoCloseable {
    private final JShell shell;
    private final SnippetExecutionControl control;
    /** Runs just before JShell compiles each snippet: lets a test interrupt a cell at that point. */
    private volatile Runnable beforeCompile = () -> { };

    private CellEvaluator(JShell shell, SnippetExecutionControl control) {
        this.shell = shell;
        this.control = control;
    }

    /**
     * @param parent          the loader notebook classes delegate to first (the kernel's)
     * @param compilerOptions extra javac options, e.g. {@code --enable-preview}
     * @param timeoutMillis   longest a snippet may run, or 0 for no limit
     */
    public static CellEvaluator create(ClassLoader parent, List<String> compilerOptions, long timeoutMillis) {
        SnippetExecutionControl control = new SnippetExecutionControl(new SnippetLoaderDelegate(parent),
                timeoutMillis);
        ExecutionControlProvider provider = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "netgauss";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
        JShell shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .compilerOptions(compilerOptions.toArray(String[]::new))
                .build();
        CellEvaluator evaluator = new CellEvaluator(shell, control);
        // notebook code compiles against the kernel's own classpath (display statics, magics' types)
        evaluator.addToClasspath(System.getProperty("java.class.path", ""));
        return evaluator;
    }

    /** Adds jars and class folders ({@link File#pathSeparator}-separated) for compiling and running cells. */
    public void addToClasspath(String classpath) {
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
    }

    /** The loader of notebook classes: service lookups for renderers go through it. */
    public ClassLoader classLoader() {
        return control.classLoader();
    }

    public JShell shell() {
        return shell;
    }

    /**
     * Runs a cell and returns the value of its last snippet if that is an expression, else {@code null}.
     *
     * @throws CellException when the cell is incomplete, does not compile, throws or is interrupted
     */
    public Object eval(String cell) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = cell;
        Object value = null;
        beginCell();
        try {
            while (!remaining.isBlank()) {
                if (control.stopPending()) {
                    throw new CellInterruptedException(0); // the rest of the cell is not even compiled
                }
                int offset = cell.length() - remaining.length();
                CompletionInfo info = analysis.analyzeCompletion(remaining);
                String source = info.source();
                switch (info.completeness()) {
                    case EMPTY:
                        return value;
                    case DEFINITELY_INCOMPLETE:
                    case CONSIDERED_INCOMPLETE:
                        throw new IncompleteCellException(CellException.lineOf(cell, offset + leadingBlank(remaining)),
                                remaining);
                    case UNKNOWN:
                        // not a valid snippet: let the compiler say why, over the rest of the cell
                        source = remaining;
                        remaining = "";
                        break;
                    default:
                        remaining = info.remaining();
                }
                value = evalSnippet(cell, offset + startOf(source, cell.substring(offset)), source);
            }
            return value;
        } finally {
            control.clearResults();
            endCell();
        }
    }

    /**
     * Opens the scope of one cell for {@link #interrupt()}: an interrupt between this call and {@link #endCell()}
     * stops the cell, even one that arrives before the cell's code starts (while it waits or is compiled), and
     * is forgotten at {@code endCell}. {@link #eval} opens one itself; a caller opens it earlier when a cell can
     * wait before {@code eval} (the kernel, from the moment it takes an execute request). Calls nest.
     */
    public void beginCell() {
        control.beginCell();
    }

    /** Closes the scope {@link #beginCell()} opened. */
    public void endCell() {
        control.endCell();
    }

    /** For tests: {@code hook} runs just before JShell compiles each snippet, on the evaluating thread. */
    void beforeCompile(Runnable hook) {
        beforeCompile = hook;
    }

    private Object evalSnippet(String cell, int start, String source) {
        beforeCompile.run();
        List<SnippetEvent> events = shell.eval(source);
        Object value = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a consequence for another snippet (e.g. an overwritten declaration)
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                throw compilationError(cell, start, snippet);
            }
            JShellException thrown = event.exception();
            if (thrown != null) {
                throw runtimeError(thrown);
            }
            boolean isExpression = snippet.kind() == Snippet.Kind.EXPRESSION
                    || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            // as in IPython, a trailing ';' says "run it, show nothing": display(x); shows x, not its id
            boolean silenced = source.strip().endsWith(";");
            value = isExpression && !silenced ? control.takeResult(event.value()) : null;
        }
        return value;
    }

    private CellException runtimeError(JShellException thrown) {
        boolean timedOut = control.takeTimedOut();
        if (control.takeInterrupted() || timedOut) {
            control.takeLastThrown();
            return new CellInterruptedException(timedOut ? control.timeoutMillis() : 0);
        }
        if (thrown instanceof UnresolvedReferenceException unresolved) {
            String missing = shell.unresolvedDependencies(unresolved.getSnippet()).collect(Collectors.joining(", "));
            return new CellRuntimeException(new IllegalStateException("'" + unresolved.getSnippet().source().strip()
                    + "' uses what is not defined yet: " + missing));
        }
        Throwable original = control.takeLastThrown();
        if (original instanceof CellInterruptedError) {
            return new CellInterruptedException(0);
        }
        return new CellRuntimeException(original != null ? original : (EvalException) thrown);
    }

    private CompilationException compilationError(String cell, int start, Snippet snippet) {
        List<CompilationException.Diagnostic> found = new ArrayList<>();
        List<Diag> diags = shell.diagnostics(snippet).collect(Collectors.toList());
        for (Diag d : diags) {
            if (!d.isError()) {
                continue;
            }
            long pos = Math.max(0, d.getStartPosition());
            int absolute = start + (int) Math.min(pos, snippet.source().length());
            int line = CellException.lineOf(cell, absolute);
            int lineStart = cell.lastIndexOf('\n', Math.max(0, absolute - 1)) + 1;
            if (absolute == 0) {
                lineStart = 0;
            }
            int column = Math.max(0, absolute - lineStart);
            int width = (int) Math.max(1, d.getEndPosition() - d.getStartPosition());
            found.add(new CompilationException.Diagnostic(line, column, column + width,
                    CellException.lineText(cell, line), d.getMessage(Locale.ENGLISH)));
        }
        if (found.isEmpty()) {
            String missing = snippet instanceof jdk.jshell.DeclarationSnippet decl
                    ? shell.unresolvedDependencies(decl).collect(Collectors.joining(", ")) : "";
            int line = CellException.lineOf(cell, start);
            found.add(new CompilationException.Diagnostic(line, 0, 1, CellException.lineText(cell, line),
                    missing.isEmpty() ? "rejected by the compiler" : "unresolved: " + missing));
        }
        return new CompilationException(found);
    }

    /** Where {@code source} starts in {@code text}: JShell's snippet source is the text less leading blanks
     * and comments, sometimes with a ';' added, so the start is found by its first characters. */
    private static int startOf(String source, String text) {
        String head = source.strip();
        head = head.substring(0, Math.min(head.length(), 24));
        int at = head.isEmpty() ? -1 : text.indexOf(head);
        return at >= 0 ? at : leadingBlank(text);
    }

    private static int leadingBlank(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Jupyter's {@code is_complete}: "complete", "invalid", or the indent to continue with when the code
     * ends inside a statement.
     */
    public String isComplete(String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY:
                    return "complete";
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return "    ";
                case UNKNOWN:
                    return "invalid";
                default:
                    remaining = info.remaining();
            }
        }
        return "complete";
    }

    /**
     * Stops the open cell ({@link #beginCell()}), whether its code is running or not started yet; with no cell
     * open it does nothing. Safe to call from another thread.
     */
    public void interrupt() {
        control.interruptRunning();
    }

    @Override
    public void close() {
        shell.close();
    }
}
