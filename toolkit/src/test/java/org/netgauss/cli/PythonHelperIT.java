package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.pigmm.Pigmm;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.WeightEnsemble;
import org.netgauss.store.MetricsCsv;
import org.netgauss.store.NpyArray;
import org.netgauss.store.RunDir;

/**
 * The Python helper {@code environment/python/netgauss.py} against the Java side (after {@code package}: it calls
 * the real launcher): a run made by the CLI is read in Python and compared with what {@link RunDir} reads, a PyTorch
 * state_dict ensemble is fitted through {@code netgauss fit --json} and compared with {@link Pigmm#fit} in Java, and
 * damaged runs give one-line errors. The assertions are in {@code environment/python/test_netgauss.py}, run with
 * Debian's {@code /usr/bin/python3} (numpy, torch).
 */
class PythonHelperIT {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path tmp;

    @Test
    void pythonHelperTestsPass() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("netgauss.failsafe"), "calls the packaged launcher: failsafe only");
        Path root = root();
        Path data = tmp.resolve("data");
        writeRun(data);
        writeTorchCase(data.resolve("torch"));
        ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), "-m", "unittest", "-v", "test_netgauss")
                .directory(root.resolve("environment/python").toFile()).redirectErrorStream(true);
        pb.environment().put("NETGAUSS_TEST_DATA", data.toString());
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "python tests did not finish");
        System.out.println(out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("\nOK"), out);
        assertTrue(!out.contains("skipped"), "no test may be skipped: " + out);
    }

    /** A real run by 'netgauss train' (D = 5 hidden layers, probabilities recorded), and what Java reads from it. */
    private static void writeRun(Path data) throws IOException {
        Files.createDirectories(data.resolve("expected"));
        Path config = data.resolve("train.yaml");
        Files.writeString(config, String.join("\n", "name: blobs", "widths: [6, 5, 5, 3]", "activation: tanh",
                "init: {scheme: gaussian}", "optimizer: {type: adam, lr: 0.01}", "batchSize: 20",
                "epochs: {smoke: 3, quick: 3, paper: 3}", "ensembleSize: {smoke: 6, quick: 6, paper: 6}", "seed: 4",
                "data: {dataset: synthetic, samples: 120, separation: 2.5, snapshots: 10}", ""));
        CliRun r = CliRun.of("train", "--config", config.toString(), "--out", data.resolve("run").toString(),
                "--profile", "smoke", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        RunDir run = RunDir.open(data.resolve("run")).verify();
        JsonObject arrays = new JsonObject();
        for (int e : run.epochs()) {
            for (String name : run.checkpoint(e).arrayNames()) {
                NpyArray a = run.checkpoint(e).array(name);
                JsonObject meta = new JsonObject();
                JsonArray shape = new JsonArray();
                for (int s : a.shape()) {
                    shape.add(s);
                }
                meta.add("shape", shape);
                meta.addProperty("dtype", a.dtype().descr());
                arrays.add(e + "/" + name, meta);
                Files.write(data.resolve("expected").resolve(e + "-" + name + ".raw"), raw(a));
            }
        }
        assertTrue(arrays.has(run.epochs()[run.epochs().length - 1] + "/probabilities"), arrays.keySet().toString());
        Files.writeString(data.resolve("expected/arrays.json"), arrays.toString());
        JsonArray rows = new JsonArray();
        for (MetricsCsv.Row row : run.metricsRows()) {
            JsonObject o = new JsonObject();
            o.addProperty("member", row.member());
            o.addProperty("epoch", row.epoch());
            o.addProperty("lr", row.lr());
            o.addProperty("trainLoss", row.trainLoss());
            o.addProperty("trainAccuracy", row.trainAccuracy());
            o.addProperty("stopped", row.stopped());
            rows.add(o);
        }
        Files.writeString(data.resolve("expected/metrics.json"), rows.toString());
    }

    /** Little-endian values in C order, independent of the .npy writer. */
    private static byte[] raw(NpyArray a) {
        return switch (a.dtype()) {
            case FLOAT32 -> {
                float[] v = a.floats();
                ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(v);
                yield b.array();
            }
            case FLOAT64 -> {
                double[] v = a.doubles();
                ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                b.asDoubleBuffer().put(v);
                yield b.array();
            }
            default -> throw new IllegalArgumentException("unexpected dtype " + a.dtype());
        };
    }

    /** Members for the state_dicts, as raw float32, and their PIGMM fitted in Java. */
    private static void writeTorchCase(Path dir) throws IOException {
        Files.createDirectories(dir);
        int n = 12;
        int d = 6;
        double[] x = PigmmParameters.of(d, NetgaussCliTest.F_STRUCT).sample(n, new SplittableRandom(21)).toArray();
        float[] f = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            f[k] = (float) x[k];
        }
        ByteBuffer b = ByteBuffer.allocate(4 * f.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(f);
        Files.write(dir.resolve("members.raw"), b.array());
        double[] fit = Pigmm.fit(WeightEnsemble.of(f, n, d, d)).parameters().toArray();
        JsonObject o = new JsonObject();
        JsonArray shape = new JsonArray();
        shape.add(n);
        shape.add(d);
        shape.add(d);
        o.add("shape", shape);
        for (int k = 0; k < 13; k++) {
            o.addProperty("f" + (k + 1), fit[k]);
        }
        Files.writeString(dir.resolve("expected-fit.json"), o.toString());
    }

    private static Path root() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("environment/python/netgauss.py"))) {
                return d;
            }
        }
        throw new IllegalStateException("environment/python/netgauss.py not found above " + Path.of("").toAbsolutePath());
    }
}
