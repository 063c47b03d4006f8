package org.netgauss.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.netgauss.invariants.DeviationReport;
import org.netgauss.invariants.Deviations;
import org.netgauss.invariants.InvariantEstimate;
import org.netgauss.invariants.InvariantGraph;
import org.netgauss.invariants.Invariants;
import org.netgauss.pigmm.Pigmm;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.WeightEnsemble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netgauss invariants ENSEMBLE.npy [--set paper|quadratic|cubic|quartic|all] [--json]}: per invariant the
 * ensemble mean Ī, the population SD σ (1/N), the Wick prediction ⟨I⟩ of the PIGMM fitted to the same ensemble and
 * the deviation Δ = |⟨I⟩ − Ī|/σ in ensemble-SD units (Hirst &amp; Ramgoolam 2025, Sec. 4; docs/spec/pigmm.md §3.3).
 */
@Command(name = "invariants", mixinStandardHelpOptions = true,
        description = "Invariants of an ensemble [N, D, D] (D >= 4): mean, SD, Wick prediction of the fitted PIGMM and"
                + " deviation |wick - mean| / SD.")
final class InvariantsCommand implements Callable<Integer> {

    /** Which invariants {@code --set} selects. */
    enum Set {
        /** I14..I52: the 39 low- and high-node cubic/quartic invariants the paper compares (docs/spec/pigmm.md §3.1). */
        paper,
        /** I1..I13 (docs/spec/pigmm.md §2.1); their deviations vanish up to rounding, since the fit matches these moments. */
        quadratic,
        /** all 52 cubic invariants. */
        cubic,
        /** all 296 quartic invariants. */
        quartic,
        /** all 361 invariants of degree 1..4 (2 + 11 + 52 + 296). */
        all;

        List<InvariantGraph> graphs() {
            return switch (this) {
                case paper -> Invariants.paperCubicQuartic();
                case quadratic -> Invariants.quadratic();
                case cubic -> Invariants.enumerate(3);
                case quartic -> Invariants.enumerate(4);
                case all -> {
                    List<InvariantGraph> g = new ArrayList<>();
                    for (int k = 1; k <= 4; k++) {
                        g.addAll(Invariants.enumerate(k));
                    }
                    yield g;
                }
            };
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENSEMBLE.npy", description = "float32 or float64 array [N, D, D], D >= 4")
    Path file;

    @Option(names = "--set", defaultValue = "paper",
            description = "paper (I14..I52), quadratic (I1..I13), cubic (52), quartic (296), all (361); default"
                    + " ${DEFAULT-VALUE}")
    Set set;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        WeightEnsemble e = EnsembleInput.read(file, EnsembleInput.Shape.PIGMM, "the Wick predictions of the PIGMM");
        PigmmParameters model = Pigmm.fit(e).parameters();
        if (!model.isNormalisable()) {
            // sd = 0 in some direction: deviations |wick - mean| / sd would be 0/0
            throw new IllegalArgumentException(file + ": the fitted PIGMM is degenerate (a variance is zero: the members"
                    + " are identical or constant along some direction), so deviations in SD units are undefined");
        }
        List<InvariantGraph> graphs = set.graphs();
        DeviationReport report = Deviations.of(e, model, graphs);
        for (InvariantEstimate x : report.estimates()) {
            if (!Double.isFinite(x.observed()) || !Double.isFinite(x.wick()) || !Double.isFinite(x.stdDev())) {
                throw new IllegalArgumentException(file + ": invariant " + x.label() + " overflows double precision"
                        + " (mean " + x.observed() + ", Wick " + x.wick() + "); the entries are too large, rescale them");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("file", file.toString());
            o.addProperty("set", set.name());
            o.addProperty("members", e.members());
            o.addProperty("d", e.rows());
            o.add("pigmmParameters", JsonOutput.parameters(model));
            // deviations of a correct model scatter at about the standard error of the mean in SD units
            o.add("noiseFloor", JsonOutput.number(JsonOutput.noiseFloor(e.members())));
            JsonArray rows = new JsonArray();
            for (int k = 0; k < graphs.size(); k++) {
                InvariantGraph g = graphs.get(k);
                InvariantEstimate x = report.estimates().get(k);
                JsonObject r = new JsonObject();
                r.addProperty("invariant", x.label());
                r.addProperty("graph", g.name());
                r.addProperty("indexSum", g.indexSum());
                r.addProperty("group", x.group());
                r.addProperty("degree", g.degree());
                r.addProperty("vertices", g.vertexCount());
                r.add("observed", JsonOutput.number(x.observed()));
                r.add("sd", JsonOutput.number(x.stdDev()));
                r.add("wick", JsonOutput.number(x.wick()));
                r.add("deviation", JsonOutput.number(x.deviation()));
                rows.add(r);
            }
            o.add("invariants", rows);
            out.println(JsonOutput.toJson(o));
        } else {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "%s: %d invariants (%s) of %d members, D = %d; deviation = |wick - mean| / sd%n", file,
                    graphs.size(), set, e.members(), e.rows()));
            b.append(String.format(Locale.ROOT, "%-14s %-20s %17s %13s %17s %10s%n", "invariant", "group", "mean", "sd",
                    "wick", "deviation"));
            for (InvariantEstimate x : report.estimates()) {
                b.append(String.format(Locale.ROOT, "%-14s %-20s % 17.10g %13.6g % 17.10g %10.4g%n", x.label(),
                        x.group(), x.observed(), x.stdDev(), x.wick(), x.deviation()));
            }
            out.print(b);
        }
        out.flush();
        return 0;
    }
}
