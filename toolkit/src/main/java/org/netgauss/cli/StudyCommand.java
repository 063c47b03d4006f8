package org.netgauss.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.netgauss.study.PigmmStudy;
import org.netgauss.nn.Training;
import org.netgauss.study.PigmmStudyData;
import org.netgauss.study.PigmmStudySizes;
import org.netgauss.study.Profile;
import org.netgauss.study.Runs;
import org.netgauss.store.RunDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code netgauss study --profile P --results DIR}: the weight-Gaussianity study (Hirst &amp; Ramgoolam; notebooks
 * 01–04) from the shell. For each selected setting it trains or resumes the run exactly as
 * {@link PigmmStudyData#run} does, in {@code <runs>/<profile>/<setting>} where the notebooks look for it with
 * {@code NETGAUSS_RUNS=<runs>}, then writes {@code <results>/<setting>/{pigmm,deviations,accuracy}.csv}
 * ({@link PigmmStudyData#exportResults}) and {@code provenance.json} ({@link StudyProvenance}).
 *
 * <p>Interrupted, it resumes: a setting whose CSVs and complete provenance exist is skipped, a trained run is only
 * analysed, an interrupted run continues from its last checkpoint, and the training time adds up across invocations.
 * Every file is written atomically.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Train (or resume) the weight-Gaussianity study's runs and write its results folder:"
                + " <results>/<setting>/{pigmm,deviations,accuracy}.csv and provenance.json.")
public final class StudyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", paramLabel = "P", description = "smoke, quick or paper: the study's sizes"
            + " (default: $NETGAUSS_PROFILE, else quick)")
    String profile;

    @Option(names = "--runs", paramLabel = "DIR", description = "root of the run directories; a run goes to"
            + " DIR/<profile>/<setting>, where the notebooks find it with NETGAUSS_RUNS=DIR (default: $NETGAUSS_RUNS,"
            + " else runs in the working directory)")
    Path runs;

    @Option(names = "--results", required = true, paramLabel = "DIR",
            description = "the results folder: one subfolder per setting")
    Path results;

    @Option(names = "--settings", split = ",", paramLabel = "NAME",
            description = "settings to run, e.g. gaussian,uniform-wd0.01,width-640 (default: every depth and width"
                    + " setting of the profile)")
    List<String> settings;

    @Option(names = "--threads", paramLabel = "N", description = "training threads (default: all processors; the"
            + " weights do not depend on it)")
    Integer threads;

    @Option(names = "--commit", paramLabel = "SHA", description = "the git commit to record in provenance.json"
            + " (default: $NETGAUSS_COMMIT)")
    String commit;

    @Option(names = "--json", description = "print a JSON summary at the end (the per-setting lines go to stderr)")
    boolean json;

    @Option(names = "--stop-after-epoch", hidden = true, paramLabel = "N",
            description = "stop the first setting that trains after this epoch, leaving it resumable (tests)")
    Integer stopAfter;

    @Override
    public Integer call() {
        Map<String, String> env = System.getenv();
        Profile p = profile(env);
        PigmmStudySizes sizes = PigmmStudySizes.of(p);
        List<PigmmStudy.Setting> selected = selected(sizes, p);
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, found " + threads);
        }
        int usedThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        checkResultsFolder(p);
        Path runsRoot = runs != null ? runs : env.containsKey(Runs.RUNS_ENV) ? Path.of(env.get(Runs.RUNS_ENV))
                : Path.of("runs");
        // no results folder in the workspace: the study computes from the runs and never reads old CSVs back
        Runs ws = new Runs(runsRoot.resolve(name(p)), Optional.empty(), p);
        PigmmStudyData study = PigmmStudyData.open(p, ws);
        StudyProvenance.Context context = new StudyProvenance.Context(commandLine(),
                commit != null ? commit : env.get("NETGAUSS_COMMIT"), p, sizes, usedThreads, ws.runs());

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter lines = json ? new PrintWriter(System.err, true) : out;
        lines.printf(Locale.ROOT, "netgauss study: %s profile, %d setting%s; runs in %s, results in %s%n", name(p),
                selected.size(), selected.size() == 1 ? "" : "s", ws.runs(), results);
        lines.flush();
        boolean runsChecked = false;
        JsonArray summary = new JsonArray();
        for (PigmmStudy.Setting s : selected) {
            Optional<JsonObject> old = StudyProvenance.read(results, s.name());
            if (old.isPresent()) {
                Optional<String> why = StudyProvenance.mismatch(old.get(), p, s, sizes);
                if (why.isPresent()) {
                    throw new IllegalArgumentException(results.resolve(s.name()).resolve(StudyProvenance.FILE) + ": "
                            + why.get() + "; choose another --results or delete " + results.resolve(s.name()));
                }
            }
            JsonObject row = new JsonObject();
            row.addProperty("setting", s.name());
            if (old.isPresent() && "complete".equals(old.get().get("status").getAsString()) && csvsExist(s)) {
                lines.println(s.name() + ": results complete in " + results.resolve(s.name()) + "; nothing to do");
                lines.flush();
                row.addProperty("status", "done already");
                summary.add(row);
                continue;
            }
            Path runDir = study.runDirectory(s);
            // the recorded training time belongs to the run on disk: none if the run has to start again
            StudyProvenance.TrainingTime time = old.isPresent() && Files.exists(runDir.resolve("manifest.json"))
                    ? StudyProvenance.trainingTime(old.get()) : StudyProvenance.TrainingTime.NONE;
            if (!study.isTrained(s)) {
                if (!runsChecked) {
                    checkWritable(ws.runs(), "--runs " + runsRoot);
                    runsChecked = true;
                }
                time = train(study, s, context, time, usedThreads);
                RunDir run = RunDir.open(runDir);
                if (!run.isComplete()) {
                    lines.printf(Locale.ROOT, "%s: stopped after epoch %d of %d (%s of training so far); run the same"
                            + " command again to resume%n", s.name(), run.epochsDone(), s.config().epochs(),
                            duration(time.seconds()));
                    lines.flush();
                    row.addProperty("status", "stopped");
                    row.addProperty("trainingSeconds", time.seconds());
                    summary.add(row);
                    break;
                }
                row.addProperty("trained", true);
            } else {
                row.addProperty("trained", false);
            }
            System.err.println("analysing " + s.name() + ": PIGMM fits, cubic/quartic deviations, accuracy ...");
            long t0 = System.nanoTime();
            List<Path> files = new ArrayList<>(study.exportResults(results, s));
            double analysis = (System.nanoTime() - t0) / 1e9;
            RunDir run = RunDir.open(runDir);
            files.add(StudyProvenance.write(results, context, s, "complete", time, analysis, run));
            lines.printf(Locale.ROOT, "%s: %s; analysed in %s; wrote %s (%s)%n", s.name(),
                    row.get("trained").getAsBoolean() ? "trained " + s.config().ensembleSize() + " networks, "
                            + duration(time.seconds()) + " of training" : "run already trained (" + runDir + ")",
                    duration(analysis), results.resolve(s.name()),
                    String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList()));
            lines.flush();
            row.addProperty("status", "exported");
            row.addProperty("trainingSeconds", time.seconds());
            row.addProperty("analysisSeconds", analysis);
            JsonArray written = new JsonArray();
            files.forEach(f -> written.add(f.toString()));
            row.add("files", written);
            summary.add(row);
        }
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("profile", name(p));
            o.addProperty("runs", ws.runs().toString());
            o.addProperty("results", results.toString());
            o.add("settings", summary);
            out.println(JsonOutput.toJson(o));
            out.flush();
        }
        return 0;
    }

    /**
     * Trains (or resumes) the run of {@code s} with a progress bar, recording the training time in
     * {@code provenance.json} after every epoch and when the process is stopped (Ctrl-C, kill), so that the next
     * invocation adds to it.
     */
    private StudyProvenance.TrainingTime train(PigmmStudyData study, PigmmStudy.Setting s, StudyProvenance.Context c,
                                               StudyProvenance.TrainingTime before, int usedThreads) {
        org.netgauss.data.Dataset train = study.train();   // MNIST is loaded before the clock starts
        Training base = study.training(s);
        Path dir = study.runDirectory(s);
        // where Training resumes, 0 for a new run
        int from = Files.exists(dir.resolve("manifest.json")) ? Math.max(0, RunDir.open(dir).resumableEpoch()) : 0;
        TrainingClock clock = new TrainingClock(results, c, s, before.nextInvocation(from), dir);
        Training t = base.withThreads(usedThreads).alsoCalling(m -> clock.record());
        if (stopAfter != null) {
            t = t.stoppingAfterEpoch(stopAfter);
        }
        Thread hook = new Thread(clock::record, "netgauss-study-provenance");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            t.run(train, study.runDirectory(s));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it records the time
            }
        }
        return clock.record();
    }

    /** The training time of one invocation on top of what earlier ones recorded. */
    private static final class TrainingClock {
        private final Path results;
        private final StudyProvenance.Context context;
        private final PigmmStudy.Setting setting;
        private final StudyProvenance.TrainingTime before;
        private final Path runDir;
        private final long start = System.nanoTime();

        TrainingClock(Path results, StudyProvenance.Context context, PigmmStudy.Setting setting,
                      StudyProvenance.TrainingTime before, Path runDir) {
            this.results = results;
            this.context = context;
            this.setting = setting;
            this.before = before;
            this.runDir = runDir;
        }

        /** Writes the time so far into provenance.json (status "training") and returns it. */
        synchronized StudyProvenance.TrainingTime record() {
            RunDir run = Files.exists(runDir.resolve("manifest.json")) ? RunDir.open(runDir) : null;
            StudyProvenance.TrainingTime now = before.plus((System.nanoTime() - start) / 1e9);
            StudyProvenance.write(results, context, setting, "training", now, null, run);
            return now;
        }
    }

    private Profile profile(Map<String, String> env) {
        try {
            return profile == null ? Profile.from(env) : Profile.from(Map.of(Profile.ENV, profile));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(profile == null ? e.getMessage()
                    : "--profile " + profile + ": use smoke, quick or paper", e);
        }
    }

    private List<PigmmStudy.Setting> selected(PigmmStudySizes sizes, Profile p) {
        if (settings == null || settings.isEmpty()) {
            return sizes.settings();
        }
        List<PigmmStudy.Setting> out = new ArrayList<>();
        for (String n : new LinkedHashSet<>(settings)) {
            try {
                out.add(sizes.setting(n.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--settings: " + e.getMessage() + " (" + name(p) + " profile)", e);
            }
        }
        return out;
    }

    /** Fails before any training if the results folder cannot be written or is the wrong profile's. */
    private void checkResultsFolder(Profile p) {
        checkWritable(results, "--results " + results);
        if (p != Profile.PAPER && Files.isRegularFile(results.resolve("README.md"))) {
            // Runs recognises the committed paper-results folder by its README
            throw new IllegalArgumentException("--results " + results + " has a README.md, so the notebooks take it for"
                    + " the paper-profile results folder; write " + name(p) + "-profile results to another folder");
        }
    }

    private static void checkWritable(Path dir, String what) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".netgauss-study-", ".probe");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            String why = e instanceof java.nio.file.FileAlreadyExistsException ? "it is a file, not a directory"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.toString();
            throw new IllegalArgumentException(what + ": cannot write there (" + why + ")", e);
        }
    }

    private boolean csvsExist(PigmmStudy.Setting s) {
        return PigmmStudyData.RESULT_FILES.stream().allMatch(f -> Files.isRegularFile(results.resolve(s.name()).resolve(f)));
    }

    /** "netgauss study --profile paper ...": the command line as given, with portable folders. */
    private String commandLine() {
        return StudyProvenance.portableCommand(spec.name(), spec.commandLine().getParseResult().originalArgs(),
                Path.of(""));
    }

    static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh %02dm %02ds", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }

    private static String name(Profile p) {
        return p.name().toLowerCase(Locale.ROOT);
    }
}
