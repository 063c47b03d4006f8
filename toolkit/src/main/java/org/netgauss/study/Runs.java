package org.netgauss.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a notebook keeps its runs and finds committed results.
 *
 * <ul>
 *   <li>runs: {@code $NETGAUSS_RUNS/<profile>} if set, else {@code runs/<profile>} relative to the notebook's
 *       working directory; the profile is part of the path so smoke, quick and paper runs never collide;</li>
 *   <li>results: {@code $NETGAUSS_RESULTS} if set, else the first of {@code results/}, {@code ../results/} that
 *       exists — the compact CSV folder of a paper-profile run (see {@code results/README.md}).</li>
 * </ul>
 */
public record Runs(Path runs, Optional<Path> results, Profile profile) {

    public static final String RUNS_ENV = "NETGAUSS_RUNS";
    public static final String RESULTS_ENV = "NETGAUSS_RESULTS";

    /** The workspace for this process's environment and profile. */
    public static Runs current(Profile profile) {
        return from(System.getenv(), Path.of(""), profile);
    }

    /** The workspace from an environment and a working directory (for tests). */
    public static Runs from(Map<String, String> env, Path cwd, Profile profile) {
        String p = profile.name().toLowerCase(Locale.ROOT);
        Path runs = env.containsKey(RUNS_ENV) ? Path.of(env.get(RUNS_ENV)).resolve(p) : cwd.resolve("runs").resolve(p);
        Optional<Path> results;
        if (env.containsKey(RESULTS_ENV)) {
            results = Optional.of(Path.of(env.get(RESULTS_ENV))).filter(Files::isDirectory);
        } else {
            results = Optional.empty();
            for (Path c : new Path[] {cwd.resolve("results"), cwd.resolve("../results")}) {
                if (Files.isRegularFile(c.resolve("README.md"))) {
                    results = Optional.of(c.normalize());
                    break;
                }
            }
        }
        return new Runs(runs, results, profile);
    }

    /**
     * The directory of the run called {@code name} under the one convention every notebook and the command line
     * follow: {@code $NETGAUSS_RUNS/<profile>/<name>} when {@code NETGAUSS_RUNS} is set, else
     * {@code runs/<profile>/<name>} relative to the working directory (the notebook's folder), for the profile
     * that {@code NETGAUSS_PROFILE} selects.
     *
     * <pre>{@code
     * RunDir run = Training.of(config).run(train, Runs.dir("hyper-ribbons-adam"));
     * }</pre>
     */
    public static Path dir(String name) {
        return dir(Profile.current(), name);
    }

    /** {@link #dir(String)} for an explicit profile. */
    public static Path dir(Profile profile, String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.equals("..")
                || name.equals(".")) {
            throw new IllegalArgumentException("a run name is one directory name, found \"" + name + "\"");
        }
        return current(profile).run(name);
    }

    /** The directory of the run called {@code name}. */
    public Path run(String name) {
        return runs.resolve(name);
    }

    /**
     * A committed paper-profile result file, used only when the profile is {@code PAPER} and the file exists:
     * a paper-profile notebook then plots the committed numbers instead of training for hours.
     */
    public Optional<Path> paperResult(String file) {
        if (profile != Profile.PAPER || results.isEmpty()) {
            return Optional.empty();
        }
        Path f = results.get().resolve(file);
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }
}
