package org.netgauss.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.netgauss.nn.Mlp;
import org.netgauss.nn.Optimizer;
import org.netgauss.nn.Training;
import org.netgauss.nn.TrainingConfig;

/**
 * The Mao grid of {@code environment/configs/mao/} read through the config codec: 18 runs, the paper profile's
 * configs exactly those the committed grid was trained with, smaller sizes for smoke and quick.
 */
class MaoGridTest {
    static final Path CONFIGS = Path.of("..").resolve(MaoGrid.CONFIGS);

    @Test
    void thePaperProfileIsTheGridTheResultsWereTrainedWith() {
        MaoGrid g = MaoGrid.read(CONFIGS, Profile.PAPER);
        assertEquals(18, g.runs().size());
        assertEquals("784-10-adam", g.names().get(0));
        assertEquals("784-256-10-sgd-lr0.3", g.names().get(17));
        TrainingConfig sgd = g.only("784-10-sgd").runs().get(0).job().config();
        TrainingConfig expected = TrainingConfig.defaults(Mlp.of(784, 10)).withOptimizer(Optimizer.sgd(0.1))
                .withBatchSize(128).withEpochs(10).withEnsembleSize(3).withSeed(1000);
        assertEquals(Training.configJson(expected), Training.configJson(sgd));
        TrainJob.Data d = g.runs().get(0).job().data();
        assertEquals(2000, d.snapshots());
        assertEquals(60_000, d.trainSize());
        assertTrue(d.maoSchedule());
        var t = g.toTable();
        assertEquals(18, t.rowCount());
        int row = g.names().indexOf("784-100-100-100-10-nesterov-lr0.3");
        assertEquals(0.015, t.doubleColumn("learning rate").get(row), 1e-15);
        assertEquals("784-100-100-100-10", t.stringColumn("widths").get(row));
        assertEquals("Nesterov (momentum 0.9)", t.stringColumn("optimiser").get(row));
    }

    @Test
    void smokeAndQuickTrainLess() {
        TrainJob smoke = MaoGrid.read(CONFIGS, Profile.SMOKE).runs().get(3).job();
        assertEquals(2, smoke.config().epochs());
        assertEquals(2, smoke.config().ensembleSize());
        assertEquals(1000, smoke.data().trainSize());
        assertEquals(200, smoke.data().snapshots());
        TrainJob quick = MaoGrid.read(CONFIGS, Profile.QUICK).runs().get(3).job();
        assertEquals(4, quick.config().epochs());
        assertEquals(10_000, quick.data().trainSize());
    }

    @Test
    void badNamesAndFoldersSayWhatIsThere() {
        MaoGrid g = MaoGrid.read(CONFIGS, Profile.SMOKE);
        var e = assertThrows(IllegalArgumentException.class, () -> g.only("784-10-rmsprop"));
        assertTrue(e.getMessage().startsWith("no run 784-10-rmsprop in the grid; it has 784-10-adam, "), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> MaoGrid.read(Path.of("no-such"), Profile.SMOKE));
        assertEquals("no-such: no such directory of Mao-grid configs", f.getMessage());
        assertEquals(2, g.only("784-10-sgd", "784-10-adam").runs().size());
    }
}
