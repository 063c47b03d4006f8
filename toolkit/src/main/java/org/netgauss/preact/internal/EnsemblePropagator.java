package org.netgauss.preact.internal;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.netgauss.preact.ActivationFunction;
import org.netgauss.preact.WeightLaw;

/**
 * Propagates one fixed input through many independent random MLPs at once. Networks are processed in
 * chunks; within a chunk the first layer is drawn in law (see below) and each later layer is one batched
 * matrix-vector product over networks
 * (weights [B, out, in] times activations [B, in]), with the weights drawn in bulk for the whole batch and
 * the activation applied to the whole [B, out] block. Memory stays bounded: weight blocks are capped at
 * 2^15 doubles.
 */
public final class EnsemblePropagator {
    /** Weight block cap (doubles): 256 KB, so a block drawn by fill is still in L2 when the product reads it. */
    private static final int MAX_BLOCK = 1 << 15;

    private EnsemblePropagator() {
    }

    /**
     * @param widths n_0 (= input length), n_1, ..., n_L
     * @param recordUnits how many units of each layer to record (1 for the first unit only)
     * @return samples[l][k * recordUnits + u]: pre-activation u of layer l+1 in network k
     */
    public static double[][] run(ActivationFunction phi, WeightLaw law, WeightLaw biasLaw, double sigmaW, double sigmaB, int[] widths,
            double[] input, int networks, long seed, int threads, int chunk, int recordUnits) {
        int layers = widths.length - 1;
        double[][] out = new double[layers][];
        for (int l = 0; l < layers; l++) {
            out[l] = new double[networks * Math.min(recordUnits, widths[l + 1])];
        }
        int chunks = (networks + chunk - 1) / chunk;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] rngs = new SplittableRandom[chunks];
        for (int c = 0; c < chunks; c++) {
            rngs[c] = root.split();
        }
        Runnable all = () -> IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = c * chunk;
            int count = Math.min(chunk, networks - from);
            runChunk(phi, law, biasLaw, sigmaW, sigmaB, widths, input, from, count, rngs[c], out, recordUnits);
        });
        if (threads == 1 || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                int from = c * chunk;
                runChunk(phi, law, biasLaw, sigmaW, sigmaB, widths, input, from, Math.min(chunk, networks - from), rngs[c], out,
                        recordUnits);
            }
            return out;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(all).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("propagation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("propagation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        return out;
    }

    private static void runChunk(ActivationFunction phi, WeightLaw law, WeightLaw biasLaw, double sigmaW, double sigmaB, int[] widths,
            double[] input, int from, int count, SplittableRandom rng, double[][] out, int recordUnits) {
        // Layer 1 in law: with N(0,1) weights and biases and a fixed input x, the Z^1_i are exactly i.i.d.
        // N(0, sigma_w^2 |x|^2 / n_0 + sigma_b^2); drawing them directly saves n_0 draws per unit.
        int n1 = widths[1];
        double sq = 0;
        for (double v : input) {
            sq += v * v;
        }
        double sd1 = Math.sqrt(sigmaW * sigmaW * sq / widths[0] + sigmaB * sigmaB);
        double[] act = new double[count * n1];
        for (int k = 0; k < act.length; k++) {
            act[k] = sd1 * rng.nextGaussian();
        }
        int rec1 = Math.min(recordUnits, n1);
        for (int b = 0; b < count; b++) {
            System.arraycopy(act, b * n1, out[0], (from + b) * rec1, rec1);
        }
        if (widths.length > 2) {
            phi.apply(act, act);
        }
        for (int l = 2; l < widths.length; l++) {
            int in = widths[l - 1];
            int o = widths[l];
            WeightLaw layerLaw = law;
            WeightLaw layerBiasLaw = biasLaw;
            double scale = sigmaW / Math.sqrt(in);
            double[] z = new double[count * o];
            int batch = Math.max(1, Math.min(count, MAX_BLOCK / Math.max(1, o * in)));
            double[] w = new double[batch * o * in];
            double[] bias = sigmaB != 0 ? new double[batch * o] : null;
            for (int b0 = 0; b0 < count; b0 += batch) {
                int nb = Math.min(batch, count - b0);
                if (nb < batch) {
                    w = new double[nb * o * in];
                    bias = sigmaB != 0 ? new double[nb * o] : null;
                }
                layerLaw.fill(w, rng);
                if (bias != null) {
                    layerBiasLaw.fill(bias, rng);
                }
                batchedMatVec(w, act, z, b0, nb, o, in, scale, bias, sigmaB);
            }
            int rec = Math.min(recordUnits, o);
            double[] dst = out[l - 1];
            for (int b = 0; b < count; b++) {
                System.arraycopy(z, b * o, dst, (from + b) * rec, rec);
            }
            if (l < widths.length - 1) {
                phi.apply(z, z);
            }
            act = z;
        }
    }

    /** z[b, i] = scale * sum_j w[b, i, j] act[b, j] + sigmaB * bias[b, i] for b in [b0, b0 + nb). */
    private static void batchedMatVec(double[] w, double[] act, double[] z, int b0, int nb, int o, int in, double scale,
            double[] bias, double sigmaB) {
        for (int b = 0; b < nb; b++) {
            int ab = (b0 + b) * in;
            int zb = (b0 + b) * o;
            int wb = b * o * in;
            for (int i = 0; i < o; i++) {
                double s = 0;
                int wr = wb + i * in;
                for (int j = 0; j < in; j++) {
                    s += w[wr + j] * act[ab + j];
                }
                z[zb + i] = bias == null ? scale * s : scale * s + sigmaB * bias[b * o + i];
            }
        }
    }
}
