package org.netgauss.cli;

import java.nio.file.Path;
import java.util.Arrays;
import org.netgauss.pigmm.WeightEnsemble;

/**
 * Reads a weight ensemble {@code [N, rows, cols]} from a {@code .npy} file for the command line through
 * {@link WeightEnsemble#read}, then checks its shape for the chosen model, so that every failure is one line naming
 * the file, what was expected and what was found, with the command-line option that fits a smaller layer.
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
     * Loads ({@link WeightEnsemble#read}: file, dtype, rank, finite entries) and checks the shape for the model;
     * {@code purpose} names the model in messages, e.g. "the 13-parameter PIGMM".
     *
     * @throws IllegalArgumentException naming the file: missing, not a .npy, truncated, not float32/float64, not
     *                                  rank 3, too small for the model, or holding NaN/Inf
     */
    static WeightEnsemble read(Path path, Shape shape, String purpose) {
        WeightEnsemble e = WeightEnsemble.read(path);
        String found = Arrays.toString(new int[] {e.members(), e.rows(), e.cols()});
        if (shape.square && !e.isSquare()) {
            throw new IllegalArgumentException(path + ": " + purpose + " needs square members " + shape.expected
                    + ", found " + found + "; use --model rectangular for an M x N layer");
        }
        if (e.rows() < shape.minSize || e.cols() < shape.minSize) {
            throw new IllegalArgumentException(path + ": " + purpose + " needs " + shape.expected + ", found "
                    + found + (shape == Shape.PIGMM
                    ? " (V_2 has dimension D(D-3)/2); use --model bipartite or --model iid for small layers" : ""));
        }
        if (e.members() < 2) {
            throw new IllegalArgumentException(path + ": " + purpose + " needs at least 2 members " + shape.expected
                    + ", found " + found + "; a single matrix has no ensemble variance");
        }
        return e;
    }
}
