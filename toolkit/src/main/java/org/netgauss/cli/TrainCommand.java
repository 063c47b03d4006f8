package org.netgauss.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.netgauss.nn.Training;
import org.netgauss.nn.TrainingConfig;
import org.netgauss.study.Profile;
import org.netgauss.study.TrainConfigFile;
import org.netgauss.study.TrainJob;
import org.netgauss.store.MetricsCsv;
import org.netgauss.store.RunDir;
import org.netgauss.store.RunLock;
import org.netgauss.store.RunWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code netgauss train --config FILE --out DIR}: trains the ensemble a config file describes
 * ({@link TrainConfigFile}) into a run directory, with a progress bar on stderr. {@code --resume} continues an
 * interrupted run from its last checkpoint (ending bit-identical to an uninterrupted run); re-running a finished
 * run says so and does nothing. The config and data are checked before the directory is created.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an MLP ensemble from a JSON or YAML config into a run directory.")
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "training config (.yaml or .json)")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "run directory to create (or resume)")
    Path out;

    @Option(names = "--profile", paramLabel = "P", description = "smoke, quick or paper: picks the config's per-profile"
            + " sizes (default: $NETGAUSS_PROFILE, else quick)")
    String profile;

    @Option(names = "--resume", description = "continue the run in DIR from its last checkpoint (or start it if DIR holds"
            + " no run); only the epochs may differ from the stored config")
    boolean resume;

    @Option(names = "--epochs", paramLabel = "N", description = "override the config's epochs")
    Integer epochs;

    @Option(names = "--ensemble-size", paramLabel = "E", description = "override the config's ensemble size (whole ensemble)")
    Integer ensembleSize;

    /** --members FROM:TO or --shard K/N, shared with train-shard so a shard means the same to both. */
    @picocli.CommandLine.Mixin
    ShardOptions shard = new ShardOptions();

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all processors; results do"
            + " not depend on it)")
    Integer threads;

    @Option(names = "--json", description = "print a JSON summary at the end")
    boolean json;

    @Option(names = "--stop-after-epoch", hidden = true, paramLabel = "N",
            description = "stop after this epoch leaving the run resumable (time-boxed jobs, tests)")
    Integer stopAfter;

    @Override
    public Integer call() {
        Profile p;
        try {
            p = profile == null ? Profile.current() : Profile.from(java.util.Map.of(Profile.ENV, profile));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(profile == null ? e.getMessage()
                    : "--profile " + profile + ": use smoke, quick or paper", e);
        }
        TrainJob job = TrainConfigFile.read(config, p);
        TrainingConfig c = overridden(job.config());
        PrintWriter stdout = spec.commandLine().getOut();

        boolean exists = Files.exists(out.resolve("manifest.json"));
        if (exists) {
            RunDir old = RunDir.open(out);
            if (old.isComplete() && old.config().equals(Training.configJson(c))) {
                // the same run, finished: say so, with or without --resume, and touch nothing
                summary(stdout, job, c, old, 0, 0, true);
                return 0;
            }
            if (!resume) {
                throw new IllegalArgumentException(out + " already holds a run (" + old.status() + ", " + old.epochsDone()
                        + " epochs done); add --resume to continue it, or choose another --out");
            }
        } else if (Files.isDirectory(out) && isNonEmpty(out)) {
            if (!onlyRunFiles(out)) {
                throw new IllegalArgumentException(out + " exists and is not a run directory (no manifest.json);"
                        + " choose an empty or new --out");
            }
            if (!resume) {
                throw new IllegalArgumentException(out + " holds a run stopped before its first checkpoint; add --resume"
                        + " to start it again, or choose another --out");
            }
        }
        TrainJob.Sets sets = job.data().load();

        long start = System.nanoTime();
        int[] trained = {0};
        Training t = job.training(c, sets).withListener(m -> trained[0]++);
        if (threads != null) {
            t = t.withThreads(threads);
        }
        if (stopAfter != null) {
            t = t.stoppingAfterEpoch(stopAfter);
        }
        t.checkFits();
        RunLock.checkFree(out);
        t.run(sets.train(), out);
        summary(stdout, job, c, RunDir.open(out), trained[0], (System.nanoTime() - start) / 1e9, false);
        return 0;
    }

    private TrainingConfig overridden(TrainingConfig c) {
        if (epochs != null) {
            c = c.withEpochs(epochs);
        }
        if (ensembleSize != null) {
            c = c.withEnsembleSize(ensembleSize);
        }
        if (shard.isSharded()) {
            c = shard.applyTo(c);
        }
        return c;
    }

    /** Whether everything in {@code dir} is something a run writes (the leftovers of a killed run creation). */
    private static boolean onlyRunFiles(Path dir) {
        try (var s = Files.list(dir)) {
            return s.allMatch(p -> RunWriter.isRunFile(p.getFileName().toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isNonEmpty(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isPresent();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
    }

    private void summary(PrintWriter outw, TrainJob job, TrainingConfig c, RunDir run, int epochsTrained,
                         double seconds, boolean alreadyComplete) {
        JsonObject s = new JsonObject();
        s.addProperty("run", run.directory().toString());
        s.addProperty("name", job.name());
        s.addProperty("profile", job.profile());
        s.addProperty("status", run.status());
        s.addProperty("alreadyComplete", alreadyComplete);
        s.addProperty("epochsDone", run.epochsDone());
        s.addProperty("epochs", c.epochs());
        s.addProperty("ensembleSize", c.ensembleSize());
        s.addProperty("firstMember", c.firstMember());
        s.addProperty("memberCount", c.memberCount());
        s.addProperty("epochsTrained", epochsTrained);
        s.addProperty("seconds", seconds);
        if (seconds > 0) {
            s.addProperty("memberEpochsPerSecond", epochsTrained * (double) c.memberCount() / seconds);
        }
        double[] last = lastEpochMeans(run);
        if (last != null) {
            s.add("meanTrainLoss", JsonOutput.number(last[0]));
            s.add("meanTrainAccuracy", JsonOutput.number(last[1]));
            if (Double.isFinite(last[2])) {
                s.addProperty("meanValidationAccuracy", last[2]);
            }
        }
        if (json) {
            outw.println(JsonOutput.toJson(s));
        } else if (alreadyComplete) {
            outw.println(run.directory() + ": run already complete (" + run.epochsDone() + " epochs, "
                    + c.memberCount() + " members); nothing to do");
        } else {
            outw.println(String.format(Locale.ROOT, "%s: %s after %d of %d epochs, %d members, %.1f s%s", run.directory(),
                    run.status(), run.epochsDone(), c.epochs(), c.memberCount(), seconds,
                    last == null ? "" : String.format(Locale.ROOT, "; mean train loss %.4f, train acc %.4f%s", last[0],
                            last[1], Double.isFinite(last[2]) ? String.format(Locale.ROOT, ", val acc %.4f", last[2]) : "")));
            if (!run.isComplete()) {
                outw.println("continue with: netgauss train --config " + config + " --out " + out + " --resume");
            }
        }
        outw.flush();
    }

    /** Mean train loss, train accuracy and test accuracy over members at the last recorded epoch. */
    private static double[] lastEpochMeans(RunDir run) {
        int epoch = run.epochsDone();
        if (epoch == 0) {
            return null;
        }
        double[] sum = new double[3];
        int[] n = new int[3];
        for (MetricsCsv.Row r : run.metricsRows()) {
            if (r.epoch() != epoch) {
                continue;
            }
            double[] v = {r.trainLoss(), r.trainAccuracy(), r.testAccuracy()};
            for (int k = 0; k < 3; k++) {
                if (!Double.isNaN(v[k])) {
                    sum[k] += v[k];
                    n[k]++;
                }
            }
        }
        return new double[] {n[0] > 0 ? sum[0] / n[0] : Double.NaN, n[1] > 0 ? sum[1] / n[1] : Double.NaN,
                n[2] > 0 ? sum[2] / n[2] : Double.NaN};
    }
}
