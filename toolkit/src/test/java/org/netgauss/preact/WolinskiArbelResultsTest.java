package org.netgauss.preact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The committed Wolinski &amp; Arbel results ({@code results/wolinski-arbel/}) are what the current code computes:
 * KS points and a deep propagation are recomputed here bit for bit from the seeds in {@code commands.tsv}, and
 * the table agrees with the authors' stored run (docs/spec/gaussian-preact.md §4 item 11).
 */
class WolinskiArbelResultsTest {
    private static final Path DIR = Path.of("..", "results", "wolinski-arbel");

    private static WolinskiArbelResults committed() {
        return WolinskiArbelResults.read(DIR).orElseThrow(() -> new AssertionError("no results at " + DIR.toAbsolutePath()));
    }

    @Test
    void theKsTableIsThePapersFullFigure() {
        WolinskiArbelResults r = committed();
        assertEquals(200_000, r.ksNetworks());
        assertEquals(3 * 16 * 10, r.ks().rowCount());
        assertEquals(Set.of("cfg0", "cfg1", "cfg2"), Set.copyOf(r.ks().stringColumn("configuration").asList()));
        assertEquals(16, r.ks().stringColumn("activation").unique().size());
        assertEquals(List.of(1, 10), List.of((int) r.ks().intColumn("n").min(), (int) r.ks().intColumn("n").max()));
    }

    @Test
    void ksPointsRecomputeBitForBit() {
        Table ks = committed().ks();
        PropagationConfig config = PropagationConfig.defaults().withNetworks(200_000).withSeed(1);
        var again = TwoLayerKsExperiment.run(List.of(Initialisation.of(PhiTheta.positive(3)), Initialisation.relu()),
                List.of(TwoLayerKsExperiment.Configuration.CFG2), 10, 10, config);
        assertEquals(value(ks, "cfg2", "phi_p(theta=3)", 10), again.ks(TwoLayerKsExperiment.Configuration.CFG2, "phi_p(theta=3)", 10));
        assertEquals(value(ks, "cfg2", "relu", 10), again.ks(TwoLayerKsExperiment.Configuration.CFG2, "relu", 10));
    }

    @Test
    void cfg2AtTenAgreesWithTheAuthorsStoredRun() {
        // docs/spec/gaussian-preact.md §4 item 11: phi^o_3 0.0072, phi^p_3 0.0037, ReLU 0.0442, tanh 0.0909, within 0.003
        Table ks = committed().ks();
        assertEquals(0.0072, value(ks, "cfg2", "phi_o(theta=3)", 10), 0.003);
        assertEquals(0.0037, value(ks, "cfg2", "phi_p(theta=3)", 10), 0.003);
        assertEquals(0.0442, value(ks, "cfg2", "relu", 10), 0.003);
        assertEquals(0.0909, value(ks, "cfg2", "tanh", 10), 0.003);
    }

    @Test
    void theDeepPropagationRecomputesBitForBit() {
        WolinskiArbelResults r = committed();
        Table relu = r.deep().where(r.deep().stringColumn("activation").isEqualTo("relu"));
        assertEquals(50, relu.rowCount());
        int[] widths = new int[50];
        Arrays.fill(widths, 10);
        PropagationResult again = Propagation.run(Initialisation.relu(), new double[] {1}, widths,
                PropagationConfig.defaults().withNetworks(r.deepNetworks()).withSeed(2));
        for (int l = 1; l <= 50; l++) {
            assertEquals(relu.doubleColumn("ks").get(l - 1), again.layer(l).statistics().ks(), "layer " + l);
            assertEquals(relu.doubleColumn("excess_kurtosis").get(l - 1), again.layer(l).statistics().excessKurtosis(), "layer " + l);
        }
    }

    @Test
    void correlationsAreClassBlocksOfCorrelations() {
        WolinskiArbelResults r = committed();
        if (r.correlations().isEmpty()) {
            return;
        }
        assertEquals(1000, r.initialisations());
        Table c = r.correlations();
        for (double v : c.doubleColumn("correlation").asDoubleArray()) {
            assertTrue(v >= -1 - 1e-12 && v <= 1 + 1e-12, "a correlation outside [-1, 1]: " + v);
        }
        // 10 x 10 blocks per layer and activation
        assertEquals(0, c.rowCount() % 100);
    }

    @Test
    void anAbsentFolderIsEmptyAndABrokenFileIsNamed(@TempDir Path tmp) throws IOException {
        assertTrue(WolinskiArbelResults.read(tmp).isEmpty());
        Files.writeString(tmp.resolve(WolinskiArbelResults.KS_FILE), "{\"networks\": 5, \"points\": ");
        var e = assertThrows(IllegalArgumentException.class, () -> WolinskiArbelResults.read(tmp));
        assertTrue(e.getMessage().contains(WolinskiArbelResults.KS_FILE), e.getMessage());
        Files.writeString(tmp.resolve(WolinskiArbelResults.KS_FILE), "[1, 2]");
        e = assertThrows(IllegalArgumentException.class, () -> WolinskiArbelResults.read(tmp));
        assertTrue(e.getMessage().contains("not a JSON object"), e.getMessage());
        Files.writeString(tmp.resolve(WolinskiArbelResults.KS_FILE), "{\"networks\": 5}");
        e = assertThrows(IllegalArgumentException.class, () -> WolinskiArbelResults.read(tmp));
        assertTrue(e.getMessage().contains("points"), e.getMessage());
    }

    @Test
    void closenessRatiosAreReferenceOverPositiveFamilyPerConfiguration() {
        Table t = Table.create("ks", tech.tablesaw.api.StringColumn.create("configuration", "cfg0", "cfg0", "cfg0", "cfg0", "cfg0"),
                tech.tablesaw.api.StringColumn.create("activation", "relu", "tanh", "phi_p(theta=3)", "phi_p(theta=5)", "phi_o(theta=3)"),
                tech.tablesaw.api.IntColumn.create("n", 1, 1, 1, 1, 1),
                tech.tablesaw.api.DoubleColumn.create("ks", 0.2, 0.1, 0.01, 0.04, 0.001));
        Table r = WolinskiArbelResults.closenessRatios(t);
        assertEquals(2, r.rowCount());
        assertEquals("relu", r.stringColumn("reference").get(0));
        assertEquals(5, r.doubleColumn("min ratio").get(0), 1e-12);
        assertEquals(12.5, r.doubleColumn("median ratio").get(0), 1e-12);
        assertEquals(20, r.doubleColumn("max ratio").get(0), 1e-12);
        assertEquals(2.5, r.doubleColumn("min ratio").get(1), 1e-12);
        assertEquals(2, r.intColumn("pairs").get(1));
    }

    @Test
    void theCommittedTableDoesNotCarryFiveToHundredForTanh() {
        Table r = WolinskiArbelResults.closenessRatios(committed().ks());
        Table tanh = r.where(r.stringColumn("reference").isEqualTo("tanh"));
        assertEquals(3, tanh.rowCount());
        assertEquals(1.9, tanh.doubleColumn("min ratio").min(), 0.05);
        assertEquals(4.6, r.where(r.stringColumn("reference").isEqualTo("relu")).doubleColumn("min ratio").min(), 0.05);
    }

    @Test
    void theNoiseFloorIsTheMedianKsOfATrueGaussianSample() {
        assertEquals(0.87 / Math.sqrt(200_000), WolinskiArbelResults.ksNoiseFloor(200_000), 1e-15);
    }

    static double value(Table ks, String cfg, String activation, int n) {
        Table row = ks.where(ks.stringColumn("configuration").isEqualTo(cfg)
                .and(ks.stringColumn("activation").isEqualTo(activation)).and(ks.intColumn("n").isEqualTo(n)));
        assertEquals(1, row.rowCount(), cfg + " " + activation + " " + n);
        return row.doubleColumn("ks").get(0);
    }
}
