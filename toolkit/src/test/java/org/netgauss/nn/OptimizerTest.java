package org.netgauss.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * One parameter on the quadratic f(w) = a/2 (w - c)^2 with a = 2, c = 0.5, w0 = 1.5, lr = 0.1, five steps.
 * The expected trajectories were printed by PyTorch 1.13 (Debian python3-torch) with
 * {@code w = torch.tensor([1.5]); loss = 0.5*2*((w-0.5)**2).sum(); loss.backward(); opt.step()}, and, for
 * Adam, are also recomputed from the closed-form recursion in double here.
 */
class OptimizerTest {
    private static final double A = 2.0;
    private static final double C = 0.5;

    private static float[] trajectory(Optimizer opt, int steps) {
        float[] p = {1.5f};
        float[][] state = new float[opt.stateSlots()][1];
        float[] out = new float[steps];
        for (int t = 1; t <= steps; t++) {
            float[] g = {(float) (A * (p[0] - C))};
            opt.update(p, 0, 1, g, 0, state, t, opt.lr());
            out[t - 1] = p[0];
        }
        return out;
    }

    @Test
    void adamMatchesTorch() {
        assertArrayEquals(new float[] {1.399999976158142f, 1.3004121780395508f, 1.2015862464904785f,
                1.1039390563964844f, 1.0079636573791504f}, trajectory(Optimizer.adam(0.1), 5), 1e-6f);
    }

    @Test
    void adamMatchesClosedFormRecursion() {
        // m_t = b1 m + (1-b1) g, v_t = b2 v + (1-b2) g^2, w -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps)
        double w = 1.5, m = 0, v = 0;
        float[] ours = trajectory(new Optimizer.Adam(0.1, 0.9, 0.999, 1e-8, 0.01), 5);
        for (int t = 1; t <= 5; t++) {
            double g = A * (w - C) + 0.01 * w;
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            w -= 0.1 / (1 - Math.pow(0.9, t)) * m / (Math.sqrt(v) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8);
            assertEquals(w, ours[t - 1], 2e-6, "step " + t);
        }
    }

    @Test
    void adamFirstStepMovesByLearningRate() {
        // m_hat = g, v_hat = g^2 after bias correction, so the first step is lr * sign(g) (up to eps)
        assertEquals(1.5 - 0.1, trajectory(Optimizer.adam(0.1), 1)[0], 1e-7);
    }

    @Test
    void adamWithCoupledWeightDecayMatchesTorch() {
        assertArrayEquals(new float[] {1.399999976158142f, 1.3004107475280762f, 1.20158052444458f,
                1.1039241552352905f, 1.0079323053359985f},
                trajectory(new Optimizer.Adam(0.1, 0.9, 0.999, 1e-8, 0.01), 5), 1e-6f);
    }

    @Test
    void adamVectorisedRowsEqualTheOffsetLoopBitForBit() {
        // the trainer passes whole rows (offset 0), which take the vectorised loops; a slice at an offset takes
        // the general loop: both must give the same floats, with and without weight decay
        java.util.Random r = new java.util.Random(3);
        for (Optimizer opt : new Optimizer[] {Optimizer.adam(1e-3), new Optimizer.Adam(1e-3, 0.9, 0.999, 1e-8, 0.01)}) {
            int n = 37;
            float[] p = new float[n];
            float[] g = new float[n];
            for (int i = 0; i < n; i++) {
                p[i] = (float) r.nextGaussian();
            }
            float[] pOff = new float[n + 1];
            System.arraycopy(p, 0, pOff, 1, n);
            float[][] st = {new float[n], new float[n]};
            float[][] stOff = {new float[n + 1], new float[n + 1]};
            for (long t = 1; t <= 5; t++) {
                for (int i = 0; i < n; i++) {
                    g[i] = (float) r.nextGaussian();
                }
                opt.update(p, 0, n, g, 0, st, t, 1e-3);
                opt.update(pOff, 1, n, g, 0, stOff, t, 1e-3);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToIntBits(p[i]), Float.floatToIntBits(pOff[i + 1]), opt + " element " + i);
            }
        }
    }

    @Test
    void adamWDecouplesWeightDecayAsTorch() {
        assertArrayEquals(new float[] {1.3984999656677246f, 1.2975224256515503f, 1.1974244117736816f,
                1.0986318588256836f, 1.0016491413116455f},
                trajectory(new Optimizer.AdamW(0.1, 0.9, 0.999, 1e-8, 0.01), 5), 1e-6f);
    }

    @Test
    void plainSgdMatchesTorch() {
        // closed form: w_t - c = (1 - lr a)^t (w0 - c) = 0.8^t
        assertArrayEquals(new float[] {1.3f, 1.14f, 1.012f, 0.9096f, 0.82768f}, trajectory(Optimizer.sgd(0.1), 5), 1e-6f);
    }

    @Test
    void sgdMomentumDampeningWeightDecayMatchesTorch() {
        assertArrayEquals(new float[] {1.2984999418258667f, 0.972251296043396f, 0.5927472710609436f,
                0.233965665102005f, -0.041262172162532806f},
                trajectory(new Optimizer.Sgd(0.1, 0.9, 0.1, false, 0.01), 5), 1e-6f);
    }

    @Test
    void sgdNesterovMatchesTorch() {
        assertArrayEquals(new float[] {1.1200000047683716f, 0.7224000096321106f, 0.3916480243206024f,
                0.17517699301242828f, 0.08428246527910233f},
                trajectory(new Optimizer.Sgd(0.1, 0.9, 0, true, 0), 5), 1e-6f);
    }

    @Test
    void nesterovWithoutMomentumIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Optimizer.Sgd(0.1, 0, 0, true, 0));
    }

    @Test
    void nonPositiveLearningRateIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Optimizer.adam(0));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("learning rate"));
        assertThrows(IllegalArgumentException.class, () -> Optimizer.adam(Double.NaN));
    }

    @Test
    void plateauSchedulerFollowsReduceLROnPlateau() {
        // torch ReduceLROnPlateau(factor=0.5, patience=2, threshold=0.01) fed this sequence printed these lrs
        double[] metrics = {1.0, 0.995, 0.98, 0.979, 0.978, 0.977, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9};
        double[] expected = {1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25};
        PlateauScheduler sched = new PlateauScheduler(0.5, 2, 0.01, 0);
        PlateauScheduler.State s = PlateauScheduler.State.initial();
        double lr = 1.0;
        for (int i = 0; i < metrics.length; i++) {
            PlateauScheduler.Step st = sched.step(s, metrics[i], lr);
            s = st.state();
            lr = st.lr();
            assertEquals(expected[i], lr, 0, "after metric " + i);
        }
    }

    @Test
    void earlyStoppingStopsAfterPatienceEpochsWithoutRelativeImprovement() {
        EarlyStopping es = new EarlyStopping(2, 0.01);
        EarlyStopping.State s = EarlyStopping.State.initial();
        s = es.step(s, 1.0);
        s = es.step(s, 0.995); // < 1% better: bad epoch 1
        org.junit.jupiter.api.Assertions.assertFalse(s.stopped());
        s = es.step(s, 0.98);  // 2% better than best 1.0: resets
        s = es.step(s, 0.975);
        s = es.step(s, 0.979);
        org.junit.jupiter.api.Assertions.assertTrue(s.stopped());
    }
}
