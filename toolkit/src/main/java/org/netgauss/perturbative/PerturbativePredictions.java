package org.netgauss.perturbative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * First-order predictions for a list of invariants, with the held-out summaries of docs/spec/perturbative.md §5
 * (step 5): median and max of Δ and Δ' over the invariants that are not terms, overall and per group.
 *
 * @param predictions one per invariant
 */
public record PerturbativePredictions(List<InvariantPrediction> predictions) {
    /** Copies the list in. */
    public PerturbativePredictions {
        predictions = List.copyOf(predictions);
    }

    /** The prediction for a label such as "I45". */
    public Optional<InvariantPrediction> get(String label) {
        return predictions.stream().filter(p -> p.label().equals(label)).findFirst();
    }

    /** The held-out invariants (not terms). */
    public List<InvariantPrediction> heldOut() {
        return predictions.stream().filter(p -> !p.fitted()).toList();
    }

    /** The held-out summary over all held-out invariants. */
    public HeldOutSummary summary() {
        return HeldOutSummary.of("all", heldOut());
    }

    /** The held-out summary per group, in the order groups first appear. */
    public List<HeldOutSummary> summaryByGroup() {
        Map<String, List<InvariantPrediction>> groups = new LinkedHashMap<>();
        for (InvariantPrediction p : heldOut()) {
            groups.computeIfAbsent(p.group(), x -> new ArrayList<>()).add(p);
        }
        List<HeldOutSummary> out = new ArrayList<>();
        groups.forEach((g, list) -> out.add(HeldOutSummary.of(g, list)));
        return out;
    }

    /** The held-out summaries, overall then per group, as a table. */
    public Table summaryTable() {
        List<HeldOutSummary> rows = new ArrayList<>();
        rows.add(summary());
        rows.addAll(summaryByGroup());
        return Table.create("held-out invariants: Δ (Gaussian) → Δ' (first order)",
                StringColumn.create("group", rows.stream().map(HeldOutSummary::group).toList()),
                IntColumn.create("count", rows.stream().mapToInt(HeldOutSummary::count).toArray()),
                DoubleColumn.create("median Δ", rows.stream().mapToDouble(HeldOutSummary::medianGauss).toArray()),
                DoubleColumn.create("median Δ'", rows.stream().mapToDouble(HeldOutSummary::medianPerturbative)
                        .toArray()),
                DoubleColumn.create("max Δ", rows.stream().mapToDouble(HeldOutSummary::maxGauss).toArray()),
                StringColumn.create("argmax Δ", rows.stream().map(HeldOutSummary::argmaxGauss).toList()),
                DoubleColumn.create("max Δ'", rows.stream().mapToDouble(HeldOutSummary::maxPerturbative).toArray()),
                StringColumn.create("argmax Δ'", rows.stream().map(HeldOutSummary::argmaxPerturbative).toList()));
    }

    /**
     * Δ and Δ' in long form for a bar chart: invariant, group, model ("Gaussian" or "first order"), deviation; held-out
     * invariants only, optionally only those of one group (null: all).
     */
    public Table comparisonTable(String group) {
        List<InvariantPrediction> rows = heldOut().stream().filter(p -> group == null || p.group().equals(group))
                .toList();
        StringColumn inv = StringColumn.create("invariant"), grp = StringColumn.create("group"),
                model = StringColumn.create("model");
        DoubleColumn dev = DoubleColumn.create("deviation");
        for (String m : new String[] {"Gaussian", "first order"}) {
            for (InvariantPrediction p : rows) {
                inv.append(p.label());
                grp.append(p.group());
                model.append(m);
                dev.append(m.equals("Gaussian") ? p.deviationGauss() : p.deviationPerturbative());
            }
        }
        return Table.create("held-out Δ (Gaussian) and Δ' (first order)" + (group == null ? "" : ", " + group), inv,
                grp, model, dev);
    }

    /** One row per invariant: observed, wick, perturbative, sd, Δ, Δ', prediction SE, role. */
    public Table toTable() {
        return Table.create("first-order predictions",
                StringColumn.create("invariant", predictions.stream().map(InvariantPrediction::label).toList()),
                StringColumn.create("group", predictions.stream().map(InvariantPrediction::group).toList()),
                DoubleColumn.create("observed", predictions.stream().mapToDouble(InvariantPrediction::observed)),
                DoubleColumn.create("wick", predictions.stream().mapToDouble(InvariantPrediction::wick)),
                DoubleColumn.create("perturbative", predictions.stream()
                        .mapToDouble(InvariantPrediction::perturbative)),
                DoubleColumn.create("sd", predictions.stream().mapToDouble(InvariantPrediction::sd)),
                DoubleColumn.create("deviation_gauss", predictions.stream()
                        .mapToDouble(InvariantPrediction::deviationGauss)),
                DoubleColumn.create("deviation_pert", predictions.stream()
                        .mapToDouble(InvariantPrediction::deviationPerturbative)),
                DoubleColumn.create("prediction_se", predictions.stream()
                        .mapToDouble(InvariantPrediction::predictionSe)),
                BooleanColumn.create("fitted", predictions.stream().map(InvariantPrediction::fitted).toList()),
                StringColumn.create("role", predictions.stream().map(InvariantPrediction::role).toList()));
    }

    /**
     * Median and max of Δ and Δ' over a set of held-out invariants.
     *
     * @param group              "all" or the group's name
     * @param count              number of invariants
     * @param medianGauss        median Δ
     * @param medianPerturbative median Δ'
     * @param maxGauss           max Δ
     * @param argmaxGauss        where max Δ is reached
     * @param maxPerturbative    max Δ'
     * @param argmaxPerturbative where max Δ' is reached
     */
    public record HeldOutSummary(String group, int count, double medianGauss, double medianPerturbative,
                                 double maxGauss, String argmaxGauss, double maxPerturbative,
                                 String argmaxPerturbative) {
        static HeldOutSummary of(String group, List<InvariantPrediction> list) {
            if (list.isEmpty()) {
                return new HeldOutSummary(group, 0, Double.NaN, Double.NaN, Double.NaN, "", Double.NaN, "");
            }
            InvariantPrediction maxG = list.stream()
                    .max(Comparator.comparingDouble(InvariantPrediction::deviationGauss)).orElseThrow();
            InvariantPrediction maxP = list.stream()
                    .max(Comparator.comparingDouble(InvariantPrediction::deviationPerturbative)).orElseThrow();
            return new HeldOutSummary(group, list.size(),
                    median(list.stream().mapToDouble(InvariantPrediction::deviationGauss).toArray()),
                    median(list.stream().mapToDouble(InvariantPrediction::deviationPerturbative).toArray()),
                    maxG.deviationGauss(), maxG.label(), maxP.deviationPerturbative(), maxP.label());
        }

        /** The median (mean of the two middle values for an even count). */
        static double median(double[] v) {
            double[] s = v.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (%d held out): median Δ %.3g → %.3g, max Δ %.3g (%s) → %.3g (%s)",
                    group, count, medianGauss, medianPerturbative, maxGauss, argmaxGauss, maxPerturbative,
                    argmaxPerturbative);
        }
    }
}
