package org.netgauss.preact;

import java.util.Arrays;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Mean correlations c^l_ab between the pre-activations of P inputs, averaged over n_init random
 * initialisations ({@code docs/spec/gaussian-preact.md} §3b), and their class-by-class means C^l_pq
 * (the matrices of the paper's Figure 1).
 *
 * @param activation name of the initialisation
 * @param widths n_0, ..., n_L
 * @param labels class of each input
 * @param initialisations n_init
 * @param meanCorrelation [L][P * P], row-major
 */
public record CorrelationResult(String activation, int[] widths, int[] labels, int initialisations,
        double[][] meanCorrelation) {

    /** How to treat the unit self-correlations c_aa = 1 when averaging over class blocks. */
    public enum Grouping {
        /** Plain block means, self-correlations included. */
        INCLUDE_IDENTICAL,
        /** Diagonal blocks average over a != b only; off-diagonal blocks are plain means. */
        EXCLUDE_IDENTICAL,
        /**
         * The authors' helper {@code group_by_class(..., exclude_identical=True)}: every block, off-diagonal
         * ones included, becomes (mean k - 1)/(k - 1) with k inputs per class (docs/spec/gaussian-preact.md §3b: "a quirk to reproduce
         * as-is"). Needs equal class sizes.
         */
        AUTHORS
    }

    public CorrelationResult {
        widths = widths.clone();
        labels = labels.clone();
        double[][] c = new double[meanCorrelation.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = meanCorrelation[i].clone();
        }
        meanCorrelation = c;
    }

    @Override public int[] widths() { return widths.clone(); }

    @Override public int[] labels() { return labels.clone(); }

    @Override
    public double[][] meanCorrelation() {
        double[][] c = new double[meanCorrelation.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = meanCorrelation[i].clone();
        }
        return c;
    }

    /** Number of layers L. */
    public int layers() { return meanCorrelation.length; }

    /** Number of inputs P. */
    public int inputs() { return labels.length; }

    /** Number of classes K = max label + 1. */
    public int classes() {
        return Arrays.stream(labels).max().orElse(-1) + 1;
    }

    /** The P x P matrix of mean correlations at layer l (from 1). */
    public double[][] correlation(int layer) {
        double[] c = meanCorrelation[checkLayer(layer) - 1];
        int p = inputs();
        double[][] m = new double[p][p];
        for (int a = 0; a < p; a++) {
            System.arraycopy(c, a * p, m[a], 0, p);
        }
        return m;
    }

    /**
     * The K x K class-by-class means C^l_pq at layer l: block (p, q) averages c^l_ab over inputs a of class p
     * and b of class q.
     *
     * @throws IllegalArgumentException for {@link Grouping#AUTHORS} with unequal class sizes, or a class
     *         with a single input under {@link Grouping#EXCLUDE_IDENTICAL}
     */
    public double[][] byClass(int layer, Grouping grouping) {
        double[] c = meanCorrelation[checkLayer(layer) - 1];
        int k = classes();
        int p = inputs();
        int[] size = new int[k];
        for (int l : labels) {
            size[l]++;
        }
        double[][] sum = new double[k][k];
        double[][] count = new double[k][k];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                if (grouping == Grouping.EXCLUDE_IDENTICAL && a == b) {
                    continue;
                }
                sum[labels[a]][labels[b]] += c[a * p + b];
                count[labels[a]][labels[b]]++;
            }
        }
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (count[i][j] == 0) {
                    throw new IllegalArgumentException("class " + i + " x class " + j + " has no pairs to average ("
                            + size[i] + " and " + size[j] + " inputs); use Grouping.INCLUDE_IDENTICAL or add inputs");
                }
                out[i][j] = sum[i][j] / count[i][j];
            }
        }
        if (grouping == Grouping.AUTHORS) {
            int per = size[0];
            for (int s : size) {
                if (s != per) {
                    throw new IllegalArgumentException("Grouping.AUTHORS needs equal class sizes, found " + Arrays.toString(size));
                }
            }
            if (per < 2) {
                throw new IllegalArgumentException("Grouping.AUTHORS needs at least 2 inputs per class, found " + per);
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    out[i][j] = (out[i][j] * per - 1) / (per - 1);
                }
            }
        }
        return out;
    }

    /** Long format over all layers: layer, class_a, class_b, correlation (with {@link Grouping#EXCLUDE_IDENTICAL}). */
    public Table toTable() {
        return toTable(Grouping.EXCLUDE_IDENTICAL);
    }

    /** Long format over all layers with the given grouping. */
    public Table toTable(Grouping grouping) {
        StringColumn act = StringColumn.create("activation");
        IntColumn layer = IntColumn.create("layer");
        IntColumn ca = IntColumn.create("class_a");
        IntColumn cb = IntColumn.create("class_b");
        DoubleColumn corr = DoubleColumn.create("correlation");
        for (int l = 1; l <= layers(); l++) {
            double[][] m = byClass(l, grouping);
            for (int i = 0; i < m.length; i++) {
                for (int j = 0; j < m.length; j++) {
                    act.append(activation);
                    layer.append(l);
                    ca.append(i);
                    cb.append(j);
                    corr.append(m[i][j]);
                }
            }
        }
        return Table.create("class-by-class mean correlations (" + initialisations + " initialisations)", act, layer, ca,
                cb, corr);
    }

    private int checkLayer(int layer) {
        if (layer < 1 || layer > layers()) {
            throw new IllegalArgumentException("layer " + layer + " does not exist; layers are 1.." + layers());
        }
        return layer;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CorrelationResult[%s, widths=%s, %d inputs, %d classes, %d initialisations]",
                activation, Arrays.toString(widths), inputs(), classes(), initialisations);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorrelationResult r && activation.equals(r.activation) && Arrays.equals(widths, r.widths)
                && Arrays.equals(labels, r.labels) && initialisations == r.initialisations
                && Arrays.deepEquals(meanCorrelation, r.meanCorrelation);
    }

    @Override
    public int hashCode() {
        return activation.hashCode() * 31 + Arrays.hashCode(widths);
    }
}
