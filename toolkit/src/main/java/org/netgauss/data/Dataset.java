package org.netgauss.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.netgauss.nd4j.Nd4jArrays;

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

    /**
     * A data set from ND4J arrays: {@code features} float32 {@code [n, featureCount]}, {@code labels} either class
     * indices {@code [n]} (int32 or int64) or one-hot rows {@code [n, classCount]} (any supported dtype, as DL4J's
     * {@code DataSet} holds them; each row must be exactly one 1 and zeros). Arrays are copied by logical index
     * ({@link Nd4jArrays}); the checks of the constructor apply.
     *
     * @throws IllegalArgumentException in one line naming the array, what was expected and what was found
     */
    public static Dataset of(String name, INDArray features, INDArray labels, int classCount) {
        int[] fs = Nd4jArrays.shape(features);
        if (fs.length != 2 || !(Nd4jArrays.elements(features) instanceof float[] x)) {
            throw new IllegalArgumentException(name + ": expected float32 features [n, featureCount], found "
                    + features.dataType() + " " + Arrays.toString(fs) + (fs.length == 2
                    ? "; convert with features.castTo(DataType.FLOAT)" : ""));
        }
        int[] ls = Nd4jArrays.shape(labels);
        Object l = Nd4jArrays.elements(labels);
        int[] y;
        if (ls.length == 1 && (l instanceof int[] || l instanceof long[])) {
            y = l instanceof int[] i ? i : new int[ls[0]];
            for (int i = 0; l instanceof long[] v && i < v.length; i++) {
                if (v[i] < 0 || v[i] >= classCount) {
                    throw new IllegalArgumentException(name + ": label " + v[i] + " of sample " + i
                            + " is outside [0, " + classCount + ")");
                }
                y[i] = (int) v[i];
            }
        } else if (ls.length == 2 && ls[1] == classCount) {
            y = oneHotIndices(name, Nd4jArrays.doubles(labels), ls[0], classCount);
        } else {
            throw new IllegalArgumentException(name + ": expected labels [n] of int32/int64 class indices or one-hot [n, "
                    + classCount + "], found " + labels.dataType() + " " + Arrays.toString(ls));
        }
        if (y.length != fs[0]) {
            throw new IllegalArgumentException(name + ": " + fs[0] + " feature rows but " + y.length + " labels");
        }
        return new Dataset(name, x, y, fs[1], classCount, false);
    }

    private static int[] oneHotIndices(String name, double[] oneHot, int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int hot = -1;
            for (int c = 0; c < classes; c++) {
                double v = oneHot[i * classes + c];
                if (v == 1 && hot < 0) {
                    hot = c;
                } else if (v != 0) {
                    hot = -2;
                    break;
                }
            }
            if (hot < 0) {
                throw new IllegalArgumentException(name + ": label row " + i + " is not one-hot (exactly one 1, the rest"
                        + " 0): " + Arrays.toString(Arrays.copyOfRange(oneHot, i * classes, (i + 1) * classes)));
            }
            y[i] = hot;
        }
        return y;
    }

    /** The features as a fresh float32 {@code INDArray} {@code [size, featureCount]}, bit for bit. */
    public INDArray featuresINDArray() {
        return Nd4jArrays.create(features, size(), featureCount);
    }

    /** The labels as a fresh int32 {@code INDArray} {@code [size]}. */
    public INDArray labelsINDArray() {
        return Nd4jArrays.create(labels, size());
    }

    /** The labels one-hot, as a fresh float32 {@code INDArray} {@code [size, classCount]} (DL4J's convention). */
    public INDArray oneHotLabelsINDArray() {
        float[] h = new float[Math.multiplyExact(size(), classCount)];
        for (int i = 0; i < labels.length; i++) {
            h[i * classCount + labels[i]] = 1;
        }
        return Nd4jArrays.create(h, size(), classCount);
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
