package org.netgauss.pigmm;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.netgauss.nd4j.Nd4jArrays;
import org.netgauss.store.DType;
import org.netgauss.store.InputFiles;
import org.netgauss.store.Npy;
import org.netgauss.store.NpyArray;

/**
 * An ensemble of N real matrices of shape rows x cols, for example the same layer of N independently
 * trained networks.
 *
 * <p>Storage is one {@code double[]} of shape {@code [N, rows, cols]} in row-major order. The orientation is
 * PyTorch's {@code weight} (out, in): entry {@code (i, j)} of a member is the weight from input neuron j to
 * output neuron i ({@code docs/spec/pigmm.md} §1, checklist item 1). Row sums are therefore fan-in sums
 * and column sums fan-out sums.
 *
 * <p>Immutable: arrays are copied on the way in and out. Every entry is checked to be finite at
 * construction, so downstream code can rely on it.
 */
public final class WeightEnsemble {
    private final double[] data;
    private final int members;
    private final int rows;
    private final int cols;

    private WeightEnsemble(double[] data, int members, int rows, int cols) {
        this.data = data;
        this.members = members;
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * An ensemble from row-major {@code double} data of shape {@code [members, rows, cols]}.
     *
     * @throws IllegalArgumentException if the shape is not positive, the length does not match the shape,
     *         or an entry is NaN or infinite (the message names the member and entry)
     */
    public static WeightEnsemble of(double[] data, int members, int rows, int cols) {
        checkShape(data.length, members, rows, cols);
        double[] copy = data.clone();
        checkFinite(copy, rows, cols);
        return new WeightEnsemble(copy, members, rows, cols);
    }

    /** As {@link #of(double[], int, int, int)} for {@code float} data (e.g. a float32 {@code .npy}). */
    public static WeightEnsemble of(float[] data, int members, int rows, int cols) {
        checkShape(data.length, members, rows, cols);
        double[] copy = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            copy[i] = data[i];
        }
        checkFinite(copy, rows, cols);
        return new WeightEnsemble(copy, members, rows, cols);
    }

    /**
     * The ensemble in a NumPy {@code .npy} file of shape {@code [N, rows, cols]}, float32 or float64 (for example
     * {@code torch.stack([net.fc2.weight for net in nets]).numpy()}), checked at the boundary.
     *
     * <pre>{@code
     * PigmmFit fit = Pigmm.fit(WeightEnsemble.read(Path.of("W2.npy")));
     * }</pre>
     *
     * @throws IllegalArgumentException in one line naming the file: missing, a directory, not a .npy file or
     *                                  truncated, not float32/float64, not rank 3 (with the shape found), or
     *                                  holding a NaN/infinite entry (naming the member and entry)
     */
    public static WeightEnsemble read(Path path) {
        NpyArray a;
        try {
            // missing, a directory, a FIFO (which would block), unreadable: one message naming the file and why
            InputFiles.requireRegularFile(path, "a .npy ensemble [N, rows, cols]");
            a = Npy.read(path);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        try {
            return of(a);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The ensemble held by an array of shape {@code [N, rows, cols]}, float32 or float64: a {@code .npy} file read
     * with {@link Npy#read} or a checkpoint's {@code weights("W2")}. Float32 entries are widened exactly.
     *
     * @throws IllegalArgumentException if the dtype is not a float, the rank is not 3, or an entry is not finite
     */
    public static WeightEnsemble of(NpyArray a) {
        int[] s = a.shape();
        if (a.dtype() != DType.FLOAT32 && a.dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException("expected float32 or float64 weights, found dtype " + a.dtype().descr()
                    + " " + Arrays.toString(s) + "; convert with arr.astype(np.float64) (NumPy) or"
                    + " a.castTo(DataType.DOUBLE) (ND4J)");
        }
        if (s.length != 3) {
            throw new IllegalArgumentException("expected a rank-3 ensemble [N, rows, cols], found shape "
                    + Arrays.toString(s) + (s.length == 2
                    ? "; a single matrix? use arr[None] to make an ensemble of one" : ""));
        }
        return of(a.doubles(), s[0], s[1], s[2]);
    }

    /**
     * The ensemble held by an ND4J array {@code [N, rows, cols]} (PyTorch orientation: row i = output neuron i),
     * float32 or float64, with the checks and messages of {@link #of(NpyArray)}; float32 is widened exactly. Read by
     * logical index whatever its memory layout (a Fortran-order array or a view gives the same ensemble as its C-order
     * copy, see {@link Nd4jArrays}), and copied, so later changes to {@code a} do not reach the ensemble.
     *
     * <pre>{@code
     * PigmmFit fit = Pigmm.fit(WeightEnsemble.of(Nd4j.createFromNpyFile(new File("W2.npy"))));
     * }</pre>
     */
    public static WeightEnsemble of(INDArray a) {
        return of(NpyArray.of(a));
    }

    /** The ensemble as a fresh float64 C-order {@code INDArray} {@code [N, rows, cols]}, bit for bit. */
    public INDArray toINDArray() {
        return Nd4jArrays.create(data, members, rows, cols);
    }

    /** An ensemble from nested arrays {@code matrices[n][i][j]}; all members must share one shape. */
    public static WeightEnsemble of(double[][][] matrices) {
        if (matrices.length == 0 || matrices[0].length == 0 || matrices[0][0].length == 0) {
            throw new IllegalArgumentException("weight ensemble is empty: expected [N, rows, cols] with all sizes >= 1");
        }
        int r = matrices[0].length;
        int c = matrices[0][0].length;
        double[] flat = new double[matrices.length * r * c];
        for (int n = 0; n < matrices.length; n++) {
            if (matrices[n].length != r) {
                throw new IllegalArgumentException("member " + n + " has " + matrices[n].length + " rows, member 0 has " + r);
            }
            for (int i = 0; i < r; i++) {
                if (matrices[n][i].length != c) {
                    throw new IllegalArgumentException("member " + n + " row " + i + " has " + matrices[n][i].length
                            + " columns, member 0 has " + c);
                }
                System.arraycopy(matrices[n][i], 0, flat, (n * r + i) * c, c);
            }
        }
        return of(flat, matrices.length, r, c);
    }

    /** A one-member ensemble holding a single row-major matrix. */
    public static WeightEnsemble ofMatrix(double[] matrix, int rows, int cols) {
        return of(matrix, 1, rows, cols);
    }

    private static void checkShape(int length, int members, int rows, int cols) {
        if (members < 1 || rows < 1 || cols < 1) {
            throw new IllegalArgumentException("weight ensemble shape must be positive, found [" + members + ", "
                    + rows + ", " + cols + "]");
        }
        long expected = (long) members * rows * cols;
        if (expected != length) {
            throw new IllegalArgumentException("weight ensemble data has " + length + " values, shape [" + members
                    + ", " + rows + ", " + cols + "] needs " + expected);
        }
    }

    private static void checkFinite(double[] data, int rows, int cols) {
        int size = rows * cols;
        for (int p = 0; p < data.length; p++) {
            if (!Double.isFinite(data[p])) {
                int n = p / size;
                int i = (p % size) / cols;
                int j = p % cols;
                throw new IllegalArgumentException("member " + n + " entry (" + i + ", " + j + ") is " + data[p]
                        + "; expected finite weights (did training diverge?)");
            }
        }
    }

    /** Number of members N. */
    public int members() {
        return members;
    }

    /** Rows of each member (output neurons). */
    public int rows() {
        return rows;
    }

    /** Columns of each member (input neurons). */
    public int cols() {
        return cols;
    }

    /** Whether members are square D x D. */
    public boolean isSquare() {
        return rows == cols;
    }

    /** Entry (i, j) of member n. */
    public double get(int n, int i, int j) {
        return data[(n * rows + i) * cols + j];
    }

    /** A copy of member n, row-major {@code rows * cols}. */
    public double[] member(int n) {
        if (n < 0 || n >= members) {
            throw new IndexOutOfBoundsException("member " + n + " of an ensemble of " + members);
        }
        return Arrays.copyOfRange(data, n * rows * cols, (n + 1) * rows * cols);
    }

    /** A copy of all data, row-major {@code [N, rows, cols]}. */
    public double[] toArray() {
        return data.clone();
    }

    /**
     * Checks that this ensemble suits a model needing square matrices of size at least {@code minD} and at
     * least {@code minMembers} members.
     *
     * @param model name used in the message, e.g. "PIGMM"
     */
    public void requireSquare(String model, int minD, int minMembers) {
        if (!isSquare()) {
            throw new IllegalArgumentException(model + " needs square D x D members, found [" + members + ", " + rows
                    + ", " + cols + "]; use a hidden-to-hidden layer, or the rectangular model RectangularModel.fit");
        }
        requireSize(model, minD, minD, minMembers, minD >= 4
                ? " (the irreps V_2 and V_3 need D >= 4); for smaller layers use IidGaussianModel.fit or"
                        + " RectangularModel.fit" : "");
    }

    /** Checks minimum rows, columns and members, with a hint when too small. */
    public void requireSize(String model, int minRows, int minCols, int minMembers) {
        requireSize(model, minRows, minCols, minMembers, "");
    }

    private void requireSize(String model, int minRows, int minCols, int minMembers, String hint) {
        if (rows < minRows || cols < minCols) {
            throw new IllegalArgumentException(model + " needs members of at least " + minRows + " x " + minCols
                    + ", found " + rows + " x " + cols + hint);
        }
        if (members < minMembers) {
            throw new IllegalArgumentException(model + " needs at least " + minMembers + " ensemble members, found "
                    + members + "; a fit from fewer members has no variance for V_0");
        }
    }

    @Override
    public String toString() {
        return "WeightEnsemble[N=" + members + ", " + rows + " x " + cols + "]";
    }
}
