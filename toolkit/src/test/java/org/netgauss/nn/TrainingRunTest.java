package org.netgauss.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.data.Dataset;
import org.netgauss.store.Checkpoint;
import org.netgauss.store.NpyArray;
import org.netgauss.store.RunDir;
import tech.tablesaw.api.Table;

class TrainingRunTest {
    private static final Dataset TRAIN = TestData.blobs("train", 300, 10, 3, 1);
    private static final Dataset VAL = TestData.blobs("val", 90, 10, 3, 2);
    private static final Dataset SNAP = TestData.blobs("snap", 20, 10, 3, 3);

    @TempDir
    Path tmp;

    private static TrainingConfig config() {
        // biases, a plateau scheduler that fires, and early stopping: all state a resume must carry
        return TrainingConfig.defaults(Mlp.of(10, 6, 5, 3)).withEnsembleSize(4).withBatchSize(32).withEpochs(3)
                .withSeed(7).withOptimizer(new Optimizer.Adam(3e-3, 0.9, 0.999, 1e-8, 1e-3))
                .withScheduler(new PlateauScheduler(0.5, 0, 0.5, 0)).withEarlyStopping(new EarlyStopping(5, 0.001));
    }

    private static Training training(TrainingConfig c) {
        return Training.of(c).withValidation(VAL).withSnapshots(SNAP).withThreads(2);
    }

    @Test
    void resumedRunIsBitIdenticalToUninterruptedRun() throws IOException {
        Path full = tmp.resolve("full");
        Path crashed = tmp.resolve("crashed");
        training(config()).run(TRAIN, full);
        RunDir partial = training(config()).stoppingAfterEpoch(1).run(TRAIN, crashed);
        assertEquals("running", partial.status());
        assertEquals(1, partial.epochsDone());
        RunDir resumed = training(config()).run(TRAIN, crashed);
        assertTrue(resumed.isComplete());
        RunDir a = RunDir.open(full);
        RunDir b = RunDir.open(crashed);
        assertArrayEquals(new int[] {0, 1, 2, 3}, a.epochs());
        assertArrayEquals(a.epochs(), b.epochs());
        for (int e : a.epochs()) {
            Checkpoint ca = a.checkpoint(e);
            Checkpoint cb = b.checkpoint(e);
            assertEquals(ca.arrayNames(), cb.arrayNames());
            for (String name : ca.arrayNames()) {
                assertEquals(ca.array(name), cb.array(name), "epoch " + e + " " + name);
            }
        }
        Checkpoint last = a.checkpoint(3);
        assertTrue(last.hasState());
        for (String s : List.of("W1.exp_avg", "W3.exp_avg_sq", "b2.exp_avg", "steps", "lr", "plateau_best", "stop_best")) {
            assertEquals(last.state(s), b.checkpoint(3).state(s), s);
        }
        assertEquals(Files.readAllLines(full.resolve("metrics.csv")), Files.readAllLines(crashed.resolve("metrics.csv")));
        assertFalse(a.checkpoint(1).hasState()); // only the latest checkpoint keeps optimiser state
    }

    @Test
    void resumeAfterACrashMidEpochOverwritesTheUnlistedLeftovers() throws IOException {
        Path full = tmp.resolve("full");
        training(config()).run(TRAIN, full);
        Path run = tmp.resolve("run");
        training(config()).stoppingAfterEpoch(1).run(TRAIN, run);
        // a crash while writing epoch 2: a partial checkpoint directory and metric rows the manifest never listed
        Path partial = run.resolve("checkpoints/epoch-002");
        Files.createDirectories(partial);
        Files.write(partial.resolve("W1.npy"), new byte[] {1, 2, 3});
        Files.writeString(run.resolve("metrics.csv"), "0,2,0.1,9,9,9,9,false\n", java.nio.file.StandardOpenOption.APPEND);
        training(config()).run(TRAIN, run);
        RunDir a = RunDir.open(full);
        RunDir b = RunDir.open(run);
        for (String name : a.checkpoint(3).arrayNames()) {
            assertEquals(a.checkpoint(2).array(name), b.checkpoint(2).array(name), name);
            assertEquals(a.checkpoint(3).array(name), b.checkpoint(3).array(name), name);
        }
        assertEquals(Files.readAllLines(full.resolve("metrics.csv")), Files.readAllLines(run.resolve("metrics.csv")));
    }

    @Test
    void resumeWithSparseCheckpointsReplaysFromTheLastOne() throws IOException {
        TrainingConfig c = config().withCheckpointEvery(2).withEpochs(3);
        RunDir full = training(c).run(TRAIN, tmp.resolve("full"));
        assertArrayEquals(new int[] {0, 2, 3}, full.epochs());
        RunDir cut = training(c).stoppingAfterEpoch(1).run(TRAIN, tmp.resolve("cut"));
        assertArrayEquals(new int[] {0}, cut.epochs()); // epoch 1 is in the metrics only
        RunDir resumed = training(c).run(TRAIN, tmp.resolve("cut"));
        assertEquals(full.checkpoint(3).weights("W1"), resumed.checkpoint(3).weights("W1"));
        assertEquals(Files.readAllLines(tmp.resolve("full/metrics.csv")), Files.readAllLines(tmp.resolve("cut/metrics.csv")));
    }

    @Test
    void subEpochSnapshotAtEpochEndEqualsCheckpointProbabilities() {
        // 300 samples / batch 32 = 10 updates per epoch: step 10 ends epoch 1, step 25 is inside epoch 3
        RunDir run = training(config()).withProbabilitySteps(1, 5, 10, 25).run(TRAIN, tmp.resolve("run"));
        assertArrayEquals(new long[] {1, 5, 10, 25}, run.snapshotSteps());
        assertEquals(run.checkpoint(1).probabilities(), run.snapshot(10));
        assertArrayEquals(new int[] {4, 20, 3}, run.snapshot(25).shape());
        assertFalse(run.snapshot(1).equals(run.checkpoint(0).probabilities()));
    }

    @Test
    void resumedRunReproducesSubEpochSnapshots() {
        RunDir full = training(config()).withProbabilitySteps(3, 15, 25).run(TRAIN, tmp.resolve("full"));
        training(config()).withProbabilitySteps(3, 15, 25).stoppingAfterEpoch(1).run(TRAIN, tmp.resolve("cut"));
        RunDir resumed = training(config()).withProbabilitySteps(3, 15, 25).run(TRAIN, tmp.resolve("cut"));
        assertArrayEquals(full.snapshotSteps(), resumed.snapshotSteps());
        for (long st : full.snapshotSteps()) {
            assertEquals(full.snapshot(st), resumed.snapshot(st), "step " + st);
        }
    }

    @Test
    void maoScheduleStartsWithStepOneAndQuarterEpochs() {
        long[] s = Training.maoSchedule(8, 30);
        assertArrayEquals(new long[] {1, 3, 5, 7, 9, 11, 13, 15}, java.util.Arrays.copyOf(s, 8)); // q = 2, restart at e·B+1
        assertEquals(30 * 8, s[s.length - 1]);
    }

    @Test
    void maoScheduleIsTheSpecsWorkedExample() {
        // docs/spec/hyperribbon.md §4.2: batch 200 on 50 000 images (B = 250), 200 epochs: 67 checkpoints with t = 0,
        // steps 0, 1, 63, 125, 187, 249, 251, ..., 45250, 49000, 50000
        long[] s = Training.maoSchedule(250, 200);
        assertEquals(66, s.length);
        assertArrayEquals(new long[] {1, 63, 125, 187, 249, 251}, java.util.Arrays.copyOf(s, 6));
        assertArrayEquals(new long[] {45250, 49000, 50000}, java.util.Arrays.copyOfRange(s, 63, 66));
        // 25 quarter-epoch steps in epochs 0-4, then epoch ends: 21 (epochs 5-25), 10 (28..64), 9 (75..195), the last
        assertEquals(1001, s[20]);
        assertEquals(1249, s[24]);
        assertEquals(1500, s[25]);
        assertEquals(6500, s[45]);
        assertEquals(29 * 250, s[46]);
        assertEquals(65 * 250, s[55]);
        assertEquals(76 * 250, s[56]);
    }

    @Test
    void maoScheduleOfAShortRunEndsWithItsLastStep() {
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, Training.maoSchedule(3, 3));
        assertArrayEquals(new long[] {1}, Training.maoSchedule(1, 1));
        assertThrows(IllegalArgumentException.class, () -> Training.maoSchedule(0, 5));
        assertThrows(IllegalArgumentException.class, () -> Training.maoSchedule(5, 0));
    }

    @Test
    void checkpointsHoldEnsembleArraysInTorchOrientation() {
        RunDir run = training(config()).run(TRAIN, tmp.resolve("run"));
        Checkpoint c0 = run.checkpoint(0);
        NpyArray w1 = c0.weights("W1");
        assertArrayEquals(new int[] {4, 6, 10}, w1.shape()); // [E, out, in]
        assertArrayEquals(new int[] {4, 5}, c0.weights("b2").shape());
        assertArrayEquals(new int[] {4, 20, 3}, c0.probabilities().shape());
        // epoch 0 is the initialisation: U(±1/sqrt(fan_in)) = U(±0.316)
        for (float x : w1.floats()) {
            assertTrue(Math.abs(x) <= 1 / Math.sqrt(10));
        }
        EnsembleTrainer fresh = EnsembleTrainer.initialise(config(), 1);
        assertArrayEquals(fresh.weights(1), w1.floats());
    }

    @Test
    void manifestRecordsConfigSeedsVersionsAndStatus() {
        RunDir run = training(config()).run(TRAIN, tmp.resolve("run"));
        var m = run.manifest();
        assertEquals("complete", m.get("status").getAsString());
        assertEquals(3, m.get("epochsDone").getAsInt());
        assertEquals(7, m.getAsJsonObject("seeds").get("run").getAsLong());
        assertEquals("adam", m.getAsJsonObject("config").getAsJsonObject("optimizer").get("type").getAsString());
        assertEquals(System.getProperty("java.version"), m.getAsJsonObject("versions").get("java").getAsString());
        assertEquals(300, m.getAsJsonObject("data").getAsJsonObject("train").get("size").getAsInt());
    }

    @Test
    void metricsTableHasOneRowPerMemberAndEpoch() {
        RunDir run = training(config()).run(TRAIN, tmp.resolve("run"));
        Table t = run.metrics();
        assertEquals(4 * 3, t.rowCount());
        assertTrue(t.columnNames().containsAll(List.of("member", "epoch", "train_loss", "train_accuracy",
                "test_accuracy", "lr")));
    }

    @Test
    void shardRunDirectoryHoldsItsMembersOfTheFullRun() {
        RunDir full = training(config().withEnsembleSize(6)).run(TRAIN, tmp.resolve("full"));
        RunDir shard = training(config().withEnsembleSize(6).withMembers(2, 3)).run(TRAIN, tmp.resolve("shard"));
        float[] f = full.checkpoint(3).weights("W2").floats();
        float[] s = shard.checkpoint(3).weights("W2").floats();
        int per = 5 * 6;
        assertArrayEquals(java.util.Arrays.copyOfRange(f, 2 * per, 5 * per), s);
        assertEquals(2, shard.manifest().getAsJsonObject("members").get("first").getAsInt());
    }

    @Test
    void resumingWithAnotherConfigIsRejectedNamingTheField() {
        Path dir = tmp.resolve("run");
        training(config()).stoppingAfterEpoch(1).run(TRAIN, dir);
        var e = assertThrows(IllegalArgumentException.class, () -> training(config().withBatchSize(16)).run(TRAIN, dir));
        assertTrue(e.getMessage().contains("batchSize"), e.getMessage());
    }

    @Test
    void extendingEpochsContinuesACompleteRun() {
        Path dir = tmp.resolve("run");
        training(config()).run(TRAIN, dir);
        RunDir more = training(config().withEpochs(4)).run(TRAIN, dir);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, more.epochs());
    }

    @Test
    void truncatedWeightFileIsReportedWithItsName() throws IOException {
        RunDir run = training(config()).run(TRAIN, tmp.resolve("run"));
        Path w2 = run.directory().resolve("checkpoints/epoch-002/W2.npy");
        byte[] b = Files.readAllBytes(w2);
        Files.write(w2, java.util.Arrays.copyOf(b, b.length / 2));
        // the manifest records every file's length: a truncated file is caught when the run is opened
        var e = assertThrows(IllegalArgumentException.class, () -> RunDir.open(run.directory()));
        assertTrue(e.getMessage().contains("W2.npy") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void missingWeightFileIsReportedWithItsName() throws IOException {
        RunDir run = training(config()).run(TRAIN, tmp.resolve("run"));
        Files.delete(run.directory().resolve("checkpoints/epoch-001/W3.npy"));
        var e = assertThrows(IllegalArgumentException.class, () -> RunDir.open(run.directory()));
        assertTrue(e.getMessage().contains("W3.npy") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void corruptManifestIsReportedWithItsName() throws IOException {
        RunDir run = training(config()).run(TRAIN, tmp.resolve("run"));
        Path m = run.directory().resolve("manifest.json");
        Files.writeString(m, Files.readString(m).substring(0, 100));
        var e = assertThrows(IllegalArgumentException.class, () -> RunDir.open(run.directory()));
        assertTrue(e.getMessage().contains("manifest.json") && e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void missingRunIsReportedWithItsPath() {
        var e = assertThrows(UncheckedIOException.class, () -> RunDir.open(tmp.resolve("none")));
        assertTrue(e.getMessage().contains("manifest.json"), e.getMessage());
    }

    @Test
    void unknownCheckpointListsTheExistingOnes() {
        RunDir run = training(config()).run(TRAIN, tmp.resolve("run"));
        var e = assertThrows(IllegalArgumentException.class, () -> run.checkpoint(9));
        assertTrue(e.getMessage().contains("[0, 1, 2, 3]"), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> run.checkpoint(1).weights("W9"));
        assertTrue(f.getMessage().contains("W1"), f.getMessage());
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws IOException {
        RunDir run = training(config()).run(TRAIN, tmp.resolve("run"));
        try (Stream<Path> s = Files.walk(run.directory())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }
}
