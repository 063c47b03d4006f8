package org.netgauss.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code netgauss} command line. Each subcommand is a class of its own in this package, listed in
 * {@code subcommands} below; each prints JSON with {@code --json} and exits non-zero with a one-line message
 * on bad input.
 */
@Command(name = "netgauss",
        mixinStandardHelpOptions = true,
        versionProvider = Netgauss.Version.class,
        description = "Statistics of neural-network ensembles: train, fit PIGMMs, invariants, Wasserstein,"
                + " pre-activations, InPCA; the weight-Gaussianity study's results folder.",
        subcommands = {
                CommandLine.HelpCommand.class,
                TrainCommand.class,
                FitCommand.class,
                InvariantsCommand.class,
                WassersteinCommand.class,
                PreactCommand.class,
                InpcaCommand.class,
                MaoInpcaCommand.class,
                TrainShardCommand.class,
                MergeCommand.class,
                SubmitCommand.class,
                StudyCommand.class,
        })
public final class Netgauss implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns its exit code (0 ok, 1 bad input or failure, 2 usage error). */
    public static int execute(String... args) {
        return execute(null, null, args);
    }

    /**
     * As {@link #execute(String...)}, printing to the given writers instead of System.out / System.err (null keeps
     * the default); for tests and for calling the CLI from a notebook.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Netgauss());
        if (out != null) {
            cli.setOut(out);
        }
        if (err != null) {
            cli.setErr(err);
        }
        return execute(cli, args);
    }

    /**
     * Runs {@code cli} with the handlers every netgauss command line has: a usage error is one line plus where the
     * help is (exit 2), any failure, {@link Error}s included, one line (exit 1).
     */
    static int execute(CommandLine cli, String... args) {
        cli.setParameterExceptionHandler(Netgauss::usageError);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failure(ex, commandLine));
        // picocli passes Errors (OutOfMemoryError, StackOverflowError) straight through; catch them here, where
        // the subcommand is known, so that they too end in one line and exit 1
        cli.setExecutionStrategy(parseResult -> {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (CommandLine.ExecutionException ex) {
                throw ex;
            } catch (Error ex) {
                List<CommandLine> chain = parseResult.asCommandLineList();
                return failure(ex, chain.get(chain.size() - 1));
            }
        });
        try {
            return cli.execute(args);
        } catch (Error ex) {
            return failure(ex, cli);
        }
    }

    /**
     * A usage error (unknown option, missing or malformed argument) as one line naming the command, plus where the
     * usage is; the full usage would bury the message.
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine c = ex.getCommandLine();
        String name = c.getCommandSpec().qualifiedName();
        c.getErr().println(name + ": " + Failures.clean(String.valueOf(ex.getMessage())) + "; see '" + name + " --help'");
        c.getErr().flush();
        return 2;
    }

    /** Any failure of a command, exception or error, as one line a person can act on; exit code 1. */
    static int failure(Throwable ex, CommandLine commandLine) {
        commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + Failures.describe(ex));
        commandLine.getErr().flush();
        return 1;
    }

    static String oneLine(String message) {
        return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** The toolkit's version, from the properties Maven filters at build time. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Netgauss.class.getResourceAsStream("/org/netgauss/netgauss.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"netgauss " + version(), "Java " + System.getProperty("java.version")};
        }
    }
}
