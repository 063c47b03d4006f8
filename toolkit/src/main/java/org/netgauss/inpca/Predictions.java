package org.netgauss.inpca;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.netgauss.nd4j.Nd4jArrays;

/**
 * The predicted class distributions of {@code models()} models on one fixed, ordered sample set: the
 * points of InPCA (docs/spec/hyperribbon.md §1.1; Mao et al., PNAS 2024, Eq. 1). Entry {@code p[t, n, c]} is the probability
 * that model {@code t} gives class {@code c} on sample {@code n}; storage is row-major {@code [T, S, C]},
 * in float32 or float64 as handed in.
 *
 * <p>Validated on construction: every entry finite and non-negative, every row {@code p[t, n, ·]} summing to
 * 1 within a tolerance (default {@value #DEFAULT_ROW_SUM_TOLERANCE}). The distances renormalise each row
 * exactly, so the tolerance only decides what counts as a softmax output and what as a bug.
 *
 * <p>Immutable: {@link #of} copies its array; {@link #wrap} does not (for arrays of gigabytes), and the
 * caller then promises not to change it.
 */
public final class Predictions {
    /** Largest accepted {@code |Σ_c p − 1|} of one row: float32 softmax rows are within ~1e-6, fp16 within ~1e-3. */
    public static final double DEFAULT_ROW_SUM_TOLERANCE = 1e-3;

    private final float[] f32;
    private final double[] f64;
    private final int models;
    private final int samples;
    private final int classes;

    private Predictions(float[] f32, double[] f64, int models, int samples, int classes) {
        this.f32 = f32;
        this.f64 = f64;
        this.models = models;
        this.samples = samples;
        this.classes = classes;
    }

    /** Copies and validates float32 probabilities laid out {@code [models, samples, classes]}. */
    public static Predictions of(float[] p, int models, int samples, int classes) {
        return wrap(p.clone(), models, samples, classes, DEFAULT_ROW_SUM_TOLERANCE);
    }

    /** Copies and validates float64 probabilities laid out {@code [models, samples, classes]}. */
    public static Predictions of(double[] p, int models, int samples, int classes) {
        return wrap(p.clone(), models, samples, classes, DEFAULT_ROW_SUM_TOLERANCE);
    }

    /** Copies and validates {@code p[model][sample][class]}. */
    public static Predictions of(double[][][] p) {
        int t = p.length;
        int s = t == 0 ? 0 : p[0].length;
        int c = s == 0 ? 0 : p[0][0].length;
        double[] flat = new double[t * s * c];
        for (int i = 0; i < t; i++) {
            if (p[i].length != s) {
                throw new IllegalArgumentException("model " + i + " has " + p[i].length + " samples, model 0 has " + s);
            }
            for (int n = 0; n < s; n++) {
                if (p[i][n].length != c) {
                    throw new IllegalArgumentException("model " + i + ", sample " + n + " has " + p[i][n].length
                            + " classes, expected " + c);
                }
                System.arraycopy(p[i][n], 0, flat, (i * s + n) * c, c);
            }
        }
        return wrap(flat, t, s, c, DEFAULT_ROW_SUM_TOLERANCE);
    }

    /**
     * Copies and validates an ND4J array {@code [T, S, C]} of float32 or float64 probabilities, keeping its dtype;
     * read by logical index whatever its memory layout ({@link Nd4jArrays}).
     *
     * @throws IllegalArgumentException if the rank is not 3, the dtype not a float, or a row not a distribution
     */
    public static Predictions of(INDArray p) {
        int[] s = Nd4jArrays.shape(p);
        Object e = Nd4jArrays.elements(p);
        if (s.length != 3 || !(e instanceof float[] || e instanceof double[])) {
            throw new IllegalArgumentException("expected float32 or float64 predictions [T, S, C], found "
                    + p.dataType() + " " + Arrays.toString(s));
        }
        return e instanceof float[] f ? wrap(f, s[0], s[1], s[2], DEFAULT_ROW_SUM_TOLERANCE)
                : wrap((double[]) e, s[0], s[1], s[2], DEFAULT_ROW_SUM_TOLERANCE);
    }

    /** The probabilities as a fresh C-order {@code INDArray} {@code [T, S, C]} in their own dtype, bit for bit. */
    public INDArray toINDArray() {
        return f32 != null ? Nd4jArrays.create(f32, models, samples, classes)
                : Nd4jArrays.create(f64, models, samples, classes);
    }

    /** Validates without copying; the caller must not modify {@code p} afterwards. */
    public static Predictions wrap(float[] p, int models, int samples, int classes, double rowSumTolerance) {
        checkShape(p.length, models, samples, classes);
        for (int t = 0; t < models; t++) {
            for (int n = 0; n < samples; n++) {
                int base = (t * samples + n) * classes;
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    sum += checkEntry(p[base + c], t, n, c);
                }
                checkRowSum(sum, t, n, rowSumTolerance);
            }
        }
        return new Predictions(p, null, models, samples, classes);
    }

    /** Validates without copying; the caller must not modify {@code p} afterwards. */
    public static Predictions wrap(double[] p, int models, int samples, int classes, double rowSumTolerance) {
        checkShape(p.length, models, samples, classes);
        for (int t = 0; t < models; t++) {
            for (int n = 0; n < samples; n++) {
                int base = (t * samples + n) * classes;
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    sum += checkEntry(p[base + c], t, n, c);
                }
                checkRowSum(sum, t, n, rowSumTolerance);
            }
        }
        return new Predictions(null, p, models, samples, classes);
    }

    private static void checkShape(int length, int models, int samples, int classes) {
        if (models < 1 || samples < 1 || classes < 2) {
            throw new IllegalArgumentException("predictions need at least 1 model, 1 sample and 2 classes, found [T="
                    + models + ", S=" + samples + ", C=" + classes + "]");
        }
        if ((long) models * samples * classes != length) {
            throw new IllegalArgumentException("shape [T=" + models + ", S=" + samples + ", C=" + classes
                    + "] needs " + (long) models * samples * classes + " probabilities, found " + length);
        }
    }

    private static double checkEntry(double v, int t, int n, int c) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("probability of model " + t + ", sample " + n + ", class " + c
                    + " is NaN; check that model's softmax (overflow in the logits?)");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("probability of model " + t + ", sample " + n + ", class " + c
                    + " is " + v + "; probabilities must be finite and non-negative (pass softmax outputs, not logits)");
        }
        return v;
    }

    private static void checkRowSum(double sum, int t, int n, double tol) {
        if (!(Math.abs(sum - 1) <= tol)) {
            throw new IllegalArgumentException("probabilities of model " + t + ", sample " + n + " sum to " + sum
                    + ", not 1 within " + tol + "; pass softmax outputs (exponentiate log-softmax first)");
        }
    }

    public int models() { return models; }

    public int samples() { return samples; }

    public int classes() { return classes; }

    /** Whether the probabilities are held in float32. */
    public boolean isFloat32() { return f32 != null; }

    /** {@code p[model, sample, cls]}. */
    public double probability(int model, int sample, int cls) {
        Objects.checkIndex(model, models);
        Objects.checkIndex(sample, samples);
        Objects.checkIndex(cls, classes);
        int i = (model * samples + sample) * classes + cls;
        return f32 != null ? f32[i] : f64[i];
    }

    /** Probability row {@code p[model, sample, ·]}, a copy in float64. */
    public double[] row(int model, int sample) {
        double[] out = new double[classes];
        int base = (model * samples + sample) * classes;
        for (int c = 0; c < classes; c++) {
            out[c] = f32 != null ? f32[base + c] : f64[base + c];
        }
        return out;
    }

    /**
     * These models followed by {@code other}'s (same samples and classes), e.g. to add the reference
     * points P0 and P* of {@link Geodesic}. Float32 only if both are float32.
     */
    public Predictions append(Predictions other) {
        if (other.samples != samples || other.classes != classes) {
            throw new IllegalArgumentException("cannot append predictions of shape [" + other.models + ", "
                    + other.samples + ", " + other.classes + "] to [" + models + ", " + samples + ", " + classes
                    + "]: samples and classes must agree");
        }
        int t = models + other.models;
        if (f32 != null && other.f32 != null) {
            float[] out = Arrays.copyOf(f32, t * samples * classes);
            System.arraycopy(other.f32, 0, out, f32.length, other.f32.length);
            return new Predictions(out, null, t, samples, classes);
        }
        double[] out = new double[t * samples * classes];
        copyInto(out, 0);
        other.copyInto(out, models * samples * classes);
        return new Predictions(null, out, t, samples, classes);
    }

    private void copyInto(double[] out, int offset) {
        if (f64 != null) {
            System.arraycopy(f64, 0, out, offset, f64.length);
        } else {
            for (int i = 0; i < f32.length; i++) {
                out[offset + i] = f32[i];
            }
        }
    }

    /**
     * Writes {@code sqrt(p / Σ_c p)} of samples {@code [from, from + count)} into {@code dest}, laid out
     * rows {@code [sample * classes + class][offset + model]} (other columns left as they are), so that the model index is contiguous for the distance kernel.
     */
    void sqrtTransposed(int from, int count, int offset, float[][] dest32, double[][] dest64) {
        for (int t = 0; t < models; t++) {
            for (int k = 0; k < count; k++) {
                int base = (t * samples + from + k) * classes;
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    sum += f32 != null ? f32[base + c] : f64[base + c];
                }
                for (int c = 0; c < classes; c++) {
                    double v = Math.sqrt((f32 != null ? f32[base + c] : f64[base + c]) / sum);
                    int r = k * classes + c;
                    if (dest32 != null) {
                        dest32[r][offset + t] = (float) v;
                    } else {
                        dest64[r][offset + t] = v;
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Predictions[T=" + models + ", S=" + samples + ", C=" + classes + (f32 != null ? ", float32]" : ", float64]");
    }
}
