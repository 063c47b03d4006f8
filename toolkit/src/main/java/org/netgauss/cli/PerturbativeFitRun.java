package org.netgauss.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.netgauss.perturbative.CommittedResults;
import org.netgauss.perturbative.EntryCumulants;
import org.netgauss.perturbative.FitInput;
import org.netgauss.perturbative.InvariantPrediction;
import org.netgauss.perturbative.Perturbative;
import org.netgauss.perturbative.PerturbativeFit;
import org.netgauss.perturbative.PerturbativePredictions;
import org.netgauss.perturbative.PerturbativeStudy;
import org.netgauss.perturbative.PerturbingTerms;
import org.netgauss.perturbative.Scheme;
import org.netgauss.pigmm.WeightEnsemble;

/**
 * {@code netgauss fit --model perturbative}: the first-order perturbative PIGMM (docs/spec/perturbative.md §7, "CLI"),
 * on one {@code [N, D, D]} ensemble or on a study's committed results without training.
 */
final class PerturbativeFitRun {
    private PerturbativeFitRun() {
    }

    /** The options of {@code fit} that belong to the perturbative model. */
    record Options(String terms, String scheme, Path results, String settings, String epochs, String layers,
                   Path out) {
        boolean any() {
            return terms != null || scheme != null || results != null || settings != null || epochs != null
                    || layers != null || out != null;
        }
    }

    static int run(Path file, Options o, boolean json, PrintWriter out) {
        PerturbingTerms terms = PerturbingTerms.parse(o.terms() == null ? "S2" : o.terms());
        Scheme scheme = o.scheme() == null ? Scheme.RENORMALISED : Scheme.parse(o.scheme());
        if (file != null && o.results() != null) {
            throw new IllegalArgumentException("give either ENSEMBLE.npy or --results DIR, not both");
        }
        if (o.results() != null && !terms.allTracked()) {
            throw new IllegalArgumentException("--terms " + terms.name() + ": committed results hold the means of"
                    + " I14..I52 only; fit Qcol, Qrow or QCcol on an ensemble (ENSEMBLE.npy) instead");
        }
        if (file == null && o.results() == null) {
            throw new IllegalArgumentException("--model perturbative needs ENSEMBLE.npy or --results DIR (committed"
                    + " results, e.g. --results results --settings width-640 --epochs 50)");
        }
        if (file != null) {
            if (o.settings() != null || o.epochs() != null || o.layers() != null || o.out() != null) {
                throw new IllegalArgumentException("--settings, --epochs, --layers and --out go with --results, not"
                        + " with an ensemble file");
            }
            WeightEnsemble e = EnsembleInput.read(file, EnsembleInput.Shape.PIGMM, "the perturbative PIGMM");
            PerturbativeFit fit = Perturbative.fit(e, terms, scheme);
            if (json) {
                JsonObject j = toJson(fit);
                j.addProperty("file", file.toString());
                out.println(JsonOutput.toJson(j));
            } else {
                out.println(file + ": " + fit);
                out.println("  " + fit.entryCumulants());
                out.println("  held out " + fit.predictions().summary());
            }
            return 0;
        }
        List<FitInput> inputs = select(o);
        PerturbativeStudy study = PerturbativeStudy.fit(inputs, terms, scheme);
        Path dir = o.out() == null ? o.results() : o.out();
        writeAll(dir, List.of(PerturbativeStudy.COUPLINGS_CSV, PerturbativeStudy.DEVIATIONS_CSV),
                List.of(PerturbativeStudy.toCsv(study.couplingsTable()),
                        PerturbativeStudy.toCsv(study.deviationsTable())));
        if (json) {
            JsonObject j = new JsonObject();
            j.addProperty("results", o.results().toString());
            JsonArray fits = new JsonArray();
            for (PerturbativeStudy.Entry x : study.fits()) {
                JsonObject f = toJson(x.fit());
                f.addProperty("setting", x.input().setting());
                f.addProperty("epoch", x.input().epoch());
                f.addProperty("layer", x.input().layer());
                fits.add(f);
            }
            j.add("fits", fits);
            JsonArray files = new JsonArray();
            files.add(dir.resolve(PerturbativeStudy.COUPLINGS_CSV).toString());
            files.add(dir.resolve(PerturbativeStudy.DEVIATIONS_CSV).toString());
            j.add("written", files);
            out.println(JsonOutput.toJson(j));
        } else {
            for (PerturbativeStudy.Entry x : study.fits()) {
                out.println(x.summaryLine());
            }
            out.println("wrote " + dir.resolve(PerturbativeStudy.COUPLINGS_CSV) + " and "
                    + dir.resolve(PerturbativeStudy.DEVIATIONS_CSV));
        }
        return 0;
    }

    private static List<FitInput> select(Options o) {
        Path results = o.results();
        if (!Files.isDirectory(results)) {
            throw new IllegalArgumentException(results + ": no such results folder");
        }
        List<String> available = CommittedResults.settings(results);
        List<String> settings = o.settings() == null ? available : list(o.settings(), "--settings");
        for (String s : settings) {
            if (!available.contains(s)) {
                throw new IllegalArgumentException("--settings: no setting '" + s + "' in " + results + " (found "
                        + String.join(",", available) + ")");
            }
        }
        Set<String> layers = o.layers() == null ? null : new LinkedHashSet<>(list(o.layers(), "--layers"));
        String epochs = o.epochs() == null ? "last" : o.epochs().trim();
        Set<Integer> wanted = new LinkedHashSet<>();
        if (!epochs.equals("all") && !epochs.equals("last")) {
            for (String e : list(epochs, "--epochs")) {
                try {
                    wanted.add(Integer.parseInt(e));
                } catch (NumberFormatException x) {
                    throw new IllegalArgumentException("--epochs: '" + e + "' is not an epoch number (use e.g. 0,50,"
                            + " all or last)");
                }
            }
        }
        List<FitInput> out = new ArrayList<>();
        for (String s : settings) {
            List<FitInput> all = CommittedResults.read(results, s);
            int last = all.stream().mapToInt(FitInput::epoch).max().orElseThrow();
            for (FitInput in : all) {
                boolean epochOk = epochs.equals("all") || (epochs.equals("last") ? in.epoch() == last
                        : wanted.contains(in.epoch()));
                if (epochOk && (layers == null || layers.contains(in.layer()))) {
                    out.add(in);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no (setting, epoch, layer) in " + results + " matches --settings "
                    + o.settings() + " --epochs " + epochs + " --layers " + o.layers());
        }
        return out;
    }

    private static List<String> list(String csv, String option) {
        List<String> r = new ArrayList<>();
        for (String p : csv.split(",")) {
            if (p.isBlank()) {
                throw new IllegalArgumentException(option + ": empty item in '" + csv + "'");
            }
            r.add(p.trim());
        }
        return r;
    }

    /** Writes every file to a temporary sibling first and moves them into place only when all are written. */
    private static void writeAll(Path dir, List<String> names, List<String> texts) {
        List<Path> tmp = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int k = 0; k < names.size(); k++) {
                Path t = Files.createTempFile(dir, "." + names.get(k), ".tmp");
                tmp.add(t);
                Files.writeString(t, texts.get(k), StandardCharsets.UTF_8);
            }
            for (int k = 0; k < names.size(); k++) {
                Files.move(tmp.get(k), dir.resolve(names.get(k)), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            for (Path t : tmp) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // best effort: the message below is what matters
                }
            }
            throw new UncheckedIOException(dir + ": cannot write " + names + " (" + e.getMessage() + ")", e);
        }
    }

    static JsonObject toJson(PerturbativeFit fit) {
        JsonObject j = new JsonObject();
        j.addProperty("model", "perturbative");
        j.addProperty("members", fit.data().members());
        j.addProperty("d", fit.parameters().d());
        j.addProperty("terms", fit.terms().name());
        j.addProperty("scheme", fit.scheme().cliName());
        j.add("pigmmParameters", JsonOutput.parameters(fit.parameters()));
        j.add("noiseFloor", JsonOutput.number(JsonOutput.noiseFloor(fit.data().members())));
        JsonArray couplings = new JsonArray();
        double[] g = fit.couplings();
        for (int a = 0; a < g.length; a++) {
            JsonObject c = new JsonObject();
            c.addProperty("term", fit.terms().labels().get(a));
            c.add("g", JsonOutput.number(g[a]));
            c.add("seNull", JsonOutput.number(fit.seNull()[a]));
            c.add("seCsv", JsonOutput.number(fit.seCsv()[a]));
            couplings.add(c);
        }
        j.add("couplings", couplings);
        EntryCumulants e = fit.entryCumulants();
        j.add("gamma1", JsonOutput.number(e.gamma1()));
        j.add("gamma2", JsonOutput.number(e.gamma2()));
        j.add("eps3", JsonOutput.number(e.eps3()));
        j.add("eps4", JsonOutput.number(e.eps4()));
        j.addProperty("gcPositive", e.gramCharlierPositive());
        j.add("score", JsonOutput.number(fit.score()));
        j.add("epsilon", JsonOutput.number(fit.epsilon()));
        PerturbativePredictions p = fit.predictions();
        PerturbativePredictions.HeldOutSummary s = p.summary();
        JsonObject h = new JsonObject();
        h.add("medianGauss", JsonOutput.number(s.medianGauss()));
        h.add("medianPerturbative", JsonOutput.number(s.medianPerturbative()));
        h.add("maxGauss", JsonOutput.number(s.maxGauss()));
        h.addProperty("argmaxGauss", s.argmaxGauss());
        h.add("maxPerturbative", JsonOutput.number(s.maxPerturbative()));
        h.addProperty("argmaxPerturbative", s.argmaxPerturbative());
        j.add("heldOut", h);
        JsonArray inv = new JsonArray();
        for (InvariantPrediction x : p.predictions()) {
            JsonObject r = new JsonObject();
            r.addProperty("invariant", x.label());
            r.addProperty("group", x.group());
            r.add("observed", JsonOutput.number(x.observed()));
            r.add("wick", JsonOutput.number(x.wick()));
            r.add("perturbative", JsonOutput.number(x.perturbative()));
            r.add("sd", JsonOutput.number(x.sd()));
            r.add("deviationGauss", JsonOutput.number(x.deviationGauss()));
            r.add("deviationPerturbative", JsonOutput.number(x.deviationPerturbative()));
            r.add("predictionSe", JsonOutput.number(x.predictionSe()));
            r.addProperty("role", x.role());
            inv.add(r);
        }
        j.add("invariants", inv);
        return j;
    }
}
