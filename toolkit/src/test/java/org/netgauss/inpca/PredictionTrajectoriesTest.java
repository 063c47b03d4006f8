package org.netgauss.inpca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.data.Dataset;
import org.netgauss.data.Synthetic;
import org.netgauss.inpca.PredictionTrajectories.Point;
import org.netgauss.nn.Mlp;
import org.netgauss.nn.Training;
import org.netgauss.nn.TrainingConfig;
import org.netgauss.store.RunDir;

/**
 * Stacking runs' probability snapshots into [T, S, C] puts every value where the point index says: checked
 * against the run's own arrays, for the order run, member, time, and for the geodesic's ends (uniform, one-hot).
 */
class PredictionTrajectoriesTest {
    static final Dataset TRAIN = Synthetic.gaussianBlobs(64, 3, 10, 3.0, 1);
    static final Dataset SNAP = Synthetic.gaussianBlobs(7, 3, 10, 3.0, 2);

    @TempDir
    Path tmp;

    static RunDir run(Path dir, int samples, long seed) {
        TrainingConfig c = TrainingConfig.defaults(Mlp.of(10, 5, 3)).withEnsembleSize(2).withBatchSize(32)
                .withEpochs(2).withSeed(seed);
        Dataset snap = Synthetic.gaussianBlobs(samples, 3, 10, 3.0, 2);
        return Training.of(c).withSnapshots(snap).withThreads(1).withProbabilitySteps(1, 3).run(TRAIN, dir);
    }

    private static float value(RunDir run, long step, int member, int sample, int cls) {
        float[] a = step == 0 ? run.checkpoint(0).probabilities().floats() : run.snapshot(step).floats();
        return a[(member * SNAP.size() + sample) * 3 + cls];
    }

    @Test
    void everyPointHoldsItsRunsProbabilitiesInTheOrderRunMemberTime() {
        RunDir a = run(tmp.resolve("a"), 7, 1);
        RunDir b = run(tmp.resolve("b"), 7, 2);
        PredictionTrajectories t = PredictionTrajectories.of(List.of(a, b));
        assertEquals(2 * 2 * 3, t.size());
        assertEquals(List.of(new Point("a", 0, 0), new Point("a", 0, 1), new Point("a", 0, 3), new Point("a", 1, 0)),
                t.points().subList(0, 4));
        assertEquals(new Point("b", 1, 3), t.points().get(11));
        for (int i = 0; i < t.size(); i++) {
            Point p = t.points().get(i);
            RunDir r = p.run().equals("a") ? a : b;
            for (int n = 0; n < 7; n++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(value(r, p.step(), p.member(), n, c), t.predictions().probability(i, n, c), 0,
                            p + " sample " + n);
                }
            }
        }
        assertEquals("b #1", t.trajectories().get(11));
        assertEquals("b", t.runs().get(11));
        assertEquals(12, t.toTable().rowCount());
        assertEquals(3L, t.toTable().longColumn("step").get(11));
    }

    @Test
    void theGeodesicRunsFromUniformToTheOneHotTruth() {
        PredictionTrajectories t = PredictionTrajectories.of(List.of(run(tmp.resolve("a"), 7, 1)));
        int[] labels = SNAP.labels();
        PredictionTrajectories g = t.withGeodesic(labels, 4);
        assertEquals(t.size() + 4, g.size());
        int p0 = t.size();
        for (int n = 0; n < 7; n++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(1.0 / 3, g.predictions().probability(p0, n, c), 1e-7);
                assertEquals(c == labels[n] ? 1 : 0, g.predictions().probability(p0 + 3, n, c), 1e-7);
            }
        }
        assertEquals(PredictionTrajectories.GEODESIC, g.trajectories().get(p0 + 3));
        assertEquals(new Point(PredictionTrajectories.GEODESIC, 0, 2), g.points().get(p0 + 2));
        assertEquals(1.0, g.accuracy(p0 + 3, labels), 0);
        var e = assertThrows(IllegalArgumentException.class, () -> t.withGeodesic(new int[3], 4));
        assertEquals("need one label per sample: 7 samples, 3 labels", e.getMessage());
    }

    @Test
    void endOfTrainingAveragesTheLastPointOfEachMember() {
        RunDir a = run(tmp.resolve("a"), 7, 1);
        PredictionTrajectories t = PredictionTrajectories.of(List.of(a));
        int[] labels = SNAP.labels();
        double acc = 0;
        for (int m = 0; m < 2; m++) {
            int correct = 0;
            for (int n = 0; n < 7; n++) {
                int best = 0;
                for (int c = 1; c < 3; c++) {
                    best = value(a, 3, m, n, c) > value(a, 3, m, n, best) ? c : best;
                }
                correct += best == labels[n] ? 1 : 0;
            }
            acc += correct / 7.0 / 2;
        }
        var end = t.withGeodesic(labels, 3).endOfTraining(labels);
        assertEquals(1, end.rowCount(), "the geodesic is not a run");
        assertEquals("a", end.stringColumn("run").get(0));
        assertEquals(acc, end.doubleColumn("accuracy").get(0), 1e-12);
        double lambda = (Geodesic.progressToTruth(t.predictions(), 2, labels)
                + Geodesic.progressToTruth(t.predictions(), 5, labels)) / 2;
        assertEquals(lambda, end.doubleColumn("progress \u03bb").get(0), 1e-12);
        assertTrue(lambda >= 0 && lambda <= 1, "λ = " + lambda);
    }

    @Test
    void checkpointTrajectoriesAreMemberThenEpoch() {
        RunDir a = run(tmp.resolve("a"), 7, 1);
        PredictionTrajectories t = PredictionTrajectories.atCheckpoints(a);
        assertEquals(2 * 3, t.size());
        assertEquals(new Point("a", 1, 2), t.points().get(5));
        float[] e2 = a.checkpoint(2).probabilities().floats();
        assertEquals(e2[(1 * 7 + 4) * 3 + 2], t.predictions().probability(5, 4, 2), 0);
    }

    @Test
    void runsThatPredictDifferentSamplesAreNotStacked() {
        RunDir a = run(tmp.resolve("a"), 7, 1);
        RunDir b = run(tmp.resolve("b"), 5, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> PredictionTrajectories.of(List.of(a, b)));
        assertTrue(e.getMessage().endsWith("predicts 5 samples x 3 classes, the runs before it 7 x 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PredictionTrajectories.of(List.of()));
    }
}
