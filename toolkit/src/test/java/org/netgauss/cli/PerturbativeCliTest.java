package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.perturbative.CommittedResults;
import org.netgauss.perturbative.FitInput;
import org.netgauss.perturbative.Perturbative;
import org.netgauss.perturbative.PerturbativeFit;
import org.netgauss.perturbative.PerturbingTerms;
import org.netgauss.perturbative.Scheme;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.WeightEnsemble;
import org.netgauss.store.Npy;

/** {@code netgauss fit --model perturbative} on an ensemble and on committed results, and its bad input. */
class PerturbativeCliTest {
    private static final Path RESULTS = Path.of("..", "results");

    @TempDir
    Path dir;

    /** A non-Gaussian ensemble: a PIGMM sample with each entry x replaced by x + 0.3 x² − 0.2 x³. */
    private Path skewed(int d, int n) {
        WeightEnsemble e = PigmmParameters.of(d, NetgaussCliTest.F_STRUCT).sample(n, new SplittableRandom(3));
        double[] a = e.toArray();
        for (int k = 0; k < a.length; k++) {
            a[k] = a[k] + 0.3 * a[k] * a[k] - 0.2 * a[k] * a[k] * a[k];
        }
        Path p = dir.resolve("w.npy");
        Npy.write(p, a, n, d, d);
        return p;
    }

    @Test
    void ensembleJsonEqualsTheLibraryFit() {
        Path p = skewed(5, 300);
        NetgaussCliTest.Run r = NetgaussCliTest.run("fit", p.toString(), "--model", "perturbative", "--terms",
                "I22,I45", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = r.json();
        PerturbativeFit fit = Perturbative.fit(WeightEnsemble.read(p), PerturbingTerms.s2(), Scheme.RENORMALISED);
        JsonArray c = o.getAsJsonArray("couplings");
        for (int a = 0; a < 2; a++) {
            assertEquals(fit.couplings()[a], c.get(a).getAsJsonObject().get("g").getAsDouble());
            assertEquals(fit.seNull()[a], c.get(a).getAsJsonObject().get("seNull").getAsDouble());
        }
        assertEquals(39, o.getAsJsonArray("invariants").size());
        assertEquals("renormalised", o.get("scheme").getAsString());
        assertEquals(300, o.get("members").getAsInt());
        // the fitted terms are matched exactly
        for (var x : o.getAsJsonArray("invariants")) {
            JsonObject inv = x.getAsJsonObject();
            if (inv.get("role").getAsString().equals("fitted")) {
                assertTrue(inv.get("deviationPerturbative").getAsDouble() < 1e-9, inv.toString());
            }
        }
        NetgaussCliTest.Run bare = NetgaussCliTest.run("fit", p.toString(), "--model", "perturbative", "--scheme",
                "bare", "--json");
        assertEquals(0, bare.code(), bare.err());
        assertEquals("bare", bare.json().get("scheme").getAsString());
    }

    @Test
    void fitIsUnchangedWhenRowsAndColumnsArePermuted() {
        // docs/spec/perturbative.md §6 (g): every output is invariant under M → P M Pᵀ
        Path p = skewed(6, 200);
        WeightEnsemble e = WeightEnsemble.read(p);
        int d = 6;
        int[] perm = {3, 0, 5, 1, 4, 2};
        double[] a = e.toArray();
        double[] b = new double[a.length];
        for (int n = 0; n < e.members(); n++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    b[n * d * d + perm[i] * d + perm[j]] = a[n * d * d + i * d + j];
                }
            }
        }
        PerturbativeFit x = Perturbative.fit(e, PerturbingTerms.s4(), Scheme.RENORMALISED);
        PerturbativeFit y = Perturbative.fit(WeightEnsemble.of(b, e.members(), d, d), PerturbingTerms.s4(),
                Scheme.RENORMALISED);
        for (int t = 0; t < 4; t++) {
            assertEquals(x.couplings()[t], y.couplings()[t], 1e-9 * Math.abs(x.couplings()[t]) + 1e-12);
        }
        assertEquals(x.predictions().summary().maxPerturbative(), y.predictions().summary().maxPerturbative(), 1e-9);
    }

    @Test
    void committedResultsWriteTheTwoCsvs() throws IOException {
        Path out = dir.resolve("out");
        NetgaussCliTest.Run r = NetgaussCliTest.run("fit", "--model", "perturbative", "--terms", "S2", "--results",
                RESULTS.toString(), "--settings", "width-640,gaussian-wd0.01", "--epochs", "50", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("width-640 epoch 50 W2 S2 renormalised: g = I22 19.2252 (0.204), I45 -2501.28"),
                r.out());
        List<String> c = Files.readAllLines(out.resolve("perturbative.csv"));
        assertEquals("setting,epoch,layer,terms,scheme,term,g,se_null,se_csv,gamma1,gamma2,eps3,eps4,score,gc_positive",
                c.get(0));
        // width-640 has W2, gaussian-wd0.01 has W2, W3, W4: 4 fits x 2 terms
        assertEquals(1 + 4 * 2, c.size());
        FitInput in = CommittedResults.read(RESULTS, "width-640").stream().filter(i -> i.epoch() == 50).findFirst()
                .orElseThrow();
        double g22 = in.fit(PerturbingTerms.s2(), Scheme.RENORMALISED).couplings()[0];
        String[] first = c.get(1).split(",");
        assertEquals("width-640", first[0]);
        assertEquals("I22", first[5]);
        assertEquals(g22, Double.parseDouble(first[6]));
        List<String> d = Files.readAllLines(out.resolve("perturbative-deviations.csv"));
        assertEquals("setting,epoch,layer,terms,scheme,invariant,group,observed,wick,perturbative,sd,deviation_gauss,"
                + "deviation_pert,prediction_se,role", d.get(0));
        assertEquals(1 + 4 * 39, d.size());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(2, s.count(), "no temporary files left");
        }
    }

    @Test
    void badInputGivesOneLineAndNoFiles() throws IOException {
        Path out = dir.resolve("never");
        String res = RESULTS.toString();
        String[][] bad = {
            {"fit", "--model", "perturbative"},
            {"fit", "--model", "perturbative", "--terms", "I3", "--results", res, "--out", out.toString()},
            {"fit", "--model", "perturbative", "--terms", "I22,I99", "--results", res, "--out", out.toString()},
            {"fit", "--model", "perturbative", "--terms", "S2,Qcol", "--results", res, "--out", out.toString()},
            {"fit", "--model", "perturbative", "--scheme", "wrong", "--results", res, "--out", out.toString()},
            {"fit", "--model", "perturbative", "--results", res, "--settings", "nope", "--out", out.toString()},
            {"fit", "--model", "perturbative", "--results", res, "--epochs", "x", "--out", out.toString()},
            {"fit", "--model", "perturbative", "--results", res, "--epochs", "7", "--settings", "width-640", "--out",
                out.toString()},
            {"fit", "--model", "perturbative", "--results", res, "--layers", "W9", "--out", out.toString()},
            {"fit", "--model", "perturbative", "--results", dir.resolve("missing").toString()},
            {"fit", "--terms", "S2", dir.resolve("w.npy").toString()},
            {"fit", "--model", "perturbative", dir.resolve("missing.npy").toString()},
            {"fit"},
        };
        for (String[] args : bad) {
            NetgaussCliTest.Run r = NetgaussCliTest.run(args);
            assertTrue(r.code() != 0, String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), String.join(" ", args) + " -> " + r.err());
            assertEquals("", r.out(), String.join(" ", args));
        }
        assertFalse(Files.exists(out), "nothing written on bad input");
    }

    @Test
    void brokenResultsFolderIsNamed() throws IOException {
        Path res = dir.resolve("results");
        Path s = Files.createDirectories(res.resolve("toy"));
        for (String f : new String[] {"pigmm.csv", "deviations.csv", "provenance.json"}) {
            Files.copy(RESULTS.resolve("width-640").resolve(f), s.resolve(f));
        }
        Files.writeString(s.resolve("provenance.json"), "{\"setup\": {}}");
        NetgaussCliTest.Run r = NetgaussCliTest.run("fit", "--model", "perturbative", "--results", res.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("networks"), r.err());
        Files.copy(RESULTS.resolve("width-640").resolve("provenance.json"), s.resolve("provenance.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(s.resolve("deviations.csv"), "epoch,layer,invariant,group,observed,wick,sd,deviation\n"
                + "50,W2,I22,cubic low-node,abc,1,1,1\n");
        r = NetgaussCliTest.run("fit", "--model", "perturbative", "--results", res.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("'abc' is not a finite number"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(res.resolve("perturbative.csv")));
    }
}
