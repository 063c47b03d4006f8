package org.netgauss.study;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.netgauss.pigmm.ModelComparison;
import org.netgauss.pigmm.PigmmFit;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.WassersteinBreakdown;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The PIGMM fitted at every checkpoint, per square layer, of one or more settings of the weight-Gaussianity study
 * (Hirst &amp; Ramgoolam 2025, Sec. 3 and 5): a list of {@link LayerFit}s in (setting, epoch, layer) order, with
 * the study's views of it as tables for display and charts.
 *
 * <pre>{@code
 * var fits = study.fits(study.setting("gaussian"));
 * fits.w2ByIrrep()                  // W₂² from the initialisation model and its irrep split, per epoch and layer
 * fits.modelComparison()            // AIC/BIC of IID, bipartite and PIGMM per epoch and layer
 * fits.at(50, "W4").parameters()    // f1..f13
 * }</pre>
 */
public record PigmmTrajectory(List<LayerFit> fits) {

    public PigmmTrajectory {
        fits = List.copyOf(fits);
    }

    /**
     * The trajectory of setting {@code s} from its table (a run's {@code analysis/pigmm.csv} or a committed
     * {@code results/<setting>/pigmm.csv}: epoch, layer, D, f1..f13, w2sq, logL_iid, logL_bipartite, logL_pigmm).
     */
    public static PigmmTrajectory of(PigmmStudy.Setting s, Table table) {
        int n = s.config().ensembleSize();
        List<LayerFit> out = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            int d = table.intColumn("D").getInt(r);
            PigmmParameters p = PigmmTable.parameters(table, r);
            out.add(new LayerFit(s.name(), table.intColumn("epoch").getInt(r), table.stringColumn("layer").get(r),
                    new PigmmFit(p, n, table.doubleColumn("logL_pigmm").getDouble(r)), s.initVariance(d),
                    s.initFourthMoment(d), table.doubleColumn("logL_iid").getDouble(r),
                    table.doubleColumn("logL_bipartite").getDouble(r), table.doubleColumn("w2sq").getDouble(r)));
        }
        return new PigmmTrajectory(out);
    }

    /** The trajectories of several settings as one, e.g. for one chart with a line per setting. */
    public static PigmmTrajectory combine(List<PigmmTrajectory> parts) {
        List<LayerFit> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.fits));
        return new PigmmTrajectory(all);
    }

    /** The settings, in order of first appearance. */
    public List<String> settings() {
        return distinct(LayerFit::setting);
    }

    /** The layers, in order of first appearance. */
    public List<String> layers() {
        return distinct(LayerFit::layer);
    }

    /** The epochs, in order of first appearance. */
    public List<Integer> epochs() {
        return distinct(LayerFit::epoch);
    }

    /** Only the fits of {@code layer}. */
    public PigmmTrajectory layer(String layer) {
        return new PigmmTrajectory(fits.stream().filter(f -> f.layer().equals(layer)).toList());
    }

    /** Only the fits at {@code epoch}. */
    public PigmmTrajectory epoch(int epoch) {
        return new PigmmTrajectory(fits.stream().filter(f -> f.epoch() == epoch).toList());
    }

    /** Only the fits of the setting named {@code setting}. */
    public PigmmTrajectory setting(String setting) {
        return new PigmmTrajectory(fits.stream().filter(f -> f.setting().equals(setting)).toList());
    }

    /**
     * The fit of {@code layer} at {@code epoch} (a single-setting trajectory).
     *
     * @throws IllegalArgumentException if there is none, or one per setting (then pick a {@link #setting} first)
     */
    public LayerFit at(int epoch, String layer) {
        List<LayerFit> m = fits.stream().filter(f -> f.epoch() == epoch && f.layer().equals(layer)).toList();
        if (m.size() != 1) {
            throw new IllegalArgumentException(m.isEmpty()
                    ? "no fit of layer " + layer + " at epoch " + epoch + "; layers " + layers() + ", epochs "
                            + epochs().get(0) + ".." + epochs().get(epochs().size() - 1)
                    : m.size() + " fits of " + layer + " at epoch " + epoch + " (settings " + settings()
                            + "); choose one with setting(name)");
        }
        return m.get(0);
    }

    /** The fit of {@code layer} at the last epoch. */
    public LayerFit last(String layer) {
        return layer(layer).fits.stream().reduce((a, b) -> b.epoch() >= a.epoch() ? b : a).orElseThrow(() ->
                new IllegalArgumentException("no fit of layer " + layer + "; layers " + layers()));
    }

    /** f1..f13 of {@code layer} by epoch (one setting), as the parameter charts take them. */
    public java.util.SortedMap<Integer, PigmmParameters> parametersByEpoch(String layer) {
        return byEpoch(layer, LayerFit::parameters);
    }

    /** W₂² from the initialisation model by irrep, of {@code layer} by epoch (one setting). */
    public java.util.SortedMap<Integer, WassersteinBreakdown> w2ByIrrepByEpoch(String layer) {
        return byEpoch(layer, LayerFit::w2ByIrrep);
    }

    /** The drift of I1–I13 (exact variances) of {@code layer} by epoch (one setting). */
    public java.util.SortedMap<Integer, double[]> lqDriftByEpoch(String layer) {
        return byEpoch(layer, LayerFit::lqDrift);
    }

    private <T> java.util.SortedMap<Integer, T> byEpoch(String layer, Function<LayerFit, T> value) {
        if (settings().size() > 1) {
            throw new IllegalArgumentException("fits of settings " + settings() + "; choose one with setting(name)");
        }
        java.util.SortedMap<Integer, T> out = new java.util.TreeMap<>();
        layer(layer).fits.forEach(f -> out.put(f.epoch(), value.apply(f)));
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no fits of layer " + layer + "; layers " + layers());
        }
        return out;
    }

    /** setting, epoch, layer, D, N, f1..f13, W₂² and the three maximised log-likelihoods: one row per fit. */
    public Table toTable() {
        Table t = keys("PIGMM fits");
        t.addColumns(IntColumn.create("D", fits.stream().mapToInt(LayerFit::d).toArray()),
                IntColumn.create("N", fits.stream().mapToInt(LayerFit::members).toArray()));
        for (int k = 1; k <= 13; k++) {
            int j = k;
            t.addColumns(column("f" + k, f -> f.parameters().f(j)));
        }
        return t.addColumns(column("W₂²", LayerFit::w2Squared), column("logL IID", LayerFit::logLikelihoodIid),
                column("logL bipartite", LayerFit::logLikelihoodBipartite),
                column("logL PIGMM", f -> f.fit().logLikelihood()));
    }

    /**
     * W₂² from the initialisation model split by irrep (docs/spec/pigmm.md §4): the V₀ mean, the V₀ covariance,
     * V_H (×(D−1)), V₂ (×D(D−3)/2) and V₃ (×(D−1)(D−2)/2), and their total, per setting, epoch and layer.
     */
    public Table w2ByIrrep() {
        List<WassersteinBreakdown> b = fits.stream().map(LayerFit::w2ByIrrep).toList();
        Table t = keys("W₂² from the initialisation model by irrep");
        t.addColumns(IntColumn.create("D", fits.stream().mapToInt(LayerFit::d).toArray()));
        return t.addColumns(values("mean", b, WassersteinBreakdown::mean), values("V0", b, WassersteinBreakdown::v0),
                values("VH", b, WassersteinBreakdown::vh), values("V2", b, WassersteinBreakdown::v2),
                values("V3", b, WassersteinBreakdown::v3), values("W₂²", b, WassersteinBreakdown::w2Squared),
                values("W₂²/D²", b, x -> x.w2Squared() / ((double) x.d() * x.d())));
    }

    /** One row per (setting, epoch, layer, model): k, log L, AIC, ΔAIC, BIC, ΔBIC (docs/spec/pigmm.md §6). */
    public Table modelComparison() {
        Table out = null;
        for (LayerFit f : fits) {
            Table c = f.models().toTable();
            int rows = c.rowCount();
            c.insertColumn(0, StringColumn.create("setting", java.util.Collections.nCopies(rows, f.setting())));
            c.insertColumn(1, IntColumn.create("epoch", filled(rows, f.epoch())));
            c.insertColumn(2, StringColumn.create("layer", java.util.Collections.nCopies(rows, f.layer())));
            out = out == null ? c : out.append(c);
        }
        return (out == null ? keys("") : out).setName("model comparison");
    }

    /**
     * The best model by AIC per setting, epoch and layer, with the AIC gain of the bipartite model and of the PIGMM
     * over the IID model (positive: the extra parameters pay for themselves).
     */
    public Table bestModel() {
        Table t = keys("best model by AIC");
        List<ModelComparison> m = fits.stream().map(LayerFit::models).toList();
        t.addColumns(StringColumn.create("best", m.stream().map(c -> c.best().model()).toList()));
        return t.addColumns(DoubleColumn.create("AIC(IID) − AIC(bipartite)", m.stream().mapToDouble(c ->
                        c.row("IID").aic() - c.row("bipartite S_D x S_D").aic()).toArray()),
                DoubleColumn.create("AIC(IID) − AIC(PIGMM)", m.stream().mapToDouble(c ->
                        c.row("IID").aic() - c.row("PIGMM").aic()).toArray()));
    }

    /**
     * The drift of I1–I13 from their initial values in standard errors (exact variances, docs/spec/pigmm.md §3.3):
     * one row per (setting, epoch, layer), columns I1..I13.
     */
    public Table lqDrift() {
        Table t = keys("drift of I1–I13 from initialisation (standard errors)");
        List<double[]> d = fits.stream().map(LayerFit::lqDrift).toList();
        for (int k = 0; k < 13; k++) {
            int j = k;
            t.addColumns(DoubleColumn.create("I" + (k + 1), d.stream().mapToDouble(x -> x[j]).toArray()));
        }
        return t;
    }

    private Table keys(String name) {
        return Table.create(name, StringColumn.create("setting", fits.stream().map(LayerFit::setting).toList()),
                IntColumn.create("epoch", fits.stream().mapToInt(LayerFit::epoch).toArray()),
                StringColumn.create("layer", fits.stream().map(LayerFit::layer).toList()));
    }

    private DoubleColumn column(String name, ToDoubleFunction<LayerFit> f) {
        return DoubleColumn.create(name, fits.stream().mapToDouble(f).toArray());
    }

    private static <T> DoubleColumn values(String name, List<T> items, ToDoubleFunction<T> f) {
        return DoubleColumn.create(name, items.stream().mapToDouble(f).toArray());
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private <T> List<T> distinct(Function<LayerFit, T> key) {
        return List.copyOf(new LinkedHashSet<>(fits.stream().map(key).toList()));
    }

    @Override
    public String toString() {
        if (fits.isEmpty()) {
            return "PigmmTrajectory[empty]";
        }
        List<Integer> e = epochs();
        return "PigmmTrajectory[" + fits.size() + " fits: settings " + settings() + ", layers " + layers()
                + ", epochs " + e.get(0) + ".." + e.get(e.size() - 1) + "]";
    }
}
