package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.store.RunDir;
import org.netgauss.store.internal.CrashPoints;

/**
 * Kill -9 at many points of a training run through the command line, in a separate JVM, then {@code --resume}:
 * the finished run must equal an uninterrupted one file for file, every time. Points: every crash point of
 * run creation, the epoch-0 checkpoint and the first epoch (before and after each file's rename, see
 * {@link CrashPoints}), then every fourth one to the end, plus real SIGKILLs at spread-out moments, a full
 * disk (a file-size limit) during epoch 0, and a second process trying to write a locked run. Runs in
 * {@code mvn verify} (failsafe), after {@code package} has put the runtime classpath in {@code target/lib}.
 */
class RunCrashIT {
    // Adam, a plateau scheduler, probability snapshots at sub-epoch steps and checkpointEvery 2: all the
    // state a resume must carry, in a run of about 120 crash points
    private static final String CONFIG = String.join("\n",
            "name: crash",
            "widths: [8, 6, 3]",
            "bias: false",
            "activation: tanh",
            "optimizer: {type: adam, lr: 3e-3}",
            "batchSize: 32",
            "epochs: 3",
            "ensembleSize: 3",
            "seed: 5",
            "checkpointEvery: 2",
            "scheduler: {factor: 0.5, patience: 0, threshold: 0.5}",
            "data: {dataset: synthetic, samples: 150, separation: 2.5, snapshots: 8, snapshotSteps: [2, 7]}",
            "");

    @TempDir
    static Path tmp;
    private static Path config;
    private static Path reference;

    @BeforeAll
    static void referenceRun() throws IOException {
        config = tmp.resolve("crash.yaml");
        Files.writeString(config, CONFIG);
        reference = tmp.resolve("reference");
        CliRun r = CliRun.of("train", "--config", config.toString(), "--out", reference.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
    }

    /** A JVM running {@code netgauss train} into {@code out}, halting at crash point {@code haltAt} (0: none). */
    private static ProcessBuilder train(Path out, int haltAt, String... prefix) {
        return netgauss(haltAt, "log-" + out.getFileName(), List.of(prefix), "train", "--config", config.toString(),
                "--out", out.toString(), "--threads", "1", "--resume");
    }

    /** A JVM running {@code netgauss args}, halting at crash point {@code haltAt} (0: none), output to {@code log}. */
    private static ProcessBuilder netgauss(int haltAt, String log, List<String> prefix, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-D" + CrashPoints.PROPERTY + "=" + haltAt);
        cmd.add("-cp");
        cmd.add(Path.of("target/classes").toAbsolutePath() + java.io.File.pathSeparator
                + Path.of("target/lib").toAbsolutePath() + "/*");
        cmd.add(Netgauss.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(log).toFile());
    }

    private static int exit(ProcessBuilder pb) throws Exception {
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "subprocess timed out");
        return p.exitValue();
    }

    /** Resumes {@code dir} in this JVM and asserts it equals the reference run, file for file. */
    private static void resumeAndCompare(Path dir, String what) throws IOException {
        CliRun r = CliRun.of("train", "--config", config.toString(), "--out", dir.toString(), "--threads", "1", "--resume");
        assertEquals(0, r.code(), what + ": " + r.err());
        RunDir run = RunDir.open(dir).verify();
        assertTrue(run.isComplete(), what);
        List<String> files = files(reference);
        assertEquals(files, files(dir), what);
        for (String f : files) {
            if (f.equals("manifest.json")) {
                assertEquals(stable(reference.resolve(f)), stable(dir.resolve(f)), what + ": manifest");
            } else {
                assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(dir.resolve(f)), what + ": " + f);
            }
        }
    }

    /** The manifest without its timestamps and versions. */
    private static JsonObject stable(Path manifest) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
        for (String k : List.of("created", "updated", "versions")) {
            o.remove(k);
        }
        return o;
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(n -> !n.equals(".netgauss.lock")).sorted().toList();
        }
    }

    @Test
    void killedAtAnyCrashPointTheRunResumesBitIdentical() throws Exception {
        int tried = 0;
        int resumed = 0;
        int k = 1;
        while (true) {
            Path dir = tmp.resolve("halt-" + k);
            int code = exit(train(dir, k));
            if (code == 0) {
                break; // k is past the last crash point: the run finished
            }
            assertEquals(CrashPoints.STATUS, code, "crash point " + k + ": " + Files.readString(tmp.resolve("log-" + dir.getFileName())));
            tried++;
            resumeAndCompare(dir, "crash point " + k);
            resumed++;
            k += k < 45 ? 1 : 4;
        }
        System.out.println("RunCrashIT: crash points resumed bit-identical " + resumed + "/" + tried + " (run has " + (k - 1)
                + "+ crash points)");
        assertTrue(tried >= 55, "expected many crash points, got " + tried);
        assertEquals(tried, resumed);
    }

    @Test
    void aMergeKilledAtAnyCrashPointLeavesNoOutputAndTheNextMergeEqualsAnUninterruptedOne() throws Exception {
        Path shards = tmp.resolve("shards");
        Files.createDirectories(shards);
        Path job = ShardedCliTest.writeJob(shards, 4);
        Path a = shards.resolve("a");
        Path b = shards.resolve("b");
        assertEquals(0, CliRun.of("train-shard", "--config", job.toString(), "--out", a.toString(), "--members", "0:2").code());
        assertEquals(0, CliRun.of("train-shard", "--config", job.toString(), "--out", b.toString(), "--members", "2:4").code());
        Path ref = shards.resolve("merged-ref");
        assertEquals(0, CliRun.of("merge", ref.toString(), a.toString(), b.toString()).code());
        int tried = 0;
        int k = 1;
        while (true) {
            Path out = shards.resolve("merged-" + k);
            int code = exit(netgauss(k, "log-merge-" + k, List.of(), "merge", out.toString(), a.toString(), b.toString()));
            if (code == 0) {
                break;
            }
            assertEquals(CrashPoints.STATUS, code, "merge crash point " + k + ": " + Files.readString(tmp.resolve("log-merge-" + k)));
            tried++;
            assertTrue(!Files.exists(out), "a killed merge leaves no output (crash point " + k + ")");
            CliRun again = CliRun.of("merge", out.toString(), a.toString(), b.toString());
            assertEquals(0, again.code(), again.err());
            List<String> files = files(ref);
            assertEquals(files, files(out), "crash point " + k);
            for (String f : files) {
                if (f.equals("manifest.json")) {
                    assertEquals(stable(ref.resolve(f)), stable(out.resolve(f)), "merge crash point " + k + ": manifest");
                } else {
                    assertArrayEquals(Files.readAllBytes(ref.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
                }
            }
            k += 3;
        }
        try (Stream<Path> left = Files.list(shards)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains(".merging-")), "temporary merges removed");
        }
        System.out.println("RunCrashIT: merges killed and redone identically " + tried + "/" + tried);
        assertTrue(tried >= 10, "expected many merge crash points, got " + tried);
    }

    @Test
    void realSigkillsAtSpreadOutMomentsResumeBitIdentical() throws Exception {
        int killed = 0;
        for (int i = 0; i < 8; i++) {
            Path dir = tmp.resolve("sigkill-" + i);
            Process p = train(dir, 0).start();
            Thread.sleep(250L + 180L * i);
            boolean alive = p.isAlive();
            p.destroyForcibly(); // SIGKILL on Linux and macOS
            p.waitFor(30, TimeUnit.SECONDS);
            if (alive) {
                killed++;
            }
            resumeAndCompare(dir, "SIGKILL after " + (250 + 180 * i) + " ms");
        }
        System.out.println("RunCrashIT: SIGKILLed runs resumed bit-identical " + killed + "/" + killed);
    }

    @Test
    void aFullDiskDuringEpochZeroLeavesARunThatStartsAfresh() throws Exception {
        Path dir = tmp.resolve("full-disk");
        // a file-size limit of 2 KB: every array fits, the first manifest does not, as on a disk that fills up
        // during epoch 0; the JVM ignores SIGXFSZ, so the write fails with an IOException
        int code = exit(train(dir, 0, "bash", "-c", "ulimit -f 2; exec \"$@\"", "bash"));
        String log = Files.readString(tmp.resolve("log-" + dir.getFileName()));
        assertEquals(1, code, log);
        assertEquals(1, log.strip().lines().filter(l -> l.contains("train: ")).count(), log);
        assertTrue(log.contains("could not write") && log.contains("File too large"), log);
        if (Files.exists(dir.resolve("manifest.json"))) {
            RunDir.open(dir).verify(); // the disk filled later: what the manifest lists is intact
        }
        try (Stream<Path> s = Files.walk(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
        resumeAndCompare(dir, "full disk during epoch 0");
    }

    @Test
    void aSecondProcessIsRefusedWhileARunIsBeingWritten() throws Exception {
        Path dir = tmp.resolve("locked");
        Path slow = tmp.resolve("slow.yaml");
        Files.writeString(slow, CONFIG.replace("epochs: 3", "epochs: 400"));
        ProcessBuilder pb = train(dir, 0);
        List<String> cmd = new ArrayList<>(pb.command());
        cmd.set(cmd.indexOf(config.toString()), slow.toString());
        Process p = pb.command(cmd).start();
        try {
            Path lock = dir.resolve(".netgauss.lock");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(lock) && Files.readString(lock).startsWith("pid")) && System.nanoTime() < deadline
                    && p.isAlive()) {
                Thread.sleep(50);
            }
            assertTrue(p.isAlive() && Files.readString(lock).startsWith("pid"),
                    "the training process holds the lock: " + Files.readString(tmp.resolve("log-locked")));
            CliRun r = CliRun.of("train", "--config", slow.toString(), "--out", dir.toString(), "--resume");
            assertEquals(1, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("locked by another netgauss process (pid " + p.pid() + " on "), r.err());
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
