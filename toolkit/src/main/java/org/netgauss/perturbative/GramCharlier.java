package org.netgauss.perturbative;

import org.apache.commons.math3.analysis.solvers.LaguerreSolver;
import org.apache.commons.math3.complex.Complex;

/**
 * Positivity of the Gram–Charlier A density φ(z)[1 + (γ₁/6)He₃(z) + (γ₂/24)He₄(z)], the first-order density of one
 * entry in the single-entry model (docs/spec/perturbative.md §2.4, §4.5 (iii)). He₃(z) = z³ − 3z and
 * He₄(z) = z⁴ − 6z² + 3. It is non-negative for every z iff 0 ≤ γ₂ ≤ 4 and |γ₁| ≤ γ₁max(γ₂).
 */
public final class GramCharlier {
    private GramCharlier() {
    }

    /** 1 + (γ₁/6)He₃(z) + (γ₂/24)He₄(z). */
    public static double factor(double gamma1, double gamma2, double z) {
        return 1 + gamma1 / 6 * (z * z * z - 3 * z) + gamma2 / 24 * (z * z * z * z - 6 * z * z + 3);
    }

    /** The minimum over z of {@link #factor}; −∞ when γ₂ &lt; 0 or (γ₂ = 0, γ₁ ≠ 0). */
    public static double minimumFactor(double gamma1, double gamma2) {
        if (gamma2 < 0 || (gamma2 == 0 && gamma1 != 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (gamma2 == 0) {
            return 1;
        }
        // critical points: (γ₂/6) z³ + (γ₁/2) z² − (γ₂/2) z − γ₁/2 = 0
        double[] coefficients = {-gamma1 / 2, -gamma2 / 2, gamma1 / 2, gamma2 / 6};
        Complex[] roots = new LaguerreSolver(1e-14).solveAllComplex(coefficients, 0);
        double min = Double.POSITIVE_INFINITY;
        for (Complex r : roots) {
            if (Math.abs(r.getImaginary()) < 1e-7 * (1 + Math.abs(r.getReal()))) {
                min = Math.min(min, factor(gamma1, gamma2, r.getReal()));
            }
        }
        return min;
    }

    /** Whether the first-order entry density is non-negative everywhere. */
    public static boolean isPositive(double gamma1, double gamma2) {
        return minimumFactor(gamma1, gamma2) >= -1e-12;
    }

    /** γ₁max(γ₂): the largest |γ₁| with a non-negative density, for 0 ≤ γ₂ ≤ 4 (0 outside). */
    public static double maxSkewness(double gamma2) {
        if (!(gamma2 > 0 && gamma2 < 4)) {
            return 0;
        }
        double lo = 0;
        double hi = 3;
        for (int it = 0; it < 80; it++) {
            double mid = (lo + hi) / 2;
            if (minimumFactor(mid, gamma2) >= 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
