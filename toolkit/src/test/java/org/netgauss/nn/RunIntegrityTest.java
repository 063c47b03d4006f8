package org.netgauss.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.data.Dataset;
import org.netgauss.store.RunDir;
import org.netgauss.store.RunMerge;
import org.netgauss.store.RunWriter;

/**
 * The guarantees of a run directory: checksums catch every damaged file by name, one writer at a time, leftovers
 * of a killed writer are cleaned, a run with nothing resumable starts afresh, sizes that cannot be allocated are
 * refused before anything is written.
 */
class RunIntegrityTest {
    private static final Dataset TRAIN = TestData.blobs("train", 200, 10, 3, 1);
    private static final Dataset VAL = TestData.blobs("val", 60, 10, 3, 2);
    private static final Dataset SNAP = TestData.blobs("snap", 12, 10, 3, 3);

    @TempDir
    Path tmp;

    private static TrainingConfig config() {
        return TrainingConfig.defaults(Mlp.of(10, 6, 3)).withEnsembleSize(4).withBatchSize(32).withEpochs(3)
                .withSeed(5).withOptimizer(new Optimizer.Adam(3e-3, 0.9, 0.999, 1e-8, 1e-3))
                .withScheduler(new PlateauScheduler(0.5, 0, 0.5, 0)).withCheckpointEvery(2);
    }

    private static Training training(TrainingConfig c) {
        return Training.of(c).withValidation(VAL).withSnapshots(SNAP).withProbabilitySteps(2, 9).withThreads(1);
    }

    /** Every file of the run but the lock, relative paths, sorted. */
    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(n -> !n.equals(".netgauss.lock")).sorted().toList();
        }
    }

    private static void flipBit(Path f, long offset) throws IOException {
        byte[] b = Files.readAllBytes(f);
        int i = (int) Math.min(offset, b.length - 1);
        b[i] ^= 0x10;
        Files.write(f, b);
    }

    private static void assertSameFiles(Path a, Path b) throws IOException {
        List<String> fa = files(a);
        assertEquals(fa, files(b));
        for (String f : fa) {
            if (!f.equals("manifest.json")) {
                assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
            }
        }
    }

    @Test
    void manifestRecordsAChecksumOfEveryFileTheRunWrote() throws IOException {
        RunDir run = training(config()).run(TRAIN, tmp.resolve("run"));
        assertTrue(run.hasChecksums());
        var listed = run.manifest().getAsJsonObject("files").keySet();
        List<String> onDisk = new ArrayList<>(files(run.directory()));
        onDisk.remove("manifest.json");
        assertEquals(onDisk, listed.stream().sorted().toList());
        assertTrue(listed.contains("checkpoints/epoch-003/state/W1.exp_avg.npy"), listed.toString());
        assertTrue(listed.contains("snapshots/step-0000009.npy"), listed.toString());
        run.verify();
    }

    @Test
    void aFlippedBitInAnyKindOfFileIsDetectedNamingTheFile() throws IOException {
        Path ref = tmp.resolve("ref");
        training(config()).run(TRAIN, ref);
        int detected = 0;
        List<String> kinds = List.of("checkpoints/epoch-002/W2.npy", "checkpoints/epoch-003/probabilities.npy",
                "checkpoints/epoch-003/state/W1.exp_avg_sq.npy", "checkpoints/epoch-003/state/lr.npy",
                "snapshots/step-0000002.npy", "metrics.csv");
        for (String kind : kinds) {
            Path dir = tmp.resolve("flip-" + detected);
            copyTree(ref, dir);
            flipBit(dir.resolve(kind), Files.size(dir.resolve(kind)) - 3);
            RunDir run = RunDir.open(dir); // lengths are intact: only the checksum can tell
            var e = assertThrows(IllegalArgumentException.class, run::verify, kind);
            assertTrue(e.getMessage().contains(dir.resolve(kind).toString()) && e.getMessage().contains("damaged"),
                    e.getMessage());
            detected++;
        }
        assertEquals(kinds.size(), detected);
    }

    @Test
    void readingADamagedArrayFailsInsteadOfReturningOtherWeights() throws IOException {
        Path dir = tmp.resolve("run");
        training(config()).run(TRAIN, dir);
        flipBit(dir.resolve("checkpoints/epoch-002/W1.npy"), 200);
        var e = assertThrows(IllegalArgumentException.class, () -> RunDir.open(dir).checkpoint(2).weights("W1"));
        assertTrue(e.getMessage().contains("W1.npy") && e.getMessage().contains("CRC-32C"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunDir.open(dir).checkpoint(2).open("W1"));
    }

    @Test
    void resumingFromADamagedOptimiserStateFails() throws IOException {
        Path dir = tmp.resolve("run");
        training(config()).stoppingAfterEpoch(2).run(TRAIN, dir);
        flipBit(dir.resolve("checkpoints/epoch-002/state/W2.exp_avg.npy"), 150);
        var e = assertThrows(IllegalArgumentException.class, () -> training(config()).run(TRAIN, dir));
        assertTrue(e.getMessage().contains("W2.exp_avg.npy") && e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void aDeletedMetricsFileIsDetected() throws IOException {
        Path dir = tmp.resolve("run");
        training(config()).run(TRAIN, dir);
        Files.delete(dir.resolve("metrics.csv"));
        var e = assertThrows(IllegalArgumentException.class, () -> RunDir.open(dir));
        assertTrue(e.getMessage().contains("metrics.csv") && e.getMessage().contains("missing"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> training(config()).run(TRAIN, dir));
    }

    @Test
    void garbageInMetricsNamesFileAndLine() throws IOException {
        Path dir = tmp.resolve("run");
        training(config()).run(TRAIN, dir);
        Path m = dir.resolve("metrics.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(m));
        lines.set(3, lines.get(3).replaceFirst("^[0-9]+,", "y,"));
        Files.write(m, lines);
        // the checksum catches it first; a run without checksums (older netgauss) gets the parse error
        var e = assertThrows(IllegalArgumentException.class, () -> RunDir.open(dir).metrics());
        assertTrue(e.getMessage().contains("metrics.csv") && e.getMessage().contains("damaged"), e.getMessage());
        var p = assertThrows(IllegalArgumentException.class,
                () -> org.netgauss.store.MetricsCsv.parse(m, Files.readAllLines(m)));
        assertEquals(m + ": line 4: 'member' should be an integer, found 'y'", p.getMessage());
        var q = assertThrows(IllegalArgumentException.class, () -> org.netgauss.store.MetricsCsv.parse(m,
                List.of(org.netgauss.store.MetricsCsv.HEADER, "1,2,0.1,0.5,NaN,,,false")));
        assertEquals(m + ": line 2: 'train_accuracy' should be a finite number or empty, found 'NaN'", q.getMessage());
    }

    @Test
    void wrongTypedManifestFieldIsOneLineNamingTheField() throws IOException {
        Path dir = tmp.resolve("run");
        training(config()).run(TRAIN, dir);
        Path m = dir.resolve("manifest.json");
        String text = Files.readString(m);
        String[][] cases = {
            {"\"epochsDone\": 3", "\"epochsDone\": \"three\"", "'epochsDone' should be an integer"},
            {"\"epochsDone\": 3", "\"epochsDone\": 3.5", "'epochsDone' should be an integer"},
            {"\"status\": \"complete\"", "\"status\": 7", "'status' should be a string"},
            {"\"state\": true", "\"state\": \"yes\"", "'checkpoints[2].state' should be true or false"},
            {"\"formatVersion\": 1", "\"formatVersion\": [1]", "'formatVersion' should be an integer"},
            {"\"count\": 4", "\"count\": 4e20", "'members.count' should be an integer"},
        };
        for (String[] c : cases) {
            assertTrue(text.contains(c[0]), c[0]);
            Files.writeString(m, text.replace(c[0], c[1]));
            var e = assertThrows(IllegalArgumentException.class, () -> RunDir.open(dir), c[1]);
            assertTrue(e.getMessage().contains(c[2]) && e.getMessage().contains("manifest.json")
                    && !e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheLock() {
        Path dir = tmp.resolve("run");
        try (RunWriter first = RunWriter.lock(dir)) {
            var e = assertThrows(IllegalStateException.class, () -> training(config()).run(TRAIN, dir));
            assertTrue(e.getMessage().contains("locked") && e.getMessage().contains("pid " + ProcessHandle.current().pid()),
                    e.getMessage());
            assertFalse(Files.exists(dir.resolve("manifest.json")));
        }
        assertTrue(training(config()).run(TRAIN, dir).isComplete(), "the lock is released on close");
    }

    @Test
    void leftoversOfAKilledWriterAreCleanedOnResumeAndTheRunEndsBitIdentical() throws IOException {
        Path full = tmp.resolve("full");
        training(config()).run(TRAIN, full);
        Path dir = tmp.resolve("killed");
        training(config()).stoppingAfterEpoch(2).run(TRAIN, dir);
        // what a writer killed during epoch 3's checkpoint leaves: half-written temporaries, an unlisted
        // checkpoint, a stale state directory, an unlisted snapshot, metrics rows past the manifest
        Files.writeString(dir.resolve("checkpoints/epoch-002/.W1.npy.123.tmp"), "half");
        Files.writeString(dir.resolve(".manifest.json.9.tmp"), "{");
        Files.createDirectories(dir.resolve("checkpoints/epoch-003/state"));
        Files.writeString(dir.resolve("checkpoints/epoch-003/W1.npy"), "partial");
        Files.createDirectories(dir.resolve("checkpoints/epoch-000/state"));
        Files.writeString(dir.resolve("checkpoints/epoch-000/state/lr.npy"), "stale");
        Files.writeString(dir.resolve("snapshots/step-0000099.npy"), "unlisted");
        Files.writeString(dir.resolve("metrics.csv"), "3,3,0.003,0.5,0.5,,,false\n", java.nio.file.StandardOpenOption.APPEND);
        assertTrue(RunDir.open(dir).metricsRows().stream().allMatch(r -> r.epoch() <= 2), "readers ignore uncommitted rows");
        training(config()).run(TRAIN, dir);
        assertSameFiles(full, dir);
    }

    @Test
    void aRunOfAnOlderNetgaussWithoutChecksumsIsReadAndResumedAndThenChecked() throws IOException {
        Path full = tmp.resolve("full");
        training(config()).run(TRAIN, full);
        Path dir = tmp.resolve("old");
        training(config()).stoppingAfterEpoch(2).run(TRAIN, dir);
        // as netgauss wrote it before checksums and the test_accuracy rename
        com.google.gson.JsonObject m = RunDir.open(dir).manifest();
        m.remove("files");
        Files.writeString(dir.resolve("manifest.json"), m.toString());
        Path metrics = dir.resolve("metrics.csv");
        Files.writeString(metrics, Files.readString(metrics).replace("test_accuracy", "validation_accuracy"));
        RunDir old = RunDir.open(dir);
        assertFalse(old.hasChecksums());
        assertEquals(4 * 2, old.metrics().rowCount());
        assertTrue(old.metrics().columnNames().contains("test_accuracy"));
        training(config()).run(TRAIN, dir);
        RunDir resumed = RunDir.open(dir).verify();
        assertTrue(resumed.hasChecksums());
        assertTrue(resumed.manifest().getAsJsonObject("files").has("checkpoints/epoch-000/W1.npy"), "old files adopted");
        assertSameFiles(full, dir);
    }

    @Test
    void aRunKilledBeforeItsFirstCheckpointStartsAfresh() throws IOException {
        Path full = tmp.resolve("full");
        training(config()).run(TRAIN, full);
        Path dir = tmp.resolve("killed");
        Files.createDirectories(dir.resolve("checkpoints/epoch-000/state"));
        Files.writeString(dir.resolve(".netgauss.lock"), "pid 1 on nowhere\n");
        Files.writeString(dir.resolve("checkpoints/epoch-000/W1.npy"), "half");
        Files.writeString(dir.resolve("checkpoints/epoch-000/.W2.npy.77.tmp"), "half");
        Files.writeString(dir.resolve("notes.txt"), "a user's file is kept");
        training(config()).run(TRAIN, dir);
        Files.delete(dir.resolve("notes.txt"));
        assertSameFiles(full, dir);
    }

    @Test
    void sizesThatCannotBeAllocatedAreRefusedBeforeAnythingIsWritten() {
        Dataset wide = TestData.blobs("train", 20, 784, 10, 1);
        TrainingConfig base = TrainingConfig.defaults(Mlp.of(784, 10, 10)).withEpochs(1);
        List<TrainingConfig> huge = List.of(base.withBatchSize(Integer.MAX_VALUE),
                TrainingConfig.defaults(Mlp.of(784, 1_000_000_000, 10)).withEpochs(1),
                base.withEnsembleSize(2_000_000_000));
        for (TrainingConfig c : huge) {
            Path dir = tmp.resolve("huge-" + c.batchSize() + "-" + c.ensembleSize() + "-" + c.mlp().widths()[1]);
            var e = assertThrows(IllegalArgumentException.class, () -> Training.of(c).withThreads(2).run(wide, dir));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().contains("batchSize") || e.getMessage().contains("memory")
                    || e.getMessage().contains("more than one array holds"), e.getMessage());
            assertFalse(Files.exists(dir), "nothing written for " + e.getMessage());
        }
        // an ordinary size passes the check
        TrainingMemory.check(base.withEnsembleSize(100), 2, null);
        assertTrue(TrainingMemory.bytes(base.withEnsembleSize(1000), 1, null) > 4.0 * 2 * 1000 * (784 * 10 + 10 * 10));
    }

    @Test
    void aTruncatedShardLeavesNoMergedOutput() throws IOException {
        TrainingConfig c = config().withEnsembleSize(4);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Training.of(c.withMembers(0, 2)).withValidation(VAL).withThreads(1).run(TRAIN, a);
        Training.of(c.withMembers(2, 2)).withValidation(VAL).withThreads(1).run(TRAIN, b);
        Path w = b.resolve("checkpoints/epoch-002/W2.npy");
        byte[] bytes = Files.readAllBytes(w);
        Files.write(w, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        Path out = tmp.resolve("merged");
        var e = assertThrows(IllegalArgumentException.class, () -> RunMerge.of(List.of(a, b)).into(out));
        assertTrue(e.getMessage().contains(w.toString()), e.getMessage());
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("merging")), "no temporary directory left");
        }
        // a flipped bit is caught the same way, and a killed merge's directory is removed by the next merge
        Files.write(w, bytes);
        flipBit(a.resolve("checkpoints/epoch-003/state/W1.exp_avg.npy"), 100);
        Files.createDirectories(tmp.resolve(".merged.merging-123"));
        var f = assertThrows(IllegalArgumentException.class, () -> RunMerge.of(List.of(a, b)).into(out));
        assertTrue(f.getMessage().contains("W1.exp_avg.npy") && f.getMessage().contains("damaged"), f.getMessage());
        assertFalse(Files.exists(tmp.resolve(".merged.merging-123")));
        assertFalse(Files.exists(out));
    }

    @Test
    void aFlippedBitInAMergedRunIsDetected() throws IOException {
        TrainingConfig c = config().withEnsembleSize(4);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Training.of(c.withMembers(0, 2)).withValidation(VAL).withThreads(1).run(TRAIN, a);
        Training.of(c.withMembers(2, 2)).withValidation(VAL).withThreads(1).run(TRAIN, b);
        Path out = tmp.resolve("merged");
        RunDir merged = RunMerge.of(List.of(a, b)).into(out).run();
        merged.verify();
        assertTrue(merged.hasChecksums());
        flipBit(out.resolve("checkpoints/epoch-003/W2.npy"), 140);
        var e = assertThrows(IllegalArgumentException.class, () -> RunDir.open(out).checkpoint(3).weights("W2"));
        assertTrue(e.getMessage().contains("W2.npy") && e.getMessage().contains("damaged"), e.getMessage());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
