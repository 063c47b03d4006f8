package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netgauss.preact.EdgeOfChaos;
import org.netgauss.preact.GaussianityStatistics;
import org.netgauss.preact.Initialisation;
import org.netgauss.preact.PhiTheta;
import org.netgauss.preact.Propagation;
import org.netgauss.preact.PropagationConfig;
import org.netgauss.preact.PropagationResult;
import org.netgauss.preact.TwoLayerKsExperiment;

/** {@code netgauss preact ...} through {@link Netgauss#execute}, its JSON compared with the library's numbers. */
class PreactCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void ksJsonEqualsTheLibrarysTwoLayerExperiment() {
        CliRun r = run("preact", "ks", "--config", "cfg2", "--widths", "2..3", "--activation", "phi-pos-3,relu",
                "--networks", "3000", "--seed", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = r.json();
        assertEquals(3000, o.get("networks").getAsInt());
        JsonArray points = o.getAsJsonArray("points");
        assertEquals(2 * 2, points.size());
        TwoLayerKsExperiment.Result lib = TwoLayerKsExperiment.run(
                List.of(Initialisation.of(PhiTheta.positive(3)), Initialisation.relu()),
                List.of(TwoLayerKsExperiment.Configuration.CFG2), 2, 3,
                PropagationConfig.defaults().withNetworks(3000).withSeed(1));
        for (var e : points) {
            JsonObject p = e.getAsJsonObject();
            assertEquals("cfg2", p.get("configuration").getAsString());
            double ks = lib.ks(TwoLayerKsExperiment.Configuration.CFG2, p.get("activation").getAsString(),
                    p.get("n").getAsInt());
            assertEquals(ks, p.get("ks").getAsDouble(), 0.0);
        }
        assertEquals(4, points.get(0).getAsJsonObject().getAsJsonArray("widths").size());   // [1, n, n, 1]
    }

    @Test
    void ksWidthListGivesTheSameNumbersAsARange() {
        CliRun range = run("preact", "ks", "--config", "cfg0", "--widths", "1..2", "--activation", "tanh",
                "--networks", "500", "--json");
        CliRun list = run("preact", "ks", "--config", "cfg0", "--widths", "2", "--activation", "tanh",
                "--networks", "500", "--json");
        assertEquals(range.json().getAsJsonArray("points").get(1), list.json().getAsJsonArray("points").get(0));
    }

    @Test
    void propagateJsonEqualsTheLibrarysPropagation() {
        CliRun r = run("preact", "propagate", "--activation", "phi-odd-3", "--depth", "5", "--width", "4",
                "--networks", "2000", "--seed", "3", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = r.json();
        assertEquals("phi_o(theta=3)", o.get("activation").getAsString());
        assertEquals("Weibull(3)", o.get("weightLaw").getAsString());
        JsonArray layers = o.getAsJsonArray("layers");
        assertEquals(5, layers.size());
        PropagationResult lib = Propagation.deep(Initialisation.of(PhiTheta.odd(3)), 4, 5,
                PropagationConfig.defaults().withNetworks(2000).withSeed(3));
        for (int l = 1; l <= 5; l++) {
            GaussianityStatistics s = lib.layer(l).statistics();
            JsonObject j = layers.get(l - 1).getAsJsonObject();
            assertEquals(l, j.get("layer").getAsInt());
            assertEquals(s.ks(), j.get("ks").getAsDouble(), 0.0);
            assertEquals(s.excessKurtosis(), j.get("excessKurtosis").getAsDouble(), 0.0);
            assertEquals(s.wasserstein1(), j.get("wasserstein1").getAsDouble(), 0.0);
            assertEquals(lib.layer(l).meanFieldQ(), j.get("qMeanField").getAsDouble(), 0.0);
        }
    }

    @Test
    void propagateScaleOverridesReachTheInitialisation() {
        CliRun r = run("preact", "propagate", "--activation", "relu", "--depth", "1", "--width", "3",
                "--networks", "100", "--sigma-w", "1", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(1.0, r.json().get("sigmaW").getAsDouble(), 0.0);
        // q^1 = sigma_w^2 x^2 = 1 on x = 1 (docs/spec/gaussian-preact.md §2.1)
        assertEquals(1.0, r.json().getAsJsonArray("layers").get(0).getAsJsonObject().get("qMeanField").getAsDouble(), 1e-12);
    }

    @Test
    void eocJsonMatchesTheSpecsTanhPointAndThePhiThetaNonAsymptoticPoint() {
        CliRun tanh = run("preact", "eoc", "--activation", "tanh", "--sigma-b2", "0.05", "--json");
        assertEquals(0, tanh.code(), tanh.err());
        JsonObject p = tanh.json().getAsJsonArray("curve").get(0).getAsJsonObject();
        assertEquals(1.760955, p.get("sigmaW2").getAsDouble(), 2e-6);   // docs/spec/gaussian-preact.md §2.2
        assertEquals(0.570048, p.get("qStar").getAsDouble(), 2e-6);
        CliRun phi = run("preact", "eoc", "--activation", "phi-odd-3", "--sigma-b2", "0.05", "--json");
        assertEquals(0, phi.code(), phi.err());
        assertEquals(EdgeOfChaos.nonAsymptotic(PhiTheta.odd(3), PhiTheta.odd(3).weightLaw()).sigmaW2(),
                phi.json().getAsJsonObject("nonAsymptotic").get("sigmaW2").getAsDouble(), 0.0);
        CliRun relu = run("preact", "eoc", "--activation", "relu", "--json");
        assertEquals(2.0, relu.json().getAsJsonArray("curve").get(0).getAsJsonObject().get("sigmaW2").getAsDouble(), 0.0);
    }

    @Test
    void correlationsJsonEqualsTheLibraryOnMnist() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(org.netgauss.data.Mnist.defaultDirectory()
                .resolve(org.netgauss.data.Mnist.TEST_IMAGES)), "MNIST not in the cache; environment/bin/setup fetches it");
        CliRun r = run("preact", "correlations", "--activation", "tanh", "--widths", "6,6", "--per-class", "2", "--inits", "4",
                "--seed", "2", "--json");
        assertEquals(0, r.code(), r.err());
        var sample = org.netgauss.preact.ClassSample.of(org.netgauss.data.Mnist.load().test(), 2, 2).standardised();
        var lib = org.netgauss.preact.Preact.correlations(Initialisation.tanh(), sample, new int[] {6, 6}, 4, 2);
        JsonArray layers = r.json().getAsJsonArray("layers");
        assertEquals(2, layers.size());
        double[][] m = lib.byClass(2, org.netgauss.preact.CorrelationResult.Grouping.EXCLUDE_IDENTICAL);
        JsonArray jm = layers.get(1).getAsJsonObject().getAsJsonArray("byClass");
        assertEquals(10, jm.size());
        for (int p = 0; p < 10; p++) {
            for (int q = 0; q < 10; q++) {
                assertEquals(m[p][q], jm.get(p).getAsJsonArray().get(q).getAsDouble(), 0.0);
            }
        }
    }

    @Test
    void badInputExitsOneWithOneLine() {
        for (String[] args : new String[][] {
                {"preact", "ks", "--activation", "sigmoid", "--networks", "100"},
                {"preact", "ks", "--widths", "5..2", "--networks", "100"},
                {"preact", "ks", "--config", "cfg9", "--networks", "100"},
                {"preact", "propagate", "--activation", "phi-pos-3.5", "--depth", "2", "--width", "2"},
                {"preact", "propagate", "--activation", "tanh", "--depth", "0", "--width", "2"},
                {"preact", "propagate", "--activation", "tanh", "--depth", "2", "--width", "2", "--input", "image"},
                {"preact", "eoc", "--activation", "relu", "--sigma-b2", "0.1"},
                {"preact", "correlations", "--activation", "tanh", "--widths", "0"}}) {
            CliRun r = run(args);
            assertEquals(1, r.code(), String.join(" ", args) + ": " + r.err());
            String err = r.err().strip();
            assertTrue(err.startsWith("netgauss preact ") && !err.contains("\n"), String.join(" ", args) + " -> " + err);
        }
        assertEquals(2, run("preact", "propagate", "--depth", "2").code());   // missing --activation: usage error
    }
}
