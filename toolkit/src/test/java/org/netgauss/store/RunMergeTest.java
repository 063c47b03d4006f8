package org.netgauss.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.data.Dataset;
import org.netgauss.data.Synthetic;
import org.netgauss.nn.EarlyStopping;
import org.netgauss.nn.Mlp;
import org.netgauss.nn.Optimizer;
import org.netgauss.nn.PlateauScheduler;
import org.netgauss.nn.Training;
import org.netgauss.nn.TrainingConfig;

/** Shards trained alone and merged equal the one-process run, file for file. */
class RunMergeTest {
    private static final Dataset ALL = Synthetic.gaussianBlobs(260, 3, 8, 3.0, 5);
    private static final Dataset TRAIN = ALL.first(200);
    private static final Dataset VAL = ALL.subset("val", java.util.stream.IntStream.range(200, 260).toArray());
    private static final int E = 7;

    @TempDir
    static Path runs;

    private static TrainingConfig config() {
        // biases, a scheduler and early stopping: state that must merge too
        return TrainingConfig.defaults(Mlp.of(8, 5, 4, 3)).withEnsembleSize(E).withBatchSize(32).withEpochs(3)
                .withSeed(11).withOptimizer(new Optimizer.Adam(3e-3, 0.9, 0.999, 1e-8, 1e-3))
                .withScheduler(new PlateauScheduler(0.5, 0, 0.5, 0)).withEarlyStopping(new EarlyStopping(5, 0.001));
    }

    private static RunDir train(MemberRange r, String name) {
        return Training.of(config().withMembers(r.first(), r.count())).withValidation(VAL).withSnapshots(VAL.first(10))
                .withProbabilitySteps(3, 9).withThreads(1).run(TRAIN, runs.resolve(name));
    }

    @BeforeAll
    static void trainFullAndShards() {
        train(MemberRange.all(E), "full");
        for (int k = 0; k < 3; k++) {
            train(MemberRange.shard(k, 3, E), "shard-" + k);
        }
        train(MemberRange.parseMembers("1:4", E), "overlap");
    }

    private static List<Path> shards(int... ks) {
        return java.util.Arrays.stream(ks).mapToObj(k -> runs.resolve("shard-" + k)).toList();
    }

    @Test
    void mergedShardsEqualTheOneProcessRunArrayForArray(@TempDir Path out) {
        RunMerge.Result r = RunMerge.of(shards(2, 0, 1)).into(out.resolve("merged"));
        assertTrue(r.complete());
        RunDir full = RunDir.open(runs.resolve("full"));
        RunDir merged = r.run();
        assertTrue(merged.isComplete());
        assertArrayEquals(full.epochs(), merged.epochs());
        assertEquals(full.config(), merged.config());
        for (int e : full.epochs()) {
            Checkpoint a = full.checkpoint(e);
            Checkpoint b = merged.checkpoint(e);
            assertEquals(a.arrayNames(), b.arrayNames());
            for (String name : a.arrayNames()) {
                assertEquals(a.array(name), b.array(name), "epoch " + e + " " + name);
            }
            assertEquals(a.hasState(), b.hasState(), "epoch " + e);
            for (String s : a.stateNames()) {
                assertEquals(a.state(s), b.state(s), "epoch " + e + " state " + s);
            }
        }
        assertEquals(full.metricsLines(), merged.metricsLines());
        assertArrayEquals(full.snapshotSteps(), merged.snapshotSteps());
        for (long s : full.snapshotSteps()) {
            assertEquals(full.snapshot(s), merged.snapshot(s));
        }
    }

    @Test
    void mergedRunResumesLikeTheOneProcessRun(@TempDir Path out) {
        // the latest optimiser state is merged too, so training the merged run further equals training the full run further
        RunMerge.of(shards(0, 1, 2)).into(out.resolve("merged"));
        java.util.function.Function<Path, RunDir> more = dir -> Training.of(config().withEpochs(4)).withValidation(VAL)
                .withSnapshots(VAL.first(10)).withProbabilitySteps(3, 9).withThreads(1).run(TRAIN, dir);
        copyTree(runs.resolve("full"), out.resolve("full"));
        RunDir a = more.apply(out.resolve("full"));
        RunDir b = more.apply(out.resolve("merged"));
        assertEquals(a.lastCheckpoint().epoch(), b.lastCheckpoint().epoch());
        for (String name : a.lastCheckpoint().arrayNames()) {
            assertEquals(a.lastCheckpoint().array(name), b.lastCheckpoint().array(name), name);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (var s = java.nio.file.Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                java.nio.file.Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void missingMembersAreNamedAndRefused(@TempDir Path out) {
        var e = assertThrows(IllegalArgumentException.class, () -> RunMerge.of(shards(0, 2)).into(out.resolve("m")));
        assertTrue(e.getMessage().contains(MemberRange.shard(1, 3, E).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("--partial"), e.getMessage());
    }

    @Test
    void partialMergeKeepsWhatExistsAndRecordsTheMissingMembers(@TempDir Path out) {
        RunMerge.Result r = RunMerge.of(shards(0, 2)).allowingMissing().into(out.resolve("m"));
        MemberRange gap = MemberRange.shard(1, 3, E);
        assertEquals(List.of(gap.toString()), r.missing());
        assertEquals(E - gap.count(), r.members().length);
        assertEquals("partial", r.run().status());
        assertEquals(E - gap.count(), r.run().lastCheckpoint().weights("W1").dim(0));
        assertEquals(gap.toString(), r.run().manifest().getAsJsonObject("members").getAsJsonArray("missing").get(0).getAsString());
        // member 0 of the merged arrays is global member 0, and the one after the gap is global member gap.end()
        RunDir full = RunDir.open(runs.resolve("full"));
        assertArrayEquals(full.lastCheckpoint().weights("W2").matrix(gap.end()),
                r.run().lastCheckpoint().weights("W2").matrix(gap.first()));
    }

    @Test
    void duplicatedMembersAreRefusedNamingBothShards(@TempDir Path out) {
        List<Path> dirs = new java.util.ArrayList<>(shards(0, 1, 2));
        dirs.add(runs.resolve("overlap"));
        var e = assertThrows(IllegalArgumentException.class, () -> RunMerge.of(dirs).into(out.resolve("m")));
        assertTrue(e.getMessage().contains("two shards") && e.getMessage().contains("overlap"), e.getMessage());
    }

    @Test
    void shardsOfAnotherConfigAreRefusedNamingTheField(@TempDir Path out) {
        MemberRange r = MemberRange.shard(1, 3, E);
        Training.of(config().withBatchSize(16).withMembers(r.first(), r.count())).withValidation(VAL)
                .withSnapshots(VAL.first(10)).withProbabilitySteps(3, 9).withThreads(1).withListener(m -> { })
                .run(TRAIN, out.resolve("other"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> RunMerge.of(List.of(runs.resolve("shard-0"), out.resolve("other"), runs.resolve("shard-2")))
                        .into(out.resolve("m")));
        assertTrue(e.getMessage().contains("'batchSize'"), e.getMessage());
    }

    @Test
    void runningShardIsRefusedUnlessPartial(@TempDir Path out) {
        MemberRange r = MemberRange.shard(1, 3, E);
        Training.of(config().withMembers(r.first(), r.count())).withValidation(VAL).withSnapshots(VAL.first(10))
                .withProbabilitySteps(3, 9).withThreads(1).stoppingAfterEpoch(1).run(TRAIN, out.resolve("running"));
        List<Path> dirs = List.of(runs.resolve("shard-0"), out.resolve("running"), runs.resolve("shard-2"));
        var e = assertThrows(IllegalArgumentException.class, () -> RunMerge.of(dirs).into(out.resolve("m")));
        assertTrue(e.getMessage().contains("not complete"), e.getMessage());
        RunMerge.Result p = RunMerge.of(dirs).allowingMissing().into(out.resolve("p"));
        assertEquals(List.of(out.resolve("running")), p.skipped());
        assertFalse(p.complete());
    }

    @Test
    void mergingIntoAnExistingRunIsRefused() {
        assertThrows(IllegalStateException.class, () -> RunMerge.of(shards(0, 1, 2)).into(runs.resolve("full")));
    }
}
