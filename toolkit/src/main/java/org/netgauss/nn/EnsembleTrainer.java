package org.netgauss.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.netgauss.data.Dataset;
import org.netgauss.nn.internal.DenseKernels;
import org.netgauss.nn.internal.Kernels;
import org.netgauss.nn.internal.RowSplit;
import org.netgauss.store.Checkpoint;
import org.netgauss.store.NpyArray;

/**
 * Trains the members {@code [firstMember, firstMember + memberCount)} of an MLP ensemble in memory.
 *
 * <p><b>Compute layout.</b> Members are independent, so the engine gives each worker thread a whole member
 * for a whole epoch: that member's weights, gradients and optimiser state (31 KB + 63 KB for 784x10 with
 * Adam) stay in the core's cache for all 600 steps while only the minibatches stream in. This beats one batched
 * tensor operation per step over all members (ND4J rank-3 matmul, which must gather a {@code [E, 100, 784]} batch
 * — 314 MB at E = 1000 — through memory every step); the benchmark {@code org.netgauss.bench.TrainingBenchmark}
 * measures both. With fewer members than threads (one wide network), members run one after another and each
 * layer product is split by rows across the threads instead ({@link RowSplit}). The dense work runs in
 * {@link Kernels}: register-blocked FMAs on the JDK vector API, or plain loops without it, with the same results.
 *
 * <p><b>Reproducibility.</b> A member's numbers depend only on the config, the data and its global index:
 * its initial weights come from {@code Seeds.rng(seed, member, INIT, 0)}, its epoch-t data order from
 * {@code Seeds.rng(seed, member, DATA_ORDER, t).permutation(n)}, and all its arithmetic is sequential with a
 * fixed order. So thread count, sharding and resuming never change a bit.
 *
 * <p>Not thread-safe: one caller drives it.
 */
public final class EnsembleTrainer {
    private final TrainingConfig config;
    private final Mlp mlp;
    private final int members;
    private final int layers;
    private final int threads;
    // fewer members than threads: members run one after another and each one's layer products are split
    private final RowSplit rowSplit;
    private final EnsembleState state;
    private final MemberStep step;

    private EnsembleTrainer(TrainingConfig config, int threads, DenseKernels dense) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
        this.config = config;
        this.mlp = config.mlp();
        this.members = config.memberCount();
        this.layers = mlp.layers();
        this.threads = threads;
        this.rowSplit = members < threads ? new RowSplit(threads) : RowSplit.INLINE;
        this.state = new EnsembleState(config);
        this.step = new MemberStep(config, state, dense, rowSplit);
    }

    /** A trainer at epoch 0 with freshly initialised members, using all available processors. */
    public static EnsembleTrainer initialise(TrainingConfig config) {
        return initialise(config, Runtime.getRuntime().availableProcessors());
    }

    /** A trainer at epoch 0 with freshly initialised members, using {@code threads} worker threads. */
    public static EnsembleTrainer initialise(TrainingConfig config, int threads) {
        return initialise(config, threads, Kernels.dense());
    }

    /** Like {@link #initialise(TrainingConfig, int)} with the given kernels (tests compare implementations). */
    static EnsembleTrainer initialise(TrainingConfig config, int threads, DenseKernels dense) {
        EnsembleTrainer t = new EnsembleTrainer(config, threads, dense);
        for (int m = 0; m < t.members; m++) {
            Rng rng = Seeds.rng(config.seed(), t.globalIndex(m), Seeds.Purpose.INIT, 0);
            for (int l = 0; l < t.layers; l++) {
                int out = t.mlp.fanOut(l + 1);
                int in = t.mlp.fanIn(l + 1);
                float[] w = new float[out * in];
                config.init().initWeights(w, 0, out, in, rng);
                for (int j = 0; j < out; j++) {
                    System.arraycopy(w, j * in, t.state.weights(l)[m * out + j], 0, in);
                }
                if (t.mlp.bias()) {
                    config.init().initBias(t.state.biases(l), m * out, out, in, rng);
                }
            }
        }
        t.state.checkFinite("initialisation " + config.init().name());
        return t;
    }

    /** An uninitialised trainer whose state the caller restores (resume from a checkpoint). */
    static EnsembleTrainer blank(TrainingConfig config, int threads) {
        return new EnsembleTrainer(config, threads, Kernels.dense());
    }

    public TrainingConfig config() { return config; }

    /** Epochs completed so far. */
    public int epoch() { return state.epoch(); }

    /** The numbers training carries from step to step (for the gradient check, which perturbs weights). */
    EnsembleState state() { return state; }

    /** Members trained here. */
    public int members() { return members; }

    /** The global index of local member {@code m}. */
    public int globalIndex(int m) { return config.firstMember() + m; }

    /** A copy of layer {@code l}'s weights (1-based, W1..WL), {@code [members, out, in]} row-major. */
    public float[] weights(int l) {
        return TrainerState.flatten(state.weights(checkLayer(l) - 1));
    }

    /** A copy of layer {@code l}'s biases {@code [members, out]}; fails if the network has none. */
    public float[] biases(int l) {
        if (!mlp.bias()) {
            throw new IllegalStateException("the network " + mlp + " has no biases");
        }
        return state.biases(checkLayer(l) - 1).clone();
    }

    /** Current learning rate of each member. */
    public double[] learningRates() { return state.allLr(); }

    /** Whether each member has been stopped early. */
    public boolean[] stopped() {
        boolean[] s = new boolean[members];
        for (int m = 0; m < members; m++) {
            s[m] = state.stopping(m).stopped();
        }
        return s;
    }

    /** True when every member has stopped early. */
    public boolean allStopped() {
        for (int m = 0; m < members; m++) {
            if (!state.stopping(m).stopped()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Trains one epoch for every member not yet stopped, then evaluates on {@code validation} (may be null
     * unless early stopping is configured) and steps the schedulers.
     *
     * @throws IllegalArgumentException if the data do not fit the network
     * @throws IllegalStateException    if a member's loss or weights became NaN or infinite
     */
    public EpochMetrics trainEpoch(Dataset train, Dataset validation) {
        return trainEpoch(train, validation, null, new long[0], new java.util.HashMap<>());
    }

    /**
     * Like {@link #trainEpoch(Dataset, Dataset)}, and also records predicted probabilities on
     * {@code snapshotSet} right after each listed global step that falls in this epoch: step s (1-based) is the
     * s-th minibatch update counted from the start of training, {@code (epoch-1)·ceil(n/batch) + i + 1} for
     * batch i of this epoch. {@code out} receives, per such step, the array {@code [members, S, C]}; members
     * stopped early contribute their frozen predictions. This is the sub-epoch snapshot schedule of the
     * hyper-ribbon analysis (Mao et al. 2024; docs/spec/hyperribbon.md §4.2).
     */
    public EpochMetrics trainEpoch(Dataset train, Dataset validation, Dataset snapshotSet, long[] snapshotSteps,
                                   java.util.Map<Long, float[]> out) {
        checkData(train, "training set");
        int batchesPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        long base = (long) state.epoch() * batchesPerEpoch;
        java.util.Map<Long, float[]> due = new java.util.TreeMap<>();
        for (long st : snapshotSteps) {
            if (st > base && st <= base + batchesPerEpoch) {
                if (snapshotSet == null) {
                    throw new IllegalArgumentException("probability snapshot steps were given without a snapshot set");
                }
                due.put(st, new float[Math.multiplyExact(Math.multiplyExact(members, snapshotSet.size()),
                        mlp.outputs())]);
            }
        }
        if (!due.isEmpty()) {
            checkData(snapshotSet, "probability-snapshot set");
        }
        if (validation != null) {
            checkData(validation, "validation set");
        } else if (config.earlyStopping() != null) {
            throw new IllegalArgumentException("early stopping is configured but no validation set was given; "
                    + "pass one or use withEarlyStopping(null)");
        }
        int nextEpoch = state.epoch() + 1;
        int n = train.size();
        int[] shared = config.dataOrder() == DataOrder.SHARED
                ? Seeds.rng(config.seed(), -1, Seeds.Purpose.SHARED_DATA_ORDER, nextEpoch).permutation(n) : null;
        double[] trainLoss = new double[members];
        double[] trainAcc = new double[members];
        double[] valLoss = new double[members];
        double[] valAcc = new double[members];
        double[] lrUsed = state.allLr();
        boolean[] wasStopped = stopped();
        Arrays.fill(valLoss, Double.NaN);
        Arrays.fill(valAcc, Double.NaN);
        parallel(m -> {
            if (wasStopped[m]) {
                trainLoss[m] = Double.NaN;
                trainAcc[m] = Double.NaN;
                for (float[] p : due.values()) {
                    step.probabilities(m, snapshotSet, step.workspace(config.batchSize()), p);
                }
            } else {
                int[] order = shared != null ? shared
                        : Seeds.rng(config.seed(), globalIndex(m), Seeds.Purpose.DATA_ORDER, nextEpoch).permutation(n);
                double[] r = step.trainEpoch(m, train, order, base, due, snapshotSet);
                trainLoss[m] = r[0];
                trainAcc[m] = r[1];
            }
            if (validation != null) {
                double[] e = step.evaluate(m, validation, step.workspace(config.batchSize()));
                valLoss[m] = e[0];
                valAcc[m] = e[1];
            }
        });
        for (int m = 0; m < members; m++) {
            if (wasStopped[m]) {
                continue;
            }
            if (!Double.isFinite(trainLoss[m])) {
                throw new IllegalStateException("member " + globalIndex(m) + ": training loss is " + trainLoss[m]
                        + " in epoch " + nextEpoch + " (lr " + state.lr(m) + "); the run diverged, lower the learning rate");
            }
            if (config.scheduler() != null) {
                PlateauScheduler.Step s = config.scheduler().step(state.plateau(m), trainLoss[m], state.lr(m));
                state.setPlateau(m, s.state());
                state.setLr(m, s.lr());
            }
            if (config.earlyStopping() != null) {
                state.setStopping(m, config.earlyStopping().step(state.stopping(m), valLoss[m]));
            }
        }
        state.setEpoch(nextEpoch);
        state.checkFinite("epoch " + nextEpoch);
        out.putAll(due);
        return new EpochMetrics(nextEpoch, trainLoss, trainAcc, valLoss, valAcc, lrUsed, wasStopped);
    }

    /** Loss and accuracy of each member on {@code data}: {@code double[members][2]}. */
    public double[][] evaluate(Dataset data) {
        checkData(data, "evaluation set");
        double[][] r = new double[members][];
        parallel(m -> r[m] = step.evaluate(m, data, step.workspace(config.batchSize())));
        return r;
    }

    /**
     * Predicted class probabilities (softmax of the outputs) of every member on every sample of {@code data}:
     * {@code [members, samples, classes]} row-major, the snapshot format of the hyper-ribbon analysis (Mao et al.
     * 2024; docs/spec/hyperribbon.md §4.2, §4.7).
     */
    public float[] probabilities(Dataset data) {
        checkData(data, "probability-snapshot set");
        int s = data.size();
        int c = mlp.outputs();
        float[] out = new float[Math.multiplyExact(Math.multiplyExact(members, s), c)];
        parallel(m -> step.probabilities(m, data, step.workspace(config.batchSize()), out));
        return out;
    }

    // ----------------------------------------------------------------------------------------- checkpoints

    /** The checkpoint arrays: W1..WL {@code [E, out, in]} and, with biases, b1..bL {@code [E, out]}. */
    java.util.Map<String, NpyArray> parameterArrays() {
        return TrainerState.parameterArrays(state);
    }

    /** Everything besides the parameters that the next step depends on. */
    java.util.Map<String, NpyArray> stateArrays() {
        return TrainerState.stateArrays(state);
    }

    /**
     * Mean loss of member {@code m} on all of {@code batch} (one minibatch, in order) and its gradients with
     * respect to W1..WL (into {@code gradW[l-1]}, shaped {@code [out, in]}) and the biases, without changing
     * anything. For gradient checks.
     */
    double gradients(int m, Dataset batch, float[][] gradW, float[][] gradB) {
        return step.gradients(m, batch, gradW, gradB);
    }

    /** A trainer continuing from a checkpoint that keeps state (bit-identical to never having stopped). */
    static EnsembleTrainer restore(TrainingConfig config, int threads, Checkpoint cp) {
        EnsembleTrainer t = blank(config, threads);
        TrainerState.restore(t.state, cp);
        return t;
    }

    // ---------------------------------------------------------------------------------------------------------

    private void parallel(IntConsumer body) {
        int workers = rowSplit == RowSplit.INLINE ? Math.min(threads, members) : 1;
        if (workers == 1) {
            for (int m = 0; m < members; m++) {
                body.accept(m);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread th = new Thread(r, "netgauss-trainer");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    for (int m = next.getAndIncrement(); m < members; m = next.getAndIncrement()) {
                        body.accept(m);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }

    private void checkData(Dataset d, String what) {
        if (d.featureCount() != mlp.inputs()) {
            throw new IllegalArgumentException(what + " '" + d.name() + "' has " + d.featureCount()
                    + " features, the network " + mlp + " expects " + mlp.inputs() + "; check the first width");
        }
        if (d.classCount() > mlp.outputs()) {
            throw new IllegalArgumentException(what + " '" + d.name() + "' has " + d.classCount()
                    + " classes, the network has only " + mlp.outputs() + " outputs; check the last width");
        }
        if (d.size() == 0) {
            throw new IllegalArgumentException(what + " '" + d.name() + "' is empty");
        }
    }

    private int checkLayer(int l) {
        if (l < 1 || l > layers) {
            throw new IllegalArgumentException("layer " + l + " does not exist; the network has W1..W" + layers);
        }
        return l;
    }
}
