package org.netgauss.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.netgauss.store.DType;
import org.netgauss.store.Npy;
import org.netgauss.store.NpyArray;
import org.netgauss.pigmm.WeightEnsemble;

/**
 * Reads a weight ensemble {@code [N, rows, cols]} from a {@code .npy} file for the command line, checking at the
 * boundary so that every failure is one line naming the file, what was expected and what was found.
 */
final class EnsembleInput {
    private EnsembleInput() {
    }

    /** Which shapes a command accepts. */
    enum Shape {
        /** [N, D, D] with D &gt;= 4: the 13-parameter PIGMM. */
        PIGMM("[N, D, D] with D >= 4 and N >= 2", 4, true),
        /** [N, D, D] with D &gt;= 2: the bipartite S_D x S_D model. */
        SQUARE("[N, D, D] with D >= 2 and N >= 2", 2, true),
        /** [N, M, N'] with M, N' &gt;= 2: the rectangular S_M x S_N model. */
        RECTANGULAR("[N, M, N'] with M, N' >= 2 and N >= 2", 2, false),
        /** [N, M, N'] with anything &gt;= 1: the IID model. */
        ANY("[N, M, N'] with N >= 2", 1, false);

        final String expected;
        final int minSize;
        final boolean square;

        Shape(String expected, int minSize, boolean square) {
            this.expected = expected;
            this.minSize = minSize;
            this.square = square;
        }
    }

    /**
     * Loads and checks the ensemble; {@code purpose} names the model in messages, e.g. "the 13-parameter PIGMM".
     *
     * @throws IllegalArgumentException naming the file: missing, not a .npy, truncated, not float32/float64, not
     *                                  rank 3, too small for the model, or holding NaN/Inf
     */
    static WeightEnsemble read(Path path, Shape shape, String purpose) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(path + ": no such file; expected a .npy ensemble " + shape.expected);
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + ": is a directory; expected a .npy ensemble " + shape.expected);
        }
        NpyArray a;
        try {
            a = Npy.read(path);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(path + ": could not be read (" + e.getCause().getMessage() + ")", e);
        }
        int[] s = a.shape();
        if (a.dtype() != DType.FLOAT32 && a.dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException(path + ": expected float32 or float64 weights, found dtype "
                    + a.dtype().descr() + " " + Arrays.toString(s) + "; convert with arr.astype(np.float64)");
        }
        if (s.length != 3) {
            throw new IllegalArgumentException(path + ": expected a rank-3 ensemble " + shape.expected + ", found shape "
                    + Arrays.toString(s) + (s.length == 2 ? "; a single matrix? use arr[None] to make an ensemble of one"
                    : ""));
        }
        int n = s[0];
        int rows = s[1];
        int cols = s[2];
        if (shape.square && rows != cols) {
            throw new IllegalArgumentException(path + ": " + purpose + " needs square members " + shape.expected
                    + ", found " + Arrays.toString(s) + "; use --model rectangular for an M x N layer");
        }
        if (rows < shape.minSize || cols < shape.minSize) {
            throw new IllegalArgumentException(path + ": " + purpose + " needs " + shape.expected + ", found "
                    + Arrays.toString(s) + (shape == Shape.PIGMM
                    ? " (V_2 has dimension D(D-3)/2); use --model bipartite or --model iid for small layers" : ""));
        }
        if (n < 2) {
            throw new IllegalArgumentException(path + ": " + purpose + " needs at least 2 members " + shape.expected
                    + ", found " + Arrays.toString(s) + "; a single matrix has no ensemble variance");
        }
        double[] x = a.doubles();
        int size = rows * cols;
        for (int p = 0; p < x.length; p++) {
            if (!Double.isFinite(x[p])) {
                throw new IllegalArgumentException(path + ": member " + p / size + " entry (" + (p % size) / cols + ", "
                        + p % cols + ") is " + x[p] + "; expected finite weights (did training diverge?)");
            }
        }
        return WeightEnsemble.of(x, n, rows, cols);
    }
}
