package org.netgauss.preact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netgauss.data.Synthetic;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The table one-liners of notebook 05: values from the single-object methods and the spec's references. */
class PreactTablesTest {

    @Test
    void oneLayerKsTableSitsBesideTheAuthorsValues() {
        Table t = Preact.oneLayerKsTable(3, 10);
        assertEquals(2, t.rowCount());
        // docs/spec/gaussian-preact.md §4 item 4: theta = 3, odd 0.00420, positive 0.00394
        assertEquals(0.00420, t.doubleColumn("odd (authors)").get(0), 0);
        assertEquals(0.00394, t.doubleColumn("positive (authors)").get(0), 0);
        assertEquals(0.00420, t.doubleColumn("odd (ours)").get(0), 2e-5);
        assertEquals(Preact.oneLayerKs(Preact.phiPositive(3)), t.doubleColumn("positive (ours)").get(0), 0);
        assertEquals(0.01059, t.doubleColumn("odd (authors)").get(1), 0);
        assertEquals(0.01059, t.doubleColumn("odd (ours)").get(1), 2e-5);
        assertThrows(IllegalArgumentException.class, Preact::oneLayerKsTable);
        assertThrows(IllegalArgumentException.class, () -> Preact.oneLayerKsTable(6), "no fitted phi_theta at theta = 6");
    }

    @Test
    void nonAsymptoticEocTableHasBothFamiliesPerTheta() {
        Table t = Preact.nonAsymptoticEocTable(3, 10);
        assertEquals(4, t.rowCount());
        assertEquals(Preact.phiOdd(3).name(), t.stringColumn("activation").get(0));
        assertEquals(Preact.phiPositive(10).name(), t.stringColumn("activation").get(3));
        assertEquals(0.95968, t.doubleColumn("sigma_w^2").get(0), 1e-5);   // docs/spec/gaussian-preact.md §2.3
        assertEquals(1.02038, t.doubleColumn("sigma_w^2").get(2), 1e-5);
        assertThrows(IllegalArgumentException.class, Preact::nonAsymptoticEocTable);
    }

    @Test
    void correlationsOfSeveralInitialisationsStackTheSingleRuns() {
        ClassSample s = ClassSample.of(Synthetic.gaussianBlobs(100, 2, 7, 1.0, 2), 3, 1).standardised();
        List<Initialisation> inits = List.of(Preact.reluInit(), Preact.tanhInit());
        Table all = Preact.correlations(inits, s, 6, 3, 5, 4);
        Table relu = Preact.correlations(inits.get(0), s, new int[] {6, 6, 6}, 5, 4).toTable();
        Table tanh = Preact.correlations(inits.get(1), s, new int[] {6, 6, 6}, 5, 4).toTable();
        assertEquals(relu.rowCount() + tanh.rowCount(), all.rowCount());
        for (int r = 0; r < relu.rowCount(); r++) {
            assertEquals(relu.doubleColumn("correlation").get(r), all.doubleColumn("correlation").get(r), 0);
        }
        for (int r = 0; r < tanh.rowCount(); r++) {
            assertEquals(tanh.doubleColumn("correlation").get(r), all.doubleColumn("correlation").get(relu.rowCount() + r), 0);
        }
        assertThrows(IllegalArgumentException.class, () -> Preact.correlations(List.of(), s, 6, 3, 5, 4));
        assertThrows(IllegalArgumentException.class, () -> Preact.correlations(inits, s, 0, 3, 5, 4));
    }

    @Test
    void authorsSpotCheckPicksCfg2AtTenBesideTheStoredValues() {
        Table ks = Table.create("ks",
                StringColumn.create("configuration", "cfg2", "cfg2", "cfg1", "cfg2", "cfg2"),
                StringColumn.create("activation", "relu", "tanh", "relu", "relu", "phi_o(theta=7)"),
                IntColumn.create("n", 10, 10, 10, 9, 10),
                DoubleColumn.create("ks", 0.0446, 0.0911, 0.5, 0.6, 0.7));
        Table t = WolinskiArbelResults.authorsSpotCheck(ks);
        assertEquals(2, t.rowCount());
        assertEquals("relu", t.stringColumn("activation").get(0));
        assertEquals(0.0446, t.doubleColumn("ks").get(0), 0);
        assertEquals(0.0442, t.doubleColumn("authors' run").get(0), 0);   // docs/spec/gaussian-preact.md §4 item 11
        assertEquals(0.0909, t.doubleColumn("authors' run").get(1), 0);
        assertThrows(IllegalArgumentException.class, () -> WolinskiArbelResults.authorsSpotCheck(ks.where(ks.intColumn("n").isEqualTo(9))));
    }
}
