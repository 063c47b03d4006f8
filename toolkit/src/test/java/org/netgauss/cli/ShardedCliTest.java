package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.nn.Mlp;
import org.netgauss.nn.TrainingConfig;
import org.netgauss.store.Checkpoint;
import org.netgauss.store.RunDir;

/** train-shard, merge and submit --dry-run through the command line. */
class ShardedCliTest {
    @TempDir
    Path tmp;

    /** A tiny job: 5 members, 2 epochs on 120 blob points with a validation set. */
    static Path writeJob(Path dir, int members) throws Exception {
        TrainingConfig c = TrainingConfig.defaults(Mlp.of(6, 5, 3)).withEnsembleSize(members).withBatchSize(25)
                .withEpochs(2).withSeed(3);
        JsonObject data = new JsonObject();
        data.addProperty("dataset", "synthetic");
        data.addProperty("samples", 120);
        data.addProperty("classes", 3);
        data.addProperty("features", 6);
        data.addProperty("separation", 3.0);
        data.addProperty("seed", 9);
        data.addProperty("validation", 30);
        Path f = dir.resolve("job.json");
        Files.writeString(f, new ShardJob(c, data).toJson().toString());
        return f;
    }

    private static String run(int expectedExit, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedExit, Netgauss.execute(args), String.join(" ", args));
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shardsTrainedByTheCliAndMergedEqualTheOneProcessRun() throws Exception {
        Path job = writeJob(tmp, 5);
        run(0, "train-shard", "--config", job.toString(), "--out", tmp.resolve("full").toString(), "--threads", "1");
        run(0, "train-shard", "--config", job.toString(), "--out", tmp.resolve("a").toString(), "--members", "0:2");
        run(0, "train-shard", "--config", job.toString(), "--out", tmp.resolve("b").toString(), "--shard", "1/2");
        String out = run(0, "merge", "--json", tmp.resolve("m").toString(), tmp.resolve("b").toString(), tmp.resolve("a").toString());
        assertTrue(out.contains("\"memberCount\":5"), out);
        RunDir full = RunDir.open(tmp.resolve("full"));
        RunDir merged = RunDir.open(tmp.resolve("m"));
        for (int e : full.epochs()) {
            Checkpoint a = full.checkpoint(e);
            for (String name : a.arrayNames()) {
                assertEquals(a.array(name), merged.checkpoint(e).array(name), "epoch " + e + " " + name);
            }
        }
        assertEquals(full.metricsLines(), merged.metricsLines());
    }

    @Test
    void membersAndShardTogetherAreRejected() throws Exception {
        Path job = writeJob(tmp, 5);
        run(1, "train-shard", "--config", job.toString(), "--out", tmp.resolve("x").toString(), "--members", "0:2",
                "--shard", "0/2");
    }

    @Test
    void mergeWithAMissingShardFailsUnlessPartial() throws Exception {
        Path job = writeJob(tmp, 5);
        run(0, "train-shard", "--config", job.toString(), "--out", tmp.resolve("a").toString(), "--shard", "0/2");
        run(1, "merge", tmp.resolve("m").toString(), tmp.resolve("a").toString());
        String out = run(0, "merge", "--partial", "--json", tmp.resolve("p").toString(), tmp.resolve("a").toString());
        assertTrue(out.contains("\"missing\":[\"2:5\"]"), out);
    }

    @Test
    void dryRunPrintsTheArrayAndTheDependentMergeJob() throws Exception {
        Path job = writeJob(tmp, 8);
        String out = run(0, "submit", "--slurm", "--dry-run", "--config", job.toString(), "--shards", "4",
                "--out", tmp.resolve("cluster").toString(), "--cpus-per-task", "2", "--mem", "3G", "--time", "01:30:00",
                "--partition", "short", "--launcher", "/opt/netgauss/bin/netgauss");
        for (String s : new String[] {"#SBATCH --array=0-3", "#SBATCH --cpus-per-task=2", "#SBATCH --mem=3G",
                "#SBATCH --time=01:30:00", "#SBATCH --partition=short", "train-shard", "--shard \"$k/4\"",
                "/opt/netgauss/bin/netgauss merge", "shard-003", "--dependency=afterok:", "logs/train-%A_%a.out"}) {
            assertTrue(out.contains(s), "missing '" + s + "' in\n" + out);
        }
        assertTrue(Files.notExists(tmp.resolve("cluster")), "a dry run writes nothing");
    }

    @Test
    void moreShardsThanMembersIsRejected() throws Exception {
        Path job = writeJob(tmp, 3);
        run(1, "submit", "--slurm", "--dry-run", "--config", job.toString(), "--shards", "4", "--out", tmp.resolve("c").toString());
    }

    @Test
    void thePaperJobFileOfTheReadmeIsValid() {
        // surefire runs in toolkit/; the README's example lives in environment/slurm/
        Path job = Path.of("..", "environment", "slurm", "pigmm-paper.json");
        String out = run(0, "submit", "--slurm", "--dry-run", "--config", job.toString(), "--shards", "50",
                "--out", "/shared/runs/pigmm-paper");
        assertTrue(out.contains("#SBATCH --array=0-49") && out.contains("#SBATCH --mem=4G"), out);
    }
}
