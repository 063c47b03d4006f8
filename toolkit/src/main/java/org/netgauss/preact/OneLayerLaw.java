package org.netgauss.preact;

import org.netgauss.preact.internal.Normal;

/**
 * The exact law of one product T = W phi(xi), W ~ W(theta, 1) independent of xi ~ N(0,1): the building
 * block of a pre-activation under the independence assumption. The paper's core constraint (C1) is that
 * T ~ N(0,1) (Wolinski &amp; Arbel 2025; {@code docs/spec/gaussian-preact.md} §1.2 and §4 item 4).
 *
 * <p>Since W is symmetric, T is symmetric and P(|T| &gt; z) = E_xi[exp(-(z/|phi(xi)|)^theta)], computed
 * here by quadrature over xi (midpoint rule, step 2e-3 on [-10, 10]). Immutable; the quadrature values of
 * ln|phi| are cached per instance.
 */
public final class OneLayerLaw {
    private final ActivationFunction phi;
    private final SymmetricWeibull weights;
    private final double[] logAbsPhi;
    private final double[] w;

    private OneLayerLaw(ActivationFunction phi, SymmetricWeibull weights) {
        this.phi = phi;
        this.weights = weights;
        GaussianRule rule = GaussianRule.midpoint(10, 2e-3);
        double[] x = rule.nodes();
        this.w = rule.weights();
        this.logAbsPhi = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            logAbsPhi[i] = Math.log(Math.abs(phi.apply(x[i])));
        }
    }

    /** The law of W phi(xi) with W ~ W(theta, 1). */
    public static OneLayerLaw of(ActivationFunction phi, SymmetricWeibull weights) {
        return new OneLayerLaw(phi, weights);
    }

    /** The law of W phi(xi) for a phi_theta and its own weight law W(theta, 1). */
    public static OneLayerLaw of(PhiTheta phi) {
        return new OneLayerLaw(phi, phi.weightLaw());
    }

    public ActivationFunction activation() { return phi; }

    public SymmetricWeibull weightLaw() { return weights; }

    /** P(|W phi(xi)| &gt; z) = E[exp(-(z/|phi(xi)|)^theta)] for z &gt; 0; 1 at z &lt;= 0. */
    public double absSurvival(double z) {
        if (z <= 0) {
            return 1.0;
        }
        double lz = Math.log(z);
        double theta = weights.theta();
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            // exp(-(z/|phi|)^theta) = exp(-exp(theta (ln z - ln|phi|))); phi = 0 gives ln|phi| = -inf and 0
            s += w[i] * Math.exp(-Math.exp(theta * (lz - logAbsPhi[i])));
        }
        return s;
    }

    /** P(W phi(xi) &lt;= z), from the symmetry of W. */
    public double cdf(double z) {
        double half = 0.5 * absSurvival(Math.abs(z));
        return z >= 0 ? 1 - half : half;
    }

    /**
     * The exact one-layer KS distance sup_z |P(T &lt;= z) - Phi(z)| = sup_{z&gt;0} |P(|T|&gt;z)/2 - (1 - Phi(z))|,
     * by a grid on (0, 6] with step 0.01 refined by golden-section search (docs/spec/gaussian-preact.md §4 item 4:
     * 0.00420 for phi^o_3, 0.00394 for phi^p_3).
     */
    public double ksDistance() {
        double best = 0;
        double bestZ = 0;
        double step = 0.01;
        for (double z = step; z <= 6 + 1e-12; z += step) {
            double g = gap(z);
            if (g > best) {
                best = g;
                bestZ = z;
            }
        }
        double lo = Math.max(1e-9, bestZ - step);
        double hi = bestZ + step;
        double r = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 40; it++) {
            double a = hi - r * (hi - lo);
            double b = lo + r * (hi - lo);
            if (gap(a) > gap(b)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return Math.max(best, gap(0.5 * (lo + hi)));
    }

    private double gap(double z) {
        return Math.abs(0.5 * absSurvival(z) - Normal.survival(z));
    }

    @Override
    public String toString() {
        return "OneLayerLaw[" + weights.name() + " * " + phi.name() + "(xi)]";
    }
}
