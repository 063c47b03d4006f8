package org.netgauss.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InitAndSeedsTest {
    private static float[] draw(WeightInit init, int out, int in) {
        float[] w = new float[out * in];
        init.initWeights(w, 0, out, in, new Rng(7));
        return w;
    }

    private static double[] moments(float[] w) {
        double m = 0, v = 0;
        for (float x : w) {
            m += x;
        }
        m /= w.length;
        for (float x : w) {
            v += (x - m) * (x - m);
        }
        return new double[] {m, v / w.length};
    }

    @Test
    void torchDefaultIsUniformWithinOneOverSqrtFanIn() {
        float[] w = draw(WeightInit.torchDefault(), 200, 100);
        double bound = 0.1;
        double max = 0;
        for (float x : w) {
            max = Math.max(max, Math.abs(x));
        }
        assertTrue(max <= bound && max > 0.99 * bound);
        assertEquals(1.0 / 300, moments(w)[1], 0.03 / 300); // U(-b, b) has variance b^2/3 = 1/(3 fan_in)
    }

    @Test
    void gaussianHasVarianceGSquaredOverFanIn() {
        float[] w = draw(WeightInit.gaussian(2.0), 200, 100);
        assertEquals(4.0 / 100, moments(w)[1], 0.03 * 4 / 100);
        assertEquals(0, moments(w)[0], 0.005);
    }

    @Test
    void glorotVariancesMatchTheirFormulas() {
        assertEquals(2.0 / 300, moments(draw(WeightInit.glorotNormal(1), 200, 100))[1], 0.03 * 2 / 300);
        assertEquals(2.0 / 300, moments(draw(WeightInit.glorotUniform(1), 200, 100))[1], 0.03 * 2 / 300); // a^2/3 = 2/(fi+fo)
    }

    @Test
    void orthogonalRowsAreOrthonormalTimesGain() {
        for (int[] shape : new int[][] {{5, 8}, {8, 5}, {6, 6}}) {
            int out = shape[0], in = shape[1];
            float[] w = draw(WeightInit.orthogonal(2.0), out, in);
            boolean rows = out <= in;
            int n = rows ? out : in;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    double dot = 0;
                    for (int k = 0; k < (rows ? in : out); k++) {
                        dot += rows ? w[a * in + k] * w[b * in + k] : w[k * in + a] * w[k * in + b];
                    }
                    assertEquals(a == b ? 4.0 : 0.0, dot, 1e-5, "shape " + out + "x" + in);
                }
            }
        }
    }

    @Test
    void pluggableSamplerReceivesFans() {
        float[] w = new float[6];
        WeightInit.fromSampler("fan", (rng, fanIn, fanOut) -> fanIn * 10 + fanOut).initWeights(w, 0, 2, 3, new Rng(1));
        assertEquals(32f, w[0]);
    }

    @Test
    void seedDerivationIsFrozen() {
        // golden values of the documented derivation; changing them breaks reproducibility of stored runs
        assertEquals(Seeds.derive(0, 0, Seeds.Purpose.INIT, 0), Seeds.derive(0, 0, Seeds.Purpose.INIT, 0));
        assertEquals(0xE220A8397B1DCDAFL, Seeds.mix64(0x9E3779B97F4A7C15L)); // SplittableRandom(0).nextLong()
        assertEquals(new java.util.SplittableRandom(5).nextLong(), new Rng(5).nextLong());
        assertTrue(Seeds.derive(1, 2, Seeds.Purpose.INIT, 0) != Seeds.derive(1, 3, Seeds.Purpose.INIT, 0));
    }

    @Test
    void gaussianSamplesHaveUnitVariance() {
        Rng r = new Rng(3);
        double s = 0, s2 = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double x = r.nextGaussian();
            s += x;
            s2 += x * x;
        }
        assertEquals(0, s / n, 0.01);
        assertEquals(1, s2 / n, 0.01);
    }
}
