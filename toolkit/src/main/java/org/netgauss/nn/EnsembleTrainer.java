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
    final Mlp mlp;
    final int members;
    final int layers;
    private final int threads;
    private final DenseKernels dense;
    // fewer members than threads: members run one after another and each one's layer products are split
    private final RowSplit rowSplit;
    // a narrow first layer (paper: 784 -> 10) reads its input per sample, saving the batch transpose every step
    private final boolean sampleForward;
    // per layer l = 0..L-1 (W_{l+1}): one array per (member, output neuron) row, index member*out + j, so the
    // optimiser's loop over a row vectorises (see Kernels); biases flat [members * out]
    final float[][][] weights;
    final float[][] biases;
    // [slot][layer]
    final float[][][][] weightState;
    final float[][][] biasState;
    final long[] steps;
    final double[] lr;
    final PlateauScheduler.State[] plateau;
    final EarlyStopping.State[] stopping;
    int epoch;

    private EnsembleTrainer(TrainingConfig config, int threads, DenseKernels dense) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
        this.config = config;
        this.mlp = config.mlp();
        this.members = config.memberCount();
        this.layers = mlp.layers();
        this.threads = threads;
        this.dense = dense;
        this.sampleForward = dense.pad(mlp.fanOut(1)) <= 2 * dense.lanes();
        this.rowSplit = members < threads ? new RowSplit(threads) : RowSplit.INLINE;
        weights = new float[layers][][];
        biases = new float[layers][];
        int slots = config.optimizer().stateSlots();
        weightState = new float[slots][layers][][];
        biasState = new float[slots][layers][];
        for (int l = 0; l < layers; l++) {
            int out = mlp.fanOut(l + 1);
            int in = mlp.fanIn(l + 1);
            Math.multiplyExact(Math.multiplyExact(members, out), in); // fits the flat .npy arrays
            weights[l] = new float[members * out][in];
            biases[l] = mlp.bias() ? new float[members * out] : null;
            for (int s = 0; s < slots; s++) {
                weightState[s][l] = new float[members * out][in];
                biasState[s][l] = mlp.bias() ? new float[biases[l].length] : null;
            }
        }
        steps = new long[members];
        lr = new double[members];
        Arrays.fill(lr, config.optimizer().lr());
        plateau = new PlateauScheduler.State[members];
        Arrays.fill(plateau, PlateauScheduler.State.initial());
        stopping = new EarlyStopping.State[members];
        Arrays.fill(stopping, EarlyStopping.State.initial());
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
                    System.arraycopy(w, j * in, t.weights[l][m * out + j], 0, in);
                }
                if (t.mlp.bias()) {
                    config.init().initBias(t.biases[l], m * out, out, in, rng);
                }
            }
        }
        t.checkFinite("initialisation " + config.init().name());
        return t;
    }

    /** An uninitialised trainer whose state the caller restores (resume from a checkpoint). */
    static EnsembleTrainer blank(TrainingConfig config, int threads) {
        return new EnsembleTrainer(config, threads, Kernels.dense());
    }

    public TrainingConfig config() { return config; }

    /** Epochs completed so far. */
    public int epoch() { return epoch; }

    /** Members trained here. */
    public int members() { return members; }

    /** The global index of local member {@code m}. */
    public int globalIndex(int m) { return config.firstMember() + m; }

    /** A copy of layer {@code l}'s weights (1-based, W1..WL), {@code [members, out, in]} row-major. */
    public float[] weights(int l) {
        return TrainerState.flatten(weights[checkLayer(l) - 1]);
    }

    /** A copy of layer {@code l}'s biases {@code [members, out]}; fails if the network has none. */
    public float[] biases(int l) {
        if (!mlp.bias()) {
            throw new IllegalStateException("the network " + mlp + " has no biases");
        }
        return biases[checkLayer(l) - 1].clone();
    }

    /** Current learning rate of each member. */
    public double[] learningRates() { return lr.clone(); }

    /** Whether each member has been stopped early. */
    public boolean[] stopped() {
        boolean[] s = new boolean[members];
        for (int m = 0; m < members; m++) {
            s[m] = stopping[m].stopped();
        }
        return s;
    }

    /** True when every member has stopped early. */
    public boolean allStopped() {
        for (EarlyStopping.State s : stopping) {
            if (!s.stopped()) {
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
        long base = (long) epoch * batchesPerEpoch;
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
        int nextEpoch = epoch + 1;
        int n = train.size();
        int[] shared = config.dataOrder() == DataOrder.SHARED
                ? Seeds.rng(config.seed(), -1, Seeds.Purpose.SHARED_DATA_ORDER, nextEpoch).permutation(n) : null;
        double[] trainLoss = new double[members];
        double[] trainAcc = new double[members];
        double[] valLoss = new double[members];
        double[] valAcc = new double[members];
        double[] lrUsed = lr.clone();
        boolean[] wasStopped = stopped();
        Arrays.fill(valLoss, Double.NaN);
        Arrays.fill(valAcc, Double.NaN);
        parallel(m -> {
            if (wasStopped[m]) {
                trainLoss[m] = Double.NaN;
                trainAcc[m] = Double.NaN;
                for (float[] p : due.values()) {
                    memberProbabilities(m, snapshotSet, workspace(config.batchSize()), p);
                }
            } else {
                int[] order = shared != null ? shared
                        : Seeds.rng(config.seed(), globalIndex(m), Seeds.Purpose.DATA_ORDER, nextEpoch).permutation(n);
                Workspace ws = workspace(config.batchSize());
                double lossSum = 0;
                long correct = 0;
                for (int start = 0; start < n; start += config.batchSize()) {
                    int nb = Math.min(config.batchSize(), n - start);
                    loadBatch(train, order, start, nb, ws);
                    forward(m, nb, ws);
                    lossSum += lossAndGradient(nb, ws);
                    correct += ws.correct;
                    steps[m]++;
                    backwardAndUpdate(m, nb, ws);
                    float[] snap = due.isEmpty() ? null : due.get(base + start / config.batchSize() + 1);
                    if (snap != null) {
                        memberProbabilities(m, snapshotSet, ws, snap); // ws is reloaded by the next step
                    }
                }
                trainLoss[m] = lossSum / n;
                trainAcc[m] = (double) correct / n;
            }
            if (validation != null) {
                double[] e = evaluateMember(m, validation, workspace(config.batchSize()));
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
                        + " in epoch " + nextEpoch + " (lr " + lr[m] + "); the run diverged, lower the learning rate");
            }
            if (config.scheduler() != null) {
                PlateauScheduler.Step s = config.scheduler().step(plateau[m], trainLoss[m], lr[m]);
                plateau[m] = s.state();
                lr[m] = s.lr();
            }
            if (config.earlyStopping() != null) {
                stopping[m] = config.earlyStopping().step(stopping[m], valLoss[m]);
            }
        }
        epoch = nextEpoch;
        checkFinite("epoch " + nextEpoch);
        out.putAll(due);
        return new EpochMetrics(nextEpoch, trainLoss, trainAcc, valLoss, valAcc, lrUsed, wasStopped);
    }

    /** Loss and accuracy of each member on {@code data}: {@code double[members][2]}. */
    public double[][] evaluate(Dataset data) {
        checkData(data, "evaluation set");
        double[][] r = new double[members][];
        parallel(m -> r[m] = evaluateMember(m, data, workspace(config.batchSize())));
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
        parallel(m -> memberProbabilities(m, data, workspace(config.batchSize()), out));
        return out;
    }

    /** Writes member m's softmax outputs on every sample of data into out[(m*S + i)*C + c]. */
    private void memberProbabilities(int m, Dataset data, Workspace ws, float[] out) {
        int s = data.size();
        int c = mlp.outputs();
        int[] rows = identity(s);
        for (int start = 0; start < s; start += config.batchSize()) {
            int nb = Math.min(config.batchSize(), s - start);
            loadBatch(data, rows, start, nb, ws);
            forward(m, nb, ws);
            float[][] z = ws.act[layers];
            for (int b = 0; b < nb; b++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < c; k++) {
                    max = Math.max(max, z[k][b]);
                }
                double sum = 0;
                for (int k = 0; k < c; k++) {
                    sum += StrictMath.exp(z[k][b] - max);
                }
                int at = (m * s + start + b) * c;
                for (int k = 0; k < c; k++) {
                    out[at + k] = (float) (StrictMath.exp(z[k][b] - max) / sum);
                }
            }
        }
    }

    // ----------------------------------------------------------------------------------------- checkpoints

    /** The checkpoint arrays: W1..WL {@code [E, out, in]} and, with biases, b1..bL {@code [E, out]}. */
    java.util.Map<String, NpyArray> parameterArrays() {
        return TrainerState.parameterArrays(this);
    }

    /** Everything besides the parameters that the next step depends on. */
    java.util.Map<String, NpyArray> stateArrays() {
        return TrainerState.stateArrays(this);
    }

    /** A trainer continuing from a checkpoint that keeps state (bit-identical to never having stopped). */
    static EnsembleTrainer restore(TrainingConfig config, int threads, Checkpoint cp) {
        return TrainerState.restore(blank(config, threads), cp);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Scratch buffers for one member at a time. */
    private Workspace workspace(int batch) {
        return new Workspace(mlp, batch, dense, rowSplit, sampleForward);
    }

    /**
     * Per-member scratch buffers, sized for one minibatch; arrays per feature or per sample (see DenseKernels),
     * their lengths padded to the kernels' vector width.
     */
    private static final class Workspace {
        final float[][] x;      // [batch][n0]: the input per sample
        final int[] y;
        final float[][][] act;  // act[0] = input, act[l] = layer-l output, [n_l][batch]; act[L] = logits
        final float[][][] pre;  // pre[l] = pre-activation of hidden layer l
        final float[][] dz;
        final float[][] dz2;
        final float[][] rows;   // a hidden layer's input per sample, [batch][n_{l-1}]
        final float[][] gw;     // weight gradient per output neuron
        final float[] gb;
        final float[][] wt;     // the first layer's weights transposed, [n0][pad(n1)], when read per sample
        final double[] shifted; // cross-entropy: z - max per class and sample, [classes * batch], and its exp
        final double[] exps;
        final float[] max;
        final int[] arg;
        final RowSplit split;
        int correct;

        Workspace(Mlp mlp, int batch, DenseKernels k, RowSplit split, boolean sampleForward) {
            this.split = split;
            int nbp = k.pad(batch);
            int[] w = mlp.widths();
            int layers = w.length - 1;
            x = new float[batch][k.pad(w[0])];
            y = new int[batch];
            act = new float[layers + 1][][];
            pre = new float[layers + 1][][];
            int maxW = 0;
            int maxHidden = 1;
            for (int l = 0; l <= layers; l++) {
                act[l] = new float[w[l]][nbp];
                if (l >= 1 && l < layers) {
                    pre[l] = new float[w[l]][nbp];
                    maxHidden = Math.max(maxHidden, w[l]);
                }
                maxW = Math.max(maxW, w[l]);
            }
            dz = new float[maxW][nbp];
            dz2 = new float[maxW][nbp];
            rows = new float[batch][k.pad(maxHidden)];
            gw = new float[maxW][k.pad(maxW)];
            gb = new float[maxW];
            wt = sampleForward ? new float[w[0]][k.pad(w[1])] : null;
            shifted = new double[w[layers] * batch];
            exps = new double[w[layers] * batch];
            max = new float[batch];
            arg = new int[batch];
        }
    }

    /** Copies samples rows[start .. start+nb) of d into the workspace, per sample and per feature, with labels. */
    private void loadBatch(Dataset d, int[] rows, int start, int nb, Workspace ws) {
        for (int b = 0; b < nb; b++) {
            d.gatherRows(rows, start + b, start + b + 1, ws.x[b], 0);
        }
        d.gatherLabels(rows, start, start + nb, ws.y, 0);
        if (!sampleForward) {
            Kernels.toFeatures(ws.x, nb, mlp.inputs(), ws.act[0]);
        }
    }

    private void forward(int m, int nb, Workspace ws) {
        Activation phi = mlp.activation();
        for (int l = 1; l <= layers; l++) {
            int out = mlp.fanOut(l);
            int in = mlp.fanIn(l);
            boolean hidden = l < layers;
            float[][] z = hidden ? ws.pre[l] : ws.act[l];
            float[][] w = weights[l - 1];
            float[] bias = mlp.bias() ? biases[l - 1] : null;
            if (l == 1 && sampleForward) {
                transposeRows(w, m * out, out, in, ws.wt);
                dense.forwardFromSamples(ws.wt, out, in, ws.x, nb, z, bias, m * out);
            } else {
                float[][] x = ws.act[l - 1];
                ws.split.run(out, 5, (long) in * nb, (j0, j1) -> dense.forward(w, m * out, j0, j1, in, x, nb, z, bias, m * out));
            }
            if (hidden) {
                float[][] a = ws.act[l];
                for (int j = 0; j < out; j++) {
                    if (phi == Activation.RELU) {
                        dense.relu(z[j], a[j], nb);
                    } else {
                        phi.apply(z[j], a[j], nb);
                    }
                }
            }
        }
    }

    /**
     * wt[k][j] = w[row0 + j][k]. By destination row, with the source rows read side by side (four at a time):
     * writing column-wise into the 784 destination rows instead cost as much as the weight gradient.
     */
    private static void transposeRows(float[][] w, int row0, int out, int in, float[][] wt) {
        int j = 0;
        for (; j + 3 < out; j += 4) {
            float[] r0 = w[row0 + j];
            float[] r1 = w[row0 + j + 1];
            float[] r2 = w[row0 + j + 2];
            float[] r3 = w[row0 + j + 3];
            for (int k = 0; k < in; k++) {
                float[] d = wt[k];
                d[j] = r0[k];
                d[j + 1] = r1[k];
                d[j + 2] = r2[k];
                d[j + 3] = r3[k];
            }
        }
        for (; j < out; j++) {
            float[] r = w[row0 + j];
            for (int k = 0; k < in; k++) {
                wt[k][j] = r[k];
            }
        }
    }

    /** Sums the per-sample losses of the batch, writes dL/dz of the mean loss into ws.dz, counts hits. */
    private double lossAndGradient(int nb, Workspace ws) {
        float[][] z = ws.act[layers];
        int c = mlp.outputs();
        double total = 0;
        int correct = 0;
        if (mlp.loss() == Loss.CROSS_ENTROPY) {
            float inv = 1f / nb;
            // exp(z - max) of the whole batch in one call to the kernels (StrictMath's values, vectorised)
            double[] shifted = ws.shifted;
            for (int b = 0; b < nb; b++) {
                int arg = 0;
                float max = z[0][b];
                for (int k = 1; k < c; k++) {
                    if (z[k][b] > max) {
                        max = z[k][b];
                        arg = k;
                    }
                }
                ws.max[b] = max;
                ws.arg[b] = arg;
                for (int k = 0; k < c; k++) {
                    shifted[k * nb + b] = (double) z[k][b] - max;
                }
            }
            dense.exp(shifted, ws.exps, c * nb);
            for (int b = 0; b < nb; b++) {
                int arg = ws.arg[b];
                float max = ws.max[b];
                double sum = 0;
                for (int k = 0; k < c; k++) {
                    double e = ws.exps[k * nb + b];
                    ws.dz[k][b] = (float) e;
                    sum += e;
                }
                double lse = max + StrictMath.log(sum);
                int yb = ws.y[b];
                total += lse - z[yb][b];
                if (arg == yb) {
                    correct++;
                }
                float invSum = (float) (1.0 / sum);
                for (int k = 0; k < c; k++) {
                    float p = ws.dz[k][b] * invSum; // softmax from the exponentials kept above
                    ws.dz[k][b] = (p - (k == yb ? 1f : 0f)) * inv;
                }
            }
        } else {
            float scale = 2f / (nb * c);
            for (int b = 0; b < nb; b++) {
                int arg = 0;
                double sampleLoss = 0;
                for (int k = 0; k < c; k++) {
                    float v = z[k][b];
                    if (v > z[arg][b]) {
                        arg = k;
                    }
                    float d = v - (k == ws.y[b] ? 1f : 0f);
                    sampleLoss += (double) d * d;
                    ws.dz[k][b] = scale * d;
                }
                total += sampleLoss / c;
                if (arg == ws.y[b]) {
                    correct++;
                }
            }
        }
        ws.correct = correct;
        return total;
    }

    private void backwardAndUpdate(int m, int nb, Workspace ws) {
        backward(m, nb, ws, null, null);
    }

    /**
     * Mean loss of member {@code m} on all of {@code batch} (one minibatch, in order) and its gradients with
     * respect to W1..WL (into {@code gradW[l-1]}, shaped {@code [out, in]}) and the biases, without changing
     * anything. For gradient checks.
     */
    double gradients(int m, Dataset batch, float[][] gradW, float[][] gradB) {
        int nb = batch.size();
        Workspace ws = workspace(nb);
        int[] rows = identity(nb);
        loadBatch(batch, rows, 0, nb, ws);
        forward(m, nb, ws);
        double loss = lossAndGradient(nb, ws) / nb;
        backward(m, nb, ws, gradW, gradB);
        return loss;
    }

    private void backward(int m, int nb, Workspace ws, float[][] gradW, float[][] gradB) {
        Optimizer opt = config.optimizer();
        Activation phi = mlp.activation();
        float[][] dz = ws.dz;
        float[][] spare = ws.dz2;
        long t = steps[m];
        for (int l = layers; l >= 1; l--) {
            int out = mlp.fanOut(l);
            int in = mlp.fanIn(l);
            float[][] inputRows;
            if (l == 1) {
                inputRows = ws.x;
            } else {
                Kernels.toSamples(ws.act[l - 1], in, nb, ws.rows);
                inputRows = ws.rows;
            }
            float[][] dzl = dz;
            ws.split.run(out, 5, (long) in * nb, (j0, j1) -> dense.weightGradient(dzl, j0, j1, in, inputRows, nb, ws.gw));
            if (mlp.bias()) {
                Kernels.biasGradient(dz, out, nb, ws.gb);
            }
            if (l > 1) {
                // the gradient flowing down uses W_l before its update, as autograd does
                float[][] w = weights[l - 1];
                float[][] dst = spare;
                ws.split.run(in, 5, (long) out * nb, (k0, k1) -> dense.inputGradient(w, m * out, out, k0, k1, dzl, nb, dst));
                float[][] zPrev = ws.pre[l - 1];
                float[][] aPrev = ws.act[l - 1];
                for (int k = 0; k < in; k++) {
                    if (phi == Activation.RELU) {
                        dense.reluBackward(spare[k], zPrev[k], nb);
                    } else {
                        phi.backpropagate(spare[k], zPrev[k], aPrev[k], nb);
                    }
                }
            }
            if (gradW != null) {
                for (int j = 0; j < out; j++) {
                    System.arraycopy(ws.gw[j], 0, gradW[l - 1], j * in, in);
                }
            } else {
                int layer = l - 1;
                ws.split.run(out, 1, 4L * in, (j0, j1) -> {
                    float[][] state = new float[weightState.length][];
                    for (int j = j0; j < j1; j++) {
                        int row = m * out + j;
                        for (int s = 0; s < state.length; s++) {
                            state[s] = weightState[s][layer][row];
                        }
                        // parameter, gradient and state rows all start at 0: the update loop vectorises
                        opt.update(weights[layer][row], 0, in, ws.gw[j], 0, state, t, lr[m]);
                    }
                });
            }
            if (mlp.bias()) {
                if (gradB != null) {
                    System.arraycopy(ws.gb, 0, gradB[l - 1], 0, out);
                } else {
                    opt.update(biases[l - 1], m * out, out, ws.gb, 0, slots(biasState, l - 1), t, lr[m]);
                }
            }
            float[][] tmp = dz;
            dz = spare;
            spare = tmp;
        }
    }

    private static float[][] slots(float[][][] state, int layer) {
        float[][] s = new float[state.length][];
        for (int i = 0; i < state.length; i++) {
            s[i] = state[i][layer];
        }
        return s;
    }

    private double[] evaluateMember(int m, Dataset data, Workspace ws) {
        int n = data.size();
        int[] rows = identity(n);
        double loss = 0;
        long correct = 0;
        for (int start = 0; start < n; start += config.batchSize()) {
            int nb = Math.min(config.batchSize(), n - start);
            loadBatch(data, rows, start, nb, ws);
            forward(m, nb, ws);
            loss += lossAndGradient(nb, ws);
            correct += ws.correct;
        }
        return new double[] {loss / n, (double) correct / n};
    }

    private static int[] identity(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

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

    void checkFinite(String when) {
        for (int l = 0; l < layers; l++) {
            int out = mlp.fanOut(l + 1);
            float[][] w = weights[l];
            for (int r = 0; r < w.length; r++) {
                for (float v : w[r]) {
                    if (!Float.isFinite(v)) {
                        throw new IllegalStateException("W" + (l + 1) + " of member " + globalIndex(r / out) + " holds "
                                + v + " after " + when + "; lower the learning rate or check the initialisation");
                    }
                }
            }
        }
    }
}
