package org.netgauss.invariants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Deviations of several invariants between an ensemble and its fitted model (docs/spec/pigmm.md §3.3). */
public record DeviationReport(List<InvariantEstimate> estimates) {

    public DeviationReport {
        estimates = List.copyOf(estimates);
    }

    /** Δ for each invariant, in order. */
    public double[] deviations() {
        return estimates.stream().mapToDouble(InvariantEstimate::deviation).toArray();
    }

    /** The estimate for a label such as "I45". */
    public InvariantEstimate get(String label) {
        return estimates.stream().filter(e -> e.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no invariant " + label + " in this report"));
    }

    /** One row per invariant: label, group, observed, wick, sd, deviation. */
    public Table toTable() {
        return Table.create("deviations (ensemble SD units)",
                StringColumn.create("invariant", estimates.stream().map(InvariantEstimate::label).toList()),
                StringColumn.create("group", estimates.stream().map(InvariantEstimate::group).toList()),
                DoubleColumn.create("observed", estimates.stream().mapToDouble(InvariantEstimate::observed).toArray()),
                DoubleColumn.create("wick", estimates.stream().mapToDouble(InvariantEstimate::wick).toArray()),
                DoubleColumn.create("sd", estimates.stream().mapToDouble(InvariantEstimate::stdDev).toArray()),
                DoubleColumn.create("deviation", deviations()));
    }

    /** Min, mean and max of Δ per group, as printed per layer by the authors (docs/spec/pigmm.md §3.3). */
    public Table groupSummary() {
        Map<String, List<Double>> groups = new LinkedHashMap<>();
        for (InvariantEstimate e : estimates) {
            groups.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e.deviation());
        }
        List<String> names = new ArrayList<>(groups.keySet());
        double[] min = new double[names.size()];
        double[] mean = new double[names.size()];
        double[] max = new double[names.size()];
        int[] count = new int[names.size()];
        for (int k = 0; k < names.size(); k++) {
            List<Double> v = groups.get(names.get(k));
            min[k] = v.stream().mapToDouble(x -> x).min().orElse(Double.NaN);
            mean[k] = v.stream().mapToDouble(x -> x).average().orElse(Double.NaN);
            max[k] = v.stream().mapToDouble(x -> x).max().orElse(Double.NaN);
            count[k] = v.size();
        }
        return Table.create("deviation summary", StringColumn.create("group", names), IntColumn.create("count", count),
                DoubleColumn.create("min", min), DoubleColumn.create("mean", mean), DoubleColumn.create("max", max));
    }

    @Override
    public String toString() {
        double[] d = deviations();
        double max = 0;
        double sum = 0;
        for (double x : d) {
            max = Math.max(max, x);
            sum += x;
        }
        return String.format(Locale.ROOT, "DeviationReport[%d invariants, mean deviation=%.4g, max=%.4g]", d.length,
                sum / d.length, max);
    }
}
