package org.netgauss.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.netgauss.invariants.MatrixProductsAccess;
import org.netgauss.nd4j.Nd4jArrays;
import org.netgauss.nn.internal.DenseKernels;
import org.netgauss.nn.internal.Kernels;
import org.netgauss.nn.internal.RowSplit;

/**
 * Does ND4J's BLAS-backed {@code mmul} (nd4j-native ships its own OpenBLAS) beat the engine's own kernels on the
 * products that dominate netgauss? Times, in one run and alternating the two sides, with the thread counts pinned:
 * <ul>
 *   <li>the wide layers' training products in float32 (n = 160, 640; batch B × 784 × n for the first layer and
 *   B × n × n for a hidden one): the forward pass Z = X·Wᵀ, the weight gradient dZᵀ·X and the input gradient dZ·W,
 *   the engine's {@link DenseKernels} split by rows over the threads ({@link RowSplit}, as one wide network trains)
 *   against {@code Nd4j.gemm} with ND4J's BLAS on the same threads;</li>
 *   <li>the D = 640 invariants' products in float64 (M², M·Mᵀ, Mᵀ·M, {@code invariants/MatrixProducts}): the engine
 *   computes one matrix per thread (members run in parallel, as {@code Invariants} does), ND4J one matrix on all
 *   threads.</li>
 * </ul>
 * Prints GFLOP/s of each side (2·m·k·n per product, also for the symmetric ones the engine computes by halves), the
 * ratio, the largest relative difference between the sides, and whether ND4J's result is bit-identical when its
 * thread count changes (the engine's is, by construction: {@code KernelsTest}). Not a unit test. Run
 * {@code environment/bin/bench Nd4jMmulBench [threads=2] [rounds=3] [batch=100]}.
 *
 * <p>Measured 2026-12-03 (2 shared cores, load 19–23; the figures are in the README's ND4J section): per CPU-second
 * the engine is ahead on the forward pass and the weight gradient (ND4J 0.34–0.77x) and on the invariants' products
 * (0.93–0.97x on M², 0.49–0.58x on the symmetric ones); ND4J is ahead only on the gradient flowing down, dZ·W
 * (1.07–1.29x on one thread), and its float32 products differ in their last bits between 1 and 2 threads. That was with
 * the machine's OPENBLAS_CORETYPE=Haswell; with it unset, ND4J's bundled OpenBLAS 0.3.19 runs at 0.17–0.60x of the
 * engine on every product on one thread, no better on two (bit-identical across thread counts then).
 */
public final class Nd4jMmulBench {
    private static final int IN = 784;

    private Nd4jMmulBench() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        System.out.printf(Locale.ROOT, "Nd4jMmulBench: threads %d, rounds %d, batch %d; %d cores, java %s%n", threads,
                rounds, batch, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "engine: %s (float32), %s (float64)%n", Kernels.describe(),
                MatrixProductsAccess.describe());
        setNd4jThreads(threads);
        // ND4J bundles its own OpenBLAS (0.3.19, org.bytedeco:openblas), which reads OPENBLAS_CORETYPE like any other
        System.out.printf(Locale.ROOT, "ND4J %s: BLAS vendor %s, BLAS threads %d, master threads %d, OMP_NUM_THREADS=%s,"
                + " OPENBLAS_CORETYPE=%s%n", Nd4j.getBackend().getClass().getSimpleName(),
                Nd4j.factory().blas().getBlasVendor(), Nd4j.factory().blas().getMaxThreads(),
                Nd4j.getEnvironment().maxMasterThreads(), System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"),
                System.getenv().getOrDefault("OPENBLAS_CORETYPE", "unset (OpenBLAS detects the CPU)"));
        try {
            PeerBlas.measure(threads);
        } catch (Exception e) {
            System.out.println("peers (NumPy/PyTorch) not measured: " + e.getMessage().lines().findFirst().orElse(""));
        }
        System.out.printf(Locale.ROOT, "load average at start: %s%n", load());
        List<String> rows = new ArrayList<>();
        for (int t : threads == 1 ? new int[] {1} : new int[] {1, threads}) {
            for (int n : new int[] {160, 640}) {
                rows.addAll(training(n, IN, batch, t, rounds, "B x 784 x " + n));
                rows.addAll(training(n, n, batch, t, rounds, "B x " + n + " x " + n));
            }
            rows.addAll(invariants(640, t, rounds));
        }
        System.out.printf(Locale.ROOT, "%nload average at end: %s%n", load());
        System.out.println("GFLOP/s by CPU time (by best wall time in brackets); max diff = max |engine - ND4J| / max |entry|");
        System.out.println("| product | threads | engine GFLOP/s | ND4J GFLOP/s | ND4J / engine | max diff | ND4J bits"
                + " same for 1 and " + threads + " threads |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.1f on %d cores",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static void setNd4jThreads(int t) {
        Nd4j.getEnvironment().setMaxMasterThreads(t);
        Nd4j.factory().blas().setMaxThreads(t);
    }

    /**
     * Seconds per call of {@code body}: {@code [best wall, CPU / threads]}. After a warm-up long enough for the JIT
     * to compile the vector kernels (interpreted, they are thousands of times slower), calls run for about 2 s of wall
     * time in intervals of 0.1 s: the wall figure is the best interval's, the CPU figure is the process CPU time of all
     * calls (every thread: ND4J's OpenBLAS threads, the engine's row split, JIT and GC) per call, divided by the
     * threads. That is the wall time the call would take on free cores, the fair measure on a shared machine, where
     * wall time depends on the other jobs.
     */
    private static double[] time(Runnable body, int threads) {
        long c0 = processCpuNanos();
        for (int calls = 0; calls < 20 || processCpuNanos() - c0 < 300_000_000L; calls++) {
            body.run();
        }
        double wall = Double.MAX_VALUE;
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long calls = 0;
        while (System.nanoTime() - start < 2_000_000_000L || processCpuNanos() - cpuStart < 200_000_000L) {
            long t0 = System.nanoTime();
            int n = 0;
            while (System.nanoTime() - t0 < 100_000_000L || n < 2) {
                body.run();
                n++;
            }
            wall = Math.min(wall, (System.nanoTime() - t0) / 1e9 / n);
            calls += n;
        }
        return new double[] {wall, (processCpuNanos() - cpuStart) / 1e9 / calls / threads};
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static float[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    /** The three products of one layer with {@code out} outputs and {@code in} inputs on a batch of {@code b}. */
    private static List<String> training(int out, int in, int b, int threads, int rounds, String shape) {
        DenseKernels k = Kernels.dense();
        RowSplit split = new RowSplit(threads);
        int pb = k.pad(b);
        int pin = k.pad(in);
        float[] xf = gaussian(b * in, 1);
        float[] wf = gaussian(out * in, 2);
        float[] dzf = gaussian(b * out, 3);
        // engine layouts: weights per output row, activations feature-major, layer input per sample
        float[][] w = new float[out][pin];
        float[][] at = new float[in][pb];
        float[][] a = new float[b][pin];
        float[][] dzt = new float[out][pb];
        for (int j = 0; j < out; j++) {
            System.arraycopy(wf, j * in, w[j], 0, in);
        }
        for (int s = 0; s < b; s++) {
            System.arraycopy(xf, s * in, a[s], 0, in);
            for (int q = 0; q < in; q++) {
                at[q][s] = xf[s * in + q];
            }
            for (int j = 0; j < out; j++) {
                dzt[j][s] = dzf[s * out + j];
            }
        }
        float[][] zt = new float[out][pb];
        float[][] gw = new float[out][pin];
        float[][] dat = new float[in][pb];
        // ND4J: X [b, in], W [out, in], dZ [b, out]
        INDArray x = Nd4jArrays.create(xf, b, in);
        INDArray wn = Nd4jArrays.create(wf, out, in);
        INDArray dz = Nd4jArrays.create(dzf, b, out);
        INDArray z = Nd4j.create(DataType.FLOAT, b, out);
        INDArray gwn = Nd4j.create(DataType.FLOAT, out, in);
        INDArray dx = Nd4j.create(DataType.FLOAT, b, in);

        Runnable[] engine = {
            () -> split.run(out, 5, (long) in * b, (j0, j1) -> k.forward(w, 0, j0, j1, in, at, b, zt, null, 0)),
            () -> split.run(out, 5, (long) in * b, (j0, j1) -> k.weightGradient(dzt, j0, j1, in, a, b, gw)),
            () -> split.run(in, 5, (long) out * b, (k0, k1) -> k.inputGradient(w, 0, out, k0, k1, dzt, b, dat)),
        };
        Runnable[] nd4j = {
            () -> Nd4j.gemm(x, wn, z, false, true, 1.0, 0.0),
            () -> Nd4j.gemm(dz, x, gwn, true, false, 1.0, 0.0),
            () -> Nd4j.gemm(dz, wn, dx, false, false, 1.0, 0.0),
        };
        String[] names = {"forward X·Wᵀ", "weight grad dZᵀ·X", "input grad dZ·W"};
        double flops = 2.0 * b * in * out;
        List<String> rows = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            double[] best = race(engine[p], nd4j[p], threads, rounds);
            // agreement: compare the engine's result with ND4J's, in the ND4J layout
            double diff = switch (p) {
                case 0 -> maxRelDiff(z, (s, j) -> zt[j][s]);
                case 1 -> maxRelDiff(gwn, (j, q) -> gw[j][q]);
                default -> maxRelDiff(dx, (s, q) -> dat[q][s]);
            };
            String same = threads == 1 ? "-" : String.valueOf(sameBits(nd4j[p], p == 0 ? z : p == 1 ? gwn : dx, threads));
            rows.add(row(names[p] + ", " + shape.replace("B", String.valueOf(b)), threads, flops, best, diff, same));
        }
        return rows;
    }

    /** M², M·Mᵀ and Mᵀ·M of a D x D float64 matrix. */
    private static List<String> invariants(int d, int threads, int rounds) throws Exception {
        double[][] m = new double[threads][d * d];
        double[][] mt = new double[threads][d * d];
        double[][] c = new double[threads][d * d];
        for (int s = 0; s < threads; s++) {
            SplittableRandom r = new SplittableRandom(640 + s);
            for (int i = 0; i < d * d; i++) {
                m[s][i] = r.nextGaussian() / Math.sqrt(d);
            }
            MatrixProductsAccess.transpose(m[s], mt[s], d);
        }
        INDArray mn = Nd4jArrays.create(m[0], d, d);
        INDArray cn = Nd4j.create(DataType.DOUBLE, d, d);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        String[] names = {"M² (D = 640, float64)", "M·Mᵀ (D = 640, float64)", "Mᵀ·M (D = 640, float64)"};
        boolean[][] ops = {{false, false}, {false, true}, {true, false}}; // transpose A?, transpose B?
        List<String> rows = new ArrayList<>();
        try {
            for (int p = 0; p < 3; p++) {
                int q = p;
                Runnable engine = () -> {
                    List<Future<?>> fs = new ArrayList<>();
                    for (int s = 0; s < threads; s++) {
                        int u = s;
                        fs.add(pool.submit(() -> MatrixProductsAccess.multiply(q == 2 ? mt[u] : m[u],
                                q == 1 ? mt[u] : m[u], c[u], d, q != 0)));
                    }
                    for (Future<?> f : fs) {
                        try {
                            f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                };
                Runnable nd4j = () -> Nd4j.gemm(mn, mn, cn, ops[q][0], ops[q][1], 1.0, 0.0);
                // the engine does `threads` matrices per call, ND4J one: scale the engine's time to one matrix
                double[] best = race(engine, nd4j, threads, rounds);
                best[0] /= threads;
                best[1] /= threads;
                double diff = maxRelDiff(cn, (i, j) -> c[0][i * d + j]);
                String same = threads == 1 ? "-" : String.valueOf(sameBits(nd4j, cn, threads));
                rows.add(row(names[p], threads, 2.0 * d * d * d, best, diff, same));
            }
        } finally {
            pool.shutdown();
        }
        return rows;
    }

    /** Alternates engine and ND4J for {@code rounds} rounds: {engine wall, engine CPU, ND4J wall, ND4J CPU}, best of each. */
    private static double[] race(Runnable engine, Runnable nd4j, int threads, int rounds) {
        setNd4jThreads(threads);
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int r = 0; r < rounds; r++) {
            double[] e = time(engine, threads);
            double[] n = time(nd4j, threads);
            best[0] = Math.min(best[0], e[0]);
            best[1] = Math.min(best[1], e[1]);
            best[2] = Math.min(best[2], n[0]);
            best[3] = Math.min(best[3], n[1]);
        }
        return best;
    }

    /** Whether ND4J's product computed on one thread equals, bit for bit, the one computed on {@code threads}. */
    private static boolean sameBits(Runnable nd4j, INDArray result, int threads) {
        setNd4jThreads(threads);
        nd4j.run();
        Object many = Nd4jArrays.elements(result);
        setNd4jThreads(1);
        nd4j.run();
        Object one = Nd4jArrays.elements(result);
        setNd4jThreads(threads);
        return one instanceof float[] f ? Arrays.equals(f, (float[]) many) : Arrays.equals((double[]) one, (double[]) many);
    }

    private interface Entry {
        double at(int i, int j);
    }

    private static double maxRelDiff(INDArray nd4j, Entry engine) {
        double[] v = Nd4jArrays.doubles(nd4j);
        int cols = (int) nd4j.size(1);
        double max = 0;
        double scale = 0;
        for (double e : v) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < v.length; i++) {
            max = Math.max(max, Math.abs(v[i] - engine.at(i / cols, i % cols)) / scale);
        }
        return max;
    }

    private static String row(String name, int threads, double flops, double[] best, double diff, String same) {
        double ew = flops / best[0] / 1e9;
        double ec = flops / best[1] / 1e9;
        double nw = flops / best[2] / 1e9;
        double nc = flops / best[3] / 1e9;
        String line = String.format(Locale.ROOT, "| %s | %d | %.1f (%.1f) | %.1f (%.1f) | %.2f (%.2f) | %.1e | %s |", name,
                threads, ec, ew, nc, nw, nc / ec, nw / ew, diff, same);
        System.out.println(line);
        return line;
    }
}
