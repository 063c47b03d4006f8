package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netgauss.nn.Mlp;
import org.netgauss.nn.TrainingConfig;
import org.netgauss.store.Checkpoint;
import org.netgauss.store.RunDir;

/**
 * A real Slurm run on this machine: starts a one-node cluster on localhost from Debian's packages
 * ({@code environment/slurm/local-cluster.sh}: munged, slurmctld, slurmd; installed with apt-get if missing),
 * submits a smoke ensemble as a 4-task job array plus the merge job with {@code netgauss submit --slurm}, waits
 * for them, and checks the merged run equals the same ensemble trained in one process, array for array. Skipped,
 * saying why, only where Slurm cannot be installed or started (not root, no apt-get). Stops the daemons it started
 * and removes its directory.
 */
class SlurmClusterIT {
    private static final int SHARDS = 4;
    private static final long TIMEOUT_MS = 5 * 60_000;
    private static Path root;
    private static Path work;
    private static Path cluster;
    private static String slurmConf;

    @BeforeAll
    static void startCluster() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("netgauss.failsafe"), "SlurmClusterIT starts Slurm daemons and runs"
                + " only under failsafe (mvn verify), not when a surefire -Dtest pattern happens to match it");
        root = checkoutRoot();
        boolean isRoot = "0".equals(output(List.of("id", "-u"), Map.of()).strip());
        if (!haveSlurm()) {
            Assumptions.assumeTrue(isRoot, "Slurm integration test skipped: slurmctld/slurmd/munge are not installed and"
                    + " installing them needs root (apt-get install slurmctld slurmd munge slurm-client)");
            Process p = new ProcessBuilder("apt-get", "install", "-y", "-q", "slurmctld", "slurmd", "munge", "slurm-client")
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Assumptions.assumeTrue(p.waitFor() == 0 && haveSlurm(),
                    "Slurm integration test skipped: Slurm cannot be installed here (apt-get install failed):\n" + tail(log));
        }
        Assumptions.assumeTrue(isRoot, "Slurm integration test skipped: starting slurmd needs root");
        work = Files.createTempDirectory("netgauss-slurm-it");
        cluster = work.resolve("cluster");
        String started = output(List.of(root.resolve("environment/slurm/local-cluster.sh").toString(), "start",
                cluster.toString()), Map.of());
        slurmConf = cluster.resolve("slurm.conf").toString();
        assertTrue(started.contains("SLURM_CONF="), started);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            new ProcessBuilder(root.resolve("environment/slurm/local-cluster.sh").toString(), "stop", cluster.toString())
                    .inheritIO().start().waitFor();
        }
        if (work != null && Files.exists(work)) {
            try (Stream<Path> s = Files.walk(work)) {
                for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(q);
                }
            }
        }
    }

    @Test
    void fourTaskArrayMergedEqualsTheOneProcessRun() throws Exception {
        Path job = writeJob(work);
        String launcher = root.resolve("environment/bin/netgauss").toString();
        Map<String, String> env = Map.of("SLURM_CONF", slurmConf);
        Path out = work.resolve("out");

        long t0 = System.nanoTime();
        String submitted = output(List.of(launcher, "submit", "--slurm", "--json", "--config", job.toString(),
                "--shards", String.valueOf(SHARDS), "--out", out.toString(), "--cpus-per-task", "1", "--mem", "700M",
                "--time", "00:10:00", "--job-name", "netgauss-it"), env);
        JsonObject ids = JsonParser.parseString(submitted.strip().lines().reduce((a, b) -> b).orElse("")).getAsJsonObject();
        String arrayJob = ids.get("arrayJob").getAsString();
        String mergeJob = ids.get("mergeJob").getAsString();
        String state = waitFor(mergeJob, env, out);
        double slurmSeconds = (System.nanoTime() - t0) / 1e9;
        assertEquals("COMPLETED", state, "merge job " + mergeJob + " ended " + state + "\n" + logs(out));
        String arrayStates = output(List.of("scontrol", "-o", "show", "job", arrayJob), env);
        assertEquals(SHARDS, arrayStates.lines().filter(l -> l.contains("JobState=COMPLETED")).count(), arrayStates);

        long t1 = System.nanoTime();
        output(List.of(launcher, "train-shard", "--config", job.toString(), "--out", work.resolve("single").toString()), Map.of());
        double singleSeconds = (System.nanoTime() - t1) / 1e9;

        RunDir single = RunDir.open(work.resolve("single"));
        RunDir merged = RunDir.open(out.resolve("run"));
        assertTrue(merged.isComplete());
        assertArrayEquals(single.epochs(), merged.epochs());
        int arrays = 0;
        for (int e : single.epochs()) {
            Checkpoint a = single.checkpoint(e);
            Checkpoint b = merged.checkpoint(e);
            assertEquals(a.arrayNames(), b.arrayNames());
            for (String name : a.arrayNames()) {
                assertEquals(a.array(name), b.array(name), "epoch " + e + " " + name);
                arrays++;
            }
        }
        assertEquals(single.metricsLines(), merged.metricsLines());
        assertEquals(single.config(), merged.config());
        System.out.printf(Locale.ROOT, "SlurmClusterIT: %d arrays equal; %d-task array + merge on the local cluster "
                        + "%.1f s wall (submit to merge done), same ensemble in one process %.1f s wall%n",
                arrays, SHARDS, slurmSeconds, singleSeconds);
    }

    /** A smoke ensemble: 8 members of a 32-64-64-10 MLP, 4 epochs on 3000 Gaussian-blob points. */
    private static Path writeJob(Path dir) throws IOException {
        TrainingConfig c = TrainingConfig.defaults(Mlp.of(32, 64, 64, 10)).withEnsembleSize(8).withBatchSize(50)
                .withEpochs(4).withSeed(2026);
        JsonObject data = new JsonObject();
        data.addProperty("dataset", "synthetic");
        data.addProperty("samples", 3000);
        data.addProperty("classes", 10);
        data.addProperty("features", 32);
        data.addProperty("separation", 2.0);
        data.addProperty("seed", 5);
        data.addProperty("validation", 500);
        Path f = dir.resolve("job.json");
        Files.writeString(f, new ShardJob(c, data).toJson().toString());
        return f;
    }

    /** Polls the job until it leaves the queue; its final state, or fails on a timeout or a dependency never met. */
    private static String waitFor(String jobId, Map<String, String> env, Path out) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            String s = output(List.of("scontrol", "-o", "show", "job", jobId), env);
            String state = field(s, "JobState");
            if (s.contains("DependencyNeverSatisfied")) {
                fail("an array task failed, so the merge job " + jobId + " can never run\n" + logs(out));
            }
            if (!List.of("PENDING", "RUNNING", "CONFIGURING", "COMPLETING").contains(state)) {
                return state;
            }
            Thread.sleep(500);
        }
        fail("job " + jobId + " did not finish within " + TIMEOUT_MS / 1000 + " s\n" + logs(out));
        return null;
    }

    private static String field(String scontrol, String key) {
        for (String tok : scontrol.split("\\s+")) {
            if (tok.startsWith(key + "=")) {
                return tok.substring(key.length() + 1);
            }
        }
        return "";
    }

    private static String logs(Path out) throws IOException {
        StringBuilder sb = new StringBuilder();
        Path dir = out.resolve("logs");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.sorted().toList()) {
                    sb.append("--- ").append(p.getFileName()).append('\n').append(tail(Files.readString(p)));
                }
            }
        }
        return sb.toString();
    }

    private static boolean haveSlurm() throws Exception {
        for (String b : List.of("slurmctld", "slurmd", "munged", "sbatch", "scontrol")) {
            if (new ProcessBuilder("sh", "-c", "command -v " + b).start().waitFor() != 0) {
                return false;
            }
        }
        return true;
    }

    private static String output(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) {
            fail(String.join(" ", command) + " exited " + code + ":\n" + tail(out));
        }
        return out;
    }

    private static String tail(String s) {
        List<String> lines = new ArrayList<>(s.lines().toList());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())) + "\n";
    }

    private static Path checkoutRoot() throws Exception {
        Path p = Path.of(SlurmClusterIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Path d = p; d != null; d = d.getParent()) {
            if (Files.isExecutable(d.resolve("environment/slurm/local-cluster.sh"))) {
                return d;
            }
        }
        throw new IllegalStateException("cannot find the checkout (environment/slurm/local-cluster.sh) above " + p);
    }
}
