package org.netgauss.preact;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Layer-by-layer Gaussianity of the pre-activations of an ensemble of random networks at initialisation
 * (Wolinski &amp; Arbel 2025, Sec. 3.1-3.2 and 5.1-5.2; {@code docs/spec/gaussian-preact.md} §3a,
 * "deeper propagation"). Samples are unit 1 of each layer, one per network, so they are i.i.d. and the KS
 * p-values are valid.
 *
 * @param initialisation what was propagated
 * @param widths n_0 (input), n_1, ..., n_L
 * @param layers one entry per layer 1..L
 * @param samples samples[l-1][k]: Z^l_1 of network k
 */
public record PropagationResult(Initialisation initialisation, int[] widths, List<LayerGaussianity> layers,
        double[][] samples) {

    public PropagationResult {
        widths = widths.clone();
        layers = List.copyOf(layers);
        samples = deepCopy(samples);
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    @Override
    public double[][] samples() {
        return deepCopy(samples);
    }

    /** The samples of Z^l_1 (l from 1), a copy. */
    public double[] samples(int layer) {
        return samples[checkLayer(layer) - 1].clone();
    }

    /** The statistics of layer l (from 1). */
    public LayerGaussianity layer(int layer) {
        return layers.get(checkLayer(layer) - 1);
    }

    /** The last layer's statistics. */
    public LayerGaussianity last() {
        return layers.get(layers.size() - 1);
    }

    private int checkLayer(int layer) {
        if (layer < 1 || layer > layers.size()) {
            throw new IllegalArgumentException("layer " + layer + " does not exist; layers are 1.." + layers.size());
        }
        return layer;
    }

    /** One row per layer: activation, layer, width, q, n, mean, variance, excess kurtosis, KS (p), W1, KS/W1 to N(0,q). */
    public Table toTable() {
        return toTable(List.of(this));
    }

    /** Rows of several results stacked, e.g. one per activation, for a faceted plot. */
    public static Table toTable(List<PropagationResult> results) {
        StringColumn act = StringColumn.create("activation");
        IntColumn layer = IntColumn.create("layer");
        IntColumn width = IntColumn.create("width");
        DoubleColumn q = DoubleColumn.create("q_meanfield");
        IntColumn n = IntColumn.create("n");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn var = DoubleColumn.create("variance");
        DoubleColumn kurt = DoubleColumn.create("excess_kurtosis");
        DoubleColumn ks = DoubleColumn.create("ks");
        DoubleColumn p = DoubleColumn.create("ks_pvalue");
        DoubleColumn w1 = DoubleColumn.create("wasserstein1");
        DoubleColumn ksRef = DoubleColumn.create("ks_q");
        DoubleColumn w1Ref = DoubleColumn.create("wasserstein1_q");
        for (PropagationResult r : results) {
            for (LayerGaussianity lg : r.layers) {
                GaussianityStatistics s = lg.statistics();
                act.append(r.initialisation.name());
                layer.append(lg.layer());
                width.append(lg.width());
                q.append(lg.meanFieldQ());
                n.append(s.n());
                mean.append(s.mean());
                var.append(s.variance());
                kurt.append(s.excessKurtosis());
                ks.append(s.ks());
                p.append(s.ksPValue());
                w1.append(s.wasserstein1());
                ksRef.append(s.ksRef());
                w1Ref.append(s.wasserstein1Ref());
            }
        }
        return Table.create("pre-activation Gaussianity", act, layer, width, q, n, mean, var, kurt, ks, p, w1, ksRef, w1Ref);
    }

    @Override
    public String toString() {
        LayerGaussianity l = last();
        return String.format(Locale.ROOT, "PropagationResult[%s, widths=%s, %d networks, last layer: ks=%.4g, exKurt=%.3g]",
                initialisation.name(), Arrays.toString(widths), l.statistics().n(), l.statistics().ks(),
                l.statistics().excessKurtosis());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PropagationResult r && initialisation.equals(r.initialisation) && Arrays.equals(widths, r.widths)
                && layers.equals(r.layers) && Arrays.deepEquals(samples, r.samples);
    }

    @Override
    public int hashCode() {
        return 31 * initialisation.hashCode() + Arrays.hashCode(widths);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
