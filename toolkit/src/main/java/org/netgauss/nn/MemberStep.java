package org.netgauss.nn;

import java.util.Arrays;
import java.util.Map;
import org.netgauss.data.Dataset;
import org.netgauss.nn.internal.DenseKernels;
import org.netgauss.nn.internal.Kernels;
import org.netgauss.nn.internal.RowSplit;

/**
 * One member's arithmetic: a minibatch's forward pass, loss and its gradient (cross-entropy on the softmax, or
 * the mean squared error on one-hot targets), backpropagation and the optimiser's update of that member's rows
 * of the {@link EnsembleState}; and evaluation and softmax probabilities on a data set. Every sum runs in a
 * fixed order, so a member's numbers do not depend on which thread runs it or on the other members. The dense
 * work is in {@link Kernels}; a wide layer is split by rows across threads ({@link RowSplit}).
 */
final class MemberStep {
    private final TrainingConfig config;
    private final Mlp mlp;
    private final int layers;
    private final EnsembleState state;
    private final DenseKernels dense;
    private final RowSplit rowSplit;
    // a narrow first layer (paper: 784 -> 10) reads its input per sample, saving the batch transpose every step
    private final boolean sampleForward;

    MemberStep(TrainingConfig config, EnsembleState state, DenseKernels dense, RowSplit rowSplit) {
        this.config = config;
        this.mlp = config.mlp();
        this.layers = mlp.layers();
        this.state = state;
        this.dense = dense;
        this.rowSplit = rowSplit;
        this.sampleForward = dense.pad(mlp.fanOut(1)) <= 2 * dense.lanes();
    }

    /** Scratch buffers for one member at a time, sized for {@code batch} samples. */
    Workspace workspace(int batch) {
        return new Workspace(mlp, batch, dense, rowSplit, sampleForward);
    }

    /**
     * Trains member {@code m} for one epoch over {@code train} in the order {@code order}, and records its
     * probabilities on {@code snapshotSet} right after each global step listed in {@code due} (steps
     * {@code base + 1 ...} are this epoch's). Returns the epoch's mean training loss and accuracy.
     */
    double[] trainEpoch(int m, Dataset train, int[] order, long base, Map<Long, float[]> due, Dataset snapshotSet) {
        int n = train.size();
        int batch = config.batchSize();
        Workspace ws = workspace(batch);
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < n; start += batch) {
            int nb = Math.min(batch, n - start);
            loadBatch(train, order, start, nb, ws);
            forward(m, nb, ws);
            lossSum += lossAndGradient(nb, ws);
            correct += ws.correct;
            state.countStep(m);
            backwardAndUpdate(m, nb, ws);
            float[] snap = due.isEmpty() ? null : due.get(base + start / batch + 1);
            if (snap != null) {
                probabilities(m, snapshotSet, ws, snap); // ws is reloaded by the next step
            }
        }
        return new double[] {lossSum / n, (double) correct / n};
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
            float[][] w = state.weights(l - 1);
            float[] bias = mlp.bias() ? state.biases(l - 1) : null;
            if (l == 1 && sampleForward) {
                Kernels.transposeRows(w, m * out, out, in, ws.wt);
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

    /** Sums the per-sample losses of the batch, writes dL/dz of the mean loss into ws.dz, counts hits. */
    private double lossAndGradient(int nb, Workspace ws) {
        float[][] z = ws.act[layers];
        int c = mlp.outputs();
        double total = 0;
        int correct = 0;
        if (mlp.loss() == Loss.CROSS_ENTROPY) {
            float inv = 1f / nb;
            // class by class over the batch, so every loop runs along one array (and vectorises); each sample's
            // own operations keep their order: max and sum over k = 0, 1, ...; exp(z - max) of the whole batch in
            // one call to the kernels (StrictMath's values, vectorised)
            float[] max = ws.max;
            int[] arg = ws.arg;
            double[] shifted = ws.shifted;
            double[] sum = ws.sum;
            System.arraycopy(z[0], 0, max, 0, nb);
            Arrays.fill(arg, 0, nb, 0);
            for (int k = 1; k < c; k++) {
                float[] zk = z[k];
                for (int b = 0; b < nb; b++) {
                    if (zk[b] > max[b]) {
                        max[b] = zk[b];
                        arg[b] = k;
                    }
                }
            }
            for (int k = 0; k < c; k++) {
                float[] zk = z[k];
                for (int b = 0; b < nb; b++) {
                    shifted[k * nb + b] = (double) zk[b] - max[b];
                }
            }
            dense.exp(shifted, ws.exps, c * nb);
            Arrays.fill(sum, 0, nb, 0.0);
            for (int k = 0; k < c; k++) {
                for (int b = 0; b < nb; b++) {
                    sum[b] += ws.exps[k * nb + b];
                }
            }
            for (int b = 0; b < nb; b++) {
                int yb = ws.y[b];
                total += max[b] + StrictMath.log(sum[b]) - z[yb][b]; // log-sum-exp minus the target's logit
                if (arg[b] == yb) {
                    correct++;
                }
                ws.invSum[b] = (float) (1.0 / sum[b]);
            }
            for (int k = 0; k < c; k++) {
                float[] d = ws.dz[k];
                for (int b = 0; b < nb; b++) {
                    float p = (float) ws.exps[k * nb + b] * ws.invSum[b]; // softmax from the exponentials
                    d[b] = (p - (k == ws.y[b] ? 1f : 0f)) * inv;
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
        long t = state.steps(m);
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
                float[][] w = state.weights(l - 1);
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
                    float[][] slots = new float[state.slots()][];
                    for (int j = j0; j < j1; j++) {
                        int row = m * out + j;
                        for (int s = 0; s < slots.length; s++) {
                            slots[s] = state.weightSlot(s, layer)[row];
                        }
                        // parameter, gradient and state rows all start at 0: the update loop vectorises
                        opt.update(state.weights(layer)[row], 0, in, ws.gw[j], 0, slots, t, state.lr(m));
                    }
                });
            }
            if (mlp.bias()) {
                if (gradB != null) {
                    System.arraycopy(ws.gb, 0, gradB[l - 1], 0, out);
                } else {
                    opt.update(state.biases(l - 1), m * out, out, ws.gb, 0, state.biasSlots(l - 1), t, state.lr(m));
                }
            }
            float[][] tmp = dz;
            dz = spare;
            spare = tmp;
        }
    }

    /**
     * Per-member scratch buffers, sized for one minibatch; arrays per feature or per sample (see DenseKernels),
     * their lengths padded to the kernels' vector width.
     */
    static final class Workspace {
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
        final double[] sum;     // cross-entropy: sum of exp(z - max) and its inverse, per sample
        final float[] invSum;
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
            sum = new double[batch];
            invSum = new float[batch];
            arg = new int[batch];
        }
    }

    /** Loss and accuracy of member {@code m} on {@code data}, in minibatches of the config's size. */
    double[] evaluate(int m, Dataset data, Workspace ws) {
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

    /** Writes member m's softmax outputs on every sample of data into out[(m*S + i)*C + c]. */
    void probabilities(int m, Dataset data, Workspace ws, float[] out) {
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

}
