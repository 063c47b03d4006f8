package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netgauss.invariants.Invariants;
import org.netgauss.invariants.WickPredictor;
import org.netgauss.study.PigmmStudy;
import org.netgauss.study.PigmmStudyData;
import org.netgauss.study.PigmmStudySizes;
import org.netgauss.study.Profile;
import org.netgauss.pigmm.PigmmParameters;

/**
 * The committed paper-profile results ({@code results/<setting>/}) are what the current code defines and computes:
 * each complete setting matches the paper profile's set-up, and every derived column is recomputed here from the
 * fitted parameters it was derived from (W₂² to the initialisation model, the Wick predictions of I14–I52 and the
 * deviations Δ = |wick − observed| / sd). The log-likelihoods of the nested IID ⊂ bipartite ⊂ PIGMM models must be
 * ordered, as maximum likelihoods of nested models are. The notebooks plot these files in the paper profile, so a
 * stale or hand-edited file fails here rather than in a figure.
 */
class CommittedResultsTest {
    private static final Path RESULTS = Path.of("..", "results");
    private static final PigmmStudySizes PAPER = PigmmStudySizes.of(Profile.PAPER);

    @TestFactory
    Stream<DynamicTest> everyCommittedSettingIsConsistent() throws IOException {
        assertTrue(Files.isRegularFile(RESULTS.resolve("README.md")), "no results folder at " + RESULTS.toAbsolutePath());
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(RESULTS)) {
            // results/ also holds the other papers' folders (wolinski-arbel, ...), which have tests of their own
            List<String> settings = PAPER.settings().stream().map(PigmmStudy.Setting::name).toList();
            for (Path dir : dirs.filter(Files::isDirectory)
                    .filter(d -> settings.contains(d.getFileName().toString())).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
            }
        }
        assertEquals(PAPER.settings().size(), tests.size(), "every setting of the paper profile has a folder in results/");
        return tests.stream();
    }

    private static void check(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        PigmmStudy.Setting s = PAPER.setting(name);
        JsonObject provenance = JsonParser.parseString(Files.readString(dir.resolve("provenance.json"))).getAsJsonObject();
        if (provenance.get("status").getAsString().equals("training")) {
            // a run of `netgauss study` in progress: it writes the CSVs and "complete" together at the end
            for (String file : PigmmStudyData.RESULT_FILES) {
                assertFalse(Files.exists(dir.resolve(file)), name + " is still training but has " + file);
            }
            return;
        }
        assertEquals("complete", provenance.get("status").getAsString(), name + " status");
        StudyProvenance.mismatch(provenance, Profile.PAPER, s, PAPER)
                .ifPresent(why -> fail(name + ": the committed provenance does not match the paper profile: " + why));
        assertEquals(s.config().seed(), provenance.getAsJsonObject("setup").get("seed").getAsLong(), name + " seed");
        int members = s.config().ensembleSize();
        int epochs = s.config().epochs();

        Map<String, PigmmParameters> fits = new HashMap<>();
        List<Map<String, String>> pigmm = csv(dir.resolve("pigmm.csv"));
        assertEquals((epochs + 1) * s.layers().size(), pigmm.size(), name + ": one pigmm.csv row per epoch and layer");
        for (Map<String, String> r : pigmm) {
            int d = Integer.parseInt(r.get("D"));
            double[] f = new double[13];
            for (int k = 0; k < 13; k++) {
                f[k] = Double.parseDouble(r.get("f" + (k + 1)));
            }
            PigmmParameters p = PigmmParameters.of(d, f);
            String where = name + " epoch " + r.get("epoch") + " " + r.get("layer");
            fits.put(r.get("epoch") + "/" + r.get("layer"), p);
            double w2sq = p.wasserstein2Squared(PigmmParameters.initReference(d, s.initVariance(d), members));
            assertEquals(w2sq, Double.parseDouble(r.get("w2sq")), 1e-12 * Math.max(1, w2sq), where + " w2sq");
            double iid = Double.parseDouble(r.get("logL_iid"));
            double bipartite = Double.parseDouble(r.get("logL_bipartite"));
            double full = Double.parseDouble(r.get("logL_pigmm"));
            double slack = 1e-9 * Math.abs(full);
            assertTrue(iid <= bipartite + slack && bipartite <= full + slack,
                    where + ": nested models must have ordered log-likelihoods, found " + iid + ", " + bipartite + ", " + full);
        }

        List<Map<String, String>> deviations = csv(dir.resolve("deviations.csv"));
        TreeSet<Integer> devEpochs = new TreeSet<>();
        for (Map<String, String> r : deviations) {
            devEpochs.add(Integer.parseInt(r.get("epoch")));
            String where = name + " epoch " + r.get("epoch") + " " + r.get("layer") + " " + r.get("invariant");
            PigmmParameters p = fits.get(r.get("epoch") + "/" + r.get("layer"));
            assertFalse(p == null, where + ": no fitted parameters for this row in pigmm.csv");
            int k = Integer.parseInt(r.get("invariant").substring(1));
            double wick = WickPredictor.of(p).expectation(Invariants.paper(k));
            double recorded = Double.parseDouble(r.get("wick"));
            assertEquals(wick, recorded, 1e-9 * Math.max(1, Math.abs(wick)), where + " Wick prediction");
            double delta = Math.abs(recorded - Double.parseDouble(r.get("observed"))) / Double.parseDouble(r.get("sd"));
            assertEquals(delta, Double.parseDouble(r.get("deviation")), 1e-9 * Math.max(1, delta), where + " deviation");
        }
        assertEquals(devEpochs.size() * s.layers().size() * 39, deviations.size(),
                name + ": the 39 invariants I14-I52 per layer at each epoch of deviations.csv");
        assertEquals(0, devEpochs.first(), name + ": deviations start at initialisation");
        assertEquals(epochs, devEpochs.last(), name + ": deviations end at the last epoch");
        assertEquals(epochs, csv(dir.resolve("accuracy.csv")).size(), name + ": one accuracy.csv row per epoch");
    }

    /**
     * docs/spec/pigmm.md §5.3: uniform initial weights have E w⁴ = 1/(5D²) against the Gaussian's 3s⁴ = 1/(3D²), so at epoch 0
     * Δ(I45 = Σ M_ij⁴) = D/2 and Δ(I29 = Σ M_ii⁴) = √D/2. With N = 1000 the sample SD in the denominator has a
     * relative standard error of about 2.5 %, so 10 % is four standard errors.
     */
    @TestFactory
    Stream<DynamicTest> uniformRunShowsThePredictedQuarticAnomaly() throws IOException {
        Path dir = RESULTS.resolve("uniform");
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, String> r : csv(dir.resolve("deviations.csv"))) {
            String inv = r.get("invariant");
            if (!r.get("epoch").equals("0") || !(inv.equals("I45") || inv.equals("I29"))) {
                continue;
            }
            double d = 10;
            double predicted = inv.equals("I45") ? d / 2 : Math.sqrt(d) / 2;
            double observed = Double.parseDouble(r.get("deviation"));
            tests.add(DynamicTest.dynamicTest(r.get("layer") + " " + inv, () ->
                    assertEquals(predicted, observed, 0.10 * predicted, inv + " in " + r.get("layer") + " at epoch 0")));
        }
        assertEquals(6, tests.size(), "I29 and I45 at epoch 0 in W2, W3, W4");
        return tests.stream();
    }

    /** A CSV file without quoted fields, as rows keyed by the header. */
    private static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            assertEquals(header.length, cells.length, file + ": " + line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }
}
