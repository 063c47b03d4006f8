package org.netgauss.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.netgauss.inpca.BhattacharyyaDistance;
import org.netgauss.inpca.DistanceMatrix;
import org.netgauss.inpca.DistanceOptions;
import org.netgauss.inpca.Inpca;
import org.netgauss.inpca.InpcaEmbedding;
import org.netgauss.inpca.Predictions;

/**
 * Benchmark of the intensive Bhattacharyya distance matrix against NumPy, in the same run (BENCHMARKS.md,
 * "Intensive Bhattacharyya distances"). Not a unit test.
 *
 * <pre>
 *   java -Xmx8g -cp ... org.netgauss.bench.InpcaDistanceBench [models=3600] [samples=10000] [classes=10]
 *        [numpyModels=400] [precision=FLOAT32|FLOAT64|BOTH]
 * </pre>
 *
 * Random softmax outputs (logit scale 3, seeded) stand in for network predictions; speed does not depend on
 * the values. NumPy (Debian's /usr/bin/python3) runs on the first {@code numpyModels} models, because the
 * full 3600-model matrix takes it about an hour; rates are compared per pair-sample, counted as
 * {@code models² × samples} as in BENCHMARKS.md (NumPy computes the full matrix; netgauss computes only
 * {@code u < v}, so half of its advantage is symmetry). The two matrices are also compared entry by entry.
 *
 * <p>Measured 2026-11-22 on the shared 2-core dev machine (Xeon, AVX-512, load average ~5 from other
 * jobs, so wall times are pessimistic and noisy; CPU-time ratios are given too), JDK 17, NumPy 1.24.2:
 * <pre>
 *   3600 x 10000 x 10, FLOAT64: 193 s wall (6.7e8 pair-samples/s), RSS 2.8 GB
 *     numpy (400 models): einsum 3.3e7/s, batched matmul 5.0e7/s
 *     ratio 13.5x wall vs matmul (10.0x per CPU-second), 20.2x vs einsum; max |dD| vs numpy 6e-9
 *   1200 x 10000 x 10: FLOAT64 22 s (6.5e8/s), FLOAT32 58 s; numpy matmul 7.3e7/s: 8.9x wall, 6.8x per CPU-s
 * </pre>
 */
public final class InpcaDistanceBench {
    private InpcaDistanceBench() {}

    public static void main(String[] args) throws Exception {
        int models = args.length > 0 ? Integer.parseInt(args[0]) : 3600;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
        int classes = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int npModels = Math.min(models, args.length > 3 ? Integer.parseInt(args[3]) : 400);
        String prec = args.length > 4 ? args[4] : "FLOAT32";
        int threads = Runtime.getRuntime().availableProcessors();
        PeerBlas peers = PeerBlas.measure(threads);
        System.out.printf("netgauss InPCA distance benchmark: %d models x %d samples x %d classes, %d threads, java %s%n",
                models, samples, classes, threads, System.getProperty("java.version"));

        long t0 = System.nanoTime();
        float[] p = randomSoftmax(models, samples, classes, 3.0, 42);
        Predictions pred = Predictions.wrap(p, models, samples, classes, Predictions.DEFAULT_ROW_SUM_TOLERANCE);
        System.out.printf("generated and validated %.2f GB of float32 predictions in %.1f s%n",
                p.length * 4e-9, (System.nanoTime() - t0) * 1e-9);

        // warm-up on a small problem so the JIT has compiled the kernel before timing
        Predictions small = Predictions.wrap(randomSoftmax(64, 500, classes, 3.0, 1), 64, 500, classes, 1e-3);
        for (int i = 0; i < 5; i++) {
            BhattacharyyaDistance.matrix(small, DistanceOptions.defaults());
            BhattacharyyaDistance.matrix(small, DistanceOptions.defaults().withPrecision(DistanceOptions.Precision.FLOAT64));
        }

        double full = (double) models * models * samples;
        double javaRate = 0;
        double javaCpuRate = 0;
        DistanceMatrix d = null;
        for (DistanceOptions.Precision pr : DistanceOptions.Precision.values()) {
            if (!prec.equals("BOTH") && !prec.equals(pr.name())) {
                continue;
            }
            System.gc();
            long cpu0 = processCpuNanos();
            long s = System.nanoTime();
            DistanceMatrix dm = BhattacharyyaDistance.matrix(pred, DistanceOptions.defaults().withPrecision(pr));
            double sec = (System.nanoTime() - s) * 1e-9;
            double cpu = (processCpuNanos() - cpu0) * 1e-9;
            Runtime rt = Runtime.getRuntime();
            double rate = full / sec;
            System.out.printf("netgauss %-7s: %8.2f s wall, %8.2f s cpu  %.3e pair-samples/s wall, %.3e per cpu-s"
                            + " (models^2 x samples; unique pairs %.3e/s wall), heap used %.2f GB, load %.1f%n",
                    pr, sec, cpu, rate, full / cpu, (double) models * (models - 1) / 2 * samples / sec,
                    (rt.totalMemory() - rt.freeMemory()) * 1e-9, loadAverage());
            if (pr == DistanceOptions.defaults().precision() || d == null) {
                d = dm;
                javaRate = rate;
                javaCpuRate = full / cpu;
            }
        }

        long e0 = System.nanoTime();
        InpcaEmbedding emb = Inpca.embed(d);
        System.out.printf("InPCA embedding of all %d models (double centring + LAPACK dsyev via ND4J): %.1f s; %s%n",
                models, (System.nanoTime() - e0) * 1e-9, emb);

        Path dir = Files.createTempDirectory("netgauss-bench");
        try {
            Path data = dir.resolve("p.f32");
            writeFloats(data, p, npModels * samples * classes);
            Path script = dir.resolve("inpca_bhattacharyya_numpy.py");
            try (InputStream in = InpcaDistanceBench.class.getResourceAsStream("inpca_bhattacharyya_numpy.py")) {
                Files.copy(in, script);
            }
            Path out = dir.resolve("d.f64");
            Process proc = new ProcessBuilder("/usr/bin/python3", script.toString(), data.toString(),
                    String.valueOf(npModels), String.valueOf(samples), String.valueOf(classes), out.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line = new String(proc.getInputStream().readAllBytes()).trim();
            if (proc.waitFor() != 0) {
                throw new IllegalStateException("numpy reference failed: " + line);
            }
            JsonObject js = JsonParser.parseString(line.substring(line.lastIndexOf('\n') + 1)).getAsJsonObject();
            double npFull = (double) npModels * npModels * samples;
            double npRate = 0;
            double npCpuRate = 0;
            double einsumRate = 0;
            for (String how : new String[] {"einsum", "matmul"}) {
                double sec = js.get(how + "_s").getAsDouble();
                double cpu = js.get(how + "_cpu_s").getAsDouble();
                System.out.printf("numpy %s %-6s (%d models, float32): %8.2f s wall, %8.2f s cpu  %.3e pair-samples/s wall,"
                                + " %.3e per cpu-s, load %.1f%n",
                        js.get("numpy").getAsString(), how, npModels, sec, cpu, npFull / sec, npFull / cpu, loadAverage());
                npRate = Math.max(npRate, npFull / sec);
                npCpuRate = Math.max(npCpuRate, npFull / cpu);
                if (how.equals("einsum")) {
                    einsumRate = npFull / sec;
                }
            }
            double[] npD = readDoubles(out, npModels * npModels);
            double worstAbs = 0;
            double worstRel = 0;
            for (int i = 0; i < npModels; i++) {
                for (int j = i + 1; j < npModels; j++) {
                    double a = d.get(i, j);
                    double b = npD[i * npModels + j];
                    worstAbs = Math.max(worstAbs, Math.abs(a - b));
                    worstRel = Math.max(worstRel, Math.abs(a - b) / b);
                }
            }
            System.out.printf("agreement with numpy on %d models: max |dD| = %.2e, max relative %.2e%n",
                    npModels, worstAbs, worstRel);
            System.out.printf("RATIO netgauss (%s) / best numpy: %s wall, %s per cpu-second;"
                    + " / numpy einsum (the BENCHMARKS.md reference): %s wall  (target 10x)%n",
                    DistanceOptions.defaults().precision(), peers.ratio(javaRate / npRate),
                    peers.ratio(javaCpuRate / npCpuRate), peers.ratio(javaRate / einsumRate));
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static float[] randomSoftmax(int t, int s, int c, double scale, long seed) {
        float[] p = new float[t * s * c];
        IntStream.range(0, t).parallel().forEach(m -> {
            SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + m);
            double[] row = new double[c];
            for (int n = 0; n < s; n++) {
                double sum = 0;
                for (int k = 0; k < c; k++) {
                    double g = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
                    row[k] = Math.exp(scale * g);
                    sum += row[k];
                }
                int base = (m * s + n) * c;
                for (int k = 0; k < c; k++) {
                    p[base + k] = (float) (row[k] / sum);
                }
            }
        });
        return p;
    }

    private static void writeFloats(Path path, float[] a, int count) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                if (buf.remaining() < 4) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    buf.clear();
                }
                buf.putFloat(a[i]);
            }
            buf.flip();
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }

    private static double[] readDoubles(Path path, int count) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[count];
        b.asDoubleBuffer().get(out);
        return out;
    }
}
