package org.netgauss.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.netgauss.data.Dataset;
import org.netgauss.data.Mnist;
import org.netgauss.data.PixelScale;

/**
 * The engine against routes that do not share its kernels: a member of an ensemble against the same network
 * trained alone, and against a textbook per-sample implementation in double precision; and a real MNIST run
 * against the accuracy every tutorial reaches.
 */
class ReferenceTrainingTest {
    private static final Mlp MLP = new Mlp(new int[] {10, 8, 6, 3}, true, Activation.TANH, Loss.CROSS_ENTROPY);
    private static final Dataset TRAIN = TestData.blobs("train", 300, 10, 3, 5);

    private static TrainingConfig config(int members) {
        // 300 samples in batches of 32: the last batch has 12, as DataLoader(drop_last=False) gives
        return TrainingConfig.defaults(MLP).withEnsembleSize(members).withBatchSize(32).withEpochs(2).withSeed(21)
                .withOptimizer(new Optimizer.Adam(1e-3, 0.9, 0.999, 1e-8, 0.01));
    }

    private static EnsembleTrainer train(TrainingConfig c) {
        EnsembleTrainer t = EnsembleTrainer.initialise(c, 2);
        for (int e = 0; e < c.epochs(); e++) {
            t.trainEpoch(TRAIN, null);
        }
        return t;
    }

    private static float[] member(float[] all, int m, int size) {
        return Arrays.copyOfRange(all, m * size, (m + 1) * size);
    }

    @Test
    void memberOfAnEnsembleEqualsTheSameNetworkTrainedAlone() {
        EnsembleTrainer ensemble = train(config(5));
        // member 0 with the same run seed: an ensemble of one
        EnsembleTrainer alone = train(config(1));
        // member 3 alone: the one-member shard [3, 4) of the same ensemble
        EnsembleTrainer third = train(config(5).withMembers(3, 1));
        for (int l = 1; l <= MLP.layers(); l++) {
            int w = MLP.fanOut(l) * MLP.fanIn(l);
            assertArrayEquals(member(ensemble.weights(l), 0, w), alone.weights(l), "W" + l + " member 0");
            assertArrayEquals(member(ensemble.weights(l), 3, w), third.weights(l), "W" + l + " member 3");
            assertArrayEquals(member(ensemble.biases(l), 3, MLP.fanOut(l)), third.biases(l), "b" + l + " member 3");
        }
    }

    @Test
    void memberOfAnEnsembleMatchesATextbookPerSampleImplementation() {
        TrainingConfig c = config(4);
        EnsembleTrainer t = EnsembleTrainer.initialise(c, 2);
        int m = 2;
        int layers = MLP.layers();
        double[][] w = new double[layers + 1][];
        double[][] b = new double[layers + 1][];
        for (int l = 1; l <= layers; l++) {
            w[l] = toDouble(member(t.weights(l), m, MLP.fanOut(l) * MLP.fanIn(l)));
            b[l] = toDouble(member(t.biases(l), m, MLP.fanOut(l)));
        }
        for (int e = 0; e < c.epochs(); e++) {
            t.trainEpoch(TRAIN, null);
        }
        Textbook ref = new Textbook(w, b, (Optimizer.Adam) c.optimizer());
        for (int epoch = 1; epoch <= c.epochs(); epoch++) {
            int[] order = Seeds.rng(c.seed(), m, Seeds.Purpose.DATA_ORDER, epoch).permutation(TRAIN.size());
            for (int from = 0; from < order.length; from += c.batchSize()) {
                ref.step(Arrays.copyOfRange(order, from, Math.min(order.length, from + c.batchSize())));
            }
        }
        for (int l = 1; l <= layers; l++) {
            float[] got = member(t.weights(l), m, MLP.fanOut(l) * MLP.fanIn(l));
            double worst = 0;
            for (int i = 0; i < got.length; i++) {
                worst = Math.max(worst, Math.abs(got[i] - ref.w[l][i]));
            }
            // 20 Adam steps of size ~1e-3: float32 rounding leaves differences of ~1e-7, a wrong formula ~1e-3
            assertTrue(worst < 2e-5, "W" + l + ": largest difference to the textbook route " + worst);
        }
    }

    /** Per-sample forward and backward in double, Adam with coupled weight decay as torch.optim.Adam. */
    private static final class Textbook {
        final double[][] w;
        final double[][] b;
        final double[][][] mom;
        final double[][][] vel;
        final Optimizer.Adam adam;
        long t;

        Textbook(double[][] w, double[][] b, Optimizer.Adam adam) {
            this.w = w;
            this.b = b;
            this.adam = adam;
            mom = new double[2][w.length][];
            vel = new double[2][w.length][];
            for (int l = 1; l < w.length; l++) {
                mom[0][l] = new double[w[l].length];
                vel[0][l] = new double[w[l].length];
                mom[1][l] = new double[b[l].length];
                vel[1][l] = new double[b[l].length];
            }
        }

        void step(int[] rows) {
            int layers = w.length - 1;
            double[][] gw = new double[layers + 1][];
            double[][] gb = new double[layers + 1][];
            for (int l = 1; l <= layers; l++) {
                gw[l] = new double[w[l].length];
                gb[l] = new double[b[l].length];
            }
            for (int row : rows) {
                double[][] a = new double[layers + 1][];
                double[][] z = new double[layers + 1][];
                a[0] = new double[MLP.inputs()];
                for (int j = 0; j < a[0].length; j++) {
                    a[0][j] = TRAIN.feature(row, j);
                }
                for (int l = 1; l <= layers; l++) {
                    int out = MLP.fanOut(l);
                    int in = MLP.fanIn(l);
                    z[l] = new double[out];
                    a[l] = new double[out];
                    for (int i = 0; i < out; i++) {
                        double s = b[l][i];
                        for (int j = 0; j < in; j++) {
                            s += w[l][i * in + j] * a[l - 1][j];
                        }
                        z[l][i] = s;
                        a[l][i] = l == layers ? s : Math.tanh(s);
                    }
                }
                double max = Arrays.stream(z[layers]).max().orElseThrow();
                double sum = Arrays.stream(z[layers]).map(v -> Math.exp(v - max)).sum();
                double[] delta = new double[z[layers].length];
                for (int c = 0; c < delta.length; c++) {
                    delta[c] = (Math.exp(z[layers][c] - max) / sum - (c == TRAIN.label(row) ? 1 : 0)) / rows.length;
                }
                for (int l = layers; l >= 1; l--) {
                    int out = MLP.fanOut(l);
                    int in = MLP.fanIn(l);
                    double[] prev = new double[in];
                    for (int i = 0; i < out; i++) {
                        gb[l][i] += delta[i];
                        for (int j = 0; j < in; j++) {
                            gw[l][i * in + j] += delta[i] * a[l - 1][j];
                            prev[j] += w[l][i * in + j] * delta[i];
                        }
                    }
                    if (l > 1) {
                        for (int j = 0; j < in; j++) {
                            prev[j] *= 1 - a[l - 1][j] * a[l - 1][j];
                        }
                    }
                    delta = prev;
                }
            }
            t++;
            for (int l = 1; l <= layers; l++) {
                adam(w[l], gw[l], mom[0][l], vel[0][l]);
                adam(b[l], gb[l], mom[1][l], vel[1][l]);
            }
        }

        void adam(double[] p, double[] g, double[] m, double[] v) {
            double bc1 = 1 - Math.pow(adam.beta1(), t);
            double bc2 = 1 - Math.pow(adam.beta2(), t);
            for (int i = 0; i < p.length; i++) {
                double grad = g[i] + adam.weightDecay() * p[i];
                m[i] = adam.beta1() * m[i] + (1 - adam.beta1()) * grad;
                v[i] = adam.beta2() * v[i] + (1 - adam.beta2()) * grad * grad;
                p[i] -= adam.lr() / bc1 * m[i] / (Math.sqrt(v[i]) / Math.sqrt(bc2) + adam.eps());
            }
        }
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Test
    void mnist784x100x10ReachesNinetySevenPercentWithinFiveEpochs() {
        assumeTrue(Files.exists(Mnist.defaultDirectory().resolve(Mnist.TRAIN_IMAGES))
                        || Files.exists(Mnist.defaultDirectory().resolve(Mnist.TRAIN_IMAGES + ".gz")),
                "MNIST files absent from " + Mnist.defaultDirectory() + " (run environment/bin/setup); skipping the MNIST run");
        Mnist mnist = Mnist.load(PixelScale.ZERO_TO_ONE);
        // ReLU, biases, PyTorch-default init, Adam 1e-3, pixels in [0, 1]. Batch 50: with batch 100 PyTorch 1.13 itself
        // ends epoch 5 at 97.05-97.08 % (3 seeds), too close to the bar; with batch 50 it passes 97 % at epoch 4.
        // Bit-reproducible for the seed, so never flaky; seed 2 gives 94.5, 95.8, 96.8, 96.9, 97.3 %
        TrainingConfig c = TrainingConfig.defaults(Mlp.of(784, 100, 10)).withEpochs(5).withBatchSize(50).withSeed(1);
        EnsembleTrainer t = EnsembleTrainer.initialise(c, 1);
        double accuracy = 0;
        int epoch = 0;
        StringBuilder seen = new StringBuilder();
        while (epoch < 5 && accuracy < 0.97) {
            EpochMetrics m = t.trainEpoch(mnist.train(), mnist.test());
            accuracy = m.validationAccuracy()[0];
            epoch = m.epoch();
            seen.append(" ").append(accuracy);
        }
        assertTrue(accuracy >= 0.97, "test accuracy by epoch:" + seen);
        assertEquals(epoch, t.epoch());
    }
}
