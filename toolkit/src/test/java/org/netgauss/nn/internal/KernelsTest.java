package org.netgauss.nn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dense kernels against the definition: every output element is one FMA chain in index order
 * ({@link DenseKernels}), so the oracle is that chain written out as a scalar loop, and plain, vector and split
 * results must equal it bit for bit, for shapes that exercise every register block and tail.
 */
class KernelsTest {

    private static float[][] random(int rows, int cols, int validCols, Random r) {
        float[][] a = new float[rows][cols];
        for (float[] row : a) {
            for (int i = 0; i < validCols; i++) {
                row[i] = (float) r.nextGaussian();
            }
            for (int i = validCols; i < cols; i++) {
                row[i] = 1e30f; // padding: must never reach a valid element
            }
        }
        return a;
    }

    private static DenseKernels[] implementations() {
        return Kernels.vector().map(v -> new DenseKernels[] {Kernels.plain(), v})
                .orElse(new DenseKernels[] {Kernels.plain()});
    }

    @Test
    void theBuildRunsTheVectorKernels() {
        // surefire starts the JVM with --add-modules jdk.incubator.vector, as the launcher and kernelspec do
        assertTrue(Kernels.vector().isPresent());
        assertEquals(Kernels.vector().get(), Kernels.dense());
        assertTrue(Kernels.describe().startsWith("vector API"), Kernels.describe());
    }

    @Test
    void forcingAnUnknownImplementationIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Kernels.choose("gpu"));
        assertEquals("-Dnetgauss.kernels must be plain or vector, found 'gpu'", e.getMessage());
        assertEquals(Kernels.plain(), Kernels.choose("plain"));
    }

    @ParameterizedTest
    @CsvSource({"10,784,100", "1,1,1", "3,7,5", "7,10,37", "12,17,100", "5,40,33", "64,64,64", "11,13,200"})
    void everyImplementationEqualsTheFmaChainBitForBit(int out, int in, int nb) {
        Random r = new Random(out * 1000L + in * 10L + nb);
        int wide = 64; // padding generous enough for any vector width
        float[][] w = random(3 * out, in, in, r); // rows of member 1 start at out
        float[] bias = new float[3 * out];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = (float) r.nextGaussian();
        }
        float[][] at = random(in, nb + wide, nb, r);
        float[][] a = random(nb, in + wide, in, r);
        float[][] dzt = random(out, nb + wide, nb, r);

        float[][] zRef = new float[out][nb];
        float[][] gRef = new float[out][in];
        float[][] dRef = new float[in][nb];
        for (int j = 0; j < out; j++) {
            for (int b = 0; b < nb; b++) {
                float z = bias[out + j];
                for (int k = 0; k < in; k++) {
                    z = Math.fma(w[out + j][k], at[k][b], z);
                }
                zRef[j][b] = z;
            }
            for (int k = 0; k < in; k++) {
                float g = 0f;
                for (int b = 0; b < nb; b++) {
                    g = Math.fma(dzt[j][b], a[b][k], g);
                }
                gRef[j][k] = g;
            }
        }
        for (int k = 0; k < in; k++) {
            for (int b = 0; b < nb; b++) {
                float d = 0f;
                for (int j = 0; j < out; j++) {
                    d = Math.fma(w[out + j][k], dzt[j][b], d);
                }
                dRef[k][b] = d;
            }
        }

        for (DenseKernels k : implementations()) {
            for (int split : new int[] {out, (out + 1) / 2, 1}) {
                float[][] z = new float[out][nb + wide];
                float[][] g = new float[out][in + wide];
                float[][] d = new float[in][nb + wide];
                for (int j0 = 0; j0 < out; j0 += split) {
                    k.forward(w, out, j0, Math.min(out, j0 + split), in, at, nb, z, bias, out);
                    k.weightGradient(dzt, j0, Math.min(out, j0 + split), in, a, nb, g);
                }
                int kSplit = Math.max(1, in * split / out);
                for (int k0 = 0; k0 < in; k0 += kSplit) {
                    k.inputGradient(w, out, out, k0, Math.min(in, k0 + kSplit), dzt, nb, d);
                }
                String what = k.getClass().getSimpleName() + " split " + split;
                assertBits(zRef, z, nb, "forward " + what);
                assertBits(gRef, g, in, "weight gradient " + what);
                assertBits(dRef, d, nb, "input gradient " + what);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"10,784,100", "1,3,1", "17,5,9", "40,33,100", "10,784,37", "10,50,23"})  // 23 = 12 + 8 + 3 x 1 samples per block
    void forwardFromSamplesEqualsTheFmaChainBitForBit(int out, int in, int nb) {
        Random r = new Random(7L * out + in + nb);
        int wide = 64;
        float[][] w = random(2 * out, in, in, r);
        float[] bias = new float[2 * out];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = (float) r.nextGaussian();
        }
        float[][] x = random(nb, in + wide, in, r);
        float[][] wt = new float[in][out + wide];
        for (int j = 0; j < out; j++) {
            for (int k = 0; k < in; k++) {
                wt[k][j] = w[out + j][k];
            }
        }
        for (float[] bi : new float[][] {bias, null}) {
            float[][] zRef = new float[out][nb];
            for (int j = 0; j < out; j++) {
                for (int b = 0; b < nb; b++) {
                    float z = bi == null ? 0f : bi[out + j];
                    for (int k = 0; k < in; k++) {
                        z = Math.fma(w[out + j][k], x[b][k], z);
                    }
                    zRef[j][b] = z;
                }
            }
            for (DenseKernels k : implementations()) {
                float[][] z = new float[out][nb + wide];
                k.forwardFromSamples(wt, out, in, x, nb, z, bi, out);
                assertBits(zRef, z, nb, "forwardFromSamples " + k.getClass().getSimpleName() + (bi == null ? " no bias" : ""));
            }
        }
    }

    @Test
    void reluAndItsBackwardMatchTheScalarDefinitionIncludingSignedZerosAndNaN() {
        float[] z = {-2f, -0f, 0f, 1e-40f, 3f, Float.NaN, -1e-40f, 5f, -1f, 2f, 0.5f, -0.5f, 7f, -7f, 1f, -1f, 4f};
        float[] g = {1f, 2f, -3f, 4f, -5f, 6f, -7f, 8f, Float.POSITIVE_INFINITY, -1f, 1f, -1f, 1f, 1f, 1f, -2f, 3f};
        int n = z.length;
        for (DenseKernels k : implementations()) {
            float[] zz = java.util.Arrays.copyOf(z, k.pad(n) + 64);
            float[] a = new float[zz.length];
            float[] gg = java.util.Arrays.copyOf(g, zz.length);
            k.relu(zz, a, n);
            k.reluBackward(gg, zz, n);
            for (int i = 0; i < n; i++) {
                float ea = z[i] > 0f ? z[i] : 0f;
                float eg = z[i] > 0f ? g[i] * 1f : g[i] * 0f; // what autograd's multiply by the 0/1 mask gives
                assertEquals(Float.floatToIntBits(ea), Float.floatToIntBits(a[i]), k + " relu at " + z[i]);
                assertEquals(Float.floatToIntBits(eg), Float.floatToIntBits(gg[i]), k + " backward at " + z[i] + ", g " + g[i]);
            }
        }
    }

    @Test
    void flushSubnormalZeroesExactlyTheSubnormals() {
        assertEquals(0, Float.floatToRawIntBits(Kernels.flushSubnormal(Float.MIN_VALUE)));
        assertEquals(0, Float.floatToRawIntBits(Kernels.flushSubnormal(-Math.nextDown(Float.MIN_NORMAL))));
        assertEquals(0, Float.floatToRawIntBits(Kernels.flushSubnormal(-0f)));
        assertEquals(Float.MIN_NORMAL, Kernels.flushSubnormal(Float.MIN_NORMAL));
        assertEquals(-1.5f, Kernels.flushSubnormal(-1.5f));
        assertEquals(Float.NEGATIVE_INFINITY, Kernels.flushSubnormal(Float.NEGATIVE_INFINITY));
        assertTrue(Float.isNaN(Kernels.flushSubnormal(Float.NaN)));
    }

    @ParameterizedTest
    @CsvSource({"0.0,37", "0.01,37", "0.0,8000", "0.01,5"})
    void adamRowIsTheSameInEveryImplementationAndFlushesDecayedMoments(float wd, int len) {
        Random r = new Random(len);
        float[] p0 = new float[len];
        float[] g = new float[len];
        float[] m0 = new float[len];
        float[] v0 = new float[len];
        for (int k = 0; k < len; k++) {
            p0[k] = (float) r.nextGaussian();
            // a third of the entries sit on a dead unit: no gradient, moments already subnormal
            boolean dead = k % 3 == 0;
            g[k] = dead ? 0f : (float) r.nextGaussian() * 1e-3f;
            m0[k] = dead ? Float.MIN_VALUE * (1 + k % 5) : (float) r.nextGaussian() * 1e-3f;
            v0[k] = dead ? Float.MIN_VALUE : (float) Math.abs(r.nextGaussian()) * 1e-6f;
        }
        float[][] reference = null;
        for (DenseKernels impl : implementations()) {
            float[] p = p0.clone();
            float[] m = m0.clone();
            float[] v = v0.clone();
            impl.adamRow(p, g, m, v, len, 0.9f, 0.1f, 0.999f, 0.001f, wd, 1e-3f / 0.1f, (float) Math.sqrt(0.001), 1e-8f);
            if (wd == 0f) {
                for (int k = 0; k < len; k += 3) {
                    assertEquals(0, Float.floatToRawIntBits(m[k]), impl + ": decayed exp_avg flushed to +0");
                    assertEquals(0, Float.floatToRawIntBits(v[k]), impl + ": decayed exp_avg_sq flushed to +0");
                    assertEquals(p0[k], p[k], impl + ": a dead unit's weight does not move");
                }
            }
            float[][] now = {p, m, v};
            if (reference == null) {
                reference = now;
            } else {
                for (int a = 0; a < 3; a++) {
                    assertBits(new float[][] {reference[a]}, new float[][] {now[a]}, len, "adamRow array " + a + " " + impl);
                }
            }
        }
    }

    @Test
    void expEqualsStrictMathBitForBit() {
        Random r = new Random(5);
        int n = 2_000_003;
        double[] x = new double[n];
        double[] edges = {0, -0.0, 0.5 * Math.log(2), 1.5 * Math.log(2), 0x1p-28, 700, 709.78, 745.2, 800,
                Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 1e-300};
        for (int i = 0; i < n; i++) {
            switch (i % 4) {
                case 0 -> x[i] = -r.nextDouble() * 30;             // the softmax range: z - max <= 0
                case 1 -> x[i] = (r.nextDouble() - 0.5) * 1600;     // everything, including the scalar lanes
                case 2 -> x[i] = (r.nextDouble() - 0.5) * 4 * Math.log(2); // both reduction branches and k = 0
                default -> {
                    double e = edges[r.nextInt(edges.length)];
                    x[i] = (r.nextBoolean() ? 1 : -1) * (r.nextBoolean() ? e : Math.nextUp(e));
                }
            }
        }
        for (DenseKernels k : implementations()) {
            double[] out = new double[n];
            k.exp(x, out, n);
            for (int i = 0; i < n; i++) {
                double expected = StrictMath.exp(x[i]);
                if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(out[i])) {
                    throw new AssertionError(k + ": exp(" + x[i] + ") = " + out[i] + ", StrictMath gives " + expected);
                }
            }
        }
    }

    @Test
    void forwardWithoutBiasStartsFromZero() {
        float[][] w = {{2f, -1f}};
        float[][] at = new float[2][64];
        at[0][0] = 3f;
        at[1][0] = 4f;
        for (DenseKernels k : implementations()) {
            float[][] z = new float[1][64];
            k.forward(w, 0, 0, 1, 2, at, 1, z, null, 0);
            assertEquals(2f, z[0][0], k.toString());
        }
    }

    @Test
    void rowSplitCoversEveryRowOnceOnAlignedChunks() {
        RowSplit split = new RowSplit(2);
        int n = 640;
        int[] hits = new int[n];
        java.util.List<int[]> chunks = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        split.run(n, 5, 100_000, (from, to) -> {
            chunks.add(new int[] {from, to});
            for (int i = from; i < to; i++) {
                hits[i]++;
            }
        });
        for (int h : hits) {
            assertEquals(1, h);
        }
        assertEquals(2, chunks.size());
        for (int[] c : chunks) {
            assertEquals(0, c[0] % 5);
        }
        // too little work: one chunk on the calling thread
        Thread caller = Thread.currentThread();
        split.run(10, 5, 10, (from, to) -> {
            assertEquals(caller, Thread.currentThread());
            assertEquals(0, from);
            assertEquals(10, to);
        });
    }

    @Test
    void rowSplitPassesOnAFailureInAnyChunk() {
        RowSplit split = new RowSplit(2);
        RuntimeException e = assertThrows(RuntimeException.class, () -> split.run(1000, 1, 1000, (from, to) -> {
            if (from > 0) {
                throw new IllegalStateException("chunk " + from);
            }
        }));
        assertTrue(String.valueOf(e.getMessage()).contains("chunk 500"), e.toString());
    }

    private static void assertBits(float[][] expected, float[][] actual, int cols, String what) {
        for (int i = 0; i < expected.length; i++) {
            for (int c = 0; c < cols; c++) {
                if (Float.floatToIntBits(expected[i][c]) != Float.floatToIntBits(actual[i][c])) {
                    throw new AssertionError(what + ": element [" + i + "][" + c + "] is " + actual[i][c]
                            + ", the FMA chain gives " + expected[i][c]);
                }
            }
        }
    }
}
