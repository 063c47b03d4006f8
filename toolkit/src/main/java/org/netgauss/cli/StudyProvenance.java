package org.netgauss.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.netgauss.study.PigmmStudy;
import org.netgauss.study.PigmmStudySizes;
import org.netgauss.study.Profile;
import org.netgauss.store.RunDir;
import org.netgauss.store.internal.AtomicFiles;

/**
 * The {@code provenance.json} that {@code netgauss study} writes beside a setting's result CSVs: how, where and when
 * they were made. Its {@code status} is {@code "training"} while the setting's run is being trained (the file then
 * carries the training time so far, so that an interrupted study adds to it on resume) and {@code "complete"} once
 * the CSVs are written.
 *
 * <p>{@code training.seconds} is the wall time that {@code netgauss study} spent training this run, summed over the
 * invocations that trained it ({@code training.invocations}; the time of an invocation stopped by Ctrl-C or kill is
 * recorded by a shutdown hook, only a hard kill loses the time since its last epoch). {@code training.fromEpoch} is
 * the epoch the first of them started from: 0 if {@code netgauss study} created the run; otherwise epochs
 * 1..fromEpoch were trained by something else, such as notebook 01, are not timed, and {@code training.note} says so
 * (it assumes nothing else trains the run between two invocations). The run's {@code created} and {@code updated}
 * times from its manifest bound the whole training from above.
 * {@code analysisSeconds} is the wall time of the analysis and export in the invocation that wrote the CSVs
 * (analyses cached in the run directory are reused, so a re-export is faster than the first).
 *
 * <p>No absolute path of the writing machine is recorded: {@code run.directory} is relative to the runs root, and
 * the {@code command} shows the {@code --runs} and {@code --results} folders as {@link #portableCommand} does.
 */
final class StudyProvenance {
    /** The file name inside {@code <results>/<setting>/}. */
    static final String FILE = "provenance.json";

    private StudyProvenance() {
    }

    /**
     * The training time recorded so far for a setting.
     *
     * @param seconds     wall time spent training by {@code netgauss study}, summed over invocations
     * @param invocations how many invocations trained the run
     * @param fromEpoch   the epoch the first of them started from (0: it created the run), −1 before any
     */
    record TrainingTime(double seconds, int invocations, int fromEpoch) {
        static final TrainingTime NONE = new TrainingTime(0, 0, -1);

        TrainingTime plus(double moreSeconds) {
            return new TrainingTime(seconds + moreSeconds, invocations, fromEpoch);
        }

        /** One more invocation, which starts training at {@code epoch}. */
        TrainingTime nextInvocation(int epoch) {
            return new TrainingTime(seconds, invocations + 1, fromEpoch < 0 ? epoch : fromEpoch);
        }
    }

    /** What is fixed for one invocation of the study: the command, commit, profile, sizes and machine. */
    record Context(String command, String commit, Profile profile, PigmmStudySizes sizes, int threads, Path runs) { }

    /**
     * "netgauss study ..." as typed, with its folders made portable: an absolute {@code --results} under the
     * working directory (the repository, as a rule) becomes relative to it, and any other absolute {@code --runs} or
     * {@code --results} becomes {@code <runs>} / {@code <results>}; other arguments are kept, quoted where a shell
     * would need it.
     */
    static String portableCommand(String name, List<String> args, Path workingDirectory) {
        StringBuilder b = new StringBuilder("netgauss");
        if (args.isEmpty() || !args.get(0).equals(name)) {
            b.append(' ').append(name);
        }
        String pending = null;
        for (String a : args) {
            String shown = a;
            if (pending != null) {
                shown = portablePath(pending, a, workingDirectory);
                pending = null;
            } else if (a.equals("--runs") || a.equals("--results")) {
                pending = a;
            } else if (a.startsWith("--runs=") || a.startsWith("--results=")) {
                int eq = a.indexOf('=');
                shown = a.substring(0, eq + 1) + portablePath(a.substring(0, eq), a.substring(eq + 1), workingDirectory);
            }
            b.append(' ').append(shown.matches("[A-Za-z0-9_./:=,@%+<>-]+") ? shown : "'" + shown.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    private static String portablePath(String option, String value, Path workingDirectory) {
        Path p = Path.of(value);
        if (!p.isAbsolute()) {
            return value;
        }
        Path wd = workingDirectory.toAbsolutePath().normalize();
        Path n = p.normalize();
        if (option.equals("--results") && n.startsWith(wd) && !n.equals(wd)) {
            return wd.relativize(n).toString();
        }
        return option.equals("--runs") ? "<runs>" : "<results>";
    }

    /** The provenance file of {@code setting} under {@code results}, parsed, if there is one. */
    static Optional<JsonObject> read(Path results, String setting) {
        Path f = results.resolve(setting).resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonElement e = JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException(f + ": not a JSON object; delete it to start the setting's record afresh");
            }
            return Optional.of(e.getAsJsonObject());
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(f + ": not valid JSON (" + e.getMessage() + "); delete it to start the"
                    + " setting's record afresh", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + f + ": " + e.getMessage(), e);
        }
    }

    /** The training time recorded in a provenance object. */
    static TrainingTime trainingTime(JsonObject provenance) {
        JsonObject t = provenance.getAsJsonObject("training");
        if (t == null || !t.has("seconds") || !t.has("invocations") || !t.has("fromEpoch")) {
            return TrainingTime.NONE;
        }
        return new TrainingTime(t.get("seconds").getAsDouble(), t.get("invocations").getAsInt(), t.get("fromEpoch").getAsInt());
    }

    /**
     * Why an existing provenance object does not belong to this setting as the study now defines it (another profile,
     * ensemble size, epochs or training set), or empty if it does.
     */
    static Optional<String> mismatch(JsonObject provenance, Profile profile, PigmmStudy.Setting s, PigmmStudySizes sizes) {
        JsonObject setup = provenance.getAsJsonObject("setup");
        String was = provenance.has("profile") ? provenance.get("profile").getAsString() : "?";
        String now = name(profile);
        boolean same = was.equals(now) && setup != null
                && setup.get("networks").getAsInt() == s.config().ensembleSize()
                && setup.get("epochs").getAsInt() == s.config().epochs()
                && setup.get("trainSamples").getAsInt() == sizes.trainSamples();
        if (same) {
            return Optional.empty();
        }
        return Optional.of("it records " + was + "-profile results"
                + (setup == null ? "" : " (N = " + setup.get("networks") + ", E = " + setup.get("epochs") + ", "
                + setup.get("trainSamples") + " images)") + ", not " + now + " (N = " + s.config().ensembleSize() + ", E = "
                + s.config().epochs() + ", " + sizes.trainSamples() + " images)");
    }

    /** Writes the provenance of {@code s} atomically and returns its path. */
    static Path write(Path results, Context c, PigmmStudy.Setting s, String status, TrainingTime training,
                      Double analysisSeconds, RunDir run) {
        JsonObject o = new JsonObject();
        o.addProperty("setting", s.name());
        o.addProperty("status", status);
        o.addProperty("profile", name(c.profile()));
        o.addProperty("command", c.command());
        o.addProperty("commit", c.commit());
        o.addProperty("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        o.addProperty("netgauss", Netgauss.version());
        o.add("setup", setup(s, c.sizes()));
        o.add("machine", machine(c.threads()));
        JsonObject r = new JsonObject();
        // relative to the runs root, so that the file names no directory of the machine that wrote it
        r.addProperty("directory", c.runs().getFileName() + "/" + s.name());
        r.addProperty("relativeTo", "the runs root (--runs, else $NETGAUSS_RUNS, else ./runs)");
        if (run != null) {
            JsonObject m = run.manifest();
            r.addProperty("status", run.status());
            r.addProperty("epochsDone", run.epochsDone());
            for (String k : List.of("created", "updated")) {
                if (m.has(k)) {
                    r.add(k, m.get(k));
                }
            }
        }
        o.add("run", r);
        JsonObject t = new JsonObject();
        t.addProperty("seconds", Math.round(training.seconds() * 10) / 10.0);
        t.addProperty("invocations", training.invocations());
        int from = training.fromEpoch() >= 0 ? training.fromEpoch() : run == null ? 0 : run.epochsDone();
        t.addProperty("fromEpoch", from);
        if (run != null && from > 0) {
            t.addProperty("note", from >= run.epochsDone()
                    ? "the run was trained outside netgauss study (e.g. by notebook 01), so its training time is not known"
                    : "epochs 1-" + from + " were trained outside netgauss study and are not timed; seconds covers epochs "
                    + (from + 1) + "-" + run.epochsDone());
        }
        o.add("training", t);
        if (analysisSeconds != null) {
            o.addProperty("analysisSeconds", Math.round(analysisSeconds * 10) / 10.0);
        }
        Path f = results.resolve(s.name()).resolve(FILE);
        AtomicFiles.writeString(f, new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
                .create().toJson(o) + "\n");
        return f;
    }

    private static JsonObject setup(PigmmStudy.Setting s, PigmmStudySizes sizes) {
        JsonObject o = new JsonObject();
        JsonArray widths = new JsonArray();
        for (int w : s.config().mlp().widths()) {
            widths.add(w);
        }
        o.add("widths", widths);
        o.addProperty("init", s.init());
        o.addProperty("weightDecay", s.weightDecay());
        o.addProperty("networks", s.config().ensembleSize());
        o.addProperty("epochs", s.config().epochs());
        o.addProperty("trainSamples", sizes.trainSamples());
        o.addProperty("testSamples", sizes.testSamples());
        o.addProperty("seed", s.config().seed());
        JsonArray layers = new JsonArray();
        s.squareLayers().forEach(layers::add);
        o.add("layers", layers);
        return o;
    }

    /** CPU model (from /proc/cpuinfo, null if unreadable), processors, threads used, JDK and OS. */
    static JsonObject machine(int threads) {
        JsonObject o = new JsonObject();
        o.addProperty("cpu", cpuModel(Path.of("/proc/cpuinfo")).orElse(null));
        o.addProperty("processors", Runtime.getRuntime().availableProcessors());
        o.addProperty("threads", threads);
        o.addProperty("jdk", System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name")
                + ", " + System.getProperty("java.vendor") + ")");
        o.addProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        return o;
    }

    /** The first {@code model name} in a /proc/cpuinfo file, if it is readable and has one. */
    static Optional<String> cpuModel(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equals("model name")) {
                    String v = line.substring(colon + 1).strip();
                    return v.isEmpty() ? Optional.empty() : Optional.of(v);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // not Linux, or not readable: the field stays null
        }
        return Optional.empty();
    }

    private static String name(Profile p) {
        return p.name().toLowerCase(java.util.Locale.ROOT);
    }
}
