package org.netgauss.kernel;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the kernelspec that starts this kernel: {@code <kernels dir>/<name>/kernel.json} and a startup script
 * that imports the public packages of the jars given as the notebook classpath's "toolkit".
 *
 * <pre>
 * java -cp 'kernel/target/lib/*:kernel/target/netgauss-kernel.jar' org.netgauss.kernel.KernelSpecInstaller \
 *   --kernels-dir ~/.local/share/jupyter/kernels --kernel-classpath '...' --classpath '...' \
 *   --import-packages-of toolkit/target/netgauss-toolkit.jar [--name netgauss-java]
 *   [--display-name "Java (netgauss)"] [--java /usr/bin/java] [--jvm-opt -Xmx8g]... [--sourcepath src/main/java]
 *   [--cds-archive kernel.jsa]
 * </pre>
 *
 * {@code --cds-archive} names a class-data-sharing archive of the classes a kernel session loads (written by
 * {@code environment/lib/kernel_cds.py}; JDK 17's dynamic AppCDS): the JVM maps them instead of loading and
 * verifying them, which is most of a kernel's start. The JVM checks the archive against the classpath's jars
 * and, when they changed since, starts without it; its warning about that is silenced ({@code -Xlog:cds}).
 *
 * The default name, {@value #DEFAULT_NAME}, cannot collide with the {@code java} that IJava and JJava install.
 * Every kernel.json written here carries the marker {@code metadata.netgauss}; a kernelspec directory whose
 * kernel.json lacks it was written by someone else and is never touched (one line on stderr, exit code 2).
 * One name means one checkout: the clone that ran the set-up last owns {@value #DEFAULT_NAME}, and the installer
 * says so when it takes the name over from another checkout. Files are written only when their content changes,
 * each through a temporary file and a rename.
 */
public final class KernelSpecInstaller {
    public static final String DEFAULT_NAME = "netgauss-java";
    /** The key under kernel.json's {@code metadata} that marks a kernelspec as netgauss's. */
    static final String MARKER = "netgauss";

    private KernelSpecInstaller() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(install(args));
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            System.err.println("netgauss: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Writes the kernelspec that {@code args} describe.
     *
     * @return one line saying what was done
     * @throws IllegalStateException when the kernelspec directory holds a kernel.json that netgauss did not write
     */
    public static String install(String[] args) {
        Map<String, List<String>> opts = parse(args);
        Path kernelsDir = Path.of(single(opts, "kernels-dir", null));
        String name = single(opts, "name", DEFAULT_NAME);
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("kernelspec name '" + name + "' has characters other than letters,"
                    + " digits, '.', '_' and '-'");
        }
        Path dir = kernelsDir.resolve(name);
        String previousKernel = previousKernelClasspath(dir.resolve("kernel.json"), name);
        String java = single(opts, "java", Path.of(System.getProperty("java.home"), "bin", "java").toString());

        List<String> argv = new ArrayList<>();
        argv.add(java);
        argv.add("-Djava.awt.headless=true");
        argv.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        // the vector API behind the toolkit's training kernels (org.netgauss.nn.internal.VectorKernels)
        argv.add("--add-modules=jdk.incubator.vector");
        if (featureVersion(java) >= 24) {
            // JDK 24+ warns on every start about javacpp's native access and classgraph's use of Unsafe
            argv.add("--enable-native-access=ALL-UNNAMED");
            argv.add("--sun-misc-unsafe-memory-access=allow");
        }
        String archive = single(opts, "cds-archive", "");
        if (!archive.isBlank()) {
            if (!Files.isRegularFile(Path.of(archive))) {
                // a missing archive would turn off the JDK's own class sharing too: start slower than without
                throw new IllegalArgumentException("--cds-archive " + archive + " is not a file");
            }
            argv.add("-XX:SharedArchiveFile=" + Path.of(archive).toAbsolutePath());
            argv.add("-Xlog:cds=off,cds+dynamic=off");
        }
        argv.addAll(opts.getOrDefault("jvm-opt", List.of()));
        argv.add("-cp");
        argv.add(single(opts, "kernel-classpath", null));
        argv.add(KernelMain.class.getName());
        argv.add("{connection_file}");

        Map<String, String> env = new LinkedHashMap<>();
        env.put("NETGAUSS_CLASSPATH", single(opts, "classpath", ""));
        String sourcePath = single(opts, "sourcepath", "");
        if (!sourcePath.isBlank()) {
            env.put("NETGAUSS_SOURCEPATH", sourcePath); // Shift-Tab reads the toolkit's javadoc there
        }
        List<String> importsFrom = opts.getOrDefault("import-packages-of", List.of());
        if (!importsFrom.isEmpty()) {
            Path startup = dir.resolve("startup.jsh");
            writeIfChanged(startup, importsOf(importsFrom));
            env.put("NETGAUSS_STARTUP_SCRIPTS_PATH", startup.toString());
        }
        opts.getOrDefault("env", List.of()).forEach(kv -> {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--env takes NAME=VALUE, found '" + kv + "'");
            }
            env.put(kv.substring(0, eq), kv.substring(eq + 1));
        });

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", single(opts, "display-name", "Java (netgauss)"));
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", env);
        String kernelClasspath = single(opts, "kernel-classpath", null);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("debugger", false);
        Map<String, String> marker = new LinkedHashMap<>(); // Map.of's order changes from run to run
        marker.put("written_by", KernelSpecInstaller.class.getName());
        marker.put("kernel_classpath", kernelClasspath);
        metadata.put(MARKER, marker);
        spec.put("metadata", metadata);
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
        boolean changed = writeIfChanged(dir.resolve("kernel.json"), json);
        String line = (changed ? "installed" : "unchanged") + " kernelspec '" + name + "' in " + dir;
        if (previousKernel != null && !previousKernel.equals(kernelClasspath)) {
            line += " (it ran the kernel of another checkout, " + previousKernel + ", until now)";
        }
        return line;
    }

    /**
     * The kernel classpath of the netgauss kernelspec at {@code kernelJson}, or null if there is none yet.
     *
     * @throws IllegalStateException if a kernelspec is there that netgauss did not write
     */
    static String previousKernelClasspath(Path kernelJson, String name) {
        if (!Files.exists(kernelJson)) {
            return null;
        }
        JsonObject marker = null;
        try {
            JsonElement spec = JsonParser.parseString(Files.readString(kernelJson, StandardCharsets.UTF_8));
            JsonElement metadata = spec.isJsonObject() ? spec.getAsJsonObject().get("metadata") : null;
            JsonElement m = metadata != null && metadata.isJsonObject() ? metadata.getAsJsonObject().get(MARKER) : null;
            marker = m != null && m.isJsonObject() ? m.getAsJsonObject() : null;
        } catch (IOException | RuntimeException e) {
            // unreadable or not JSON: not ours either
        }
        if (marker == null) {
            throw new IllegalStateException("the kernelspec '" + name + "' in " + kernelJson.getParent()
                    + " was not written by netgauss, so it is left as it is; install under another --name");
        }
        JsonElement cp = marker.get("kernel_classpath");
        return cp != null && cp.isJsonPrimitive() ? cp.getAsString() : "";
    }

    /** The feature release (17, 21, 25...) of the {@code java} executable, from {@code java -version}. */
    static int featureVersion(String executable) {
        try {
            Process p = new ProcessBuilder(executable, "-version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Matcher m = Pattern.compile("version \"(\\d+)").matcher(out);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable + " -version", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Runtime.version().feature();
    }

    /** {@code import pkg.*;} for every package in the jars that holds a public class, internals left out. */
    static String importsOf(List<String> jars) {
        TreeSet<String> packages = new TreeSet<>();
        for (String jar : jars) {
            try (JarFile file = new JarFile(jar)) {
                file.stream()
                        .map(JarEntry::getName)
                        .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.endsWith("package-info.class")
                                && !n.endsWith("module-info.class"))
                        .map(n -> n.substring(0, n.lastIndexOf('/')).replace('/', '.'))
                        .filter(p -> !p.contains(".internal") && !p.endsWith(".cli") && !p.contains(".bench"))
                        .forEach(packages::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + jar + " to list its packages", e);
            }
        }
        StringBuilder out = new StringBuilder("// written by KernelSpecInstaller: the toolkit's packages\n");
        packages.forEach(p -> out.append("import ").append(p).append(".*;\n"));
        return out.toString();
    }

    static boolean writeIfChanged(Path file, String content) {
        try {
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                return false;
            }
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, found '" + args[i] + "'");
            }
            opts.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
        return opts;
    }

    private static String single(Map<String, List<String>> opts, String key, String fallback) {
        List<String> values = opts.get(key);
        if (values == null || values.isEmpty()) {
            if (fallback == null) {
                throw new IllegalArgumentException("--" + key + " is required");
            }
            return fallback;
        }
        return String.join(File.pathSeparator, values);
    }
}
