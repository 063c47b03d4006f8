package org.netgauss.nn;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.netgauss.data.Dataset;
import org.netgauss.progress.Progress;
import org.netgauss.store.NpyArray;
import org.netgauss.store.MetricsCsv;
import org.netgauss.store.RunDir;
import org.netgauss.store.RunWriter;

/**
 * Trains an ensemble into a {@link RunDir}, checkpointing as it goes and resuming an interrupted run.
 *
 * <pre>{@code
 * RunDir run = Training.of(TrainingConfig.defaults(Mlp.of(784, 10, 10, 10, 10).withBias(false))
 *                 .withEnsembleSize(1000))
 *         .withValidation(test)
 *         .run(train, Path.of("runs/pigmm-uniform"));
 * }</pre>
 *
 * <p>If {@code dir} already holds a run of the same config (the epoch count may grow) and data, training
 * resumes from its latest checkpoint that keeps optimiser state, and ends bit-identical to an uninterrupted run.
 * Immutable; each {@code with…} returns a new instance.
 */
public final class Training {
    private final TrainingConfig config;
    private final Dataset validation;
    private final Dataset snapshots;
    private final int threads;
    private final int stopAfterEpoch;
    private final Consumer<EpochMetrics> listener;
    private final long[] snapshotSteps;

    private Training(TrainingConfig config, Dataset validation, Dataset snapshots, int threads, int stopAfterEpoch,
                     Consumer<EpochMetrics> listener) {
        this(config, validation, snapshots, threads, stopAfterEpoch, listener, new long[0]);
    }

    private Training(TrainingConfig config, Dataset validation, Dataset snapshots, int threads, int stopAfterEpoch,
                     Consumer<EpochMetrics> listener, long[] snapshotSteps) {
        this.snapshotSteps = snapshotSteps.clone();
        this.config = Objects.requireNonNull(config, "config");
        this.validation = validation;
        this.snapshots = snapshots;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
        this.threads = threads;
        this.stopAfterEpoch = stopAfterEpoch;
        this.listener = listener;
    }

    /** Training with this config, no validation set, no snapshots, all processors. */
    public static Training of(TrainingConfig config) {
        return new Training(config, null, null, Runtime.getRuntime().availableProcessors(), Integer.MAX_VALUE, m -> { });
    }

    /** Validation (or test) set: evaluated after every epoch, drives early stopping. */
    public Training withValidation(Dataset v) { return new Training(config, v, snapshots, threads, stopAfterEpoch, listener, snapshotSteps); }

    /** A fixed, ordered evaluation subset whose predicted probabilities {@code [E, S, C]} go into every checkpoint. */
    public Training withSnapshots(Dataset s) { return new Training(config, validation, s, threads, stopAfterEpoch, listener, snapshotSteps); }

    /** Worker threads (results do not depend on it). */
    public Training withThreads(int n) { return new Training(config, validation, snapshots, n, stopAfterEpoch, listener, snapshotSteps); }

    /** Stop (leaving the run "running", resumable) after this epoch: for time-boxed jobs and for tests. */
    public Training stoppingAfterEpoch(int epoch) { return new Training(config, validation, snapshots, threads, epoch, listener, snapshotSteps); }

    /**
     * Also record probabilities on the snapshot set (see {@link #withSnapshots}) right after these global steps
     * (1-based minibatch updates since the start), e.g. {@link #maoSchedule}; written to
     * {@code snapshots/step-XXXXXXX.npy} as {@code [E, S, C]}.
     */
    public Training withProbabilitySteps(long... steps) {
        for (long st : steps) {
            if (st < 1) {
                throw new IllegalArgumentException("snapshot steps are 1-based minibatch updates, found " + st
                        + "; step 0 (the initialisation) is in checkpoint 0");
            }
        }
        return new Training(config, validation, snapshots, threads, stopAfterEpoch, listener, steps);
    }

    /**
     * The snapshot schedule of Mao et al. (PNAS 2024; docs/spec/hyperribbon.md §4.2) as global steps (t = 0 is
     * checkpoint 0): during epochs 0–4 (0-based) every q = ⌊B/4⌋ batches counted from the epoch's first step,
     * e·B + 1, e·B + 1 + q, … ≤ (e + 1)·B (so step 1 is the first of them); the end (e + 1)·B of every epoch e
     * in 5–25, of every 4th epoch in 26–65 and of every 15th after; and the last step. With B = 250 and 200 epochs
     * that is the spec's 66 steps plus t = 0: 1, 63, 125, 187, 249, 251, …, 45250, 49000, 50000.
     * {@code batchesPerEpoch} B = ceil(n / batch size).
     */
    public static long[] maoSchedule(int batchesPerEpoch, int epochs) {
        if (batchesPerEpoch < 1 || epochs < 1) {
            throw new IllegalArgumentException("batchesPerEpoch and epochs must be >= 1, got " + batchesPerEpoch + ", " + epochs);
        }
        long b = batchesPerEpoch;
        java.util.TreeSet<Long> s = new java.util.TreeSet<>();
        int quarter = Math.max(1, batchesPerEpoch / 4);
        for (int e = 0; e < Math.min(5, epochs); e++) {
            for (long st = e * b + 1; st <= (e + 1) * b; st += quarter) {
                s.add(st);
            }
        }
        for (int e = 5; e < epochs; e++) {
            boolean take = e <= 25 || (e <= 65 && e % 4 == 0) || (e > 65 && e % 15 == 0);
            if (take) {
                s.add((e + 1) * b);
            }
        }
        s.add(epochs * b);
        return s.stream().mapToLong(Long::longValue).toArray();
    }

    /** Called after every epoch, e.g. for a progress display (replaces any listener set before). */
    public Training withListener(Consumer<EpochMetrics> l) {
        return new Training(config, validation, snapshots, threads, stopAfterEpoch, Objects.requireNonNull(l), snapshotSteps);
    }

    /** Also calls {@code l} after every epoch, after the listeners already set (a display on top of a user's). */
    public Training alsoCalling(Consumer<EpochMetrics> l) {
        return withListener(listener.andThen(Objects.requireNonNull(l)));
    }

    /** The training config. */
    public TrainingConfig config() { return config; }

    /** The epoch this training stops after (leaving the run resumable), or the config's epochs. */
    public int lastEpoch() { return Math.min(config.epochs(), stopAfterEpoch); }

    /**
     * Refuses a config whose arrays this JVM cannot hold (before anything is allocated or written; {@link #run}
     * checks it too).
     *
     * @throws IllegalArgumentException one line saying what is too large
     */
    public Training checkFits() {
        TrainingMemory.check(config, threads, snapshots);
        return this;
    }

    /**
     * Trains (or resumes) into {@code dir} and returns the run, showing a progress bar over the epochs still to train
     * (updated in place in a notebook cell, a rewritten line on a terminal, plain lines in a log; see
     * {@link Progress}) with each epoch's {@link EpochMetrics#status()}. The directory is locked for the whole
     * training ({@link RunWriter}); a directory holding a run killed before its first checkpoint is started afresh.
     *
     * @throws IllegalStateException    if another process is writing {@code dir} (naming it)
     * @throws IllegalArgumentException if the config needs more memory than this JVM has (before anything is
     *                                  written), or {@code dir} holds another run or a damaged one
     */
    public RunDir run(Dataset train, Path dir) {
        Objects.requireNonNull(train, "train");
        if (snapshotSteps.length > 0 && snapshots == null) {
            throw new IllegalArgumentException("probability steps were given without a snapshot set; add withSnapshots(subset)");
        }
        TrainingMemory.check(config, threads, snapshots);
        try (RunWriter run = RunWriter.lock(dir)) {
            int from = run.existing().map(r -> Math.max(0, r.resumableEpoch())).orElse(0);
            String label = "train " + dir.getFileName() + " (" + config.memberCount() + " members)";
            try (Progress bar = Progress.start(label, Math.max(0, lastEpoch() - from))) {
                return alsoCalling(m -> bar.step(m.status())).run(train, run);
            }
        }
    }

    private RunDir run(Dataset train, RunWriter run) {
        EnsembleTrainer trainer;
        List<MetricsCsv.Row> metrics = new ArrayList<>();
        RunDir old = run.existing().orElse(null);
        if (old != null && old.resumableEpoch() >= 0) {
            checkSameRun(old, train);
            int from = old.resumableEpoch();
            trainer = EnsembleTrainer.restore(config, threads, old.checkpoint(from));
            for (MetricsCsv.Row r : old.metricsRows()) {
                if (r.epoch() <= from) {
                    metrics.add(r);
                }
            }
            run.rollBackTo(from, MetricsCsv.text(metrics));
            run.updateManifest("config", configJson(config));
        } else {
            JsonObject fields = new JsonObject();
            fields.add("config", configJson(config));
            fields.add("seeds", TrainingConfigJson.seeds(config));
            fields.add("members", TrainingConfigJson.members(config));
            fields.add("data", dataJson(train));
            run.start(fields);
            trainer = EnsembleTrainer.initialise(config, threads);
            run.recordEpoch(0, MetricsCsv.text(metrics), checkpointArrays(trainer), trainer.stateArrays());
        }
        while (trainer.epoch() < config.epochs() && !trainer.allStopped()) {
            if (trainer.epoch() >= stopAfterEpoch) {
                return run.run();
            }
            Map<Long, float[]> snaps = new java.util.TreeMap<>();
            EpochMetrics m = trainer.trainEpoch(train, validation, snapshots, snapshotSteps, snaps);
            for (Map.Entry<Long, float[]> sn : snaps.entrySet()) {
                run.writeSnapshot(sn.getKey(), m.epoch(), NpyArray.of(sn.getValue(), trainer.members(), snapshots.size(),
                        config.mlp().outputs()));
            }
            addRows(metrics, m, trainer);
            int e = m.epoch();
            boolean last = e == config.epochs() || trainer.allStopped();
            String csv = MetricsCsv.text(metrics);
            if (e % config.checkpointEvery() == 0 || last) {
                run.recordEpoch(e, csv, checkpointArrays(trainer), trainer.stateArrays());
            } else {
                run.recordEpoch(e, csv, null, null);
            }
            listener.accept(m);
        }
        run.markComplete();
        return run.run();
    }

    private static void addRows(List<MetricsCsv.Row> rows, EpochMetrics m, EnsembleTrainer t) {
        double[] loss = m.trainLoss();
        double[] acc = m.trainAccuracy();
        double[] vl = m.validationLoss();
        double[] va = m.validationAccuracy();
        double[] lr = m.lr();
        boolean[] stopped = m.stopped();
        for (int i = 0; i < loss.length; i++) {
            rows.add(new MetricsCsv.Row(t.globalIndex(i), m.epoch(), lr[i], loss[i], acc[i], vl[i], va[i], stopped[i]));
        }
    }

    private Map<String, NpyArray> checkpointArrays(EnsembleTrainer t) {
        Map<String, NpyArray> a = t.parameterArrays();
        if (snapshots != null) {
            a.put("probabilities", NpyArray.of(t.probabilities(snapshots), t.members(), snapshots.size(),
                    config.mlp().outputs()));
        }
        return a;
    }

    private void checkSameRun(RunDir run, Dataset train) {
        JsonObject stored = run.config();
        JsonObject now = configJson(config);
        stored.remove("epochs");
        now.remove("epochs");
        if (!stored.equals(now)) {
            String diff = stored.keySet().stream().filter(k -> !Objects.equals(stored.get(k), now.get(k)))
                    .map(k -> k + ": stored " + stored.get(k) + ", now " + now.get(k))
                    .reduce((a, b) -> a + "; " + b).orElse("(fields differ)");
            throw new IllegalArgumentException(run.directory() + " holds a run with another config (" + diff
                    + "); only 'epochs' may change on resume, use a new directory otherwise");
        }
        JsonObject data = run.manifest().getAsJsonObject("data");
        if (data != null && !data.equals(dataJson(train))) {
            throw new IllegalArgumentException(run.directory() + " was trained on " + data + ", now given "
                    + dataJson(train) + "; resume with the same training set");
        }
    }

    /** The config as stored in the manifest ({@link TrainingConfigJson#toJson}). */
    public static JsonObject configJson(TrainingConfig c) {
        return TrainingConfigJson.toJson(c);
    }

    /** The config stored by {@link #configJson}, rebuilt ({@link TrainingConfigJson#fromJson}). */
    public static TrainingConfig configFromJson(JsonObject o) {
        return TrainingConfigJson.fromJson(o);
    }

    private JsonObject dataJson(Dataset train) {
        JsonObject d = new JsonObject();
        d.add("train", describe(train));
        if (validation != null) {
            d.add("validation", describe(validation));
        }
        if (snapshots != null) {
            d.add("snapshots", describe(snapshots));
        }
        return d;
    }

    private static JsonObject describe(Dataset d) {
        JsonObject o = new JsonObject();
        o.addProperty("name", d.name());
        o.addProperty("size", d.size());
        o.addProperty("features", d.featureCount());
        o.addProperty("classes", d.classCount());
        return o;
    }
}
