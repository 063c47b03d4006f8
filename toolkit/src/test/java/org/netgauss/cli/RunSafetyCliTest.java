package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.store.RunDir;
import org.netgauss.store.RunWriter;

/** The command line's side of the run guarantees: one line and exit 1 on every refusal, nothing written. */
class RunSafetyCliTest {
    private static final String CONFIG = String.join("\n",
            "name: blobs",
            "widths: [8, 6, 3]",
            "batchSize: 32",
            "epochs: 2",
            "ensembleSize: 2",
            "seed: 11",
            "data: {dataset: synthetic, samples: 120, separation: 2.5}",
            "");

    @TempDir
    Path tmp;

    private Path config(String text) throws Exception {
        Path p = tmp.resolve("c" + Math.abs(text.hashCode()) + ".yaml");
        Files.writeString(p, text);
        return p;
    }

    private static void assertOneLineError(CliRun r, String... contains) {
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        for (String c : contains) {
            assertTrue(r.err().contains(c), "'" + c + "' in: " + r.err());
        }
    }

    @Test
    void unallocatableSizesAreRefusedBeforeTheDirectoryExists() throws Exception {
        String[][] cases = {{"batchSize: 32", "batchSize: 2147483647"}, {"widths: [8, 6, 3]", "widths: [8, 1000000000, 3]"},
            {"ensembleSize: 2", "ensembleSize: 2000000000"}};
        for (String[] c : cases) {
            Path out = tmp.resolve("run-" + c[1].hashCode());
            CliRun r = CliRun.of("train", "--config", config(CONFIG.replace(c[0], c[1])).toString(), "--out", out.toString());
            assertOneLineError(r, "train: ");
            assertFalse(Files.exists(out), c[1] + ": " + r.err());
        }
    }

    @Test
    void yamlDuplicateKeysAreRejected() throws Exception {
        CliRun r = CliRun.of("train", "--config", config(CONFIG + "seed: 12\n").toString(), "--out",
                tmp.resolve("run").toString());
        assertOneLineError(r, "duplicate key", "seed");
        assertFalse(Files.exists(tmp.resolve("run")));
    }

    @Test
    void trainShardRejectsUnknownFieldsAtEveryLevel() throws Exception {
        Path job = ShardedCliTest.writeJob(tmp, 4);
        JsonObject o = JsonParser.parseString(Files.readString(job)).getAsJsonObject();
        String[][] cases = {{"config", "train"}, {"", "train"}, {"data", "sampels"}, {"config.optimizer", "momentum"}};
        for (String[] c : cases) {
            JsonObject bad = o.deepCopy();
            JsonObject at = bad;
            for (String k : c[0].isEmpty() ? new String[0] : c[0].split("\\.")) {
                at = at.getAsJsonObject(k);
            }
            at.addProperty(c[1], 1);
            Path f = tmp.resolve("bad-" + c[1] + c[0] + ".json");
            Files.writeString(f, bad.toString());
            Path out = tmp.resolve("out-" + c[1]);
            CliRun r = CliRun.of("train-shard", "--config", f.toString(), "--out", out.toString(), "--members", "0:2");
            assertOneLineError(r, "unknown", "'" + (c[0].isEmpty() ? "" : c[0].replace("config.", "") + ".").replaceFirst("^config\\.", "")
                    .replace("config.", "") + c[1] + "'");
            assertFalse(Files.exists(out));
        }
        JsonObject wrongType = o.deepCopy();
        wrongType.getAsJsonObject("data").add("dataset", new com.google.gson.JsonArray());
        Path f = tmp.resolve("wrong-type.json");
        Files.writeString(f, wrongType.toString());
        assertOneLineError(CliRun.of("train-shard", "--config", f.toString(), "--out", tmp.resolve("w").toString()),
                "wrong-type.json");
    }

    @Test
    void aRunStoppedBeforeItsFirstCheckpointNeedsResumeAndThenStartsAfresh() throws Exception {
        Path out = tmp.resolve("run");
        Files.createDirectories(out.resolve("checkpoints/epoch-000"));
        Files.writeString(out.resolve(".netgauss.lock"), "");
        Files.writeString(out.resolve("checkpoints/epoch-000/.W1.npy.1.tmp"), "half");
        Path c = config(CONFIG);
        assertOneLineError(CliRun.of("train", "--config", c.toString(), "--out", out.toString()),
                "stopped before its first checkpoint", "--resume");
        CliRun r = CliRun.of("train", "--config", c.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, r.code(), r.err());
        assertTrue(RunDir.open(out).verify().isComplete());
    }

    @Test
    void aSecondWriterIsRefusedNamingTheHolder() throws Exception {
        Path out = tmp.resolve("run");
        Path c = config(CONFIG);
        try (RunWriter holder = RunWriter.lock(out)) {
            CliRun r = CliRun.of("train", "--config", c.toString(), "--out", out.toString(), "--resume");
            assertOneLineError(r, "locked", "pid " + ProcessHandle.current().pid());
        }
        assertEquals(0, CliRun.of("train", "--config", c.toString(), "--out", out.toString(), "--resume").code());
    }

    @Test
    void mergeOfATruncatedShardWritesNothing() throws Exception {
        Path job = ShardedCliTest.writeJob(tmp, 4);
        assertEquals(0, CliRun.of("train-shard", "--config", job.toString(), "--out", tmp.resolve("a").toString(),
                "--members", "0:2").code());
        assertEquals(0, CliRun.of("train-shard", "--config", job.toString(), "--out", tmp.resolve("b").toString(),
                "--members", "2:4").code());
        Path w = tmp.resolve("b/checkpoints/epoch-001/W1.npy");
        byte[] b = Files.readAllBytes(w);
        Files.write(w, java.util.Arrays.copyOf(b, b.length / 2));
        Path out = tmp.resolve("merged");
        assertOneLineError(CliRun.of("merge", out.toString(), tmp.resolve("a").toString(), tmp.resolve("b").toString()),
                w.toString(), "truncated");
        assertFalse(Files.exists(out));
    }
}
