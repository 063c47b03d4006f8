package org.netgauss.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import org.netgauss.invariants.DeviationReport;
import org.netgauss.invariants.Deviations;
import org.netgauss.invariants.InvariantEstimate;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The deviations of the 39 cubic and quartic invariants from the fitted PIGMM's Wick predictions at chosen checkpoints,
 * per square layer, of one or more settings (Hirst &amp; Ramgoolam 2025, Sec. 4; docs/spec/pigmm.md §3.3): a list of
 * {@link LayerDeviations} in (setting, epoch, layer) order.
 *
 * <pre>{@code
 * var dev = study.deviations(study.setting("uniform"));   // every epoch
 * dev.toTable()                     // Δ per epoch, layer and invariant, with the noise floor 1/√N
 * dev.normalisedChange(0, 50)       // (Δ_end − Δ_start)/(Δ_end + Δ_start) per invariant
 * dev.at(50, "W4").deviation("I45")
 * }</pre>
 */
public record DeviationTrajectory(List<LayerDeviations> layers) {

    public DeviationTrajectory {
        layers = List.copyOf(layers);
    }

    /**
     * The deviations of setting {@code s} from its table (a run's {@code analysis/deviations.csv} or a committed
     * {@code results/<setting>/deviations.csv}: epoch, layer, invariant, group, observed, wick, sd, deviation).
     */
    public static DeviationTrajectory of(PigmmStudy.Setting s, Table table) {
        int n = s.config().ensembleSize();
        List<LayerDeviations> out = new ArrayList<>();
        List<InvariantEstimate> current = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            current.add(new InvariantEstimate(table.stringColumn("invariant").get(r), table.stringColumn("group").get(r),
                    table.doubleColumn("observed").getDouble(r), table.doubleColumn("wick").getDouble(r),
                    table.doubleColumn("sd").getDouble(r), n));
            boolean endOfBlock = r + 1 == table.rowCount()
                    || table.intColumn("epoch").getInt(r + 1) != table.intColumn("epoch").getInt(r)
                    || !table.stringColumn("layer").get(r + 1).equals(table.stringColumn("layer").get(r));
            if (endOfBlock) {
                out.add(new LayerDeviations(s.name(), table.intColumn("epoch").getInt(r), table.stringColumn("layer").get(r),
                        new DeviationReport(current)));
                current = new ArrayList<>();
            }
        }
        return new DeviationTrajectory(out);
    }

    /** Several settings' deviations as one. */
    public static DeviationTrajectory combine(List<DeviationTrajectory> parts) {
        List<LayerDeviations> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.layers));
        return new DeviationTrajectory(all);
    }

    public List<String> settingNames() {
        return distinct(LayerDeviations::setting);
    }

    public List<String> layerNames() {
        return distinct(LayerDeviations::layer);
    }

    public List<Integer> epochs() {
        return distinct(LayerDeviations::epoch);
    }

    /** Only {@code layer}. */
    public DeviationTrajectory layer(String layer) {
        return new DeviationTrajectory(layers.stream().filter(l -> l.layer().equals(layer)).toList());
    }

    /** Only the setting named {@code setting}. */
    public DeviationTrajectory setting(String setting) {
        return new DeviationTrajectory(layers.stream().filter(l -> l.setting().equals(setting)).toList());
    }

    /** Only the checkpoints in {@code epochs}. */
    public DeviationTrajectory epochs(int... epochs) {
        return new DeviationTrajectory(layers.stream().filter(l -> java.util.Arrays.stream(epochs)
                .anyMatch(e -> e == l.epoch())).toList());
    }

    /** Only the invariants labelled {@code labels}, e.g. "I29", "I45". */
    public DeviationTrajectory invariants(String... labels) {
        List<String> keep = List.of(labels);
        return new DeviationTrajectory(layers.stream().map(l -> new LayerDeviations(l.setting(), l.epoch(), l.layer(),
                new DeviationReport(l.report().estimates().stream().filter(e -> keep.contains(e.label())).toList())))
                .filter(l -> !l.report().estimates().isEmpty()).toList());
    }

    /**
     * Δ against epoch as series for a chart: one series per invariant, plus the noise floor 1/√N as the series
     * {@code "1/√N (noise floor)"} (a perfectly Gaussian ensemble scatters below it). Columns epoch, series, Δ.
     */
    public Table vsEpoch() {
        List<Integer> epoch = new ArrayList<>();
        List<String> series = new ArrayList<>();
        List<Double> value = new ArrayList<>();
        for (LayerDeviations l : layers) {
            for (InvariantEstimate e : l.report().estimates()) {
                epoch.add(l.epoch());
                series.add(e.label());
                value.add(e.deviation());
            }
            epoch.add(l.epoch());
            series.add("1/√N (noise floor)");
            value.add(l.noiseFloor());
        }
        return Table.create("Δ against epoch", IntColumn.create("epoch", epoch.stream().mapToInt(Integer::intValue)
                .toArray()), StringColumn.create("series", series), DoubleColumn.create("Δ", value));
    }

    /** The reports of {@code layer} by epoch (one setting), as the deviation charts take them. */
    public java.util.SortedMap<Integer, DeviationReport> byEpoch(String layer) {
        if (settingNames().size() > 1) {
            throw new IllegalArgumentException("deviations of settings " + settingNames()
                    + "; choose one with setting(name)");
        }
        java.util.SortedMap<Integer, DeviationReport> out = new java.util.TreeMap<>();
        layer(layer).layers.forEach(l -> out.put(l.epoch(), l.report()));
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no deviations of layer " + layer + "; layers " + layerNames());
        }
        return out;
    }

    /** The deviations of {@code layer} at {@code epoch} (a single-setting trajectory). */
    public LayerDeviations at(int epoch, String layer) {
        List<LayerDeviations> m = layers.stream().filter(l -> l.epoch() == epoch && l.layer().equals(layer)).toList();
        if (m.size() != 1) {
            throw new IllegalArgumentException(m.isEmpty()
                    ? "no deviations of " + layer + " at epoch " + epoch + "; layers " + layerNames() + ", epochs "
                            + epochs()
                    : m.size() + " settings have " + layer + " at epoch " + epoch + "; choose one with setting(name)");
        }
        return m.get(0);
    }

    /** setting, epoch, layer, invariant, group, observed, wick, sd, Δ and the noise floor 1/√N: one row per invariant. */
    public Table toTable() {
        List<String> setting = new ArrayList<>();
        List<Integer> epoch = new ArrayList<>();
        List<String> layer = new ArrayList<>();
        List<InvariantEstimate> est = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        for (LayerDeviations l : layers) {
            for (InvariantEstimate e : l.report().estimates()) {
                setting.add(l.setting());
                epoch.add(l.epoch());
                layer.add(l.layer());
                est.add(e);
                floor.add(l.noiseFloor());
            }
        }
        return Table.create("deviations from the Wick predictions (ensemble SD units)",
                StringColumn.create("setting", setting),
                IntColumn.create("epoch", epoch.stream().mapToInt(Integer::intValue).toArray()),
                StringColumn.create("layer", layer),
                StringColumn.create("invariant", est.stream().map(InvariantEstimate::label).toList()),
                StringColumn.create("group", est.stream().map(InvariantEstimate::group).toList()),
                DoubleColumn.create("observed", est.stream().mapToDouble(InvariantEstimate::observed).toArray()),
                DoubleColumn.create("wick", est.stream().mapToDouble(InvariantEstimate::wick).toArray()),
                DoubleColumn.create("sd", est.stream().mapToDouble(InvariantEstimate::stdDev).toArray()),
                DoubleColumn.create("Δ", est.stream().mapToDouble(InvariantEstimate::deviation).toArray()),
                DoubleColumn.create("1/√N", floor));
    }

    /**
     * Min, mean and max of Δ per group of invariants at {@code epoch}, per setting and layer, beside the noise floor
     * 1/√N (docs/spec/pigmm.md §3.3).
     */
    public Table groupSummary(int epoch) {
        Table out = null;
        for (LayerDeviations l : layers) {
            if (l.epoch() != epoch) {
                continue;
            }
            Table g = l.report().groupSummary();
            int n = g.rowCount();
            g.insertColumn(0, StringColumn.create("setting", Collections.nCopies(n, l.setting())));
            g.insertColumn(1, StringColumn.create("layer", Collections.nCopies(n, l.layer())));
            g.addColumns(DoubleColumn.create("1/√N", Collections.nCopies(n, l.noiseFloor())));
            out = out == null ? g : out.append(g);
        }
        if (out == null) {
            throw new IllegalArgumentException("no deviations at epoch " + epoch + "; epochs " + epochs());
        }
        return out.setName("Δ by group at epoch " + epoch);
    }

    /**
     * The normalised change (Δ_end − Δ_start)/(Δ_end + Δ_start) ∈ [−1, 1] per setting, layer and invariant
     * (docs/spec/pigmm.md §3.3): negative when training brought the ensemble closer to the model.
     */
    public Table normalisedChange(int start, int end) {
        List<String> setting = new ArrayList<>();
        List<String> layer = new ArrayList<>();
        List<String> inv = new ArrayList<>();
        List<String> group = new ArrayList<>();
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        for (LayerDeviations s : layers) {
            if (s.epoch() != start) {
                continue;
            }
            LayerDeviations e = setting(s.setting()).at(end, s.layer());
            for (InvariantEstimate x : s.report().estimates()) {
                double d0 = x.deviation();
                double d1 = e.deviation(x.label());
                setting.add(s.setting());
                layer.add(s.layer());
                inv.add(x.label());
                group.add(x.group());
                a.add(d0);
                b.add(d1);
                c.add(Deviations.normalisedChange(d0, d1));
            }
        }
        if (setting.isEmpty()) {
            throw new IllegalArgumentException("no deviations at epoch " + start + "; epochs " + epochs());
        }
        return Table.create("normalised change of Δ, epoch " + start + " → " + end, StringColumn.create("setting", setting),
                StringColumn.create("layer", layer), StringColumn.create("invariant", inv),
                StringColumn.create("group", group), DoubleColumn.create("Δ start", a), DoubleColumn.create("Δ end", b),
                DoubleColumn.create("change", c));
    }

    private <T> List<T> distinct(Function<LayerDeviations, T> key) {
        return List.copyOf(new LinkedHashSet<>(layers.stream().map(key).toList()));
    }

    @Override
    public String toString() {
        return "DeviationTrajectory[" + layers.size() + " layer checkpoints: settings " + settingNames() + ", layers "
                + layerNames() + ", epochs " + epochs() + "]";
    }
}
