package org.netgauss.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.netgauss.invariants.DeviationReport;
import org.netgauss.invariants.Deviations;
import org.netgauss.invariants.InvariantGraph;
import org.netgauss.invariants.Invariants;
import org.netgauss.invariants.WickPredictor;
import org.netgauss.pigmm.Pigmm;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.Wasserstein;
import org.netgauss.pigmm.WassersteinBreakdown;
import org.netgauss.pigmm.WeightEnsemble;
import org.netgauss.store.Npy;

/**
 * Time of one checkpoint's PIGMM analysis (Hirst &amp; Ramgoolam's per-(checkpoint, layer) step, docs/spec/pigmm.md §1 last row):
 * fit, invariants, Wick predictions, deviations and W₂² to the init reference, for N matrices of size D, against a
 * NumPy einsum implementation of the same invariants ({@code invariants_numpy.py}) run in the same harness with
 * Debian's /usr/bin/python3. Not a unit test. Run:
 * <pre>
 *   mvn -B -q -o -pl toolkit test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 *   java -cp toolkit/target/test-classes:toolkit/target/classes:$(cat toolkit/target/bench.cp) \
 *        org.netgauss.bench.PigmmBenchmark [N10=1000] [N640=4]
 * </pre>
 * At D = 640 it times N640 matrices and extrapolates linearly to 1000 (every step is per member except the
 * D-independent Wick predictions and W₂²). BENCHMARKS.md targets: the paper's analysis (51 checkpoints x 3 layers x
 * 1000 matrices at D = 10) under 10 s; I1..I52 for the width study (1000 matrices x 51 checkpoints at D = 640) in
 * minutes.
 */
public final class PigmmBenchmark {
    private PigmmBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n10 = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int n640 = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        System.out.printf(Locale.ROOT, "cores=%d, java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        PeerBlas peers = PeerBlas.measure(Runtime.getRuntime().availableProcessors());
        List<InvariantGraph> i1to52 = new ArrayList<>(Invariants.quadratic());
        i1to52.addAll(Invariants.paperCubicQuartic());
        List<InvariantGraph> all348 = new ArrayList<>(Invariants.enumerate(3));
        all348.addAll(Invariants.enumerate(4));

        Path dir = Files.createTempDirectory("pigmm-bench");
        try {
            for (int[] run : new int[][] {{10, n10}, {640, n640}}) {
                int d = run[0];
                int n = run[1];
                if (n < 1) {
                    continue;
                }
                WeightEnsemble e = ensemble(d, n, 2026 + d);
                Path file = dir.resolve("W_D" + d + ".npy");
                Npy.write(file, e.toArray(), n, d, d);
                System.out.printf(Locale.ROOT, "%n== D = %d, N = %d ==%n", d, n);
                boolean small = d <= 64;
                // warm-up (JIT) on a small copy, then the timed run
                analysis(small ? e : WeightEnsemble.of(java.util.Arrays.copyOf(e.toArray(), 2 * d * d), 2, d, d),
                        i1to52, all348, small ? n : 2);
                Map<String, Double> java = analysis(e, i1to52, all348, n);
                if (!small) {
                    System.out.printf(Locale.ROOT, "(NumPy runs I1..I52 only at this D)%n");
                    // the 348 share M², M·Mᵀ, Mᵀ·M per matrix: 2D³ + D³ + D³ flops (the last two symmetric)
                    double gemmFlops = 4.0 * d * d * d * 1000;
                    double sec = java.get("invariants 348 cubic+quartic");
                    double cpu = java.get("invariants 348 cubic+quartic, CPU s / cores");
                    System.out.printf(Locale.ROOT, "348 cubic+quartic at D = %d: %.1f s wall per 1000 matrices (%.1f s"
                            + " on unshared cores: CPU time / cores); its three shared products alone at NumPy's float64"
                            + " GEMM rate (%.1f GFLOP/s, same run) would take %.1f s: netgauss runs the whole set at"
                            + " %.0f %% of that rate (%.0f %% by CPU time)%n", d, sec, cpu, peers.numpyGemmF64(),
                            gemmFlops / peers.numpyGemmF64() / 1e9, 100 * gemmFlops / sec / 1e9 / peers.numpyGemmF64(),
                            100 * gemmFlops / cpu / 1e9 / peers.numpyGemmF64());
                }
                Map<String, JsonObject> numpy = numpy(file, small ? List.of("I1..I52", "348 cubic+quartic")
                        : List.of("I1..I52"), Map.of("I1..I52", i1to52, "348 cubic+quartic", all348));
                double scale = 1.0;
                System.out.printf(Locale.ROOT, "%-34s %12s %12s%n", "step (per checkpoint, 1000 matrices)", "netgauss s",
                        "NumPy s");
                java.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-34s %12.4f%n", k, v * scale));
                for (String set : List.of("I1..I52", "348 cubic+quartic")) {
                    JsonObject r = numpy.get(set);
                    if (r == null) {
                        continue;
                    }
                    double np = r.get("seconds").getAsDouble() * 1000.0 / n;
                    double jv = java.get("invariants " + set) * scale;
                    System.out.printf(Locale.ROOT, "%-34s %12.4f %12.4f   NumPy/netgauss = %s%n",
                            "invariants " + set, jv, np, peers.ratio(np / jv));
                    crossCheck(set, e, set.equals("I1..I52") ? i1to52 : all348, r.getAsJsonArray("means"));
                }
                System.out.printf(Locale.ROOT, "load average %.1f on %d cores%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
                double paper = java.get("fit") + java.get("invariants I1..I52") + java.get("Wick I14..I52")
                        + java.get("Wasserstein");
                double full = java.get("fit") + java.get("invariants 348 cubic+quartic") + java.get("Wick 348")
                        + java.get("Wasserstein");
                System.out.printf(Locale.ROOT, "paper analysis per checkpoint-layer (fit + I1..I52 + Wick + W2): %.4f s;"
                        + " x 153 (51 checkpoints x 3 layers) = %.1f s%n", paper * scale, paper * scale * 153);
                System.out.printf(Locale.ROOT, "full analysis per checkpoint-layer (fit + 348 + Wick + W2): %.4f s;"
                        + " x 153 = %.1f s%n", full * scale, full * scale * 153);
                if (numpy.containsKey("I1..I52")) {
                    double np52 = numpy.get("I1..I52").get("seconds").getAsDouble() * 1000.0 / n;
                    System.out.printf(Locale.ROOT, "I1..I52 over 51 checkpoints x 1000 matrices: netgauss %.1f s, NumPy %.1f s%n",
                            java.get("invariants I1..I52") * scale * 51, np52 * 51);
                }
            }
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** IID N(0, 1/D) plus a small structured part, so no invariant is degenerate. */
    private static WeightEnsemble ensemble(int d, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double s = 1 / Math.sqrt(d);
        double[] x = new double[n * d * d];
        for (int k = 0; k < n; k++) {
            double shift = 0.1 * s * rng.nextGaussian();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    x[(k * d + i) * d + j] = s * rng.nextGaussian() + shift + (i == j ? 0.3 * s : 0);
                }
            }
        }
        return WeightEnsemble.of(x, n, d, d);
    }

    /**
     * Wall time of each step of one checkpoint's analysis, in seconds per 1000 matrices (per-member steps scaled by
     * 1000/N; the 348 invariants are timed on the first {@code members348} members and scaled by 1000/members348).
     */
    private static Map<String, Double> analysis(WeightEnsemble e, List<InvariantGraph> i1to52,
                                                List<InvariantGraph> all348, int members348) {
        double scale = 1000.0 / e.members();
        Map<String, Double> t = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        PigmmParameters fit = Pigmm.fit(e).parameters();
        t.put("fit", (System.nanoTime() - t0) / 1e9 * scale);

        t0 = System.nanoTime();
        double[][] v52 = Invariants.evaluate(i1to52, e);
        t.put("invariants I1..I52", (System.nanoTime() - t0) / 1e9 * scale);

        WeightEnsemble sub = members348 >= e.members() ? e
                : WeightEnsemble.of(java.util.Arrays.copyOf(e.toArray(), members348 * e.rows() * e.cols()), members348,
                        e.rows(), e.cols());
        t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        double[][] v348 = Invariants.evaluate(all348, sub);
        t.put("invariants 348 cubic+quartic", (System.nanoTime() - t0) / 1e9 * 1000.0 / sub.members());
        t.put("invariants 348 cubic+quartic, CPU s / cores", (processCpuNanos() - cpu0) / 1e9 * 1000.0 / sub.members()
                / Runtime.getRuntime().availableProcessors());

        t0 = System.nanoTime();
        double[] w39 = WickPredictor.of(fit).expectations(Invariants.paperCubicQuartic());
        t.put("Wick I14..I52", (System.nanoTime() - t0) / 1e9);

        t0 = System.nanoTime();
        double[] w348 = WickPredictor.of(fit).expectations(all348);
        t.put("Wick 348", (System.nanoTime() - t0) / 1e9);

        t0 = System.nanoTime();
        WassersteinBreakdown w = Wasserstein.between(fit, PigmmParameters.initReference(e.rows(), 1.0 / e.rows(),
                e.members()));
        t.put("Wasserstein", (System.nanoTime() - t0) / 1e9);

        t0 = System.nanoTime();
        DeviationReport paper = Deviations.paper(e);
        t.put("Deviations.paper (library call)", (System.nanoTime() - t0) / 1e9 * scale);
        if (v52.length + v348.length + w39.length + w348.length < 0 || !Double.isFinite(w.w2Squared())
                || paper.estimates().isEmpty()) {
            throw new IllegalStateException("keep the results alive");
        }
        return t;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Ensemble means by netgauss vs NumPy, relative difference (different summation orders, so ~1e-12). */
    private static void crossCheck(String set, WeightEnsemble e, List<InvariantGraph> graphs, JsonArray means) {
        if (e.rows() > 64 && graphs.size() > 60) {
            return; // the 348 at D = 640 are not re-evaluated just to compare
        }
        double[][] v = Invariants.evaluate(graphs, e);
        double worst = 0;
        for (int k = 0; k < graphs.size(); k++) {
            double mean = 0;
            for (double[] row : v) {
                mean += row[k] / v.length;
            }
            double ref = means.get(k).getAsDouble();
            worst = Math.max(worst, Math.abs(mean - ref) / Math.max(1e-300, Math.abs(ref) + 1e-12));
        }
        System.out.printf(Locale.ROOT, "  %s: max relative difference of ensemble means, netgauss vs NumPy: %.2e%n", set,
                worst);
    }

    /** Runs invariants_numpy.py on the file for each set of graphs; an empty map if NumPy is missing. */
    private static Map<String, JsonObject> numpy(Path file, List<String> names, Map<String, List<InvariantGraph>> sets)
            throws IOException, InterruptedException {
        Map<String, JsonObject> r = new LinkedHashMap<>();
        Path script = file.resolveSibling("invariants_numpy.py");
        try (InputStream in = PigmmBenchmark.class.getResourceAsStream("invariants_numpy.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        JsonObject spec = new JsonObject();
        JsonObject s = new JsonObject();
        for (String name : names) {
            JsonArray graphs = new JsonArray();
            for (InvariantGraph g : sets.get(name)) {
                JsonArray edges = new JsonArray();
                for (int[] x : g.edges()) {
                    JsonArray edge = new JsonArray();
                    edge.add(x[0]);
                    edge.add(x[1]);
                    edges.add(edge);
                }
                graphs.add(edges);
            }
            s.add(name, graphs);
        }
        spec.add("sets", s);
        Path graphsFile = file.resolveSibling("graphs.json");
        Files.writeString(graphsFile, spec.toString());
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), file.toString(), graphsFile.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader br = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = br.readLine(); line != null; line = br.readLine()) {
                if (line.startsWith("{")) {
                    JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                    r.put(o.get("set").getAsString(), o);
                } else {
                    System.out.println("  python: " + line);
                }
            }
        }
        p.waitFor();
        return r;
    }
}
