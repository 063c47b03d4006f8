package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.invariants.DeviationReport;
import org.netgauss.invariants.Deviations;
import org.netgauss.invariants.InvariantEstimate;
import org.netgauss.invariants.Invariants;
import org.netgauss.pigmm.IidGaussianModel;
import org.netgauss.pigmm.Pigmm;
import org.netgauss.pigmm.PigmmFit;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.RectangularModel;
import org.netgauss.pigmm.WassersteinBreakdown;
import org.netgauss.pigmm.Wasserstein;
import org.netgauss.pigmm.WeightEnsemble;
import org.netgauss.store.Npy;

/** The subcommands fit, invariants and wasserstein, run through {@link Netgauss#execute} on files the test writes. */
class NetgaussCliTest {
    static final double[] F_STRUCT = {0.5, 0.2, 0.3, 0.05, 0.2, 0.15, 0.02, 0.01, 0.12, -0.01, 0.1, 0.08, 0.06};

    @TempDir
    Path dir;

    /** Exit code, stdout and stderr of one run. */
    record Run(int code, String out, String err) {
        JsonObject json() {
            return JsonParser.parseString(out).getAsJsonObject();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netgauss.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path write(String name, WeightEnsemble e) {
        Path p = dir.resolve(name);
        Npy.write(p, e.toArray(), e.members(), e.rows(), e.cols());
        return p;
    }

    private static WeightEnsemble structured(int d, int n, long seed) {
        return PigmmParameters.of(d, F_STRUCT).sample(n, new SplittableRandom(seed));
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void fitJsonEqualsLibraryFitOnTheSameData() {
        WeightEnsemble e = structured(6, 50, 1);
        Path p = write("w.npy", e);
        Run r = run("fit", p.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = r.json();
        PigmmFit fit = Pigmm.fit(e);
        assertEquals("pigmm", o.get("model").getAsString());
        assertEquals(50, o.get("members").getAsInt());
        assertEquals(6, o.get("rows").getAsInt());
        JsonObject params = o.getAsJsonObject("parameters");
        double[] f = fit.parameters().toArray();
        for (int k = 0; k < 13; k++) {
            // JSON prints the shortest repr that round-trips, so equality is exact
            assertEquals(f[k], params.get("f" + (k + 1)).getAsDouble(), "f" + (k + 1));
        }
        assertEquals(fit.logLikelihood(), o.get("logLikelihood").getAsDouble());
        assertEquals(fit.aic(), o.get("aic").getAsDouble());
        assertEquals(13, o.get("parameterCount").getAsInt());
        // every fit with a PIGMM form gives it under the same key as invariants, wasserstein and fit --model perturbative
        assertEquals(params, o.getAsJsonObject("pigmmParameters"));
    }

    @Test
    void fitReadsFloat32AsTheFloatValues() {
        WeightEnsemble e = structured(5, 20, 2);
        double[] x = e.toArray();
        float[] f = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            f[k] = (float) x[k];
        }
        Path p = dir.resolve("w32.npy");
        Npy.write(p, f, 20, 5, 5);
        Run r = run("fit", p.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        PigmmFit fit = Pigmm.fit(WeightEnsemble.of(f, 20, 5, 5));
        assertEquals(fit.parameters().f12(), r.json().getAsJsonObject("parameters").get("f12").getAsDouble());
    }

    @Test
    void fitOtherModelsEqualTheirLibraryFits() {
        WeightEnsemble sq = structured(5, 40, 3);
        Path p = write("sq.npy", sq);
        RectangularModel bip = Pigmm.fitBipartite(sq);
        JsonObject b = run("fit", p.toString(), "--model", "bipartite", "--json").json();
        assertEquals(bip.varHH(), b.getAsJsonObject("parameters").get("varHH").getAsDouble());
        assertEquals(bip.mu(), b.getAsJsonObject("parameters").get("mu").getAsDouble());
        assertEquals(bip.toPigmmParameters().f6(), b.getAsJsonObject("pigmmParameters").get("f6").getAsDouble());
        assertClose(bip.logLikelihood(sq), b.get("logLikelihood").getAsDouble(), "bipartite logL");
        assertClose(10 - 2 * bip.logLikelihood(sq), b.get("aic").getAsDouble(), "bipartite AIC");

        IidGaussianModel iid = IidGaussianModel.fit(sq);
        JsonObject i = run("fit", p.toString(), "--model", "iid", "--json").json();
        assertEquals(iid.variance(), i.getAsJsonObject("parameters").get("variance").getAsDouble());
        assertClose(4 - 2 * iid.logLikelihood(sq), i.get("aic").getAsDouble(), "IID AIC");

        SplittableRandom rng = new SplittableRandom(4);
        double[] x = new double[30 * 3 * 7];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextGaussian();
        }
        WeightEnsemble rect = WeightEnsemble.of(x, 30, 3, 7);
        Path q = write("rect.npy", rect);
        RectangularModel m = RectangularModel.fit(rect);
        JsonObject rj = run("fit", q.toString(), "--model", "rectangular", "--json").json();
        assertEquals(m.var0H(), rj.getAsJsonObject("parameters").get("var0H").getAsDouble());
        assertEquals(3, rj.get("rows").getAsInt());
        assertEquals(7, rj.get("cols").getAsInt());
    }

    @Test
    void fitTextListsParametersLogLikelihoodAndAic() {
        Path p = write("w.npy", structured(5, 30, 5));
        Run r = run("fit", p.toString());
        assertEquals(0, r.code(), r.err());
        for (String s : List.of("f1 ", "f13 ", "logL", "AIC")) {
            assertTrue(r.out().contains(s), s + " in\n" + r.out());
        }
    }

    @Test
    void invariantsJsonEqualsDeviationReportOfTheFittedModel() {
        WeightEnsemble e = structured(6, 60, 6);
        Path p = write("w.npy", e);
        for (String set : List.of("paper", "quadratic", "cubic", "quartic", "all")) {
            Run r = run("invariants", p.toString(), "--set", set, "--json");
            assertEquals(0, r.code(), r.err());
            JsonArray rows = r.json().getAsJsonArray("invariants");
            int expected = switch (set) {
                case "paper" -> 39;
                case "quadratic" -> 13;
                case "cubic" -> 52;
                case "quartic" -> 296;
                default -> 361;
            };
            assertEquals(expected, rows.size(), set);
        }
        JsonObject o = run("invariants", p.toString(), "--json").json();
        DeviationReport report = Deviations.of(e, Pigmm.fit(e).parameters(), Invariants.paperCubicQuartic());
        assertEquals(1 / Math.sqrt(e.members()), o.get("noiseFloor").getAsDouble(), 1e-15);
        assertEquals(Pigmm.fit(e).parameters().f3(), o.getAsJsonObject("pigmmParameters").get("f3").getAsDouble());
        JsonArray rows = o.getAsJsonArray("invariants");
        for (int k = 0; k < 39; k++) {
            InvariantEstimate x = report.estimates().get(k);
            JsonObject row = rows.get(k).getAsJsonObject();
            assertEquals("I" + (k + 14), row.get("invariant").getAsString());
            assertEquals(x.observed(), row.get("observed").getAsDouble(), x.label());
            assertEquals(x.stdDev(), row.get("sd").getAsDouble(), x.label());
            assertEquals(x.wick(), row.get("wick").getAsDouble(), x.label());
            assertEquals(x.deviation(), row.get("deviation").getAsDouble(), x.label());
        }
    }

    @Test
    void quadraticDeviationsVanishBecauseTheFitMatchesThoseMoments() {
        Path p = write("w.npy", structured(5, 80, 7));
        JsonArray rows = run("invariants", p.toString(), "--set", "quadratic", "--json").json().getAsJsonArray("invariants");
        for (int k = 0; k < 13; k++) {
            assertEquals(0, rows.get(k).getAsJsonObject().get("deviation").getAsDouble(), 1e-9, "I" + (k + 1));
        }
    }

    @Test
    void wassersteinJsonEqualsLibraryBreakdown() {
        WeightEnsemble a = structured(6, 40, 8);
        WeightEnsemble b = PigmmParameters.iid(6, 0.02, 0.1).sample(40, new SplittableRandom(9));
        Path pa = write("a.npy", a);
        Path pb = write("b.npy", b);
        Run r = run("wasserstein", pa.toString(), pb.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = r.json();
        WassersteinBreakdown w = Wasserstein.between(Pigmm.fit(a).parameters(), Pigmm.fit(b).parameters());
        assertEquals(w.w2Squared(), o.get("w2Squared").getAsDouble());
        assertEquals(w.w2(), o.get("w2").getAsDouble());
        JsonObject t = o.getAsJsonObject("breakdown");
        assertEquals(w.vh(), t.get("VH").getAsDouble());
        assertEquals(w.v3(), t.get("V3").getAsDouble());
        assertClose(w.w2Squared(), t.get("mean").getAsDouble() + t.get("V0").getAsDouble() + t.get("VH").getAsDouble()
                + t.get("V2").getAsDouble() + t.get("V3").getAsDouble(), "sum of the terms");
    }

    @Test
    void wassersteinAgainstInitReferenceAndGivenParameters() {
        WeightEnsemble a = structured(6, 40, 10);
        Path pa = write("a.npy", a);
        PigmmParameters fit = Pigmm.fit(a).parameters();
        // docs/spec/pigmm.md §4 f_ref with s² = 1/D (gaussian init) and N = 40
        double ref = Wasserstein.squared(fit, PigmmParameters.initReference(6, 1.0 / 6, 40));
        assertEquals(ref, run("wasserstein", pa.toString(), "--init", "gaussian", "--json").json()
                .get("w2Squared").getAsDouble());
        String f = String.join(",", Arrays.stream(F_STRUCT).mapToObj(Double::toString).toList());
        double given = Wasserstein.squared(fit, PigmmParameters.of(6, F_STRUCT));
        assertEquals(given, run("wasserstein", pa.toString(), "--params", f, "--json").json()
                .get("w2Squared").getAsDouble());
    }

    // ---- bad input: one line naming the file and what was expected/found, non-zero exit, nothing on stdout ----

    private static void assertRejected(Run r, String... fragments) {
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out(), "nothing on stdout");
        String line = r.err().strip();
        assertFalse(line.contains("\n"), "one line: " + line);
        for (String f : fragments) {
            assertTrue(line.contains(f), "'" + f + "' in: " + line);
        }
    }

    @Test
    void nanEntryIsRejectedNamingFileMemberAndEntry() {
        double[] x = structured(5, 4, 11).toArray();
        x[2 * 25 + 1 * 5 + 3] = Double.NaN;
        Path p = dir.resolve("nan.npy");
        Npy.write(p, x, 4, 5, 5);
        assertRejected(run("fit", p.toString()), "nan.npy", "member 2 entry (1, 3) is NaN", "finite");
    }

    @Test
    void infiniteEntryIsRejected() {
        float[] x = new float[3 * 16];
        x[7] = Float.POSITIVE_INFINITY;
        Path p = dir.resolve("inf.npy");
        Npy.write(p, x, 3, 4, 4);
        assertRejected(run("invariants", p.toString()), "inf.npy", "member 0 entry (1, 3) is Infinity");
    }

    @Test
    void wrongRankIsRejectedWithFoundShape() {
        Path p = dir.resolve("matrix.npy");
        Npy.write(p, new double[36], 6, 6);
        assertRejected(run("fit", p.toString()), "matrix.npy", "rank-3", "[N, rows, cols]", "found shape [6, 6]");
    }

    @Test
    void dSmallerThanFourIsRejectedForThePigmm() {
        Path p = dir.resolve("small.npy");
        Npy.write(p, structuredIid(10, 3), 10, 3, 3);
        assertRejected(run("fit", p.toString()), "small.npy", "D >= 4", "found [10, 3, 3]");
        assertRejected(run("wasserstein", p.toString(), "--init", "gaussian"), "small.npy", "D >= 4");
        // the smaller models accept it
        assertEquals(0, run("fit", p.toString(), "--model", "bipartite").code());
    }

    private static double[] structuredIid(int n, int d) {
        SplittableRandom rng = new SplittableRandom(12);
        double[] x = new double[n * d * d];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextGaussian();
        }
        return x;
    }

    @Test
    void nonSquareEnsembleIsRejectedForThePigmm() {
        Path q = dir.resolve("wide.npy");
        Npy.write(q, new double[5 * 4 * 6], 5, 4, 6);
        assertRejected(run("fit", q.toString()), "wide.npy", "square", "found [5, 4, 6]", "--model rectangular");
    }

    @Test
    void truncatedFileIsRejected() throws IOException {
        Path p = write("w.npy", structured(5, 10, 13));
        Path t = dir.resolve("truncated.npy");
        byte[] all = Files.readAllBytes(p);
        Files.write(t, Arrays.copyOf(all, all.length - 17));
        assertRejected(run("fit", t.toString()), "truncated.npy", "truncated", "[10, 5, 5]");
    }

    @Test
    void corruptFileIsRejected() throws IOException {
        Path p = dir.resolve("corrupt.npy");
        Files.writeString(p, "this is not a NumPy file, just some text");
        assertRejected(run("fit", p.toString()), "corrupt.npy", "not a .npy file");
    }

    @Test
    void missingFileIsRejected() {
        Path p = dir.resolve("nowhere.npy");
        assertRejected(run("fit", p.toString()), "nowhere.npy", "no such file", "expected a .npy ensemble");
        assertRejected(run("wasserstein", write("a.npy", structured(5, 10, 14)).toString(), p.toString()),
                "nowhere.npy", "no such file");
    }

    @Test
    void integerDtypeIsRejected() {
        Path p = dir.resolve("ints.npy");
        Npy.write(p, new int[3 * 25], 3, 5, 5);
        assertRejected(run("fit", p.toString()), "ints.npy", "float32 or float64", "<i4");
    }

    @Test
    void singleMemberIsRejected() {
        Path p = dir.resolve("one.npy");
        Npy.write(p, structuredIid(1, 5), 1, 5, 5);
        assertRejected(run("fit", p.toString()), "one.npy", "at least 2 members", "found [1, 5, 5]");
    }

    @Test
    void wassersteinOfDifferentSizesIsRejected() {
        Path a = write("a.npy", structured(5, 10, 15));
        Path b = write("b.npy", structured(6, 10, 16));
        assertRejected(run("wasserstein", a.toString(), b.toString()), "b.npy", "[N, 5, 5]", "found [10, 6, 6]");
    }

    @Test
    void wassersteinNeedsExactlyOneReference() {
        Path a = write("a.npy", structured(5, 10, 17));
        assertRejected(run("wasserstein", a.toString()), "exactly one reference");
        assertRejected(run("wasserstein", a.toString(), "--params", "1,2"), "13 numbers", "found 2");
    }
}
