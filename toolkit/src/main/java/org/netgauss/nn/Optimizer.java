package org.netgauss.nn;

import org.netgauss.nn.internal.Kernels;

/**
 * Optimisers with the update rules of {@code torch.optim} (PyTorch 1.13 documentation, single-tensor
 * implementation), evaluated in float32 like PyTorch on float32 parameters; scalar factors such as the bias
 * corrections are computed in double, as PyTorch computes them in Python, and then rounded to float.
 *
 * <p>Each record validates itself; {@link #update} advances one parameter slice by one step given its
 * gradient, its state slots and the step number t (1 on the first step).
 */
public sealed interface Optimizer {
    /** The (initial) learning rate. */
    double lr();

    /** Number of float state arrays shaped like the parameters (Adam: 2, SGD with momentum: 1). */
    int stateSlots();

    /** Names of the state slots, used as file names in checkpoints. */
    String[] stateNames();

    /**
     * One step on {@code p[off .. off+len)} with gradient {@code g[goff ..]} and state {@code state[s][off ..]}.
     *
     * @param t  the step number, 1 on the first step
     * @param lr the current learning rate (after scheduling)
     */
    void update(float[] p, int off, int len, float[] g, int goff, float[][] state, long t, double lr);

    /** Adam with PyTorch defaults: betas (0.9, 0.999), eps 1e-8, no weight decay. */
    static Adam adam(double lr) {
        return new Adam(lr, 0.9, 0.999, 1e-8, 0);
    }

    /** Plain SGD. */
    static Sgd sgd(double lr) {
        return new Sgd(lr, 0, 0, false, 0);
    }

    /**
     * {@code torch.optim.SGD}: with g_t += wd·p (if wd ≠ 0); if momentum μ ≠ 0: b_1 = g_1,
     * b_t = μ b_{t-1} + (1 - dampening) g_t, and g_t := g_t + μ b_t (Nesterov) or g_t := b_t; then
     * p -= lr·g_t.
     */
    record Sgd(double lr, double momentum, double dampening, boolean nesterov, double weightDecay) implements Optimizer {
        public Sgd {
            checkLr(lr);
            checkRange(momentum, 0, Double.MAX_VALUE, "SGD momentum");
            checkRange(dampening, 0, 1, "SGD dampening");
            checkRange(weightDecay, 0, Double.MAX_VALUE, "SGD weight_decay");
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw new IllegalArgumentException("SGD Nesterov momentum requires momentum > 0 and dampening = 0, found momentum "
                        + momentum + ", dampening " + dampening + " (as torch.optim.SGD)");
            }
        }

        @Override
        public int stateSlots() { return momentum != 0 ? 1 : 0; }

        @Override
        public String[] stateNames() { return momentum != 0 ? new String[] {"momentum_buffer"} : new String[0]; }

        @Override
        public void update(float[] p, int off, int len, float[] g, int goff, float[][] state, long t, double lr) {
            float wd = (float) weightDecay;
            float mu = (float) momentum;
            float damp = (float) (1 - dampening);
            float lrf = (float) lr;
            float[] buf = momentum != 0 ? state[0] : null;
            for (int i = 0; i < len; i++) {
                float d = g[goff + i];
                if (weightDecay != 0) {
                    d = d + wd * p[off + i];
                }
                if (buf != null) {
                    float b = t == 1 ? d : mu * buf[off + i] + damp * d;
                    buf[off + i] = b;
                    d = nesterov ? d + mu * b : b;
                }
                p[off + i] = p[off + i] - lrf * d;
            }
        }
    }

    /** The hyper-parameter checks Adam and AdamW share; {@code name} prefixes the message. */
    private static void checkAdamSettings(String name, double lr, double beta1, double beta2, double eps,
                                          double weightDecay) {
        checkLr(lr);
        checkRange(beta1, 0, 1 - 1e-12, name + " beta1");
        checkRange(beta2, 0, 1 - 1e-12, name + " beta2");
        checkRange(eps, 0, Double.MAX_VALUE, name + " eps");
        checkRange(weightDecay, 0, Double.MAX_VALUE, name + " weight_decay");
    }

    /**
     * {@code torch.optim.Adam} (Kingma &amp; Ba 2015) with coupled L2 weight decay: g_t += wd·p;
     * m_t = β1 m + (1-β1) g_t; v_t = β2 v + (1-β2) g_t²; p -= (lr / (1-β1^t)) · m_t / (sqrt(v_t)/sqrt(1-β2^t) + eps).
     */
    record Adam(double lr, double beta1, double beta2, double eps, double weightDecay) implements Optimizer {
        public Adam {
            checkAdamSettings("Adam", lr, beta1, beta2, eps, weightDecay);
        }

        @Override
        public int stateSlots() { return 2; }

        @Override
        public String[] stateNames() { return new String[] {"exp_avg", "exp_avg_sq"}; }

        @Override
        public void update(float[] p, int off, int len, float[] g, int goff, float[][] state, long t, double lr) {
            adamStep(p, off, len, g, goff, state, t, lr, beta1, beta2, eps, weightDecay);
        }
    }

    /**
     * {@code torch.optim.AdamW} (Loshchilov &amp; Hutter 2019), decoupled decay: p *= 1 - lr·wd, then the Adam
     * step without the L2 term. PyTorch's default weight_decay for AdamW is 0.01.
     */
    record AdamW(double lr, double beta1, double beta2, double eps, double weightDecay) implements Optimizer {
        public AdamW {
            checkAdamSettings("AdamW", lr, beta1, beta2, eps, weightDecay);
        }

        @Override
        public int stateSlots() { return 2; }

        @Override
        public String[] stateNames() { return new String[] {"exp_avg", "exp_avg_sq"}; }

        @Override
        public void update(float[] p, int off, int len, float[] g, int goff, float[][] state, long t, double lr) {
            if (weightDecay != 0) {
                float keep = (float) (1 - lr * weightDecay);
                for (int i = 0; i < len; i++) {
                    p[off + i] *= keep;
                }
            }
            adamStep(p, off, len, g, goff, state, t, lr, beta1, beta2, eps, 0);
        }
    }

    private static void adamStep(float[] p, int off, int len, float[] g, int goff, float[][] state, long t, double lr,
                                 double beta1, double beta2, double eps, double weightDecay) {
        float[] m = state[0];
        float[] v = state[1];
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float a1 = (float) (1 - beta1);
        float a2 = (float) (1 - beta2);
        float wd = (float) weightDecay;
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        float stepSize = (float) (lr / bc1);
        float bc2Sqrt = (float) Math.sqrt(bc2);
        float epsf = (float) eps;
        if (off == 0 && goff == 0) {
            // whole rows, the engine's case: the same arithmetic, vectorised (Kernels picks the implementation)
            Kernels.dense().adamRow(p, g, m, v, len, b1, a1, b2, a2, wd, stepSize, bc2Sqrt, epsf);
            return;
        }
        Kernels.adamSlice(p, off, g, goff, m, v, len, b1, a1, b2, a2, wd, stepSize, bc2Sqrt, epsf);
    }

    private static void checkLr(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("learning rate must be finite and positive, found " + lr
                    + " (typical: Adam 1e-3, SGD 0.1)");
        }
    }

    private static void checkRange(double v, double lo, double hi, String what) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(what + " must be in [" + lo + ", " + (hi == Double.MAX_VALUE ? "inf" : hi)
                    + "], found " + v);
        }
    }
}
