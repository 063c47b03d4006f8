package org.netgauss.kernel;

import jdk.jshell.SourceCodeAnalysis;
import org.netgauss.kernel.inspect.Inspector;
import org.netgauss.kernel.inspect.SourceJavadoc;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;
import org.dflib.jjava.jupyter.kernel.util.PathsHandler;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.netgauss.kernel.execution.CellEvaluator;
import org.netgauss.kernel.execution.CellException;
import org.netgauss.kernel.magic.ClasspathMagic;
import org.netgauss.kernel.magic.JarsMagic;
import org.netgauss.kernel.magic.LoadMagic;
import org.netgauss.kernel.magic.MavenMagic;
import org.netgauss.kernel.magic.MavenRepoMagic;
import org.netgauss.kernel.maven.MavenResolver;
import org.netgauss.kernel.output.CellOutput;

import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Java kernel: Jupyter's messages (from JJava's protocol library) on one side, JShell in this JVM on the
 * other. Cells may mix Java with IJava's line magics ({@code %jars}, {@code %classpath}, {@code %load},
 * {@code %maven}, {@code %mavenRepo}); the cell's last expression is rendered through the renderers,
 * including those that libraries register through the {@code Extension} service.
 */
public final class NetgaussKernel extends BaseKernel {
    /** Imported into every session, so notebooks written for IJava and JJava start the same way here. */
    static final String BUILTIN_IMPORTS = String.join("\n",
            "import java.util.*;",
            "import java.util.function.*;",
            "import java.util.stream.*;",
            "import java.io.*;",
            "import java.nio.file.*;",
            "import java.math.*;",
            "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;");

    private static final Pattern MAGIC_NAME = Pattern.compile("^(%{1,2})([\\w\\-]*)$");

    private final InMemoryHistory history;
    private final CellOutput output;
    private final KernelConfig config;
    private final CountDownLatch started = new CountDownLatch(1);
    /** Built on the startup thread, so that kernel_info is answered while JShell loads; null until then. */
    private volatile CellEvaluator evaluator;
    private volatile Inspector inspector;
    private volatile RuntimeException startupFailure;
    /** Guards {@link #cellWaiting} and {@link #interruptedWhileWaiting}. */
    private final Object interruptLock = new Object();
    /** An execute request has been taken but JShell is not ready for it yet (still starting). */
    private boolean cellWaiting;
    private boolean interruptedWhileWaiting;

    private NetgaussKernel(String version, InMemoryHistory history, MagicsRegistry magics, CellOutput output,
                           KernelConfig config) {
        super("netgauss", version,
                new LanguageInfo.Builder("java")
                        .version(Runtime.version().toString())
                        .mimetype("text/x-java-source")
                        .fileExtension(".jshell")
                        .pygments("java")
                        .codemirror("text/x-java")
                        .build(),
                List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/"),
                        new HelpLink("netgauss toolkit (javadoc)", config.javadocUrl())),
                history,
                new JupyterIO(StandardCharsets.UTF_8),
                new CommManager(),
                new Renderer(),
                // a line magic is '%' at the start of a line or right after '=' (so 'var jars = %jars x' works)
                new MagicParser("(?<=(?:^|=))\\s*%", "%%", new MagicTranspiler()),
                magics,
                true,
                new StringStyler.Builder()
                        .addPrimaryStyle(TextColor.BOLD_RESET_FG)
                        .addSecondaryStyle(TextColor.BOLD_RED_FG)
                        .addHighlightStyle(TextColor.BOLD_RESET_FG)
                        .addHighlightStyle(TextColor.RED_BG)
                        .build());
        this.history = history;
        this.output = output;
        this.config = config;
    }

    /**
     * Builds a kernel with its magics. JShell (with the configured classpath and options) and the startup code
     * (built-in imports, startup scripts, inline script) come with {@link #startInBackground()}.
     */
    public static NetgaussKernel create(KernelConfig config, String version) {
        MagicsRegistry magics = new MagicsRegistry();
        Supplier<MavenResolver> maven = MavenResolver.onFirstUse(); // most notebooks never call %maven
        magics.registerLineMagic("jars", new JarsMagic());
        magics.registerLineMagic("classpath", new ClasspathMagic());
        magics.registerLineMagic("load", new LoadMagic());
        magics.registerLineMagic("maven", new MavenMagic(maven));
        magics.registerLineMagic("addMavenDependency", new MavenMagic(maven));
        magics.registerLineMagic("addMavenDependencies", new MavenMagic(maven));
        magics.registerLineMagic("mavenRepo", new MavenRepoMagic(maven));
        magics.registerLineMagic("addMavenRepo", new MavenRepoMagic(maven));
        return new NetgaussKernel(version, new InMemoryHistory(), magics, new CellOutput(config.outputLimitBytes()),
                config);
    }

    /**
     * On a thread of its own: builds JShell with the configured classpath, makes this the notebook kernel,
     * installs the {@code Extension}s and runs the startup code. The kernel answers {@code kernel_info} meanwhile;
     * requests that need JShell wait for it ({@link #awaitStartup()}). If JShell cannot be built (a classpath
     * entry that matches no file), the kernel log and every cell say why.
     */
    public void startInBackground() {
        Thread t = new Thread(() -> {
            try {
                CellEvaluator e = CellEvaluator.create(NetgaussKernel.class.getClassLoader(),
                        config.compilerOptions(), config.timeoutMillis());
                if (!config.classpath().isBlank()) {
                    e.addToClasspath(resolveClasspath(config.classpath()));
                }
                inspector = new Inspector(e.shell(), new SourceJavadoc(config.sourcePath()));
                evaluator = e;
                onStartup();
                runStartupCode();
            } catch (RuntimeException e) {
                startupFailure = e;
                KernelLog.line("could not start JShell: " + e.getMessage());
            } finally {
                started.countDown();
            }
        }, "kernel-startup");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Blocks until {@link #startInBackground} has finished (at once if it has).
     *
     * @throws IllegalStateException if JShell could not be started
     */
    public void awaitStartup() {
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the kernel was starting", e);
        }
        if (evaluator == null) {
            throw new IllegalStateException("the kernel could not start JShell: "
                    + (startupFailure != null ? startupFailure.getMessage() : "unknown reason"));
        }
    }

    /** Runs the startup code. Call after {@link #onStartup()} has made this the notebook kernel. */
    private void runStartupCode() {
        evaluator.eval(BUILTIN_IMPORTS);
        List<String> code = new ArrayList<>();
        config.startupScripts().forEach(script -> code.add(LoadMagic.read(Path.of(script))));
        code.add(config.startupScript());
        for (String c : code) {
            try {
                evalRaw(c);
            } catch (RuntimeException e) {
                // a broken startup script should not keep the kernel from starting: say so in the kernel log
                System.err.println("netgauss kernel: startup code failed: " + String.join("\n", formatError(e)));
            }
        }
    }

    /**
     * Adds jars and class folders to the notebook's classpath (globs allowed, {@link File#pathSeparator}
     * between entries) and installs the {@code Extension}s they bring.
     *
     * @return the paths added
     */
    public List<Path> addToClasspath(String classpath) {
        String resolved = resolveClasspath(classpath);
        evaluator.addToClasspath(resolved);
        installExtensions(evaluator.classLoader());
        List<Path> paths = new ArrayList<>();
        for (String p : resolved.split(File.pathSeparator)) {
            if (!p.isBlank()) {
                paths.add(Path.of(p));
            }
        }
        return paths;
    }

    private static String resolveClasspath(String classpath) {
        List<String> out = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            List<Path> matches = PathsHandler.resolveGlobs(entry.strip());
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("classpath entry '" + entry + "' matches no file"
                        + " (relative to " + Path.of("").toAbsolutePath() + ")");
            }
            matches.forEach(p -> out.add(p.toAbsolutePath().toString()));
        }
        return String.join(File.pathSeparator, out);
    }

    @Override
    public Object evalRaw(String source) {
        try {
            return evaluator.eval(magicParser.resolveMagics(source));
        } finally {
            output.drain(); // the cell's text goes before its result or error
        }
    }

    /**
     * Points {@code System.out}/{@code err} at the batched {@link CellOutput} for the cell of {@code env}, and
     * {@code System.in} at Jupyter's input requests, sending pending output before each prompt.
     */
    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        output.attach((stream, text) -> env.getIopub().sendMessage(new Message<>(env.getContext(),
                PublishStream.MESSAGE_TYPE, new PublishStream("stderr".equals(stream)
                        ? PublishStream.StreamType.ERR : PublishStream.StreamType.OUT, text))));
        System.setOut(output.out());
        System.setErr(output.err());
        System.setIn(new FilterInputStream(io.in) {
            @Override
            public int read() throws IOException {
                output.drain();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                output.drain();
                return super.read(b, off, len);
            }
        });
        env.defer(() -> {
            output.detach();
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        });
    }

    /** Shows {@code data} after what the cell has printed so far. */
    @Override
    public void display(DisplayData data) {
        output.drain();
        super.display(data);
    }

    /** Renders the cell's value; every bundle has a text/plain entry, as the protocol asks. */
    @Override
    public DisplayData eval(String expr) {
        Object value = evalRaw(expr);
        if (value == null) {
            return null;
        }
        DisplayData data = value instanceof DisplayData d ? d : getRenderer().render(value);
        if (!data.hasDataForType(MIMEType.TEXT_PLAIN)) {
            data.putText(String.valueOf(value));
        }
        return data;
    }

    @Override
    protected void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        synchronized (interruptLock) {
            cellWaiting = true;
            interruptedWhileWaiting = false;
        }
        CellEvaluator e;
        try {
            awaitStartup();
            e = evaluator;
            // from here to endCell an interrupt is aimed at this cell, whether its code runs yet or not
            synchronized (interruptLock) {
                e.beginCell();
                if (interruptedWhileWaiting) {
                    e.interrupt();
                }
            }
        } finally {
            synchronized (interruptLock) {
                cellWaiting = false;
            }
        }
        try {
            ExecuteRequest request = message.getContent();
            if (request.shouldStoreHistory()) {
                history.record(executionCount.get(), request.getCode(), "");
            }
            super.handleExecuteRequest(env, message);
        } finally {
            e.endCell();
        }
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new StatusReplies.KernelInfo(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(),
                getBanner(), getHelpLinks()));
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        if (!request.useRaw()) {
            flags.add(HistoryManager.ResultFlag.TRANSFORMED_INPUT);
        }
        List<HistoryEntry> entries = switch (request.getAccessType()) {
            case TAIL -> history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                yield history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
            }
            case SEARCH -> {
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                if (search.filterUnique()) {
                    flags.add(HistoryManager.ResultFlag.UNIQUE);
                }
                yield history.search(search.getPattern(), search.getMaxReturnLength(), flags);
            }
        };
        env.reply(new StatusReplies.History(entries));
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        awaitStartup();
        return inspector.inspect(code, at);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        awaitStartup();
        int lineStart = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        Matcher magic = MAGIC_NAME.matcher(code.substring(lineStart, at));
        if (magic.find()) {
            Set<String> names = magic.group(1).equals("%%")
                    ? magicsRegistry.getCellMagicNames() : magicsRegistry.getLineMagicNames();
            List<String> options = new TreeSet<>(names).stream()
                    .filter(n -> n.startsWith(magic.group(2)))
                    .map(n -> magic.group(1) + n)
                    .collect(Collectors.toList());
            return new ReplacementOptions(options, lineStart, at);
        }
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                evaluator.shell().sourceCodeAnalysis().completionSuggestions(code, at, anchor);
        List<String> options = suggestions.stream()
                .sorted((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .collect(Collectors.toList());
        return new ReplacementOptions(options, anchor[0], at);
    }

    @Override
    public String isComplete(String code) {
        awaitStartup();
        String result = evaluator.isComplete(magicParser.resolveMagics(code));
        return switch (result) {
            case "complete" -> IS_COMPLETE_YES;
            case "invalid" -> IS_COMPLETE_BAD;
            default -> result;
        };
    }

    /**
     * Stops the cell being executed: at once if its code runs, as soon as it starts if it waits for JShell or is
     * being compiled. An interrupt with no cell taken is dropped, so it cannot stop the next one.
     */
    @Override
    public void interrupt() {
        synchronized (interruptLock) {
            if (cellWaiting) {
                interruptedWhileWaiting = true;
                return;
            }
            CellEvaluator e = evaluator;
            if (e != null) {
                e.interrupt();
            }
        }
    }

    @Override
    public List<String> formatError(Throwable e) {
        Throwable t = e;
        // the display statics wrap a magic's failure in a RuntimeException: report the magic's own message
        if (t instanceof CellException cell && cell.getCause() instanceof RuntimeException r
                && r.getMessage() != null && r.getMessage().startsWith("Exception occurred while running")) {
            return List.of(errorStyler.secondary(r.getMessage()));
        }
        if (t instanceof CellException cell && cell.getCause() instanceof UndefinedMagicException u) {
            t = u;
        }
        if (t instanceof UndefinedMagicException u) {
            Set<String> known = u.isCellMagic() ? magicsRegistry.getCellMagicNames()
                    : magicsRegistry.getLineMagicNames();
            String sigil = u.isCellMagic() ? "%%" : "%";
            return List.of(errorStyler.secondary("Unknown magic " + sigil + u.getMagicName() + ". Known: "
                    + new TreeSet<>(known).stream().map(n -> sigil + n).collect(Collectors.joining(", "))
                    + (known.isEmpty() ? "(none)" : "")));
        }
        if (t instanceof CellException cell) {
            List<String> lines = cell.describe();
            List<String> styled = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                styled.add(i == 0 ? errorStyler.secondary(lines.get(i)) : lines.get(i));
            }
            return styled;
        }
        return super.formatError(t);
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        CellEvaluator e = evaluator;
        if (e != null) {
            e.close();
        }
    }

    @Override
    protected ClassLoader getClassLoader() {
        CellEvaluator e = evaluator;
        return e != null ? e.classLoader() : NetgaussKernel.class.getClassLoader();
    }

    /** Installs the {@code Extension}s visible to {@code loader} that are not installed yet. */
    @Override
    protected void installExtensions(ClassLoader loader) {
        if (extensionsEnabled) {
            super.installExtensions(loader);
        }
    }

}
