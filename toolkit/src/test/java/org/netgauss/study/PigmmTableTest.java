package org.netgauss.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.data.Synthetic;
import org.netgauss.nn.Mlp;
import org.netgauss.pigmm.Pigmm;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.nn.Training;
import org.netgauss.nn.TrainingConfig;
import org.netgauss.nn.WeightInit;
import org.netgauss.store.RunDir;
import tech.tablesaw.api.Table;

class PigmmTableTest {
    @TempDir
    Path tmp;

    private RunDir run() {
        TrainingConfig c = TrainingConfig.defaults(Mlp.of(6, 5, 5, 5).withBias(false)).withInit(WeightInit.gaussian(1))
                .withEnsembleSize(12).withEpochs(2).withBatchSize(20).withSeed(3);
        return Training.of(c).withThreads(1).run(Synthetic.gaussianBlobs(60, 5, 6, 2.0, 1), tmp.resolve("run"));
    }

    @Test
    void oneRowPerEpochAndLayerMatchingADirectFit() {
        RunDir run = run();
        Table t = PigmmTable.of(run, List.of("W2", "W3"), d -> 1.0 / d);
        assertEquals(6, t.rowCount());
        // row 3 = epoch 1, W3
        PigmmParameters direct = Pigmm.fit(run.checkpoint(1).weights("W3")).parameters();
        assertEquals(direct.f6(), PigmmTable.parameters(t, 3).f6(), 1e-12);
        assertEquals("W3", t.stringColumn("layer").get(3));
    }

    @Test
    void secondCallReadsTheCacheInsteadOfRefitting() {
        RunDir run = run();
        Table first = PigmmTable.of(run, List.of("W2"), d -> 1.0 / d);
        assertTrue(Files.isRegularFile(AnalysisCache.file(run, PigmmTable.NAME)));
        AtomicInteger computed = new AtomicInteger();
        Table second = AnalysisCache.rows(run, PigmmTable.NAME, run.epochs(), PigmmTable.TEXT_COLUMNS, e -> {
            computed.incrementAndGet();
            return PigmmTable.epoch(run, e, List.of("W2"), d -> 1.0 / d);
        });
        assertEquals(0, computed.get());
        assertEquals(first.doubleColumn("w2sq").getDouble(2), second.doubleColumn("w2sq").getDouble(2), 1e-12);
    }

    @Test
    void aCacheMadeForOtherLayersIsRecomputed() {
        RunDir run = run();
        PigmmTable.of(run, List.of("W2"), d -> 1.0 / d);
        Table both = PigmmTable.of(run, List.of("W2", "W3"), d -> 1.0 / d);
        assertEquals(6, both.rowCount());
        assertEquals(List.of("W2", "W3", "W2", "W3", "W2", "W3"), both.stringColumn("layer").asList());
        assertEquals(3, PigmmTable.of(run, List.of("W3"), d -> 1.0 / d).rowCount());
    }

    @Test
    void deviationsCoverThe39PaperInvariantsPerLayerAndEpoch() {
        RunDir run = run();
        Table d = DeviationTable.of(run, List.of("W2"), 0, 2);
        assertEquals(2 * 39, d.rowCount());
        Table change = DeviationTable.normalisedChange(d, 0, 2);
        assertEquals(39, change.rowCount());
        for (double c : change.doubleColumn("change")) {
            assertTrue(c >= -1 && c <= 1, "normalised change lies in [-1, 1], found " + c);
        }
        // cached: a second call for a subset of epochs returns only those rows
        assertEquals(39, DeviationTable.of(run, List.of("W2"), 2).rowCount());
    }
}
