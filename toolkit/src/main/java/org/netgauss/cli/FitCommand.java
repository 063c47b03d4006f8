package org.netgauss.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.netgauss.pigmm.IidGaussianModel;
import org.netgauss.pigmm.Pigmm;
import org.netgauss.pigmm.PigmmFit;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.RectangularModel;
import org.netgauss.pigmm.WeightEnsemble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code netgauss fit ENSEMBLE.npy [--model pigmm|bipartite|iid|rectangular] [--json]}: maximum-likelihood fit of a
 * Gaussian matrix model to an ensemble ({@code docs/spec/pigmm.md} §2.6 and §6), printing its parameters, the
 * log-likelihood and AIC = 2k − 2 log L.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit a Gaussian matrix model to an ensemble [N, D, D] (or [N, M, N'] for rectangular) in a .npy"
                + " file; print its parameters, log-likelihood and AIC.")
final class FitCommand implements Callable<Integer> {

    /** The models {@code --model} accepts. */
    enum Model { pigmm, bipartite, iid, rectangular, perturbative }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENSEMBLE.npy",
            description = "float32 or float64 array [N, D, D] (optional with --model perturbative --results)")
    Path file;

    @Option(names = "--model", defaultValue = "pigmm",
            description = "pigmm (13 parameters, D >= 4), bipartite (S_D x S_D, 5), iid (2), rectangular (S_M x S_N, 5);"
                    + " default ${DEFAULT-VALUE}")
    Model model;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--terms", description = "perturbative: cubic/quartic terms I14..I52, or S2 (I22,I45) or S4"
            + " (I14,I22,I29,I45); default S2")
    String terms;

    @Option(names = "--scheme", description = "perturbative: renormalised (default) or bare")
    String scheme;

    @Option(names = "--results", description = "perturbative: a results folder to fit without training"
            + " (<results>/<setting>/pigmm.csv, deviations.csv, provenance.json)")
    Path results;

    @Option(names = "--settings", description = "perturbative with --results: settings, comma-separated; default all")
    String settings;

    @Option(names = "--epochs", description = "perturbative with --results: epochs (e.g. 0,50), all or last (default)")
    String epochs;

    @Option(names = "--layers", description = "perturbative with --results: layers (e.g. W2,W3); default all")
    String layers;

    @Option(names = "--out", description = "perturbative with --results: folder for perturbative.csv and"
            + " perturbative-deviations.csv; default the results folder")
    Path out;

    @Override
    public Integer call() {
        PerturbativeFitRun.Options perturbative = new PerturbativeFitRun.Options(terms, scheme, results, settings,
                epochs, layers, out);
        if (model == Model.perturbative) {
            PrintWriter w = spec.commandLine().getOut();
            int code = PerturbativeFitRun.run(file, perturbative, json, w);
            w.flush();
            return code;
        }
        if (perturbative.any()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--terms, --scheme, --results,"
                    + " --settings, --epochs, --layers and --out go with --model perturbative"); // a usage error: exit 2
        }
        if (file == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "missing ENSEMBLE.npy: give the .npy file of an [N, D, D] ensemble");
        }
        Result r = fit(file, model);
        if (!Double.isFinite(r.logLikelihood())) {
            // a degenerate Gaussian has no density: log L and AIC do not exist, and NaN is not an answer
            throw new IllegalArgumentException(file + ": the fitted " + r.model() + " model is degenerate (a variance is"
                    + " zero: the members are identical or constant along some direction), so its log-likelihood and"
                    + " AIC are undefined; parameters " + r.parameters());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.toJson(r.toJson(file)));
        } else {
            out.print(r.toText(file));
        }
        out.flush();
        return 0;
    }

    /** A fitted model as printed: named parameters, log L, k, and the PIGMM form when there is one. */
    record Result(String model, int members, int rows, int cols, Map<String, Double> parameters, int parameterCount,
                  double logLikelihood, PigmmParameters pigmm) {
        double aic() {
            return 2 * parameterCount - 2 * logLikelihood;
        }

        JsonObject toJson(Path file) {
            JsonObject o = new JsonObject();
            o.addProperty("file", file.toString());
            o.addProperty("model", model);
            o.addProperty("members", members);
            o.addProperty("rows", rows);
            o.addProperty("cols", cols);
            JsonObject p = new JsonObject();
            parameters.forEach((k, v) -> p.add(k, JsonOutput.number(v)));
            o.add("parameters", p);
            if (pigmm != null) {
                o.add("pigmmParameters", JsonOutput.parameters(pigmm));
            }
            o.addProperty("parameterCount", parameterCount);
            o.add("logLikelihood", JsonOutput.number(logLikelihood));
            o.add("aic", JsonOutput.number(aic()));
            return o;
        }

        String toText(Path file) {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%s: %s fit to %d members of %d x %d%n", file, model, members, rows,
                    cols));
            parameters.forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-6s % .10g%n", k, v)));
            b.append(String.format(Locale.ROOT, "  logL   % .10g%n  AIC    % .10g   (k = %d)%n", logLikelihood, aic(),
                    parameterCount));
            return b.toString();
        }
    }

    static Result fit(Path file, Model model) {
        return switch (model) {
            case pigmm -> {
                WeightEnsemble e = EnsembleInput.read(file, EnsembleInput.Shape.PIGMM, "the 13-parameter PIGMM");
                PigmmFit f = Pigmm.fit(e);
                Map<String, Double> p = new LinkedHashMap<>();
                double[] v = f.parameters().toArray();
                for (int k = 0; k < 13; k++) {
                    p.put("f" + (k + 1), v[k]);
                }
                yield new Result("pigmm", e.members(), e.rows(), e.cols(), p, f.parameterCount(), f.logLikelihood(),
                        f.parameters());
            }
            case bipartite, rectangular -> {
                boolean square = model == Model.bipartite;
                WeightEnsemble e = EnsembleInput.read(file, square ? EnsembleInput.Shape.SQUARE
                        : EnsembleInput.Shape.RECTANGULAR, square ? "the bipartite S_D x S_D model" : "the S_M x S_N model");
                RectangularModel m = RectangularModel.fit(e);
                Map<String, Double> p = new LinkedHashMap<>();
                p.put("mu", m.mu());
                p.put("var00", m.var00());
                p.put("varH0", m.varH0());
                p.put("var0H", m.var0H());
                p.put("varHH", m.varHH());
                double logL = m.var00() > 0 && m.varH0() > 0 && m.var0H() > 0 && m.varHH() > 0 ? m.logLikelihood(e)
                        : Double.NaN;
                PigmmParameters embedded = e.isSquare() && e.rows() >= 4 ? m.toPigmmParameters() : null;
                yield new Result(square ? "bipartite" : "rectangular", e.members(), e.rows(), e.cols(), p,
                        m.parameterCount(), logL, embedded);
            }
            case iid -> {
                WeightEnsemble e = EnsembleInput.read(file, EnsembleInput.Shape.ANY, "the IID Gaussian model");
                IidGaussianModel m = IidGaussianModel.fit(e);
                Map<String, Double> p = new LinkedHashMap<>();
                p.put("mean", m.mean());
                p.put("variance", m.variance());
                double logL = m.variance() > 0 ? m.logLikelihood(e) : Double.NaN;
                PigmmParameters embedded = e.isSquare() && e.rows() >= 4 ? m.toPigmmParameters() : null;
                yield new Result("iid", e.members(), e.rows(), e.cols(), p, m.parameterCount(), logL, embedded);
            }
            case perturbative -> throw new IllegalStateException("the perturbative model runs in PerturbativeFitRun");
        };
    }
}
