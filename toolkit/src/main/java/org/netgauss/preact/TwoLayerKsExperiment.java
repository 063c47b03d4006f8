package org.netgauss.preact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.netgauss.preact.internal.EnsemblePropagator;
import org.netgauss.nn.Seeds;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The repository's experiment "KS statistic for a 2-layer NN" (Wolinski &amp; Arbel 2025, Fig. 11 "influence
 * of dependence" per the authors' commit messages; {@code docs/spec/gaussian-preact.md} §3a): input
 * x = (1, ..., 1), widths [n_a, n_b, 1] in three configurations for n = 1..10, N independent networks per
 * point, and the one-sample KS distance of the single output pre-activation to N(0,1).
 *
 * <p>Architecture, as the spot values of docs/spec/gaussian-preact.md §4 item 11 require: the scalar input x = 1 (n_0 = 1) feeds
 * hidden layers of widths n_a and n_b, then one output unit; "[n_a, n_b, 1]" lists the widths after the input
 * (the configuration labels "n0", "n1" of the authors name the hidden widths). So Z^1 = sigma_w W^1 + sigma_b B^1
 * with N(0,1) W^1, and the two later layers use the activation's weight law.
 */
public final class TwoLayerKsExperiment {
    private TwoLayerKsExperiment() {
    }

    /** The three width configurations of docs/spec/gaussian-preact.md §3a. */
    public enum Configuration {
        /** [1, n, 1]: "n0 = 1, varying n1"; for n &gt;= 2 the units share phi(Z^1), breaking independence. */
        CFG0,
        /** [n, 2, 1]: "n1 = 2, varying n0". */
        CFG1,
        /** [n, n, 1]: "varying n0 = n1". */
        CFG2;

        /** The layer widths after the input, [n_a, n_b, 1], for width parameter n. */
        public int[] widths(int n) {
            return switch (this) {
                case CFG0 -> new int[] {1, n, 1};
                case CFG1 -> new int[] {n, 2, 1};
                case CFG2 -> new int[] {n, n, 1};
            };
        }

        /** All widths including the input: [1, n_a, n_b, 1]. */
        public int[] networkWidths(int n) {
            int[] w = widths(n);
            return new int[] {1, w[0], w[1], w[2]};
        }
    }

    /**
     * One point of the figure.
     *
     * @param configuration the width configuration
     * @param activation the curve's name
     * @param n the width parameter
     * @param ks KS distance of the output pre-activation Z^3 to N(0,1)
     * @param ksPValue its p-value for N i.i.d. draws
     * @param variance the sample variance of Z^3
     * @param excessKurtosis of Z^3
     */
    public record Point(Configuration configuration, String activation, int n, double ks, double ksPValue, double variance,
            double excessKurtosis) {
    }

    /**
     * All points.
     *
     * @param networks N per point
     * @param points configuration x curve x n
     */
    public record Result(int networks, List<Point> points) {
        public Result {
            points = List.copyOf(points);
        }

        /** The KS value of one point. */
        public double ks(Configuration c, String activation, int n) {
            return points.stream().filter(p -> p.configuration() == c && p.activation().equals(activation) && p.n() == n)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no point " + c + ", " + activation
                            + ", n = " + n + " in this result"))
                    .ks();
        }

        /** Long format: configuration, activation, n, ks, ks_pvalue, variance, excess_kurtosis. */
        public Table toTable() {
            StringColumn cfg = StringColumn.create("configuration");
            StringColumn act = StringColumn.create("activation");
            IntColumn n = IntColumn.create("n");
            DoubleColumn ks = DoubleColumn.create("ks");
            DoubleColumn p = DoubleColumn.create("ks_pvalue");
            DoubleColumn var = DoubleColumn.create("variance");
            DoubleColumn kurt = DoubleColumn.create("excess_kurtosis");
            for (Point pt : points) {
                cfg.append(pt.configuration().name().toLowerCase(Locale.ROOT));
                act.append(pt.activation());
                n.append(pt.n());
                ks.append(pt.ks());
                p.append(pt.ksPValue());
                var.append(pt.variance());
                kurt.append(pt.excessKurtosis());
            }
            return Table.create("2-layer KS experiment (N = " + networks + ")", cfg, act, n, ks, p, var, kurt);
        }
    }

    /** The paper's experiment: 3 configurations x 16 curves x n = 1..10, N = 200 000 (slow: minutes). */
    public static Result paper(PropagationConfig config) {
        return run(Initialisation.paperSet(), List.of(Configuration.values()), 1, 10, config.withNetworks(200_000));
    }

    /**
     * Runs the given curves and configurations for n = nMin..nMax. Each point has its own seed derived from
     * {@code config.seed()} and (configuration, curve index, n), so any subset reproduces the same numbers.
     */
    public static Result run(List<Initialisation> curves, List<Configuration> configurations, int nMin, int nMax,
            PropagationConfig config) {
        if (nMin < 1 || nMax < nMin) {
            throw new IllegalArgumentException("need 1 <= nMin <= nMax, found " + nMin + ".." + nMax);
        }
        List<Point> points = new ArrayList<>();
        for (Configuration c : configurations) {
            for (int k = 0; k < curves.size(); k++) {
                Initialisation init = curves.get(k);
                for (int n = nMin; n <= nMax; n++) {
                    points.add(point(init, c, n, config.withSeed(Seeds.derive(config.seed(), c.ordinal(),
                            curveKey(init), n))));
                }
            }
        }
        return new Result(config.networks(), points);
    }

    /** One point: the output pre-activation of N networks 1 -&gt; n_a -&gt; n_b -&gt; 1 on x = 1. */
    public static Point point(Initialisation init, Configuration c, int n, PropagationConfig config) {
        int[] widths = c.networkWidths(n);
        double[] x = {1.0};
        double[][] z = EnsemblePropagator.run(init.activation(), init.weightLaw(), init.biasLaw(), init.sigmaW(),
                init.sigmaB(), widths, x, config.networks(), config.seed(), config.threads(), PropagationConfig.CHUNK, 1);
        double[] last = z[z.length - 1];
        double ks = GaussianityStatistics.ks(last, 1.0);
        double mean = 0;
        for (double v : last) {
            mean += v;
        }
        mean /= last.length;
        double m2 = 0;
        double m4 = 0;
        for (double v : last) {
            double d = (v - mean) * (v - mean);
            m2 += d;
            m4 += d * d;
        }
        m2 /= last.length;
        m4 /= last.length;
        return new Point(c, init.name(), n, ks, GaussianityStatistics.ksPValue(ks, last.length), m2, m4 / (m2 * m2) - 3);
    }

    /** A key that does not depend on the curve's position in the list. */
    private static long curveKey(Initialisation init) {
        return init.name().hashCode();
    }
}
