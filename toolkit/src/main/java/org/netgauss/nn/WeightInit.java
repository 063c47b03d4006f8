package org.netgauss.nn;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * How a layer's weights (and biases) are drawn at initialisation. A layer with {@code in} inputs and
 * {@code out} outputs has fan_in = in, fan_out = out; weights are filled row-major in PyTorch orientation
 * {@code [out, in]} (row i = output neuron i), then the bias, from the member's {@link Seeds.Purpose#INIT}
 * generator, layer after layer.
 *
 * <p>Biases: {@link #torchDefault()} draws them U(±1/sqrt(fan_in)) like {@code torch.nn.Linear}; every other
 * scheme sets them to zero unless it overrides {@link #initBias}.
 */
public interface WeightInit {
    /** The name recorded in the manifest, including parameters, e.g. {@code gaussian(g=1.0)}. */
    String name();

    /** Fills {@code w[off .. off + out*in)} with the layer's weights. */
    void initWeights(float[] w, int off, int out, int in, Rng rng);

    /** Fills {@code b[off .. off + out)} with the layer's biases; zeros by default. */
    default void initBias(float[] b, int off, int out, int in, Rng rng) {
        java.util.Arrays.fill(b, off, off + out, 0f);
    }

    /**
     * PyTorch's default for {@code nn.Linear}: {@code kaiming_uniform_(a=sqrt(5))}, which is
     * U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for the weights (variance 1/(3 fan_in)), and bias U(±1/sqrt(fan_in)).
     */
    static WeightInit torchDefault() {
        return new WeightInit() {
            @Override
            public String name() { return "torch-default"; }

            @Override
            public String toString() { return name(); }

            @Override
            public void initWeights(float[] w, int off, int out, int in, Rng rng) {
                double bound = 1.0 / Math.sqrt(in);
                for (int i = 0; i < out * in; i++) {
                    w[off + i] = (float) rng.uniform(-bound, bound);
                }
            }

            @Override
            public void initBias(float[] b, int off, int out, int in, Rng rng) {
                double bound = 1.0 / Math.sqrt(in);
                for (int i = 0; i < out; i++) {
                    b[off + i] = (float) rng.uniform(-bound, bound);
                }
            }
        };
    }

    /** N(0, g²/fan_in) (the PIGMM paper's "gaussian" init with g = 1; He init with g = sqrt 2). */
    static WeightInit gaussian(double g) {
        requirePositive(g, "gaussian init gain g");
        return sampled("gaussian(g=" + g + ")", (rng, fanIn, fanOut) -> g / Math.sqrt(fanIn) * rng.nextGaussian());
    }

    /** Glorot &amp; Bengio (2010) uniform: U(±gain sqrt(6/(fan_in+fan_out))), as {@code xavier_uniform_}. */
    static WeightInit glorotUniform(double gain) {
        requirePositive(gain, "glorot gain");
        return sampled("glorot-uniform(gain=" + gain + ")", (rng, fanIn, fanOut) -> {
            double a = gain * Math.sqrt(6.0 / (fanIn + fanOut));
            return rng.uniform(-a, a);
        });
    }

    /** Glorot &amp; Bengio (2010) normal: N(0, gain² 2/(fan_in+fan_out)), as {@code xavier_normal_}. */
    static WeightInit glorotNormal(double gain) {
        requirePositive(gain, "glorot gain");
        return sampled("glorot-normal(gain=" + gain + ")",
                (rng, fanIn, fanOut) -> gain * Math.sqrt(2.0 / (fanIn + fanOut)) * rng.nextGaussian());
    }

    /**
     * Orthogonal (Saxe et al. 2014), as {@code torch.nn.init.orthogonal_}: draw an {@code out x in} standard
     * normal matrix A (transposed if out &lt; in), take its QR decomposition A = QR, fix signs Q := Q diag(sign
     * r_ii), and scale by {@code gain}. Rows (out &le; in) or columns (out &ge; in) of W are orthonormal.
     */
    static WeightInit orthogonal(double gain) {
        requirePositive(gain, "orthogonal gain");
        return new WeightInit() {
            @Override
            public String name() { return "orthogonal(gain=" + gain + ")"; }

            @Override
            public String toString() { return name(); }

            @Override
            public void initWeights(float[] w, int off, int out, int in, Rng rng) {
                boolean transpose = out < in;
                int rows = transpose ? in : out;
                int cols = transpose ? out : in;
                double[][] a = new double[out][in];
                for (int i = 0; i < out; i++) {
                    for (int j = 0; j < in; j++) {
                        a[i][j] = rng.nextGaussian();
                    }
                }
                RealMatrix m = new Array2DRowRealMatrix(a, false);
                if (transpose) {
                    m = m.transpose();
                }
                QRDecomposition qr = new QRDecomposition(m);
                RealMatrix q = qr.getQ();
                RealMatrix r = qr.getR();
                double[][] result = new double[rows][cols];
                for (int j = 0; j < cols; j++) {
                    double sign = Math.signum(r.getEntry(j, j));
                    for (int i = 0; i < rows; i++) {
                        result[i][j] = q.getEntry(i, j) * sign;
                    }
                }
                for (int i = 0; i < out; i++) {
                    for (int j = 0; j < in; j++) {
                        w[off + i * in + j] = (float) (gain * (transpose ? result[j][i] : result[i][j]));
                    }
                }
            }
        };
    }

    /** I.i.d. weights from a sampler (the plug-in point for other distributions); zero biases. */
    static WeightInit fromSampler(String name, WeightSampler sampler) {
        return sampled(name, sampler);
    }

    private static WeightInit sampled(String name, WeightSampler sampler) {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(sampler, "sampler");
        return new WeightInit() {
            @Override
            public String name() { return name; }

            @Override
            public void initWeights(float[] w, int off, int out, int in, Rng rng) {
                for (int i = 0; i < out * in; i++) {
                    w[off + i] = (float) sampler.sample(rng, in, out);
                }
            }

            @Override
            public String toString() { return name; }
        };
    }

    private static void requirePositive(double v, String what) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and positive, found " + v);
        }
    }
}
