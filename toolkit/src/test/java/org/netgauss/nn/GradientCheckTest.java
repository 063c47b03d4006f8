package org.netgauss.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netgauss.data.Dataset;

/** Backpropagated gradients against central finite differences of the loss. */
class GradientCheckTest {

    @ParameterizedTest(name = "{0} {1} bias={2}")
    @CsvSource({"tanh, CROSS_ENTROPY, true", "tanh, MSE, true", "relu, CROSS_ENTROPY, false", "identity, MSE, false",
            "tanh, CROSS_ENTROPY, false"})
    void backpropMatchesFiniteDifferences(String act, Loss loss, boolean bias) {
        Mlp mlp = new Mlp(new int[] {6, 5, 4, 3}, bias, Activation.named(act), loss);
        TrainingConfig cfg = TrainingConfig.defaults(mlp).withEnsembleSize(2).withSeed(11)
                .withInit(WeightInit.gaussian(1.5));
        EnsembleTrainer t = EnsembleTrainer.initialise(cfg, 1);
        Dataset batch = TestData.blobs("batch", 7, 6, 3, 5);
        int member = 1;
        float[][] gw = new float[3][];
        float[][] gb = new float[3][];
        for (int l = 1; l <= 3; l++) {
            gw[l - 1] = new float[mlp.fanOut(l) * mlp.fanIn(l)];
            gb[l - 1] = new float[mlp.fanOut(l)];
        }
        t.gradients(member, batch, gw, gb);
        // ReLU has kinks: a small step keeps the difference on one side of them (float noise ~1e-7/h)
        float h = act.equals("relu") ? 1e-4f : 1e-2f;
        double tol = act.equals("relu") ? 5e-3 : 2e-3;
        int checked = 0;
        int mismatched = 0;
        String firstMismatch = null;
        for (int l = 1; l <= 3; l++) {
            int per = mlp.fanOut(l) * mlp.fanIn(l);
            for (int i = 0; i < per; i++) {
                int in = mlp.fanIn(l);
                double fd = finiteDifference(t, t.state().weights(l - 1)[member * mlp.fanOut(l) + i / in], i % in, h, member, batch, mlp);
                checked++;
                if (Math.abs(fd - gw[l - 1][i]) > tol * Math.max(1, Math.abs(fd))) {
                    mismatched++;
                    if (firstMismatch == null) {
                        firstMismatch = "dL/dW" + l + "[" + i + "]: finite difference " + fd + ", backprop " + gw[l - 1][i];
                    }
                }
            }
            if (bias) {
                for (int j = 0; j < mlp.fanOut(l); j++) {
                    double fd = finiteDifference(t, t.state().biases(l - 1), member * mlp.fanOut(l) + j, h, member, batch, mlp);
                    assertEquals(fd, gb[l - 1][j], tol * Math.max(1, Math.abs(fd)), "dL/db" + l + "[" + j + "]");
                }
            }
        }
        // a central difference straddling a ReLU kink is not a derivative: allow a few such coordinates for
        // ReLU (2 of 50 here at most), none for smooth activations
        int allowed = act.equals("relu") ? checked / 20 : 0;
        org.junit.jupiter.api.Assertions.assertTrue(mismatched <= allowed, mismatched + " of " + checked
                + " weight gradients disagree, first " + firstMismatch);
    }

    private static double finiteDifference(EnsembleTrainer t, float[] p, int k, float h, int member, Dataset batch, Mlp mlp) {
        float[][] scratchW = new float[mlp.layers()][mlp.inputs() * 64];
        float[][] scratchB = new float[mlp.layers()][64];
        float old = p[k];
        p[k] = old + h;
        double up = t.gradients(member, batch, scratchW, scratchB);
        p[k] = old - h;
        double down = t.gradients(member, batch, scratchW, scratchB);
        p[k] = old;
        return (up - down) / (2 * h);
    }
}
