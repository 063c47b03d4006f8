package org.netgauss.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A labelled classification data set held in memory: {@code size()} samples of {@code featureCount()}
 * float features (row-major) with integer labels in {@code [0, classCount())}.
 *
 * <p>Immutable: the arrays are copied on construction and never handed out; bulk access goes through
 * {@link #gatherRows} and {@link #gatherLabels}, which copy the selected rows into a caller's buffer (the
 * training engine's batch assembly).
 */
public final class Dataset {
    private final String name;
    private final float[] features;
    private final int[] labels;
    private final int featureCount;
    private final int classCount;

    /**
     * @param name         a short name for messages and manifests, e.g. "mnist-train"
     * @param features     row-major {@code [n, featureCount]}
     * @param labels       {@code [n]}, each in {@code [0, classCount)}
     * @param featureCount features per sample
     * @param classCount   number of classes
     * @throws IllegalArgumentException on inconsistent sizes, a label out of range or a non-finite feature
     */
    public Dataset(String name, float[] features, int[] labels, int featureCount, int classCount) {
        this(name, features, labels, featureCount, classCount, true);
    }

    /**
     * Takes the arrays without copying when {@code copy} is false: for loaders in this package that build
     * large arrays (MNIST training images are 188 MB as floats) and hand them over.
     */
    Dataset(String name, float[] features, int[] labels, int featureCount, int classCount, boolean copy) {
        this.name = Objects.requireNonNull(name, "name");
        if (featureCount <= 0 || classCount <= 0) {
            throw new IllegalArgumentException(name + ": featureCount and classCount must be positive, found "
                    + featureCount + " and " + classCount);
        }
        if ((long) labels.length * featureCount != features.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels need " + (long) labels.length
                    * featureCount + " features (" + featureCount + " each), found " + features.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of sample " + i
                        + " is outside [0, " + classCount + ")");
            }
        }
        for (int i = 0; i < features.length; i++) {
            if (!Float.isFinite(features[i])) {
                throw new IllegalArgumentException(name + ": feature " + (i % featureCount) + " of sample "
                        + (i / featureCount) + " is " + features[i]);
            }
        }
        this.features = copy ? features.clone() : features;
        this.labels = copy ? labels.clone() : labels;
        this.featureCount = featureCount;
        this.classCount = classCount;
    }

    public String name() { return name; }

    public int size() { return labels.length; }

    public int featureCount() { return featureCount; }

    public int classCount() { return classCount; }

    /** The feature {@code j} of sample {@code i}. */
    public float feature(int i, int j) {
        Objects.checkIndex(j, featureCount);
        return features[Math.multiplyExact(Objects.checkIndex(i, size()), featureCount) + j];
    }

    /** The label of sample {@code i}. */
    public int label(int i) { return labels[i]; }

    /** A copy of all labels. */
    public int[] labels() { return labels.clone(); }

    /** A copy of all features, row-major {@code [size, featureCount]}. */
    public float[] features() { return features.clone(); }

    /**
     * Copies the rows {@code rows[from..to)} into {@code dest} starting at {@code destOffset}, row after row.
     * This is how batches are assembled without exposing the backing array.
     */
    public void gatherRows(int[] rows, int from, int to, float[] dest, int destOffset) {
        for (int r = from; r < to; r++) {
            System.arraycopy(features, rows[r] * featureCount, dest, destOffset + (r - from) * featureCount,
                    featureCount);
        }
    }

    /** Copies the labels of {@code rows[from..to)} into {@code dest} starting at {@code destOffset}. */
    public void gatherLabels(int[] rows, int from, int to, int[] dest, int destOffset) {
        for (int r = from; r < to; r++) {
            dest[destOffset + r - from] = labels[rows[r]];
        }
    }

    /** A new data set holding the given samples, in the given order. */
    public Dataset subset(String newName, int[] rows) {
        float[] x = new float[Math.multiplyExact(rows.length, featureCount)];
        gatherRows(rows, 0, rows.length, x, 0);
        int[] y = new int[rows.length];
        gatherLabels(rows, 0, rows.length, y, 0);
        return new Dataset(newName, x, y, featureCount, classCount);
    }

    /**
     * The first {@code n} samples (all of them if {@code n >= size()}), e.g. to shrink a data set for the
     * {@code smoke} profile.
     */
    public Dataset first(int n) {
        if (n < 0) {
            throw new IllegalArgumentException(name + ": cannot take the first " + n + " samples");
        }
        int m = Math.min(n, size());
        int[] rows = new int[m];
        Arrays.setAll(rows, i -> i);
        return subset(name + "[:" + m + "]", rows);
    }

    /**
     * Splits this data set at random into a training part of {@code trainSize} samples and a validation
     * part holding the rest, e.g. MNIST's 60 000 training images into 50 000 + 10 000.
     *
     * <p>Deterministic for a given seed: a Fisher-Yates shuffle of the indices driven by
     * {@code new SplittableRandom(seed)}, the first {@code trainSize} shuffled indices going to training.
     * Within each part samples keep their original order (the training loop shuffles batches itself), so
     * the split is a partition of the indices and nothing else.
     *
     * @throws IllegalArgumentException unless {@code 0 <= trainSize <= size()}
     */
    public Split split(int trainSize, long seed) {
        if (trainSize < 0 || trainSize > size()) {
            throw new IllegalArgumentException(name + ": cannot split " + size() + " samples into " + trainSize
                    + " for training and " + (size() - trainSize) + " for validation");
        }
        int n = size();
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] train = Arrays.copyOfRange(order, 0, trainSize);
        int[] validation = Arrays.copyOfRange(order, trainSize, n);
        Arrays.sort(train);
        Arrays.sort(validation);
        return new Split(subset(name + "[train " + trainSize + ", seed " + seed + "]", train),
                subset(name + "[validation " + (n - trainSize) + ", seed " + seed + "]", validation), seed);
    }

    /**
     * The two parts of {@link Dataset#split}: disjoint, together all samples of the original.
     *
     * @param train      the training part
     * @param validation the held-out part
     * @param seed       the seed that made the split
     */
    public record Split(Dataset train, Dataset validation, long seed) {
        @Override
        public String toString() {
            return "Split[train " + train.size() + ", validation " + validation.size() + ", seed " + seed + "]";
        }
    }

    /** Counts of each class, index = label. */
    public int[] classCounts() {
        int[] counts = new int[classCount];
        for (int y : labels) {
            counts[y]++;
        }
        return counts;
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ": " + size() + " samples x " + featureCount + " features, " + classCount
                + " classes, counts " + Arrays.toString(classCounts()) + "]";
    }
}
