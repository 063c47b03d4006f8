package org.netgauss.preact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.netgauss.data.Dataset;

/**
 * A few inputs of every class of a dataset, sorted by class: the inputs of the correlation-propagation
 * experiment (Wolinski &amp; Arbel 2025, Sec. 3.2 and Figure 1 / Figure 14 for MNIST: "10 data points in each of the
 * 10 classes, 100 in total"; {@code docs/spec/gaussian-preact.md} §3b), and of propagation on real inputs.
 *
 * <pre>{@code
 * var sample = ClassSample.of(Mnist.load().test(), 10, 1).standardised();   // 100 images, |x|^2 = n_0
 * var corr   = Preact.correlations(Preact.tanhInit(), sample, new int[] {100, 100, 100}, 1000, 1);
 * }</pre>
 *
 * @param inputs one row per input, length n_0 each
 * @param labels the class of each row, non-decreasing
 */
public record ClassSample(double[][] inputs, int[] labels) {

    public ClassSample {
        if (inputs.length != labels.length) {
            throw new IllegalArgumentException("inputs and labels have different length: inputs[" + inputs.length
                    + "], labels[" + labels.length + "]");
        }
        double[][] copy = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            copy[i] = inputs[i].clone();
        }
        inputs = copy;
        labels = labels.clone();
    }

    /**
     * {@code perClass} inputs of every class of {@code data}, drawn without replacement with {@code seed}, sorted by
     * class (and by row index within a class).
     *
     * @throws IllegalArgumentException if perClass &lt; 1 or a class has fewer than perClass rows
     */
    public static ClassSample of(Dataset data, int perClass, long seed) {
        if (perClass < 1) {
            throw new IllegalArgumentException("perClass must be >= 1, found " + perClass);
        }
        int k = data.classCount();
        List<List<Integer>> rows = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            rows.add(new ArrayList<>());
        }
        for (int i = 0; i < data.size(); i++) {
            rows.get(data.label(i)).add(i);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[k * perClass][];
        int[] y = new int[k * perClass];
        int n0 = data.featureCount();
        for (int c = 0; c < k; c++) {
            List<Integer> r = rows.get(c);
            if (r.size() < perClass) {
                throw new IllegalArgumentException(data.name() + ": class " + c + " has " + r.size() + " rows, fewer than"
                        + " the " + perClass + " asked for; lower perClass");
            }
            // partial Fisher-Yates: the first perClass entries become a uniform sample
            int[] idx = r.stream().mapToInt(Integer::intValue).toArray();
            for (int i = 0; i < perClass; i++) {
                int j = i + rng.nextInt(idx.length - i);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
            int[] chosen = Arrays.copyOf(idx, perClass);
            Arrays.sort(chosen);
            for (int i = 0; i < perClass; i++) {
                double[] row = new double[n0];
                for (int j = 0; j < n0; j++) {
                    row[j] = data.feature(chosen[i], j);
                }
                x[c * perClass + i] = row;
                y[c * perClass + i] = c;
            }
        }
        return new ClassSample(x, y);
    }

    /**
     * Every input rescaled to mean square 1 (|x|^2 = n_0), so that the first layer has the mean-field variance
     * q^1 = sigma_w^2 + sigma_b^2 (docs/spec/gaussian-preact.md §2.1) whatever the pixel scale: phi_theta is tailored to N(0,1)
     * pre-activations (constraint C3 of docs/spec/gaussian-preact.md §1.2). Raw MNIST in [0,1] has |x|^2/n_0 of about 0.1.
     *
     * @throws IllegalArgumentException if an input is all zeros
     */
    public ClassSample standardised() {
        double[][] x = new double[inputs.length][];
        for (int a = 0; a < inputs.length; a++) {
            double s = 0;
            for (double v : inputs[a]) {
                s += v * v;
            }
            if (s == 0) {
                throw new IllegalArgumentException("input " + a + " is all zeros and cannot be rescaled to mean square 1");
            }
            double f = Math.sqrt(inputs[a].length / s);
            x[a] = new double[inputs[a].length];
            for (int j = 0; j < x[a].length; j++) {
                x[a][j] = inputs[a][j] * f;
            }
        }
        return new ClassSample(x, labels);
    }

    @Override
    public double[][] inputs() {
        double[][] copy = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            copy[i] = inputs[i].clone();
        }
        return copy;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Input {@code a} (a copy). */
    public double[] input(int a) {
        return inputs[a].clone();
    }

    public int size() {
        return labels.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassSample other && Arrays.deepEquals(other.inputs, inputs) && Arrays.equals(other.labels, labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(inputs) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ClassSample[%d inputs of length %d, classes %d..%d]", labels.length,
                labels.length == 0 ? 0 : inputs[0].length, labels.length == 0 ? 0 : labels[0],
                labels.length == 0 ? 0 : labels[labels.length - 1]);
    }
}
