package org.netgauss.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // one line a person can act on; the stack trace only helps us
            String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + message.replace('\n', ' '));
            commandLine.getErr().flush();
            return 1;
        });
        return cli.execute(args);
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
