package org.netgauss.nn;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.netgauss.data.Dataset;
import org.netgauss.store.NpyArray;
import org.netgauss.store.RunDir;

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

    /** Trains (or resumes) into {@code dir} and returns the run. */
    public RunDir run(Dataset train, Path dir) {
        Objects.requireNonNull(train, "train");
        if (snapshotSteps.length > 0 && snapshots == null) {
            throw new IllegalArgumentException("probability steps were given without a snapshot set; add withSnapshots(subset)");
        }
        EnsembleTrainer trainer;
        RunDir run;
        List<String> metrics = new ArrayList<>();
        if (Files.exists(dir.resolve("manifest.json"))) {
            run = RunDir.open(dir);
            checkSameRun(run, train);
            int from = run.resumableEpoch();
            if (from < 0) {
                throw new IllegalStateException(dir + " has no checkpoint with optimiser state to resume from; "
                        + "delete the directory to start again");
            }
            trainer = EnsembleTrainer.restore(config, threads, run.checkpoint(from));
            List<String> lines = run.metricsLines();
            metrics.add(HEADER);
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",", 3);
                if (f.length >= 2 && Integer.parseInt(f[1]) <= from) {
                    metrics.add(lines.get(i));
                }
            }
            run.rollBackTo(from);
            run.updateManifest("config", configJson(config));
        } else {
            JsonObject fields = new JsonObject();
            fields.add("config", configJson(config));
            fields.add("seeds", seedsJson(config));
            fields.add("members", membersJson(config));
            fields.add("data", dataJson(train));
            run = RunDir.create(dir, fields);
            trainer = EnsembleTrainer.initialise(config, threads);
            metrics.add(HEADER);
            run.recordEpoch(0, String.join("\n", metrics) + "\n", checkpointArrays(trainer), trainer.stateArrays());
        }
        while (trainer.epoch() < config.epochs() && !trainer.allStopped()) {
            if (trainer.epoch() >= stopAfterEpoch) {
                return run;
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
            String csv = String.join("\n", metrics) + "\n";
            if (e % config.checkpointEvery() == 0 || last) {
                run.recordEpoch(e, csv, checkpointArrays(trainer), trainer.stateArrays());
            } else {
                run.recordEpoch(e, csv, null, null);
            }
            listener.accept(m);
        }
        run.markComplete();
        return run;
    }

    private static final String HEADER =
            "member,epoch,lr,train_loss,train_accuracy,validation_loss,validation_accuracy,stopped";

    private static void addRows(List<String> rows, EpochMetrics m, EnsembleTrainer t) {
        double[] loss = m.trainLoss();
        double[] acc = m.trainAccuracy();
        double[] vl = m.validationLoss();
        double[] va = m.validationAccuracy();
        double[] lr = m.lr();
        boolean[] stopped = m.stopped();
        for (int i = 0; i < loss.length; i++) {
            rows.add(t.globalIndex(i) + "," + m.epoch() + "," + num(lr[i]) + "," + num(loss[i]) + "," + num(acc[i]) + ","
                    + num(vl[i]) + "," + num(va[i]) + "," + stopped[i]);
        }
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
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

    /** The config as stored in the manifest (names for activation, init and loss). */
    public static JsonObject configJson(TrainingConfig c) {
        JsonObject o = new JsonObject();
        Mlp mlp = c.mlp();
        com.google.gson.JsonArray w = new com.google.gson.JsonArray();
        for (int x : mlp.widths()) {
            w.add(x);
        }
        o.add("widths", w);
        o.addProperty("bias", mlp.bias());
        o.addProperty("activation", mlp.activation().name());
        o.addProperty("loss", mlp.loss().name().toLowerCase(Locale.ROOT));
        o.addProperty("init", c.init().name());
        JsonObject opt = new JsonObject();
        Optimizer optimizer = c.optimizer();
        if (optimizer instanceof Optimizer.Sgd s) {
            opt.addProperty("type", "sgd");
            opt.addProperty("lr", s.lr());
            opt.addProperty("momentum", s.momentum());
            opt.addProperty("dampening", s.dampening());
            opt.addProperty("nesterov", s.nesterov());
            opt.addProperty("weightDecay", s.weightDecay());
        } else if (optimizer instanceof Optimizer.Adam a) {
            adamJson(opt, "adam", a.lr(), a.beta1(), a.beta2(), a.eps(), a.weightDecay());
        } else if (optimizer instanceof Optimizer.AdamW a) {
            adamJson(opt, "adamw", a.lr(), a.beta1(), a.beta2(), a.eps(), a.weightDecay());
        }
        o.add("optimizer", opt);
        o.addProperty("batchSize", c.batchSize());
        o.addProperty("epochs", c.epochs());
        o.addProperty("seed", c.seed());
        o.addProperty("ensembleSize", c.ensembleSize());
        o.addProperty("firstMember", c.firstMember());
        o.addProperty("memberCount", c.memberCount());
        o.addProperty("dataOrder", c.dataOrder().name().toLowerCase(Locale.ROOT));
        if (c.scheduler() != null) {
            JsonObject s = new JsonObject();
            s.addProperty("type", "reduce-lr-on-plateau");
            s.addProperty("monitor", "train_loss");
            s.addProperty("factor", c.scheduler().factor());
            s.addProperty("patience", c.scheduler().patience());
            s.addProperty("threshold", c.scheduler().threshold());
            s.addProperty("thresholdMode", "rel");
            s.addProperty("minLr", c.scheduler().minLr());
            o.add("scheduler", s);
        }
        if (c.earlyStopping() != null) {
            JsonObject s = new JsonObject();
            s.addProperty("monitor", "validation_loss");
            s.addProperty("patience", c.earlyStopping().patience());
            s.addProperty("minRelImprovement", c.earlyStopping().minRelImprovement());
            o.add("earlyStopping", s);
        }
        o.addProperty("checkpointEvery", c.checkpointEvery());
        return o;
    }

    /**
     * The config stored by {@link #configJson}, rebuilt: the inverse for built-in activations (relu, tanh,
     * identity) and initialisations (torch-default, gaussian, glorot-uniform, glorot-normal, orthogonal). A run
     * made with a custom activation or sampler cannot be rebuilt from its names alone: pass the objects again.
     *
     * @throws IllegalArgumentException naming the field that is missing or unknown
     */
    public static TrainingConfig configFromJson(JsonObject o) {
        try {
            int[] widths = new com.google.gson.Gson().fromJson(o.get("widths"), int[].class);
            Loss loss = Loss.valueOf(o.get("loss").getAsString().toUpperCase(Locale.ROOT));
            Mlp mlp = new Mlp(widths, o.get("bias").getAsBoolean(), Activation.named(o.get("activation").getAsString()), loss);
            JsonObject op = o.getAsJsonObject("optimizer");
            String type = op.get("type").getAsString();
            Optimizer opt = switch (type) {
                case "sgd" -> new Optimizer.Sgd(op.get("lr").getAsDouble(), op.get("momentum").getAsDouble(),
                        op.get("dampening").getAsDouble(), op.get("nesterov").getAsBoolean(), op.get("weightDecay").getAsDouble());
                case "adam" -> new Optimizer.Adam(op.get("lr").getAsDouble(), op.get("beta1").getAsDouble(),
                        op.get("beta2").getAsDouble(), op.get("eps").getAsDouble(), op.get("weightDecay").getAsDouble());
                case "adamw" -> new Optimizer.AdamW(op.get("lr").getAsDouble(), op.get("beta1").getAsDouble(),
                        op.get("beta2").getAsDouble(), op.get("eps").getAsDouble(), op.get("weightDecay").getAsDouble());
                default -> throw new IllegalArgumentException("unknown optimizer type '" + type + "' (sgd, adam, adamw)");
            };
            PlateauScheduler sched = null;
            if (o.has("scheduler")) {
                JsonObject sc = o.getAsJsonObject("scheduler");
                sched = new PlateauScheduler(sc.get("factor").getAsDouble(), sc.get("patience").getAsInt(),
                        sc.get("threshold").getAsDouble(), sc.get("minLr").getAsDouble());
            }
            EarlyStopping es = null;
            if (o.has("earlyStopping")) {
                JsonObject e = o.getAsJsonObject("earlyStopping");
                es = new EarlyStopping(e.get("patience").getAsInt(), e.get("minRelImprovement").getAsDouble());
            }
            return new TrainingConfig(mlp, initNamed(o.get("init").getAsString()), opt, o.get("batchSize").getAsInt(),
                    o.get("epochs").getAsInt(), o.get("seed").getAsLong(), o.get("ensembleSize").getAsInt(),
                    o.get("firstMember").getAsInt(), o.get("memberCount").getAsInt(),
                    DataOrder.valueOf(o.get("dataOrder").getAsString().toUpperCase(Locale.ROOT)), sched, es,
                    o.get("checkpointEvery").getAsInt());
        } catch (NullPointerException | IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("config JSON is missing a field or has a wrong type (" + e.getMessage()
                    + "); expected the object written by Training.configJson: " + o, e);
        }
    }

    private static WeightInit initNamed(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-z-]+)(?:\\((?:g|gain)=([^)]+)\\))?").matcher(name);
        if (m.matches()) {
            double p = m.group(2) == null ? 1.0 : Double.parseDouble(m.group(2));
            switch (m.group(1)) {
                case "torch-default": return WeightInit.torchDefault();
                case "gaussian": return WeightInit.gaussian(p);
                case "glorot-uniform": return WeightInit.glorotUniform(p);
                case "glorot-normal": return WeightInit.glorotNormal(p);
                case "orthogonal": return WeightInit.orthogonal(p);
                default: break;
            }
        }
        throw new IllegalArgumentException("initialisation '" + name + "' is not built in (torch-default, gaussian(g=..), "
                + "glorot-uniform(gain=..), glorot-normal(gain=..), orthogonal(gain=..)); pass the WeightInit object");
    }

    private static void adamJson(JsonObject opt, String type, double lr, double b1, double b2, double eps, double wd) {
        opt.addProperty("type", type);
        opt.addProperty("lr", lr);
        opt.addProperty("beta1", b1);
        opt.addProperty("beta2", b2);
        opt.addProperty("eps", eps);
        opt.addProperty("weightDecay", wd);
    }

    private static JsonObject seedsJson(TrainingConfig c) {
        JsonObject s = new JsonObject();
        s.addProperty("run", c.seed());
        s.addProperty("derivation", "Seeds.derive(run, member, purpose, extra) = mix64(mix64(mix64(mix64(run) + member*G1)"
                + " + purpose*G2) + extra*G3), mix64 = SplitMix64 finaliser, G1=0x9E3779B97F4A7C15, G2=0xC2B2AE3D27D4EB4F,"
                + " G3=0x165667B19E3779F9; generator SplitMix64 (org.netgauss.nn.Rng)");
        s.addProperty("init", "purpose 1 (INIT), extra 0; layers W1,b1,W2,b2,... filled row-major in turn");
        s.addProperty("dataOrder", c.dataOrder() == DataOrder.INDEPENDENT
                ? "purpose 2 (DATA_ORDER), extra = epoch (1-based); Fisher-Yates permutation"
                : "purpose 3 (SHARED_DATA_ORDER), member -1, extra = epoch; one permutation for all members");
        return s;
    }

    private static JsonObject membersJson(TrainingConfig c) {
        JsonObject m = new JsonObject();
        m.addProperty("ensembleSize", c.ensembleSize());
        m.addProperty("first", c.firstMember());
        m.addProperty("count", c.memberCount());
        return m;
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
