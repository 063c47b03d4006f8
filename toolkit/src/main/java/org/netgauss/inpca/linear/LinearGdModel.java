package org.netgauss.inpca.linear;

/**
 * Linear regression trained by full-batch gradient descent, in the eigenbasis of the input correlation
 * (docs/spec/hyperribbon.md §3.1; the tractable instance of Mao, Griniasty, Sun, Transtrum, Sethna, Chaudhari, arXiv 2505.08915):
 *
 * <pre>
 *   Σ = (1/N) Σ_n x_n x_nᵀ = U Λ Uᵀ,  λ_1 >= ... >= λ_d > 0
 *   p_w(y | x_n) = N(wᵀx_n, σ²),   L(w) = ½ (w − w*)ᵀ Σ (w − w*)
 *   w_{t+1} = w_t − η Σ (w_t − w*),   q_k = 1 − η λ_k   (stable iff 0 < η λ_1 < 2)
 * </pre>
 *
 * All weight vectors in this package are in eigen-coordinates {@code w_k = u_kᵀ w}.
 *
 * @param lambda input-correlation eigenvalues, descending and positive
 * @param eta    learning rate η
 * @param sigma  output standard deviation σ of the Gaussian predictive distribution
 */
public record LinearGdModel(double[] lambda, double eta, double sigma) {

    public LinearGdModel {
        if (lambda.length == 0) {
            throw new IllegalArgumentException("need at least one input eigenvalue");
        }
        lambda = lambda.clone();
        for (int k = 0; k < lambda.length; k++) {
            if (!(lambda[k] > 0) || !Double.isFinite(lambda[k])) {
                throw new IllegalArgumentException("eigenvalue λ_" + (k + 1) + " is " + lambda[k] + "; must be positive");
            }
            if (k > 0 && lambda[k] > lambda[k - 1]) {
                throw new IllegalArgumentException("eigenvalues must be descending: λ_" + k + " = " + lambda[k - 1]
                        + " < λ_" + (k + 1) + " = " + lambda[k]);
            }
        }
        if (!(eta > 0) || !(eta * lambda[0] < 2)) {
            throw new IllegalArgumentException("gradient descent is stable only for 0 < η λ_1 < 2, found η = " + eta
                    + ", λ_1 = " + lambda[0]);
        }
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("σ must be positive, found " + sigma);
        }
    }

    /** Geometric spectrum {@code λ_k = λ_1 e^{−c(k−1)}}, k = 1..d (docs/spec/hyperribbon.md §3.1; the PNAS synthetic data). */
    public static double[] geometricSpectrum(int d, double lambda1, double c) {
        double[] l = new double[d];
        for (int k = 0; k < d; k++) {
            l[k] = lambda1 * Math.exp(-c * k);
        }
        return l;
    }

    /** Power-law spectrum {@code λ_k = λ_1 k^{−α}}, k = 1..d (docs/spec/hyperribbon.md §3.1). */
    public static double[] powerLawSpectrum(int d, double lambda1, double alpha) {
        double[] l = new double[d];
        for (int k = 0; k < d; k++) {
            l[k] = lambda1 * Math.pow(k + 1, -alpha);
        }
        return l;
    }

    @Override
    public double[] lambda() { return lambda.clone(); }

    public int dimension() { return lambda.length; }

    /** Contraction factor {@code q_k = 1 − η λ_k} of mode k (0-based). */
    public double q(int k) { return 1 - eta * lambda[k]; }

    /**
     * Closed-form GD trajectory (docs/spec/hyperribbon.md §3.2): {@code w_k(t) = w*_k + (w_k(0) − w*_k) q_k^t}, t = 0..steps.
     *
     * @return {@code [steps + 1][d]}
     */
    public double[][] trajectory(double[] w0, double[] wStar, int steps) {
        checkLength(w0, "w0");
        checkLength(wStar, "w*");
        double[][] out = new double[steps + 1][lambda.length];
        for (int k = 0; k < lambda.length; k++) {
            double q = q(k);
            double a = w0[k] - wStar[k];
            double qt = 1;
            for (int t = 0; t <= steps; t++) {
                out[t][k] = wStar[k] + a * qt;
                qt *= q;
            }
        }
        return out;
    }

    /**
     * Intensive Bhattacharyya distance between the predictive distributions of two weight vectors (docs/spec/hyperribbon.md
     * §3.3): equal-variance Gaussians give {@code (μ − μ')²/(8σ²)} per sample, so
     * {@code D(w, w') = Σ_k λ_k (w_k − w'_k)² / (8σ²)}.
     */
    public double distance(double[] w, double[] w2) {
        checkLength(w, "w");
        checkLength(w2, "w'");
        double s = 0;
        for (int k = 0; k < lambda.length; k++) {
            s += lambda[k] * (w[k] - w2[k]) * (w[k] - w2[k]);
        }
        return s / (8 * sigma * sigma);
    }

    void checkLength(double[] v, String name) {
        if (v.length != lambda.length) {
            throw new IllegalArgumentException(name + " has " + v.length + " components, the model has d = "
                    + lambda.length);
        }
    }
}
