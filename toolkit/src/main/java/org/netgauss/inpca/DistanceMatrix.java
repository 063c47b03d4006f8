package org.netgauss.inpca;

import java.util.Arrays;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * An immutable matrix of distances {@code D[i][j]} between models: square and symmetric with zero diagonal
 * for {@link BhattacharyyaDistance#matrix}, rectangular ({@code queries × base}) for
 * {@link BhattacharyyaDistance#cross}. "Distance" here means the spec's D, which already plays the role of a
 * squared distance (docs/spec/hyperribbon.md §1.2: do not square it again).
 *
 * <p>Stored row-major in one {@code double[]}; a 3600-model matrix is 104 MB, so accessors copy single rows
 * and {@link #toArray()} is the only bulk copy.
 */
public final class DistanceMatrix {
    private final String measure;
    private final int rows;
    private final int cols;
    private final double[] values;

    DistanceMatrix(String measure, int rows, int cols, double[] values) {
        this.measure = measure;
        this.rows = rows;
        this.cols = cols;
        this.values = values;
    }

    /** Copies a square or rectangular matrix given as rows; checks it is rectangular and finite. */
    public static DistanceMatrix of(String measure, double[][] d) {
        int r = d.length;
        int c = r == 0 ? 0 : d[0].length;
        double[] v = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (d[i].length != c) {
                throw new IllegalArgumentException("distance matrix row " + i + " has " + d[i].length
                        + " entries, row 0 has " + c);
            }
            for (int j = 0; j < c; j++) {
                if (!Double.isFinite(d[i][j])) {
                    throw new IllegalArgumentException("distance D[" + i + "][" + j + "] is " + d[i][j]);
                }
                v[i * c + j] = d[i][j];
            }
        }
        return new DistanceMatrix(measure, r, c, v);
    }

    /** The name of the distance, e.g. "bhattacharyya" or "hellinger". */
    public String measure() { return measure; }

    public int rows() { return rows; }

    public int cols() { return cols; }

    public boolean isSquare() { return rows == cols; }

    public double get(int i, int j) {
        java.util.Objects.checkIndex(i, rows);
        java.util.Objects.checkIndex(j, cols);
        return values[i * cols + j];
    }

    /** A copy of row {@code i}. */
    public double[] row(int i) {
        java.util.Objects.checkIndex(i, rows);
        return Arrays.copyOfRange(values, i * cols, (i + 1) * cols);
    }

    /** A copy as {@code double[rows][cols]}. */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = row(i);
        }
        return out;
    }

    /** Largest {@code |D[i][j] − D[j][i]|} (0 for matrices computed here). */
    public double asymmetry() {
        requireSquare("asymmetry");
        double worst = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = i + 1; j < cols; j++) {
                worst = Math.max(worst, Math.abs(values[i * cols + j] - values[j * cols + i]));
            }
        }
        return worst;
    }

    void requireSquare(String what) {
        if (rows != cols) {
            throw new IllegalArgumentException(what + " needs a square distance matrix, found " + rows + " x " + cols);
        }
    }

    /** Read-only access for the embedding (no copy). */
    double[] values() { return values; }

    /** Long format {@code i, j, D} for {@code i <= j} (square) or all entries (rectangular). */
    public Table toTable() {
        IntColumn ci = IntColumn.create("i");
        IntColumn cj = IntColumn.create("j");
        DoubleColumn cd = DoubleColumn.create(measure);
        for (int i = 0; i < rows; i++) {
            for (int j = isSquare() ? i : 0; j < cols; j++) {
                ci.append(i);
                cj.append(j);
                cd.append(values[i * cols + j]);
            }
        }
        return Table.create(measure + " distances", ci, cj, cd);
    }

    @Override
    public String toString() {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return "DistanceMatrix[" + measure + ", " + rows + " x " + cols + ", max " + max + "]";
    }
}
