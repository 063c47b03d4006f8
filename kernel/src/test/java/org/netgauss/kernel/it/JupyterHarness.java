package org.netgauss.kernel.it;

import org.netgauss.kernel.KernelSpecInstaller;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Installs the built kernel as kernelspec {@code netgauss-java} in a private Jupyter data directory under
 * {@code kernel/target} (never the user's), and runs Debian's Python (with jupyter_client, nbconvert, jupyter_kernel_test) against it.
 */
final class JupyterHarness {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path ROOT = Path.of(System.getProperty("netgauss.root", "..")).toAbsolutePath().normalize();
    static final Path DATA_DIR = ROOT.resolve("kernel/target/it-jupyter");

    private JupyterHarness() {
    }

    /** Writes the kernelspec (idempotent) and returns the Jupyter data dir that holds it. */
    static synchronized Path installKernelspec() {
        if (!Files.isExecutable(PYTHON)) {
            fail(PYTHON + " is missing: run environment/bin/setup, which installs Jupyter from Debian's packages");
        }
        Path kernelJar = onlyJar(ROOT.resolve("kernel/target"), "netgauss-kernel-");
        Path toolkitJar = onlyJar(ROOT.resolve("toolkit/target"), "netgauss-toolkit-");
        KernelSpecInstaller.install(new String[] {
                "--kernels-dir", DATA_DIR.resolve("kernels").toString(),
                "--name", KernelSpecInstaller.DEFAULT_NAME,
                "--kernel-classpath", ROOT.resolve("kernel/target/lib") + File.separator + "*" + File.pathSeparator
                        + kernelJar,
                "--classpath", toolkitJar + File.pathSeparator + ROOT.resolve("toolkit/target/lib") + File.separator
                        + "*.jar",
                "--import-packages-of", toolkitJar.toString(),
                "--sourcepath", ROOT.resolve("toolkit/src/main/java").toString(),
                // as environment/bin/setup does: the Help menu links the javadoc that mvn package wrote
                "--env", "NETGAUSS_JAVADOC_URL=" + ROOT.resolve("toolkit/target/reports/apidocs/index.html").toUri(),
        });
        return DATA_DIR;
    }

    private static Path onlyJar(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar in " + dir
                            + ": run mvn package first"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }

    /** Result of a Python run: exit code and everything it printed. */
    record Run(int exitCode, String output) {
    }

    /**
     * Runs {@code /usr/bin/python3 args...} in {@code workDir} with the scratch data dir, echoes its output to
     * the build log, and fails if it does not end within {@code timeoutSeconds}.
     */
    static Run python(Path workDir, Map<String, String> env, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(PYTHON.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().put("JUPYTER_DATA_DIR", DATA_DIR.toString());
        pb.environment().put("PYTHONUNBUFFERED", "1");
        pb.environment().putAll(env);
        Path log = Files.createTempFile("netgauss-it", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        System.out.println(output);
        if (!done) {
            fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n" + output);
        }
        return new Run(p.exitValue(), output);
    }
}
