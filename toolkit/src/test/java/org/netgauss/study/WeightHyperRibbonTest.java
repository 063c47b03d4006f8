package org.netgauss.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.data.Synthetic;
import org.netgauss.inpca.Inpca;
import org.netgauss.nn.Mlp;
import org.netgauss.nn.Training;
import org.netgauss.nn.TrainingConfig;
import org.netgauss.pigmm.Pigmm;
import org.netgauss.pigmm.PigmmBhattacharyya;
import org.netgauss.store.RunDir;

/** The weight hyper-ribbon is InPCA of the PIGMM fits of the layer at every checkpoint, beside the predictions'. */
class WeightHyperRibbonTest {
    @TempDir
    Path tmp;

    @Test
    void fitsEveryCheckpointAndEmbedsTheFitsAndThePredictions() {
        TrainingConfig c = TrainingConfig.defaults(Mlp.of(10, 6, 6, 3)).withEnsembleSize(40).withBatchSize(32)
                .withEpochs(3).withSeed(5);
        RunDir run = Training.of(c).withSnapshots(Synthetic.gaussianBlobs(6, 3, 10, 3.0, 2)).withThreads(1)
                .run(Synthetic.gaussianBlobs(64, 3, 10, 3.0, 1), tmp.resolve("w"));
        WeightHyperRibbon r = WeightHyperRibbon.of(run, "W2");
        assertArrayEquals(new int[] {0, 1, 2, 3}, r.epochs());
        assertEquals(Pigmm.fit(run.checkpoint(2).weights("W2")).parameters(), r.fits().get(2));
        assertArrayEquals(Inpca.embed(Inpca.pigmmBhattacharyya(r.fits()), 3).eigenvalues(),
                r.fitEmbedding().eigenvalues(), 0);
        assertEquals(40 * 4, r.predictionEmbedding().size());
        assertEquals(PigmmBhattacharyya.between(r.fits().get(0), r.fits().get(3)).toString(), r.firstToLast().toString());
        var t = r.toTable();
        assertEquals(r.fitEmbedding().explainedStress(2), t.doubleColumn("\u03c7_2").get(0), 0);
        assertEquals(r.predictionEmbedding().timeLikeCount(), t.intColumn("time-like directions").get(1));
        assertEquals(4, r.fitLabels().size());
        assertEquals(160, r.predictionGroups().size());
    }
}
