package org.netgauss.nn.internal;

import java.util.Arrays;

/**
 * {@link DenseKernels} in plain Java, for JVMs started without the incubating vector module. Each inner loop is
 * an {@code axpy} over a whole array starting at index 0, a form HotSpot's C2 (JDK 17) turns into vector FMAs
 * (the same loop over one flat array with two offsets stays scalar). Four terms of the chain are fused per pass
 * over the batch, in order, so the arithmetic is exactly that of {@link VectorKernels}.
 */
final class PlainKernels implements DenseKernels {
    static final PlainKernels INSTANCE = new PlainKernels();

    private PlainKernels() {
    }

    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public void forward(float[][] w, int row0, int j0, int j1, int in, float[][] at, int nb, float[][] zt,
                        float[] bias, int boff) {
        for (int j = j0; j < j1; j++) {
            float[] z = zt[j];
            Arrays.fill(z, 0, nb, bias == null ? 0f : bias[boff + j]);
            float[] wj = w[row0 + j];
            int k = 0;
            for (; k + 3 < in; k += 4) {
                float w0 = wj[k];
                float w1 = wj[k + 1];
                float w2 = wj[k + 2];
                float w3 = wj[k + 3];
                float[] x0 = at[k];
                float[] x1 = at[k + 1];
                float[] x2 = at[k + 2];
                float[] x3 = at[k + 3];
                for (int b = 0; b < nb; b++) {
                    z[b] = Math.fma(w3, x3[b], Math.fma(w2, x2[b], Math.fma(w1, x1[b], Math.fma(w0, x0[b], z[b]))));
                }
            }
            for (; k < in; k++) {
                float w0 = wj[k];
                float[] x0 = at[k];
                for (int b = 0; b < nb; b++) {
                    z[b] = Math.fma(w0, x0[b], z[b]);
                }
            }
        }
    }

    @Override
    public void weightGradient(float[][] dzt, int j0, int j1, int in, float[][] a, int nb, float[][] gw) {
        for (int j = j0; j < j1; j++) {
            float[] g = gw[j];
            Arrays.fill(g, 0, in, 0f);
            float[] d = dzt[j];
            int b = 0;
            for (; b + 3 < nb; b += 4) {
                float d0 = d[b];
                float d1 = d[b + 1];
                float d2 = d[b + 2];
                float d3 = d[b + 3];
                float[] x0 = a[b];
                float[] x1 = a[b + 1];
                float[] x2 = a[b + 2];
                float[] x3 = a[b + 3];
                for (int k = 0; k < in; k++) {
                    g[k] = Math.fma(d3, x3[k], Math.fma(d2, x2[k], Math.fma(d1, x1[k], Math.fma(d0, x0[k], g[k]))));
                }
            }
            for (; b < nb; b++) {
                float d0 = d[b];
                float[] x0 = a[b];
                for (int k = 0; k < in; k++) {
                    g[k] = Math.fma(d0, x0[k], g[k]);
                }
            }
        }
    }

    @Override
    public void inputGradient(float[][] w, int row0, int out, int k0, int k1, float[][] dzt, int nb, float[][] dat) {
        for (int k = k0; k < k1; k++) {
            float[] d = dat[k];
            Arrays.fill(d, 0, nb, 0f);
            for (int j = 0; j < out; j++) {
                float wv = w[row0 + j][k];
                float[] z = dzt[j];
                for (int b = 0; b < nb; b++) {
                    d[b] = Math.fma(wv, z[b], d[b]);
                }
            }
        }
    }

    @Override
    public void forwardFromSamples(float[][] wt, int out, int in, float[][] x, int nb, float[][] zt, float[] bias,
                                   int boff) {
        float[] z = new float[out];
        for (int b = 0; b < nb; b++) {
            for (int j = 0; j < out; j++) {
                z[j] = bias == null ? 0f : bias[boff + j];
            }
            float[] xb = x[b];
            for (int k = 0; k < in; k++) {
                float xv = xb[k];
                float[] w = wt[k];
                for (int j = 0; j < out; j++) {
                    z[j] = Math.fma(w[j], xv, z[j]);
                }
            }
            for (int j = 0; j < out; j++) {
                zt[j][b] = z[j];
            }
        }
    }

    @Override
    public void relu(float[] z, float[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = z[i] > 0f ? z[i] : 0f;
        }
    }

    @Override
    public void reluBackward(float[] g, float[] z, int n) {
        for (int i = 0; i < n; i++) {
            g[i] = z[i] > 0f ? g[i] : g[i] * 0f;
        }
    }

    @Override
    public void adamRow(float[] p, float[] g, float[] m, float[] v, int len, float b1, float a1, float b2, float a2,
                        float wd, float stepSize, float bc2Sqrt, float eps) {
        Kernels.adamSlice(p, 0, g, 0, m, v, len, b1, a1, b2, a2, wd, stepSize, bc2Sqrt, eps);
    }

    @Override
    public void exp(double[] x, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = StrictMath.exp(x[i]);
        }
    }
}
