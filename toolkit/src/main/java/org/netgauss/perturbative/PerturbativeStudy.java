package org.netgauss.perturbative;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * First-order fits over several (setting, epoch, layer), as the two tables docs/spec/perturbative.md §7 names:
 * {@code perturbative.csv} (one row per fit and term: terms, scheme, term, g, se_null, se_csv, gamma1, gamma2, eps3,
 * eps4, score, gc_positive) and {@code perturbative-deviations.csv} (one row per fit and invariant: observed, wick,
 * perturbative, sd, deviation_gauss, deviation_pert, prediction_se, role).
 *
 * @param fits the fits, each with the input it was made from
 */
public record PerturbativeStudy(List<Entry> fits) {
    /** The file names of docs/spec/perturbative.md §7. */
    public static final String COUPLINGS_CSV = "perturbative.csv", DEVIATIONS_CSV = "perturbative-deviations.csv";

    /** One fit and its input. */
    public record Entry(FitInput input, PerturbativeFit fit) {
        /**
         * The docs/spec/perturbative.md §5 summary line: couplings ± se_null, held-out median and max Δ → Δ', γ₁, γ₂.
         */
        public String summaryLine() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s %s %s: g =", input.key(),
                    fit.terms().name(), fit.scheme().cliName()));
            double[] g = fit.couplings();
            double[] se = fit.seNull();
            for (int a = 0; a < g.length; a++) {
                b.append(String.format(Locale.ROOT, "%s %s %.6g (%.3g)", a == 0 ? "" : ",", fit.terms().labels().get(a),
                        g[a], se[a]));
            }
            PerturbativePredictions.HeldOutSummary s = fit.predictions().summary();
            EntryCumulants e = fit.entryCumulants();
            return b.append(String.format(Locale.ROOT, "; held-out median Δ %.3g → %.3g, max %.3g (%s) → %.3g (%s);"
                            + " γ1 %.3g, γ2 %.3g%s", s.medianGauss(), s.medianPerturbative(), s.maxGauss(),
                    s.argmaxGauss(), s.maxPerturbative(), s.argmaxPerturbative(), e.gamma1(), e.gamma2(),
                    e.gramCharlierPositive() ? "" : " (Gram–Charlier density negative somewhere)")).toString();
        }
    }

    /** Copies the list in. */
    public PerturbativeStudy {
        fits = List.copyOf(fits);
    }

    /** Fits every input with the same terms and scheme. */
    public static PerturbativeStudy fit(List<FitInput> inputs, PerturbingTerms terms, Scheme scheme) {
        List<Entry> out = new ArrayList<>();
        for (FitInput in : inputs) {
            out.add(new Entry(in, in.fit(terms, scheme)));
        }
        return new PerturbativeStudy(out);
    }

    /**
     * The entries' γ₁, γ₂ (docs/spec/perturbative.md §1) for each input: setting, epoch, layer, D, N, gamma1, gamma2,
     * eps3, eps4, gc_positive. Needs no fit of couplings.
     */
    public static Table cumulantsTable(List<FitInput> inputs) {
        StringColumn setting = StringColumn.create("setting"), layer = StringColumn.create("layer"),
                key = StringColumn.create("setting, layer");
        IntColumn epoch = IntColumn.create("epoch"), d = IntColumn.create("D"), n = IntColumn.create("N");
        DoubleColumn g1 = DoubleColumn.create("gamma1"), g2 = DoubleColumn.create("gamma2"),
                e3 = DoubleColumn.create("eps3"), e4 = DoubleColumn.create("eps4");
        BooleanColumn gc = BooleanColumn.create("gc_positive");
        for (FitInput in : inputs) {
            EntryCumulants e = EntryCumulants.of(in.parameters(), in.observed());
            setting.append(in.setting());
            epoch.append(in.epoch());
            layer.append(in.layer());
            key.append(in.setting() + " " + in.layer());
            d.append(in.parameters().d());
            n.append(in.observed().members());
            g1.append(e.gamma1());
            g2.append(e.gamma2());
            e3.append(e.eps3());
            e4.append(e.eps4());
            gc.append(e.gramCharlierPositive());
        }
        return Table.create("entry skewness and kurtosis", setting, epoch, layer, key, d, n, g1, g2, e3, e4, gc);
    }

    /** One row per fit and term, the columns of {@code perturbative.csv}. */
    public Table couplingsTable() {
        StringColumn setting = StringColumn.create("setting"), layer = StringColumn.create("layer");
        IntColumn epoch = IntColumn.create("epoch");
        StringColumn terms = StringColumn.create("terms"), scheme = StringColumn.create("scheme"),
                term = StringColumn.create("term");
        DoubleColumn g = DoubleColumn.create("g"), seNull = DoubleColumn.create("se_null"),
                seCsv = DoubleColumn.create("se_csv"), g1 = DoubleColumn.create("gamma1"),
                g2 = DoubleColumn.create("gamma2"), e3 = DoubleColumn.create("eps3"), e4 = DoubleColumn.create("eps4"),
                score = DoubleColumn.create("score");
        BooleanColumn gc = BooleanColumn.create("gc_positive");
        for (Entry x : fits) {
            PerturbativeFit f = x.fit();
            EntryCumulants e = f.entryCumulants();
            double[] gs = f.couplings();
            for (int a = 0; a < gs.length; a++) {
                setting.append(x.input().setting());
                epoch.append(x.input().epoch());
                layer.append(x.input().layer());
                terms.append(f.terms().name());
                scheme.append(f.scheme().cliName());
                term.append(f.terms().labels().get(a));
                g.append(gs[a]);
                seNull.append(f.seNull()[a]);
                seCsv.append(f.seCsv()[a]);
                g1.append(e.gamma1());
                g2.append(e.gamma2());
                e3.append(e.eps3());
                e4.append(e.eps4());
                score.append(f.score());
                gc.append(e.gramCharlierPositive());
            }
        }
        return Table.create("perturbative couplings", setting, epoch, layer, terms, scheme, term, g, seNull, seCsv, g1,
                g2, e3, e4, score, gc);
    }

    /** One row per fit and invariant, the columns of {@code perturbative-deviations.csv}. */
    public Table deviationsTable() {
        Table all = null;
        for (Entry x : fits) {
            Table t = x.fit().predictions().toTable();
            int n = t.rowCount();
            Table keyed = Table.create("perturbative deviations",
                    StringColumn.create("setting", repeat(x.input().setting(), n)),
                    IntColumn.create("epoch", intRepeat(x.input().epoch(), n)),
                    StringColumn.create("layer", repeat(x.input().layer(), n)),
                    StringColumn.create("terms", repeat(x.fit().terms().name(), n)),
                    StringColumn.create("scheme", repeat(x.fit().scheme().cliName(), n)));
            for (Column<?> c : t.columns()) {
                if (!c.name().equals("fitted")) {
                    keyed.addColumns(c);
                }
            }
            all = all == null ? keyed : all.append(keyed);
        }
        return all == null ? Table.create("perturbative deviations") : all;
    }

    /** A table as CSV text, doubles with all their digits (Double.toString). */
    public static String toCsv(Table t) {
        StringBuilder b = new StringBuilder(String.join(",", t.columnNames())).append('\n');
        for (int r = 0; r < t.rowCount(); r++) {
            for (int c = 0; c < t.columnCount(); c++) {
                if (c > 0) {
                    b.append(',');
                }
                Column<?> col = t.column(c);
                b.append(col.type() == ColumnType.DOUBLE ? Double.toString((Double) col.get(r))
                        : String.valueOf(col.get(r)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String[] repeat(String s, int n) {
        String[] r = new String[n];
        java.util.Arrays.fill(r, s);
        return r;
    }

    private static int[] intRepeat(int v, int n) {
        int[] r = new int[n];
        java.util.Arrays.fill(r, v);
        return r;
    }
}
