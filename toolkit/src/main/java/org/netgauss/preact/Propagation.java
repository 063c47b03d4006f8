package org.netgauss.preact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.netgauss.preact.internal.EnsemblePropagator;

/**
 * Propagation of a fixed input through many independent random MLPs at initialisation, with the
 * Gaussianity of every layer's pre-activation ({@code docs/spec/gaussian-preact.md} §1.1 and 3a):
 * Z^1 = (sigma_w/sqrt(n_0)) W^1 x + sigma_b B^1 (N(0,1) weights and biases),
 * Z^{l+1} = (sigma_w/sqrt(n_l)) W^{l+1} phi(Z^l) + sigma_b B^{l+1}.
 *
 * <p>Vectorised over networks (batched products, bulk weight draws); deterministic for a seed whatever the
 * thread count.
 */
public final class Propagation {
    private Propagation() {
    }

    /**
     * Propagates {@code input} through {@code config.networks()} random networks with hidden/output widths
     * {@code widths} (n_1..n_L; n_0 is the input length) and returns per-layer statistics.
     *
     * @throws IllegalArgumentException on an empty or non-finite input, or a width &lt; 1
     */
    public static PropagationResult run(Initialisation init, double[] input, int[] widths, PropagationConfig config) {
        if (input.length == 0) {
            throw new IllegalArgumentException("input vector is empty; pass at least one feature");
        }
        for (int i = 0; i < input.length; i++) {
            if (!Double.isFinite(input[i])) {
                throw new IllegalArgumentException("input feature " + i + " is " + input[i]);
            }
        }
        if (widths.length == 0) {
            throw new IllegalArgumentException("need at least one layer width");
        }
        int[] all = new int[widths.length + 1];
        all[0] = input.length;
        for (int l = 0; l < widths.length; l++) {
            if (widths[l] < 1) {
                throw new IllegalArgumentException("width of layer " + (l + 1) + " must be >= 1, found " + widths[l]
                        + " in " + Arrays.toString(widths));
            }
            all[l + 1] = widths[l];
        }
        double[][] samples = EnsemblePropagator.run(init.activation(), init.weightLaw(), init.biasLaw(), init.sigmaW(),
                init.sigmaB(), all, input, config.networks(), config.seed(), config.threads(), PropagationConfig.CHUNK, 1);
        double[] q = meanField(init, input, widths.length);
        List<LayerGaussianity> layers = new ArrayList<>();
        for (int l = 0; l < widths.length; l++) {
            layers.add(new LayerGaussianity(l + 1, widths[l], q[l], GaussianityStatistics.of(samples[l], q[l])));
        }
        return new PropagationResult(init, all, layers, samples);
    }

    /** {@link #run(Initialisation, double[], int[], PropagationConfig)} for a float input (e.g. an image row). */
    public static PropagationResult run(Initialisation init, float[] input, int[] widths, PropagationConfig config) {
        double[] x = new double[input.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = input[i];
        }
        return run(init, x, widths, config);
    }

    /** A network of {@code depth} layers of equal {@code width} on the input x = 1 (n_0 = 1, docs/spec/gaussian-preact.md §3a). */
    public static PropagationResult deep(Initialisation init, int width, int depth, PropagationConfig config) {
        int[] w = new int[depth];
        Arrays.fill(w, width);
        return run(init, new double[] {1.0}, w, config);
    }

    /**
     * q^1 = sigma_w^2 |x|^2/n_0 + sigma_b^2 and q^{l+1} = V(q^l) (docs/spec/gaussian-preact.md §2.1): the variance every layer would have
     * under the Gaussian hypothesis.
     */
    public static double[] meanField(Initialisation init, double[] input, int layers) {
        double sq = 0;
        for (double v : input) {
            sq += v * v;
        }
        double[] q = new double[layers];
        q[0] = init.sigmaW() * init.sigmaW() * sq / input.length + init.sigmaB() * init.sigmaB();
        EdgeOfChaos maps = EdgeOfChaos.of(init);
        for (int l = 1; l < layers; l++) {
            q[l] = maps.variance(q[l - 1]);
        }
        return q;
    }
}
