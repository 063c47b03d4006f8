package org.netgauss.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.netgauss.data.Dataset;
import org.netgauss.nn.DataOrder;
import org.netgauss.nn.EnsembleTrainer;
import org.netgauss.nn.Mlp;
import org.netgauss.nn.Rng;
import org.netgauss.nn.TrainingConfig;

/**
 * Throughput of the PIGMM paper's training workload (784→10→10→10→10, no bias, ReLU, Adam 1e-3, batch 100,
 * independent data orders, MNIST-sized random data) in member-epochs per second, for netgauss and, in the same
 * run, PyTorch's batched-ensemble version ({@code torch_ensemble.py}, torch.bmm over members) and ND4J
 * alternatives for the dominant first layer. Not a unit test. Run:
 * <pre>
 *   mvn -B -q -o -pl toolkit test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 *   java -cp toolkit/target/test-classes:toolkit/target/classes:$(cat toolkit/target/bench.cp) \
 *        org.netgauss.bench.TrainingBenchmark [threads]
 * </pre>
 * E = 100 trains a full epoch on 60 000 samples; E = 1000 trains one epoch on a 6 000-sample subset (a tenth of
 * an epoch's steps per member, same per-step work) and is extrapolated.
 */
public final class TrainingBenchmark {
    private static final int N = 60_000;
    private static final int B = 100;
    private static final int IN = 784;
    private static final int H = 10;

    private TrainingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        System.out.printf(Locale.ROOT, "threads=%d, cores=%d, java %s%n", threads,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Dataset full = randomData(N);
        Dataset tenth = full.subset("random-6000", firstRows(N / 10));
        Mlp mlp = Mlp.of(IN, H, H, H, 10).withBias(false);
        Map<String, Double> ours = new LinkedHashMap<>();

        engine(mlp, tenth, 8, threads, DataOrder.INDEPENDENT); // JIT warm-up
        ours.put("E=100", engine(mlp, full, 100, threads, DataOrder.INDEPENDENT));
        ours.put("E=1000", engine(mlp, tenth, 1000, threads, DataOrder.INDEPENDENT));
        double shared = engine(mlp, tenth, 1000, threads, DataOrder.SHARED);
        double oneThread = engine(mlp, tenth, 200, 1, DataOrder.INDEPENDENT);
        System.out.printf(Locale.ROOT, "netgauss E=1000 shared data order: %.2f member-epochs/s%n", shared);
        System.out.printf(Locale.ROOT, "netgauss E=200 one thread: %.2f member-epochs/s%n", oneThread);

        nd4jFirstLayer(100, threads);

        Map<String, Double> torch = torch(threads);
        System.out.println();
        System.out.println("| E | netgauss member-epochs/s | PyTorch batched (same run) | ratio |");
        System.out.println("|---|---|---|---|");
        for (Map.Entry<String, Double> e : ours.entrySet()) {
            Double t = torch.get(e.getKey());
            System.out.printf(Locale.ROOT, "| %s | %.2f | %s | %s |%n", e.getKey().substring(2), e.getValue(),
                    t == null ? "n/a" : String.format(Locale.ROOT, "%.2f", t),
                    t == null ? "n/a" : String.format(Locale.ROOT, "%.1fx", e.getValue() / t));
        }
    }

    /** Member-epochs per second of the netgauss engine on {@code data} (one epoch). */
    private static double engine(Mlp mlp, Dataset data, int e, int threads, DataOrder order) {
        TrainingConfig cfg = TrainingConfig.defaults(mlp).withEnsembleSize(e).withBatchSize(B).withDataOrder(order);
        EnsembleTrainer t = EnsembleTrainer.initialise(cfg, threads);
        long t0 = System.nanoTime();
        t.trainEpoch(data, null);
        double sec = (System.nanoTime() - t0) / 1e9;
        double rate = e * ((double) data.size() / N) / sec;
        System.out.printf(Locale.ROOT, "netgauss E=%d %s on %d samples: %.2f s, %.2f member-epochs/s%n", e,
                order.name().toLowerCase(Locale.ROOT), data.size(), sec, rate);
        return rate;
    }

    /**
     * ND4J options for the first layer alone (forward Z = X W and weight gradient X^T dZ per member; the other
     * layers, the loss and Adam are left out, so these are upper bounds for an ND4J engine).
     */
    private static void nd4jFirstLayer(int e, int threads) {
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        INDArray x = Nd4j.rand(DataType.FLOAT, e, B, IN);
        INDArray w = Nd4j.rand(DataType.FLOAT, e, IN, H);
        INDArray dz = Nd4j.rand(DataType.FLOAT, e, B, H);
        INDArray z = Nd4j.create(DataType.FLOAT, e, B, H);
        INDArray gw = Nd4j.create(DataType.FLOAT, e, IN, H);
        int reps = 20;
        for (int warm = 0; warm < 3; warm++) {
            Nd4j.matmul(x, w, z);
            Nd4j.matmul(x, dz, gw, true, false, false);
        }
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            Nd4j.matmul(x, w, z);
            Nd4j.matmul(x, dz, gw, true, false, false);
        }
        report("ND4J rank-3 Nd4j.matmul (batched), layer 1 only", e, (System.nanoTime() - t0) / 1e9 / reps);

        INDArray[] xs = new INDArray[e];
        INDArray[] ws = new INDArray[e];
        INDArray[] dzs = new INDArray[e];
        INDArray[] zs = new INDArray[e];
        INDArray[] gws = new INDArray[e];
        for (int m = 0; m < e; m++) {
            xs[m] = x.slice(m);
            ws[m] = w.slice(m);
            dzs[m] = dz.slice(m);
            zs[m] = z.slice(m);
            gws[m] = gw.slice(m);
        }
        for (int warm = 0; warm < 3; warm++) {
            for (int m = 0; m < e; m++) {
                Nd4j.gemm(xs[m], ws[m], zs[m], false, false, 1.0, 0.0);
                Nd4j.gemm(xs[m], dzs[m], gws[m], true, false, 1.0, 0.0);
            }
        }
        t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            for (int m = 0; m < e; m++) {
                Nd4j.gemm(xs[m], ws[m], zs[m], false, false, 1.0, 0.0);
                Nd4j.gemm(xs[m], dzs[m], gws[m], true, false, 1.0, 0.0);
            }
        }
        report("ND4J Nd4j.gemm loop over members, layer 1 only", e, (System.nanoTime() - t0) / 1e9 / reps);

        // the batch an ND4J engine must assemble every step: [E, 100, 784] gathered rows (independent orders)
        float[] data = new float[N * IN];
        float[] batch = new float[e * B * IN];
        Rng rng = new Rng(1);
        int[] rows = new int[e * B];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rng.nextInt(N);
        }
        t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(data, rows[i] * IN, batch, i * IN, IN);
            }
            x.data().setData(batch);
        }
        report("gathering the [E, 100, 784] batch into ND4J (no compute)", e, (System.nanoTime() - t0) / 1e9 / reps);
    }

    private static void report(String what, int e, double secPerStep) {
        System.out.printf(Locale.ROOT, "%s, E=%d: %.2f ms/step -> at most %.2f member-epochs/s%n", what, e,
                secPerStep * 1e3, e / (secPerStep * (N / B)));
    }

    /** Runs the PyTorch script with /usr/bin/python3 and parses its rates; empty if torch is not installed. */
    private static Map<String, Double> torch(int threads) throws IOException, InterruptedException {
        Map<String, Double> r = new LinkedHashMap<>();
        Path script = Files.createTempFile("torch_ensemble", ".py");
        try (InputStream in = TrainingBenchmark.class.getResourceAsStream("torch_ensemble.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), Integer.toString(threads), "100:60", "1000:10")
                .redirectErrorStream(true).start();
        Pattern line = Pattern.compile("torch E=(\\d+) member_epochs_per_s=([0-9.]+)");
        try (BufferedReader br = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String s = br.readLine(); s != null; s = br.readLine()) {
                System.out.println("  " + s);
                Matcher m = line.matcher(s);
                if (m.find()) {
                    r.put("E=" + m.group(1), Double.parseDouble(m.group(2)));
                }
            }
        }
        p.waitFor();
        Files.deleteIfExists(script);
        return r;
    }

    private static Dataset randomData(int n) {
        Rng rng = new Rng(2026);
        float[] x = new float[n * IN];
        int[] y = new int[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.uniform(-1, 1);
        }
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(10);
        }
        return new Dataset("random-mnist-sized", x, y, IN, 10);
    }

    private static int[] firstRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
