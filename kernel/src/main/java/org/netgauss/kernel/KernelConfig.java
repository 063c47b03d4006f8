package org.netgauss.kernel;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's settings, read once from the environment that the kernelspec's {@code env} sets. Each setting
 * is accepted under the netgauss name and under JJava's and IJava's, so a kernelspec written for either
 * works unchanged.
 *
 * @param classpath       extra jars and class folders, {@link File#pathSeparator}-separated, globs allowed
 *                        ({@code NETGAUSS_CLASSPATH}, {@code JJAVA_CLASSPATH}, {@code IJAVA_CLASSPATH}, joined)
 * @param compilerOptions extra javac options ({@code *_COMPILER_OPTS})
 * @param startupScripts  .jsh files run at start ({@code *_STARTUP_SCRIPTS_PATH})
 * @param startupScript   code run at start, after the files ({@code *_STARTUP_SCRIPT})
 * @param timeoutMillis   longest a snippet may run, 0 for no limit ({@code *_TIMEOUT}: milliseconds, or e.g.
 *                        "30 SECONDS")
 * @param outputLimitBytes most a cell may print, stdout and stderr together ({@code NETGAUSS_OUTPUT_LIMIT_MB},
 *                        default {@value #DEFAULT_OUTPUT_LIMIT_MB} MB)
 * @param sourcePath      folders and source jars whose javadoc Shift-Tab shows ({@code NETGAUSS_SOURCEPATH})
 * @param javadocUrl      the toolkit's documentation in the Help menu ({@code NETGAUSS_JAVADOC_URL}, default
 *                        {@value #DEFAULT_JAVADOC_URL})
 */
public record KernelConfig(String classpath, List<String> compilerOptions, List<String> startupScripts,
                           String startupScript, long timeoutMillis, long outputLimitBytes, String sourcePath,
                           String javadocUrl) {
    /** The toolkit's sources, javadoc and all, where the repository is published. */
    public static final String DEFAULT_JAVADOC_URL =
            "https://github.com/netgauss/netgauss/tree/HEAD/toolkit/src/main/java/org/netgauss";
    /** A cell that prints more than this is past anything a notebook page or nbconvert shows well. */
    public static final int DEFAULT_OUTPUT_LIMIT_MB = 10;

    private static final List<String> PREFIXES = List.of("NETGAUSS_", "JJAVA_", "IJAVA_");

    public KernelConfig {
        compilerOptions = List.copyOf(compilerOptions);
        startupScripts = List.copyOf(startupScripts);
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeout must be >= 0 ms, found " + timeoutMillis);
        }
        if (outputLimitBytes <= 0) {
            throw new IllegalArgumentException("output limit must be > 0 bytes, found " + outputLimitBytes);
        }
    }

    /** No extra classpath, no options, no scripts, no timeout. */
    public static KernelConfig defaults() {
        return new KernelConfig("", List.of(), List.of(), "", 0, (long) DEFAULT_OUTPUT_LIMIT_MB << 20, "",
                DEFAULT_JAVADOC_URL);
    }

    /** Reads the settings from {@code env} (normally {@link System#getenv()}). */
    public static KernelConfig fromEnvironment(Map<String, String> env) {
        List<String> classpath = new ArrayList<>();
        List<String> options = new ArrayList<>();
        List<String> scripts = new ArrayList<>();
        StringBuilder script = new StringBuilder();
        String timeout = "";
        for (String prefix : PREFIXES) {
            String cp = env.getOrDefault(prefix + "CLASSPATH", "");
            if (!cp.isBlank()) {
                classpath.add(cp);
            }
            options.addAll(words(env.getOrDefault(prefix + "COMPILER_OPTS", "")));
            for (String p : env.getOrDefault(prefix + "STARTUP_SCRIPTS_PATH", "").split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    scripts.add(p);
                }
            }
            String s = env.getOrDefault(prefix + "STARTUP_SCRIPT", "");
            if (!s.isBlank()) {
                script.append(s).append('\n');
            }
            if (timeout.isBlank()) {
                timeout = env.getOrDefault(prefix + "TIMEOUT", "");
            }
        }
        return new KernelConfig(String.join(File.pathSeparator, classpath), options, scripts, script.toString(),
                parseTimeout(timeout), parseOutputLimit(env.getOrDefault("NETGAUSS_OUTPUT_LIMIT_MB", "")),
                env.getOrDefault("NETGAUSS_SOURCEPATH", ""),
                env.getOrDefault("NETGAUSS_JAVADOC_URL", "").isBlank() ? DEFAULT_JAVADOC_URL
                        : env.get("NETGAUSS_JAVADOC_URL").strip());
    }

    /** Bytes from a whole number of megabytes (1 to 1048576); blank means the default. */
    static long parseOutputLimit(String megabytes) {
        String t = megabytes.strip();
        if (t.isEmpty()) {
            return (long) DEFAULT_OUTPUT_LIMIT_MB << 20;
        }
        if (!t.matches("\\d{1,7}") || Long.parseLong(t) < 1 || Long.parseLong(t) > (1 << 20)) {
            throw new IllegalArgumentException("NETGAUSS_OUTPUT_LIMIT_MB '" + megabytes
                    + "' is not a whole number of megabytes from 1 to 1048576");
        }
        return Long.parseLong(t) << 20;
    }

    /** Milliseconds from "5000", "30 SECONDS" or "2 minutes"; blank or negative means no limit. */
    static long parseTimeout(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return 0;
        }
        String[] parts = t.split("\\s+");
        try {
            long amount = Long.parseLong(parts[0]);
            if (amount < 0) {
                return 0;
            }
            TimeUnit unit = parts.length > 1 ? TimeUnit.valueOf(parts[1].toUpperCase()) : TimeUnit.MILLISECONDS;
            return unit.toMillis(amount);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kernel timeout '" + text + "' is neither milliseconds nor"
                    + " '<n> <unit>' with a java.util.concurrent.TimeUnit, e.g. '30 SECONDS'");
        }
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }
}
