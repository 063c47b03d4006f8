package org.netgauss.perturbative;

import java.util.ArrayList;
import java.util.List;
import org.netgauss.invariants.DeviationReport;
import org.netgauss.invariants.InvariantEstimate;
import org.netgauss.invariants.InvariantGraph;
import org.netgauss.invariants.Invariants;
import org.netgauss.pigmm.WeightEnsemble;

/**
 * Ensemble means Ō and SDs (1/N normalisation, the {@code sd} column of {@code deviations.csv}) of invariants over N
 * networks: what the first-order fit needs from the data besides f̂ (docs/spec/perturbative.md §4, "Inputs").
 *
 * @param members  N
 * @param graphs   the invariants
 * @param observed Ō per invariant
 * @param sd       SD per invariant
 */
public record ObservedInvariants(int members, List<InvariantGraph> graphs, double[] observed, double[] sd) {
    /** Checks lengths, N ≥ 2, finite values and positive SDs. */
    public ObservedInvariants {
        graphs = List.copyOf(graphs);
        if (members < 2) {
            throw new IllegalArgumentException("an ensemble needs at least 2 networks, found N = " + members);
        }
        if (observed.length != graphs.size() || sd.length != graphs.size()) {
            throw new IllegalArgumentException("observed[" + observed.length + "] and sd[" + sd.length
                    + "] must have one value per invariant (" + graphs.size() + ")");
        }
        observed = observed.clone();
        sd = sd.clone();
        for (int k = 0; k < observed.length; k++) {
            String label = Invariants.label(graphs.get(k));
            if (!Double.isFinite(observed[k]) || !Double.isFinite(sd[k]) || sd[k] < 0) {
                throw new IllegalArgumentException(label + ": observed " + observed[k] + " and sd " + sd[k]
                        + " must be finite, sd >= 0");
            }
        }
    }

    /** Ō and SD of the invariants of a deviation report (labels I14..I52 or canonical names). */
    public static ObservedInvariants of(DeviationReport report) {
        List<InvariantGraph> g = new ArrayList<>();
        List<InvariantEstimate> e = report.estimates();
        double[] o = new double[e.size()];
        double[] s = new double[e.size()];
        int n = 0;
        for (int k = 0; k < o.length; k++) {
            g.add(graph(e.get(k).label()));
            o[k] = e.get(k).observed();
            s[k] = e.get(k).stdDev();
            n = e.get(k).members();
        }
        return new ObservedInvariants(n, g, o, s);
    }

    /** Ō and SD (1/N) of the given invariants on every member of a square ensemble. */
    public static ObservedInvariants of(WeightEnsemble ensemble, List<InvariantGraph> graphs) {
        double[][] v = Invariants.evaluate(graphs, ensemble);
        int n = ensemble.members();
        double[] o = new double[graphs.size()];
        double[] s = new double[graphs.size()];
        for (int k = 0; k < o.length; k++) {
            double mean = 0;
            for (double[] row : v) {
                mean += row[k];
            }
            mean /= n;
            double var = 0;
            for (double[] row : v) {
                var += (row[k] - mean) * (row[k] - mean);
            }
            o[k] = mean;
            s[k] = Math.sqrt(var / n);
        }
        return new ObservedInvariants(n, graphs, o, s);
    }

    /** The invariant labelled "I45" or named by its canonical edge list. */
    static InvariantGraph graph(String label) {
        if (label.matches("I\\d+")) {
            return Invariants.paper(Integer.parseInt(label.substring(1)));
        }
        return InvariantGraph.parse(label);
    }

    /** Index of a graph, or −1. */
    public int indexOf(InvariantGraph g) {
        return graphs.indexOf(g);
    }

    /** Ō of an invariant that must be present. */
    public double observed(InvariantGraph g) {
        return observed[require(g)];
    }

    /** SD of an invariant that must be present. */
    public double sd(InvariantGraph g) {
        return sd[require(g)];
    }

    private int require(InvariantGraph g) {
        int k = indexOf(g);
        if (k < 0) {
            throw new IllegalArgumentException("no observed mean for " + Invariants.label(g) + " (" + g.indexSum()
                    + "); the data hold " + graphs.stream().map(Invariants::label).toList());
        }
        return k;
    }

    @Override
    public double[] observed() {
        return observed.clone();
    }

    @Override
    public double[] sd() {
        return sd.clone();
    }
}
