package org.netgauss.preact;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.netgauss.nn.Seeds;

/**
 * Propagation of the correlations between inputs through random networks ("Figure 1 style", Wolinski &amp;
 * Arbel 2025, Sec. 3 and App. H.1; {@code docs/spec/gaussian-preact.md} §3b): P labelled inputs go through
 * the same random network; at each layer l the correlation between the pre-activation vectors of inputs a
 * and b across the n_l neurons, c^l_ab = &lt;z_a, z_b&gt; / (|z_a| |z_b|), is averaged over n_init independent
 * initialisations. The paper used 100 inputs (10 per class) and n_init = 1000.
 *
 * <p>Each layer is one matrix product W^l [n_l x n_{l-1}] times the P pre-activation columns. Initialisation k
 * draws from its own seed derived from the run seed and k, and partial sums are combined in a fixed order,
 * so the result does not depend on the thread count.
 */
public final class CorrelationPropagation {
    private static final int INITS_PER_TASK = 8;

    private CorrelationPropagation() {
    }

    /**
     * @param init activation, weight law and scales (the paper samples them "according to the EOC")
     * @param inputs P inputs, each of length n_0
     * @param labels class of each input, in [0, K)
     * @param widths n_1..n_L
     * @param config {@code networks()} is n_init
     * @throws IllegalArgumentException on ragged inputs, a label/input count mismatch, a negative label, a zero
     *         input vector or a width &lt; 1
     */
    public static CorrelationResult run(Initialisation init, double[][] inputs, int[] labels, int[] widths,
            PropagationConfig config) {
        int p = inputs.length;
        if (p < 2) {
            throw new IllegalArgumentException("need at least 2 inputs to correlate, found " + p);
        }
        if (labels.length != p) {
            throw new IllegalArgumentException("inputs and labels have different length: inputs[" + p + "], labels["
                    + labels.length + "]");
        }
        int n0 = inputs[0].length;
        for (int a = 0; a < p; a++) {
            if (inputs[a].length != n0) {
                throw new IllegalArgumentException("input " + a + " has " + inputs[a].length + " features, input 0 has " + n0);
            }
            if (labels[a] < 0) {
                throw new IllegalArgumentException("label of input " + a + " is negative: " + labels[a]);
            }
            double s = 0;
            for (double v : inputs[a]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("input " + a + " has a non-finite feature " + v);
                }
                s += v * v;
            }
            if (s == 0 && init.sigmaB() == 0) {
                throw new IllegalArgumentException("input " + a + " is all zeros: its pre-activations are 0 without biases,"
                        + " so its correlation is undefined");
            }
        }
        for (int l = 0; l < widths.length; l++) {
            if (widths[l] < 1) {
                throw new IllegalArgumentException("width of layer " + (l + 1) + " must be >= 1, found " + widths[l]);
            }
        }
        // x transposed: [n0, P], so that every layer is W [out x in] times A [in x P]
        double[] x = new double[n0 * p];
        for (int a = 0; a < p; a++) {
            for (int j = 0; j < n0; j++) {
                x[j * p + a] = inputs[a][j];
            }
        }
        int layers = widths.length;
        int inits = config.networks();
        int tasks = (inits + INITS_PER_TASK - 1) / INITS_PER_TASK;
        double[][][] partial = new double[tasks][][];
        Runnable body = () -> IntStream.range(0, tasks).parallel().forEach(t -> {
            double[][] sum = new double[layers][p * p];
            int from = t * INITS_PER_TASK;
            int to = Math.min(inits, from + INITS_PER_TASK);
            for (int k = from; k < to; k++) {
                oneInit(init, x, n0, p, widths, new SplittableRandom(Seeds.derive(config.seed(), k)), sum);
            }
            partial[t] = sum;
        });
        runOn(config.threads(), body);
        double[][] mean = new double[layers][p * p];
        for (double[][] part : partial) {
            for (int l = 0; l < layers; l++) {
                for (int i = 0; i < p * p; i++) {
                    mean[l][i] += part[l][i];
                }
            }
        }
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < p * p; i++) {
                mean[l][i] /= inits;
            }
        }
        int[] all = new int[layers + 1];
        all[0] = n0;
        System.arraycopy(widths, 0, all, 1, layers);
        return new CorrelationResult(init.name(), all, labels, inits, mean);
    }

    private static void runOn(int threads, Runnable body) {
        if (threads == 1) {
            body.run();
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(body).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("correlation propagation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("correlation propagation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** One initialisation: adds c^l_ab of every layer to sum[l][a * P + b]. */
    private static void oneInit(Initialisation init, double[] x, int n0, int p, int[] widths, SplittableRandom rng,
            double[][] sum) {
        double[] act = x;
        int in = n0;
        for (int l = 0; l < widths.length; l++) {
            int out = widths[l];
            WeightLaw wLaw = l == 0 ? WeightLaw.gaussian() : init.weightLaw();
            WeightLaw bLaw = l == 0 ? WeightLaw.gaussian() : init.biasLaw();
            double scale = init.sigmaW() / Math.sqrt(in);
            double[] w = new double[out * in];
            wLaw.fill(w, rng);
            double[] z = new double[out * p];
            for (int i = 0; i < out; i++) {
                int zr = i * p;
                for (int k = 0; k < in; k++) {
                    double wik = w[i * in + k];
                    if (wik == 0) {
                        continue;
                    }
                    int ar = k * p;
                    for (int a = 0; a < p; a++) {
                        z[zr + a] += wik * act[ar + a];
                    }
                }
                double bias = init.sigmaB() == 0 ? 0 : init.sigmaB() * bLaw.sample(rng);
                for (int a = 0; a < p; a++) {
                    z[zr + a] = scale * z[zr + a] + bias;
                }
            }
            accumulateCorrelation(z, out, p, sum[l]);
            if (l < widths.length - 1) {
                init.activation().apply(z, z);
            }
            act = z;
            in = out;
        }
    }

    /** sum[a*P+b] += &lt;z_a, z_b&gt; / (|z_a| |z_b|) for z stored [n, P]. */
    private static void accumulateCorrelation(double[] z, int n, int p, double[] sum) {
        double[] gram = new double[p * p];
        for (int i = 0; i < n; i++) {
            int r = i * p;
            for (int a = 0; a < p; a++) {
                double za = z[r + a];
                int g = a * p;
                for (int b = a; b < p; b++) {
                    gram[g + b] += za * z[r + b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            double na = Math.sqrt(gram[a * p + a]);
            for (int b = a; b < p; b++) {
                double nb = Math.sqrt(gram[b * p + b]);
                double c = na == 0 || nb == 0 ? 0 : gram[a * p + b] / (na * nb);
                sum[a * p + b] += c;
                if (a != b) {
                    sum[b * p + a] += c;
                }
            }
        }
    }
}
