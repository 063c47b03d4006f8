package org.netgauss.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.data.Dataset;
import org.netgauss.data.Synthetic;
import org.netgauss.inpca.Inpca;
import org.netgauss.inpca.InpcaEmbedding;
import org.netgauss.inpca.PredictionTrajectories;
import org.netgauss.nn.Mlp;
import org.netgauss.nn.Training;
import org.netgauss.nn.TrainingConfig;
import org.netgauss.store.RunDir;

/**
 * The hyper-ribbon of a grid computed from runs equals InPCA of the stacked predictions with the geodesic, and
 * survives writing and reading back; the committed {@code results/mao-inpca/} reads back with the explained
 * stress that its own eigenvalues give.
 */
class MaoInpcaTest {
    static final Dataset TRAIN = Synthetic.gaussianBlobs(64, 3, 10, 3.0, 1);
    static final Dataset SNAP = Synthetic.gaussianBlobs(9, 3, 10, 3.0, 2);

    @TempDir
    Path tmp;

    private RunDir run(String name, long seed) {
        TrainingConfig c = TrainingConfig.defaults(Mlp.of(10, 5, 3)).withEnsembleSize(2).withBatchSize(16)
                .withEpochs(2).withSeed(seed);
        return Training.of(c).withSnapshots(SNAP).withThreads(1).withProbabilitySteps(1, 2, 5).run(TRAIN,
                tmp.resolve(name));
    }

    @Test
    void computedFromRunsItIsInpcaOfTheStackWithTheGeodesicAndReadsBackAsWritten() {
        List<RunDir> runs = List.of(run("a", 1), run("b", 2));
        int[] labels = SNAP.labels();
        MaoInpca h = MaoInpca.compute(runs, labels, 6);
        PredictionTrajectories stack = PredictionTrajectories.of(runs).withGeodesic(labels, 6);
        InpcaEmbedding direct = Inpca.embed(Inpca.bhattacharyya(stack.predictions()), 3);
        assertEquals(2 * 2 * 4 + 6, h.points().size());
        assertEquals(stack.points(), h.points());
        assertArrayEquals(direct.eigenvalues(), h.embedding().eigenvalues(), 0);
        assertEquals(direct.explainedDistanceL1(2), h.explainedDistance()[1], 0);
        assertEquals(2, h.endOfTraining().rowCount());

        Path dir = tmp.resolve("results");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        h.write(dir, "test stack");
        MaoInpca back = MaoInpca.read(dir);
        assertEquals(h.points(), back.points());
        for (int i = 0; i < h.points().size(); i++) {
            assertArrayEquals(h.embedding().coordinates()[i], back.embedding().coordinates()[i], 0, "point " + i);
        }
        for (int k = 1; k <= 3; k++) {
            assertEquals(h.embedding().explainedStress(k), back.embedding().explainedStress(k), 1e-12);
        }
        assertArrayEquals(h.explainedDistance(), back.explainedDistance(), 0);
        assertEquals(h.endOfTraining().doubleColumn("accuracy").get(1),
                back.endOfTraining().doubleColumn("accuracy").get(1), 1e-15);
        assertEquals(PredictionTrajectories.GEODESIC, back.runs().get(back.points().size() - 1));
        assertEquals("a #1", back.trajectories().get(4));
        assertEquals(0.817, back.stressTable().doubleColumn(3).get(0), 0);
        var e = assertThrows(IllegalStateException.class, () -> back.embedding().explainedDistanceL1(1));
        assertTrue(e.getMessage().contains("no distance matrix"), e.getMessage());
    }

    @Test
    void theCommittedResultsReadBackWithTheirOwnStress() throws Exception {
        Path dir = Path.of("..", "results", "mao-inpca");
        JsonObject o = JsonParser.parseString(Files.readString(dir.resolve("inpca.json"))).getAsJsonObject();
        MaoInpca h = MaoInpca.read(dir);
        assertEquals(o.get("models").getAsInt(), h.points().size());
        for (int k = 1; k <= 3; k++) {
            // from Σ e_k² of the stored spectrum, against the stress computed from W itself when it was made
            assertEquals(o.getAsJsonArray("explainedStress").get(k - 1).getAsDouble(), h.embedding().explainedStress(k),
                    1e-9);
            double sumSq = 0;
            for (double[] x : h.embedding().coordinates()) {
                sumSq += x[k - 1] * x[k - 1];
            }
            assertEquals(Math.abs(h.embedding().eigenvalues()[k - 1]), sumSq, 1e-9 * sumSq, "Σ x_" + k + "²");
        }
        assertEquals(h.embedding().timeLikeCount(), o.get("timeLike").getAsInt());
    }
}
