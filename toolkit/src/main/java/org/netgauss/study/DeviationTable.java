package org.netgauss.study;

import org.netgauss.invariants.Deviations;
import org.netgauss.invariants.InvariantEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.netgauss.pigmm.WeightEnsemble;
import org.netgauss.store.RunDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The table behind {@link DeviationTrajectory}: the paper's 39 cubic and quartic invariants I14..I52 at chosen checkpoints of a
 * run, per square layer (Hirst &amp; Ramgoolam 2025, Sec. 4; docs/spec/pigmm.md §3.3): one row per (epoch, layer, invariant) with
 * its group, the ensemble mean {@code observed}, the Wick prediction {@code wick} of the PIGMM fitted at that
 * checkpoint, the population SD {@code sd} and Δ = |wick − observed| / sd ({@code deviation}).
 *
 * <p>Cached in {@code <run>/analysis/deviations.csv} ({@link AnalysisCache}).
 */
public final class DeviationTable {
    private DeviationTable() {
    }

    public static final String NAME = "deviations";

    public static final Set<String> TEXT_COLUMNS = Set.of("layer", "invariant", "group");

    /** Deviations at the given checkpoint epochs (each must be a checkpoint of the run). */
    public static Table of(RunDir run, List<String> layers, int... epochs) {
        Table t = AnalysisCache.rows(run, NAME, epochs, TEXT_COLUMNS,
                rows -> rows.stringColumn("layer").unique().asSet().containsAll(layers), e -> epoch(run, e, layers));
        return t.where(t.stringColumn("layer").isIn(layers)).setName(t.name());
    }

    /** The rows for one checkpoint (uncached). */
    public static Table epoch(RunDir run, int epoch, List<String> layers) {
        List<Integer> ep = new ArrayList<>();
        List<String> layer = new ArrayList<>();
        List<String> inv = new ArrayList<>();
        List<String> group = new ArrayList<>();
        List<Double> obs = new ArrayList<>();
        List<Double> wick = new ArrayList<>();
        List<Double> sd = new ArrayList<>();
        List<Double> dev = new ArrayList<>();
        for (String l : layers) {
            WeightEnsemble ens = PigmmTable.layer(run, epoch, l);
            for (InvariantEstimate est : Deviations.paper(ens).estimates()) {
                ep.add(epoch);
                layer.add(l);
                inv.add(est.label());
                group.add(est.group());
                obs.add(est.observed());
                wick.add(est.wick());
                sd.add(est.stdDev());
                dev.add(est.deviation());
            }
        }
        return Table.create(NAME, IntColumn.create("epoch", ep.stream().mapToInt(Integer::intValue).toArray()),
                StringColumn.create("layer", layer), StringColumn.create("invariant", inv),
                StringColumn.create("group", group), DoubleColumn.create("observed", obs),
                DoubleColumn.create("wick", wick), DoubleColumn.create("sd", sd), DoubleColumn.create("deviation", dev));
    }

    /**
     * Normalised change (Δ_end − Δ_start)/(Δ_end + Δ_start) per (layer, invariant) between two epochs of a deviation
     * table (docs/spec/pigmm.md §3.3): columns layer, invariant, group, start, end, change.
     */
    public static Table normalisedChange(Table deviations, int start, int end) {
        Table a = deviations.where(deviations.intColumn("epoch").isEqualTo(start));
        Table b = deviations.where(deviations.intColumn("epoch").isEqualTo(end));
        if (a.rowCount() != b.rowCount() || a.rowCount() == 0) {
            throw new IllegalArgumentException("epochs " + start + " and " + end + " must both be in the table with the"
                    + " same invariants, found " + a.rowCount() + " and " + b.rowCount() + " rows");
        }
        double[] s = a.doubleColumn("deviation").asDoubleArray();
        double[] t = b.doubleColumn("deviation").asDoubleArray();
        double[] c = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            c[k] = Deviations.normalisedChange(s[k], t[k]);
        }
        return Table.create("normalised change " + start + " → " + end, a.stringColumn("layer").copy(),
                a.stringColumn("invariant").copy(), a.stringColumn("group").copy(),
                DoubleColumn.create("start", s), DoubleColumn.create("end", t), DoubleColumn.create("change", c));
    }
}
