package org.netgauss.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.netgauss.preact.Initialisation;
import org.netgauss.preact.PhiTheta;
import org.netgauss.preact.PropagationConfig;
import org.netgauss.preact.TwoLayerKsExperiment;

/**
 * Benchmark, not a unit test: the 2-layer KS experiment of {@code docs/spec/gaussian-preact.md} §3a
 * (3 configurations x curves x n = 1..10, N networks per point) in netgauss and in NumPy (the script
 * {@code preact_ks_numpy.py} beside this class, same algorithm, run with Debian's {@code /usr/bin/python3})
 * in the same run, interleaved (Java, NumPy, Java, NumPy, ...) so that both see the same machine load;
 * prints wall and CPU times, their medians and ratios, and the largest KS difference between the two
 * (Monte Carlo noise only: the generators differ).
 *
 * <pre>
 * mvn -B -q -o -pl toolkit test-compile
 * java -cp "toolkit/target/test-classes:toolkit/target/classes:$(mvn -q -o -pl toolkit dependency:build-classpath \
 *     -Dmdep.outputFile=/dev/stdout)" org.netgauss.bench.PreactBenchmark [N] [curves|paper] [threads] [repeats]
 * </pre>
 * Defaults: N = 200000, curves = paper (all 16; or a list such as odd3,pos3,relu,tanh), threads = available
 * processors, repeats = 1. NumPy is single-threaded here, so the CPU-time ratio is the per-core comparison.
 */
public final class PreactBenchmark {
    private PreactBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        String curveSpec = args.length > 1 ? args[1] : "paper";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        PeerBlas peers = PeerBlas.measure(threads);
        List<String> names = curveNames(curveSpec);
        List<Initialisation> curves = new ArrayList<>();
        for (String name : names) {
            curves.add(initialisation(name));
        }
        System.out.printf(Locale.ROOT, "2-layer KS experiment: N = %d, %d curves x 3 configurations x n = 1..10, java threads = %d,"
                + " %d interleaved repeat(s)%n", n, curves.size(), threads, repeats);

        // warm-up on a small size so that the JIT has compiled the hot loops before timing
        TwoLayerKsExperiment.run(curves, List.of(TwoLayerKsExperiment.Configuration.values()), 1, 10,
                new PropagationConfig(5_000, 1, threads));

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double[] javaWall = new double[repeats];
        double[] javaCpu = new double[repeats];
        double[] numpyWall = new double[repeats];
        double[] numpyCpu = new double[repeats];
        TwoLayerKsExperiment.Result java = null;
        Map<String, Double> numpyKs = new HashMap<>();
        for (int r = 0; r < repeats; r++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            java = TwoLayerKsExperiment.run(curves, List.of(TwoLayerKsExperiment.Configuration.values()), 1, 10,
                    new PropagationConfig(n, 2025 + r, threads));
            javaWall[r] = (System.nanoTime() - t0) / 1e9;
            javaCpu[r] = (os.getProcessCpuTime() - c0) / 1e9;
            double[] np = runNumpy(n, 7 + r, String.join(",", names), numpyKs);
            numpyWall[r] = np[0];
            numpyCpu[r] = np[1];
            System.out.printf(Locale.ROOT, "repeat %d: Java %.2f s wall / %.2f s cpu   NumPy %.2f s wall / %.2f s cpu   (load %.1f)%n",
                    r + 1, javaWall[r], javaCpu[r], numpyWall[r], numpyCpu[r], os.getSystemLoadAverage());
        }
        double jw = median(javaWall);
        double nw = median(numpyWall);
        double jc = median(javaCpu);
        double nc = median(numpyCpu);
        System.out.printf(Locale.ROOT, "netgauss (Java): %.2f s wall, %.2f s cpu (median)%n", jw, jc);
        System.out.printf(Locale.ROOT, "NumPy          : %.2f s wall, %.2f s cpu (median; the script's own timers)%n", nw, nc);
        System.out.printf(Locale.ROOT, "ratio NumPy / Java: wall %s, cpu %s  (> 1: Java faster)%n", peers.ratio(nw / jw),
                peers.ratio(nc / jc));

        double worst = 0;
        String where = "";
        for (TwoLayerKsExperiment.Point p : java.points()) {
            String key = p.configuration().name().toLowerCase(Locale.ROOT) + " " + numpyName(p.activation()) + " " + p.n();
            Double other = numpyKs.get(key);
            if (other != null && Math.abs(other - p.ks()) > worst) {
                worst = Math.abs(other - p.ks());
                where = key;
            }
        }
        System.out.printf(Locale.ROOT, "largest |KS_java - KS_numpy| = %.4f at %s (MC noise; spec tolerance 0.003-0.004)%n",
                worst, where);
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : 0.5 * (c[c.length / 2 - 1] + c[c.length / 2]);
    }

    private static List<String> curveNames(String spec) {
        if (!spec.equals("paper")) {
            return List.of(spec.split(","));
        }
        List<String> names = new ArrayList<>();
        for (double t : PhiTheta.paperThetas()) {
            names.add("odd" + trim(t));
        }
        for (double t : PhiTheta.paperThetas()) {
            names.add("pos" + trim(t));
        }
        names.add("relu");
        names.add("tanh");
        return names;
    }

    private static String trim(double t) {
        return t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t);
    }

    private static Initialisation initialisation(String name) {
        if (name.equals("relu")) {
            return Initialisation.relu();
        }
        if (name.equals("tanh")) {
            return Initialisation.tanh();
        }
        double theta = Double.parseDouble(name.substring(3));
        return Initialisation.of(name.startsWith("odd") ? PhiTheta.odd(theta) : PhiTheta.positive(theta));
    }

    /** "phi_o(theta=3)" -> "odd3". */
    private static String numpyName(String activation) {
        if (activation.startsWith("phi_o(theta=")) {
            return "odd" + activation.substring(12, activation.length() - 1);
        }
        if (activation.startsWith("phi_p(theta=")) {
            return "pos" + activation.substring(12, activation.length() - 1);
        }
        return activation;
    }

    /** Runs the NumPy script; returns {wall seconds, cpu seconds} as timed by the script itself. */
    private static double[] runNumpy(int n, int seed, String curves, Map<String, Double> ks)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("preact_ks_numpy", ".py");
        try (InputStream in = PreactBenchmark.class.getResourceAsStream("preact_ks_numpy.py")) {
            if (in == null) {
                throw new IllegalStateException("preact_ks_numpy.py is not on the test classpath; run mvn test-compile");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), Integer.toString(n), Integer.toString(seed), curves)
                .redirectErrorStream(true).start();
        double seconds = Double.NaN;
        double cpu = Double.NaN;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 2 && f[0].equals("TOTAL_SECONDS")) {
                    seconds = Double.parseDouble(f[1]);
                } else if (f.length == 2 && f[0].equals("TOTAL_CPU_SECONDS")) {
                    cpu = Double.parseDouble(f[1]);
                } else if (f.length == 4) {
                    ks.put(f[0] + " " + f[1] + " " + f[2], Double.parseDouble(f[3]));
                } else {
                    System.out.println("numpy: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            int rc = p.waitFor();
            Files.deleteIfExists(script);
            if (rc != 0) {
                throw new IllegalStateException("/usr/bin/python3 preact_ks_numpy.py exited with " + rc);
            }
        }
        return new double[] {seconds, cpu};
    }
}
