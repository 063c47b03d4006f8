package org.netgauss.preact;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Erf;
import org.netgauss.preact.internal.Normal;

/**
 * The "exact" phi_theta, step B of the authors' construction (Wolinski &amp; Arbel 2025; spec
 * {@code docs/spec/gaussian-preact.md} 1.4): phi is the monotone map that sends N(0,1) to the law with
 * density g of |Y| (a {@link PhiDensity}), obtained by inverting the survival S_g(t) = int_t^inf g:
 * <ul>
 *   <li>odd: phi^o(x) = sgn(x) t with S_g(t) = 2 (1 - Phi(|x|)), tabulated on linspace(0, 10, 400),
 *       phi(0) = 0;</li>
 *   <li>positive: phi^p(x) = t with S_g(t) = 1 - Phi(x), on linspace(-10, 10, 800), first value set to 0.</li>
 * </ul>
 * Roots by Brent's method on [0, 100] (in log S_g, for accuracy in the far tail); between grid points phi is
 * the linear interpolant, beyond the grid its last segment is extended. With the authors' un-normalised g
 * (int g &gt; 1) phi^o jumps at 0 by about (int g - 1)/g(0); pass {@link PhiDensity#normalised()} to remove it.
 *
 * <p>This is how to build phi_theta for a theta that is not tabulated: fit g with {@link PhiDensityFit},
 * then invert. Piecewise linear, so {@link #isSmooth()} is false.
 */
public final class ExactPhiTheta implements ActivationFunction {
    private final PhiTheta.Family family;
    private final PhiDensity density;
    private final double[] xs;
    private final double[] ys;

    private ExactPhiTheta(PhiTheta.Family family, PhiDensity density, double[] xs, double[] ys) {
        this.family = family;
        this.density = density;
        this.xs = xs;
        this.ys = ys;
    }

    /** The odd exact phi on the authors' grid, 400 points on [0, 10]. */
    public static ExactPhiTheta odd(PhiDensity g) {
        return odd(g, 400);
    }

    /** The odd exact phi on {@code points} equispaced points of [0, 10]. */
    public static ExactPhiTheta odd(PhiDensity g, int points) {
        checkPoints(points);
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = 10.0 * i / (points - 1);
            y[i] = i == 0 ? 0.0 : invert(g, Erf.erfc(x[i] / Math.sqrt(2)));
        }
        return new ExactPhiTheta(PhiTheta.Family.ODD, g, x, y);
    }

    /** The positive exact phi on the authors' grid, 800 points on [-10, 10]. */
    public static ExactPhiTheta positive(PhiDensity g) {
        return positive(g, 800);
    }

    /** The positive exact phi on {@code points} equispaced points of [-10, 10]. */
    public static ExactPhiTheta positive(PhiDensity g, int points) {
        checkPoints(points);
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = -10.0 + 20.0 * i / (points - 1);
            y[i] = i == 0 ? 0.0 : invert(g, Normal.survival(x[i]));
            // for x << 0 the target 1 - Phi(x) is 1 - O(1e-16): keep the root-finder's round-off monotone
            if (i > 1) {
                y[i] = Math.max(y[i], y[i - 1]);
            }
        }
        return new ExactPhiTheta(PhiTheta.Family.POSITIVE, g, x, y);
    }

    private static void checkPoints(int points) {
        if (points < 2) {
            throw new IllegalArgumentException("the interpolation grid needs at least 2 points, found " + points);
        }
    }

    /** The t with S_g(t) = target, or 0 when target &gt;= int g. */
    static double invert(PhiDensity g, double target) {
        if (target >= g.integral()) {
            return 0.0;
        }
        double logTarget = Math.log(target);
        BrentSolver solver = new BrentSolver(1e-14, 1e-13);
        return solver.solve(1000, t -> Math.log(g.tailMass(t)) - logTarget, 0.0, 100.0);
    }

    public PhiTheta.Family family() { return family; }

    public PhiDensity density() { return density; }

    public double theta() { return density.theta(); }

    /** The weight law W(theta, 1) this activation is built for. */
    public SymmetricWeibull weightLaw() {
        return new SymmetricWeibull(density.theta());
    }

    /** The grid abscissas (a copy). */
    public double[] gridX() { return xs.clone(); }

    /** phi at the grid abscissas (a copy). */
    public double[] gridY() { return ys.clone(); }

    @Override
    public String name() {
        return (family == PhiTheta.Family.ODD ? "exact_phi_o" : "exact_phi_p") + "(theta="
                + SymmetricWeibull.trim(density.theta()) + ")";
    }

    @Override
    public boolean isSmooth() {
        return false;
    }

    @Override
    public double apply(double x) {
        if (family == PhiTheta.Family.ODD) {
            double v = interpolate(Math.abs(x));
            return x < 0 ? -v : v;
        }
        return interpolate(x);
    }

    @Override
    public double derivative(double x) {
        return slope(family == PhiTheta.Family.ODD ? Math.abs(x) : x);
    }

    private int segment(double x) {
        double step = xs[1] - xs[0];
        int i = (int) Math.floor((x - xs[0]) / step);
        return Math.max(0, Math.min(xs.length - 2, i));
    }

    private double interpolate(double x) {
        int i = segment(x);
        double u = (x - xs[i]) / (xs[i + 1] - xs[i]);
        return ys[i] + u * (ys[i + 1] - ys[i]);
    }

    private double slope(double x) {
        int i = segment(x);
        return (ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]);
    }

    @Override
    public String toString() {
        return name() + " on " + xs.length + " points";
    }
}
