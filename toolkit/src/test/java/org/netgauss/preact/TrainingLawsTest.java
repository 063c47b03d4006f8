package org.netgauss.preact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.netgauss.nn.Rng;
import org.netgauss.nn.WeightInit;
import org.netgauss.nn.WeightSampler;

class TrainingLawsTest {

    @Test
    void activationValuesAndDerivativesEqualPhiThetaRoundedToFloat() {
        for (PhiTheta phi : new PhiTheta[] {PhiTheta.odd(3), PhiTheta.positive(3), PhiTheta.positive(10)}) {
            org.netgauss.nn.Activation a = TrainingLaws.activation(phi);
            assertEquals(phi.name(), a.name());
            for (float z = -6f; z <= 6f; z += 0.37f) {
                assertEquals((float) phi.apply(z), a.value(z), 0f, phi.name() + " at " + z);
                assertEquals((float) phi.derivative(z), a.derivative(z, a.value(z)), 0f, phi.name() + "' at " + z);
            }
        }
    }

    @Test
    void activationKeepsTheSpecOracleValues() {
        // docs/spec/gaussian-preact.md §4 item 2: phi^o_3(0.5, 1, 2) = 0.661079, 1.193116, 1.811938
        org.netgauss.nn.Activation a = TrainingLaws.activation(PhiTheta.odd(3));
        assertEquals(0.661079f, a.value(0.5f), 2e-6f);
        assertEquals(1.193116f, a.value(1f), 2e-6f);
        assertEquals(-1.811938f, a.value(-2f), 2e-6f);
    }

    @Test
    void weibullSamplerHasSecondMomentGammaOnePlusTwoOverThetaOverFanIn() {
        double theta = 3;
        int fanIn = 16;
        WeightSampler s = TrainingLaws.sampler(new SymmetricWeibull(theta), 1.0);
        Rng rng = new Rng(7);
        int n = 400_000;
        double m2 = 0;
        double m1 = 0;
        for (int i = 0; i < n; i++) {
            double w = s.sample(rng, fanIn, 5) * Math.sqrt(fanIn);
            m2 += w * w;
            m1 += Math.abs(w);
        }
        // E W^2 = Gamma(1 + 2/theta) = 0.902745 and E|W| = Gamma(1 + 1/theta) = 0.892980 (docs/spec/gaussian-preact.md §1.3, §4 item 1);
        // sd of the mean of W^2 is sqrt(Var W^2 / n) = 4.4e-4
        assertEquals(Gamma.gamma(1 + 2 / theta), m2 / n, 2.5e-3);
        assertEquals(0.892980, m1 / n, 2.5e-3);
    }

    @Test
    void samplerScalesBySigmaW() {
        WeightSampler one = TrainingLaws.sampler(WeightLaw.gaussian(), 1.0);
        WeightSampler two = TrainingLaws.sampler(WeightLaw.gaussian(), 2.0);
        Rng a = new Rng(3);
        Rng b = new Rng(3);
        for (int i = 0; i < 100; i++) {
            assertEquals(2 * one.sample(a, 9, 1), two.sample(b, 9, 1), 1e-15);
        }
    }

    @Test
    void weightInitIsAFunctionOfTheSeedAndFollowsTheWeibullLaw() {
        WeightInit init = TrainingLaws.weightInit(Initialisation.of(PhiTheta.positive(4)));
        float[] w1 = new float[100 * 400];
        float[] w2 = new float[100 * 400];
        init.initWeights(w1, 0, 100, 400, new Rng(11));
        init.initWeights(w2, 0, 100, 400, new Rng(11));
        assertArrayEquals(w1, w2);
        double[] z = new double[w1.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = w1[i] * Math.sqrt(400);
        }
        Arrays.sort(z);
        SymmetricWeibull law = new SymmetricWeibull(4);
        double d = 0;
        for (int i = 0; i < z.length; i++) {
            double f = law.cdf(z[i]);
            d = Math.max(d, Math.max((i + 1.0) / z.length - f, f - (double) i / z.length));
        }
        // 40 000 draws: the KS statistic of a correct sampler exceeds 1.63/sqrt(n) = 0.008 with probability 1 %
        assertTrue(d < 0.008, "KS distance to W(4,1) " + d);
        float[] bias = {9f, 9f, 9f};
        init.initBias(bias, 0, 3, 400, new Rng(1));
        assertArrayEquals(new float[] {0f, 0f, 0f}, bias);   // sigma_b = 0
        assertTrue(init.name().contains("Weibull(4)"), init.name());
    }

    @Test
    void tanhInitDrawsBiasesWithSigmaB() {
        WeightInit init = TrainingLaws.weightInit(Initialisation.tanh());
        float[] b = new float[200_000];
        init.initBias(b, 0, b.length, 10, new Rng(5));
        double s = 0;
        for (float v : b) {
            s += v * v;
        }
        assertEquals(0.013, s / b.length, 3e-4);   // sigma_b^2 = 0.013 (docs/spec/gaussian-preact.md §2.2)
    }

    @Test
    void nonPositiveSigmaWIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TrainingLaws.sampler(WeightLaw.gaussian(), 0));
    }
}
