package org.netgauss.inpca.linear;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Closed-form InPCA of gradient-descent trajectories of linear regression, and its Monte-Carlo check
 * (docs/spec/hyperribbon.md §3.3–3.5, our analytic reconstruction of Mao, Griniasty, Sun, Transtrum, Sethna, Chaudhari,
 * "An analytical characterization of sloppiness in neural networks", arXiv 2505.08915 / PRE 113, 015306).
 *
 * <p>With M random initialisations {@code w_0 ~ N(0, s0² I)} and times t = 0..T (n = T + 1 points each),
 * the InPCA eigenvalues divided by M·n converge as M → ∞ to those of the d × d matrix
 *
 * <pre>
 *   C    = D_c [ (w* w*ᵀ) ∘ K + s0² diag(G_kk / n) ] D_c,     D_c = diag( sqrt(λ_k / (8σ²)) )
 *   S_k  = Σ_{t=0..T} q_k^t,   G_kl = Σ_{t=0..T} (q_k q_l)^t,   K_kl = G_kl / n − S_k S_l / n²
 * </pre>
 *
 * The first term (ground truth) has Cauchy/Löwner displacement structure and decays geometrically for any
 * input spectrum; the second (initialisation) is diagonal with a plateau over the modes that converged.
 * Their balance, set by {@code ρ = s* / s0}, the input-spectrum decay and T, decides whether the trajectories
 * form a hyper-ribbon (docs/spec/hyperribbon.md §3.5).
 */
public final class LinearModelTheory {
    private LinearModelTheory() {}

    /**
     * {@code Σ_{t=0..n−1} q^t = (1 − q^n)/(1 − q)}, evaluated as {@code −expm1(n log1p(−ε))/ε} with
     * {@code ε = 1 − q} for {@code 0 < q < 1}, and by the series {@code n − ε n(n−1)/2} for {@code |ε| < 1e-12}
     * (docs/spec/hyperribbon.md §3.4: the naive quotient gives 0/0 for slow modes).
     */
    public static double geometricSum(double q, int n) {
        double eps = 1 - q;
        if (Math.abs(eps) < 1e-12) {
            return n - eps * n * (n - 1.0) / 2;
        }
        if (q > 0 && q < 1) {
            return -Math.expm1(n * Math.log1p(-eps)) / eps;
        }
        return (1 - Math.pow(q, n)) / eps;
    }

    /** The matrix C of docs/spec/hyperribbon.md §3.4 for ground truth {@code wStar} (eigen-coordinates), init scale s0, T steps. */
    public static double[][] expectedInpcaMatrix(LinearGdModel model, double[] wStar, double s0, int steps) {
        model.checkLength(wStar, "w*");
        int d = model.dimension();
        int n = steps + 1;
        double[] lambda = model.lambda();
        double[] s = new double[d];
        double[] dc = new double[d];
        for (int k = 0; k < d; k++) {
            s[k] = geometricSum(model.q(k), n);
            dc[k] = Math.sqrt(lambda[k] / (8 * model.sigma() * model.sigma()));
        }
        double[][] c = new double[d][d];
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) {
                double g = geometricSum(model.q(k) * model.q(l), n);
                double kern = g / n - s[k] * s[l] / ((double) n * n);
                double v = wStar[k] * wStar[l] * kern + (k == l ? s0 * s0 * g / n : 0);
                c[k][l] = dc[k] * v * dc[l];
            }
        }
        return c;
    }

    /** Eigenvalues of {@link #expectedInpcaMatrix}: the expected per-point InPCA spectrum (docs/spec/hyperribbon.md §3.4). */
    public static LinearSpectrum expectedSpectrum(LinearGdModel model, double[] wStar, double s0, int steps) {
        return new LinearSpectrum(descendingEigenvalues(expectedInpcaMatrix(model, wStar, s0, steps)));
    }

    /**
     * Monte-Carlo InPCA spectrum: {@code ensemble} trajectories from {@code w_0 ~ N(0, s0² I)} (seeded), run by
     * iterating the GD recursion (not the closed form), embedded through {@code ζ_k = sqrt(λ_k/(8σ²)) w_k};
     * by docs/spec/hyperribbon.md §3.3 the nonzero eigenvalues of W are those of the centred scatter {@code Z_cᵀ Z_c}, returned
     * divided by the number of points {@code M (T + 1)}.
     */
    public static LinearSpectrum simulatedSpectrum(LinearGdModel model, double[] wStar, double s0, int steps,
                                                   int ensemble, long seed) {
        model.checkLength(wStar, "w*");
        if (ensemble < 1) {
            throw new IllegalArgumentException("ensemble size must be >= 1, found " + ensemble);
        }
        int d = model.dimension();
        double[] lambda = model.lambda();
        double[] scale = new double[d];
        for (int k = 0; k < d; k++) {
            scale[k] = Math.sqrt(lambda[k] / (8 * model.sigma() * model.sigma()));
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] sum = new double[d];
        double[][] second = new double[d][d];
        double[] w = new double[d];
        double[] z = new double[d];
        for (int e = 0; e < ensemble; e++) {
            for (int k = 0; k < d; k++) {
                w[k] = s0 * gaussian(rng);
            }
            for (int t = 0; t <= steps; t++) {
                for (int k = 0; k < d; k++) {
                    z[k] = scale[k] * w[k];
                    sum[k] += z[k];
                }
                for (int k = 0; k < d; k++) {
                    for (int l = k; l < d; l++) {
                        second[k][l] += z[k] * z[l];
                    }
                }
                for (int k = 0; k < d; k++) {
                    w[k] -= model.eta() * lambda[k] * (w[k] - wStar[k]);
                }
            }
        }
        double points = (double) ensemble * (steps + 1);
        double[][] cov = new double[d][d];
        for (int k = 0; k < d; k++) {
            for (int l = k; l < d; l++) {
                cov[k][l] = second[k][l] / points - (sum[k] / points) * (sum[l] / points);
                cov[l][k] = cov[k][l];
            }
        }
        return new LinearSpectrum(descendingEigenvalues(cov));
    }

    /**
     * The scale ratio ρ* at which {@code χ_K} of the expected spectrum reaches {@code chi} (docs/spec/hyperribbon.md §3.5 phase
     * boundary: η = 0.5/λ_1, s0 = 1, σ = 1, {@code w*_k = ρ}); hyper-ribbon (χ_K >= chi) for ρ > ρ*. Returns 0
     * if χ_K >= chi already at ρ = 0 and {@code +∞} if not reached by ρ = 1e6.
     */
    public static double criticalScaleRatio(double[] lambda, int steps, int k, double chi) {
        LinearGdModel model = new LinearGdModel(lambda, 0.5 / lambda[0], 1);
        if (stressAt(model, 0, steps, k) >= chi) {
            return 0;
        }
        double lo = 0;
        double hi = 1;
        while (stressAt(model, hi, steps, k) < chi) {
            lo = hi;
            hi *= 2;
            if (hi > 1e6) {
                return Double.POSITIVE_INFINITY;
            }
        }
        for (int i = 0; i < 60 && hi - lo > 1e-10 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (stressAt(model, mid, steps, k) >= chi) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** χ_K of the expected spectrum for the phase-diagram setting (s0 = 1, {@code w*_k = rho}). */
    static double stressAt(LinearGdModel model, double rho, int steps, int k) {
        double[] wStar = new double[model.dimension()];
        Arrays.fill(wStar, rho);
        return expectedSpectrum(model, wStar, 1, steps).explainedStress(k);
    }

    static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    static double[] descendingEigenvalues(double[][] symmetric) {
        double[] e = new EigenDecomposition(new Array2DRowRealMatrix(symmetric, false)).getRealEigenvalues();
        double[] out = e.clone();
        Arrays.sort(out);
        for (int i = 0; i < out.length / 2; i++) {
            double t = out[i];
            out[i] = out[out.length - 1 - i];
            out[out.length - 1 - i] = t;
        }
        return out;
    }
}
