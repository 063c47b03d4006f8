package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netgauss.nn.Training;
import org.netgauss.study.Profile;
import org.netgauss.study.TrainConfigFile;
import org.netgauss.study.TrainJob;
import org.netgauss.store.RunDir;

class TrainCommandTest {
    // synthetic blobs keep each run well under a second; biases, a scheduler and checkpointEvery 2 give a resume
    // plenty of state to carry
    private static final String CONFIG = String.join("\n",
            "name: blobs",
            "widths: [8, 6, 5, 3]",
            "activation: tanh",
            "init: {scheme: gaussian, gain: 1.2}",
            "optimizer: {type: adam, lr: 3e-3, weightDecay: 0.001}",
            "batchSize: 32",
            "epochs: {smoke: 2, quick: 4, paper: 50}",
            "ensembleSize: {smoke: 2, quick: 3, paper: 1000}",
            "seed: 11",
            "checkpointEvery: 2",
            "scheduler: {factor: 0.5, patience: 0, threshold: 0.5}",
            "data: {dataset: synthetic, samples: 200, separation: 2.5, snapshots: 10}",
            "");

    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path config(String text) throws IOException {
        Path p = tmp.resolve("config-" + Math.abs(text.hashCode()) + ".yaml");
        Files.writeString(p, text);
        return p;
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void trainWritesACompleteRunAndAJsonSummary() throws IOException {
        Path out = tmp.resolve("run");
        CliRun r = run("train", "--config", config(CONFIG).toString(), "--out", out.toString(), "--profile", "quick",
                "--json", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        JsonObject s = JsonParser.parseString(r.out().strip()).getAsJsonObject();
        assertEquals("complete", s.get("status").getAsString());
        assertEquals(4, s.get("epochsDone").getAsInt());
        assertEquals(3, s.get("memberCount").getAsInt());
        assertTrue(s.get("meanValidationAccuracy").getAsDouble() > 0.5, r.out());
        RunDir run = RunDir.open(out);
        assertArrayEquals(new int[] {0, 2, 4}, run.epochs());
        assertEquals(3 * 4, run.metrics().rowCount());
        assertArrayEquals(new int[] {3, 10, 3}, run.checkpoint(4).array("probabilities").shape());
        assertTrue(r.err().contains("train run (3 members)"), "progress goes to stderr: " + r.err());
    }

    @Test
    void snapshotStepsWriteProbabilitiesAfterThoseMinibatches() throws IOException {
        Path out = tmp.resolve("steps");
        String text = CONFIG.replace("snapshots: 10}", "snapshots: 10, snapshotSteps: [1, 3, 9]}");
        CliRun r = run("train", "--config", config(text).toString(), "--out", out.toString(), "--profile", "smoke");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(new long[] {1, 3, 9}, RunDir.open(out).snapshotSteps());
        assertArrayEquals(new int[] {2, 10, 3}, RunDir.open(out).snapshot(3).shape());
    }

    @Test
    void unknownProfileNamesTheFlag() throws IOException {
        CliRun r = run("train", "--config", config(CONFIG).toString(), "--out", tmp.resolve("p").toString(),
                "--profile", "huge");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--profile huge: use smoke, quick or paper"), r.err());
    }

    @Test
    void resumeAfterAStopEqualsAnUninterruptedRun() throws IOException {
        Path c = config(CONFIG);
        Path whole = tmp.resolve("whole");
        Path parts = tmp.resolve("parts");
        assertEquals(0, run("train", "--config", c.toString(), "--out", whole.toString(), "--profile", "quick").code());
        // stop after epoch 3: the last checkpoint with optimiser state is epoch 2, so the resume replays epoch 3
        CliRun stopped = run("train", "--config", c.toString(), "--out", parts.toString(), "--profile", "quick",
                "--stop-after-epoch", "3");
        assertEquals(0, stopped.code(), stopped.err());
        assertFalse(RunDir.open(parts).isComplete());
        assertTrue(stopped.out().contains("--resume"), "says how to continue: " + stopped.out());
        CliRun resumed = run("train", "--config", c.toString(), "--out", parts.toString(), "--profile", "quick", "--resume",
                "--threads", "1");
        assertEquals(0, resumed.code(), resumed.err());
        for (String f : new String[] {"metrics.csv", "checkpoints/epoch-004/W1.npy", "checkpoints/epoch-004/W3.npy",
                "checkpoints/epoch-004/b2.npy", "checkpoints/epoch-004/probabilities.npy"}) {
            assertArrayEquals(bytes(whole.resolve(f)), bytes(parts.resolve(f)), f);
        }
    }

    @Test
    void rerunningAFinishedRunSaysSoAndWritesNothing() throws IOException {
        Path c = config(CONFIG);
        Path out = tmp.resolve("run");
        assertEquals(0, run("train", "--config", c.toString(), "--out", out.toString(), "--profile", "smoke").code());
        byte[] manifest = bytes(out.resolve("manifest.json"));
        CliRun again = run("train", "--config", c.toString(), "--out", out.toString(), "--profile", "smoke", "--resume");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("already complete"), again.out());
        assertArrayEquals(manifest, bytes(out.resolve("manifest.json")));
        CliRun plain = run("train", "--config", c.toString(), "--out", out.toString(), "--profile", "smoke");
        assertEquals(0, plain.code(), plain.err());
        assertTrue(plain.out().contains("already complete"), plain.out());
        // more epochs than stored: the finished run is extended only when asked to
        CliRun longer = run("train", "--config", c.toString(), "--out", out.toString(), "--profile", "smoke", "--epochs", "3");
        assertEquals(1, longer.code());
        assertTrue(longer.err().contains("add --resume"), longer.err());
        assertArrayEquals(manifest, bytes(out.resolve("manifest.json")));
    }

    @Test
    void jsonAndYamlConfigsGiveTheSameTrainingConfig() throws IOException {
        Path json = tmp.resolve("c.json");
        Files.writeString(json, "{\"widths\": [8, 6, 5, 3], \"activation\": \"tanh\", \"init\": {\"scheme\": \"gaussian\","
                + " \"gain\": 1.2}, \"optimizer\": {\"type\": \"adam\", \"lr\": 3e-3, \"weightDecay\": 0.001},"
                + " \"batchSize\": 32, \"epochs\": {\"smoke\": 2, \"quick\": 4, \"paper\": 50}, \"ensembleSize\":"
                + " {\"smoke\": 2, \"quick\": 3, \"paper\": 1000}, \"seed\": 11, \"checkpointEvery\": 2, \"scheduler\":"
                + " {\"factor\": 0.5, \"patience\": 0, \"threshold\": 0.5}, \"data\": {\"dataset\": \"synthetic\","
                + " \"samples\": 200, \"separation\": 2.5, \"snapshots\": 10}}");
        TrainJob a = TrainConfigFile.read(json, Profile.QUICK);
        TrainJob b = TrainConfigFile.read(config(CONFIG), Profile.QUICK);
        assertEquals(Training.configJson(b.config()), Training.configJson(a.config()));
    }

    @Test
    void profilePicksItsSizes() throws IOException {
        Path c = config(CONFIG);
        assertEquals(2, TrainConfigFile.read(c, Profile.SMOKE).config().epochs());
        assertEquals(1000, TrainConfigFile.read(c, Profile.PAPER).config().ensembleSize());
    }

    @Test
    void shippedConfigsAreValid() throws IOException {
        Path dir = Path.of(System.getProperty("user.dir")).resolveSibling("environment").resolve("configs");
        try (Stream<Path> files = Files.list(dir)) {
            long n = files.filter(f -> f.toString().matches(".*\\.(yaml|yml|json)")).peek(f -> {
                for (Profile p : Profile.values()) {
                    TrainConfigFile.read(f, p);
                }
            }).count();
            assertTrue(n >= 9, "configs in " + dir);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "activation: relu6|activation: expected one of relu, tanh, identity, found 'relu6'",
        "optimizer: {type: adagrad, lr: 0.1}|optimizer.type: expected one of sgd, adam, adamw",
        "optimizer: {type: sgd, lr: 0.1, beta1: 0.9}|optimizer.beta1",
        "optimizer: {type: adam, lr: -1}|optimizer: learning rate must be finite and positive",
        "batchSize: 0|batchSize: expected a positive integer, found 0",
        "epochs: {smoke: 1, paper: 2}|epochs.quick: expected a value for each profile",
        "widths: [8, 0, 3]|widths[1]: expected a positive integer",
        "dropout: 0.5|unknown field 'dropout'; allowed:",
        "init: he|init: expected one of torch-default, uniform, gaussian, glorot-uniform, glorot-normal, orthogonal",
        "data: {dataset: cifar10}|data.dataset: expected one of mnist, synthetic",
        "data: {dataset: mnist, pixelScale: zero-to-two}|data.pixelScale: expected one of zero-to-one, minus-one-to-one",
        "members: {first: 2, count: 5}|members: expected a non-empty range inside [0, 3)",
        "widths: [8, 6|not valid YAML or JSON",
        "data: {dataset: synthetic, snapshotSteps: mao}|data.snapshotSteps: expected only with data.snapshots > 0",
    })
    void badConfigIsOneLineNamingTheFieldAndNothingIsWritten(String line, String expected) throws IOException {
        // the bad line replaces the config's line for the same field, or is added
        String key = line.substring(0, line.indexOf(':'));
        StringBuilder text = new StringBuilder();
        boolean replaced = false;
        for (String l : CONFIG.split("\n")) {
            if (l.startsWith(key + ":")) {
                text.append(line).append('\n');
                replaced = true;
            } else {
                text.append(l).append('\n');
            }
        }
        if (!replaced) {
            text.append(line).append('\n');
        }
        Path out = tmp.resolve("never");
        CliRun r = run("train", "--config", config(text.toString()).toString(), "--out", out.toString(), "--profile", "quick");
        assertEquals(1, r.code());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("netgauss train: "), err);
        assertTrue(err.contains(expected), err);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void missingConfigFileIsNamed() {
        CliRun r = run("train", "--config", tmp.resolve("nope.yaml").toString(), "--out", tmp.resolve("o").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("nope.yaml: no such config file"), r.err());
    }
}
