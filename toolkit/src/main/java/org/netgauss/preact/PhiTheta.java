package org.netgauss.preact;

import java.util.Arrays;
import java.util.Locale;
import org.netgauss.preact.internal.Elementary;

/**
 * The closed-form surrogates phi^o_theta (odd) and phi^p_theta (positive) of Wolinski &amp; Arbel (2025),
 * the activations used in all their experiments ({@code docs/spec/gaussian-preact.md} §1.4 step C,
 * parameters in 1.5). With alpha = 1 - 2/theta, s = softplus, sig = logistic:
 * <pre>
 *   phi^o(x) = a tanh(b x)     ((|x| + c)^alpha + d) (ln(|x| + f) + g)
 *   phi^p(x) = a sig(b x + h)  ((s(x) + c)^alpha + d) (ln(s(x) + f) + g)
 * </pre>
 * Derivatives (docs/spec/gaussian-preact.md §1.4): with A = tanh(b|x|), B = (|x|+c)^alpha + d, C = ln(|x|+f) + g,
 * phi^o'(x) = a [b (1-A^2) B C + A alpha (|x|+c)^(alpha-1) C + A B/(|x|+f)] (even); with S = sig(bx+h),
 * t = s(x), u = sig(x), B = (t+c)^alpha + d, C = ln(t+f) + g,
 * phi^p'(x) = a [S(1-S) b B C + S alpha (t+c)^(alpha-1) u C + S B u/(t+f)].
 *
 * <p>The surrogates were fitted by least squares to the exact activations; they are not exact: for
 * theta &gt;= 3 they lose 3-4 % of variance (docs/spec/gaussian-preact.md §2.3). Use {@link ExactPhiTheta} for the inverse-survival
 * construction, and for a theta outside the table.
 */
public final class PhiTheta implements ActivationFunction {

    /** The two families: phi^o_theta is odd, phi^p_theta positive. */
    public enum Family { ODD, POSITIVE }

    /**
     * The fitted coefficients; {@code h} is 0 and unused for the odd family.
     */
    public record Parameters(double a, double b, double h, double c, double d, double f, double g) {
        public Parameters {
            if (!(c > 0) || !(f > 0)) {
                // (|x|+c)^alpha and ln(|x|+f) must be defined on the whole real line
                throw new IllegalArgumentException("phi_theta needs c > 0 and f > 0, found c = " + c + ", f = " + f);
            }
        }
    }

    // docs/spec/gaussian-preact.md §1.5, extracted by the spec's author from the authors' objects/ActFunction_theta-XX.pkl: a, b, c, d, f, g
    private static final double[] ODD_THETAS = {2.05, 2.1, 2.2, 2.5, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final double[][] ODD_TABLE = {
        {1.482533833, 2.024871434, 1.502878696, -0.02420123629, 3.326596103, -0.6329325439},
        {1.759773243, 1.960367214, 1.479157495, -0.2493864582, 3.103837723, -0.5243502124},
        {1.881123712, 1.852753917, 1.887309586, -0.5237767967, 2.399710844, -0.06455150456},
        {1.215333617, 1.660156995, 2.416415428, -0.5042092324, 1.813578662, 0.3394836439},
        {0.8238268964, 1.46082118, 1.62925353, -0.3248599412, 1.892816124, 0.4662723985},
        {0.5555693903, 1.276247806, 1.413606248, -0.2378088668, 1.921138533, 0.7918393448},
        {0.4564951795, 1.102612095, 1.443750623, 0.08571542785, 2.27510387, 0.5527079432},
        {0.4084780852, 1.016195026, 1.570646914, 0.175190182, 2.517804141, 0.4861593167},
        {0.3769375165, 0.9663057382, 1.667303443, 0.2217453068, 2.680907369, 0.4562711308},
        {0.353826247, 0.9286261166, 1.745416876, 0.2713863635, 2.824926588, 0.4249185816},
        {0.3360684805, 0.8981540526, 1.812629937, 0.3188068951, 2.954222981, 0.3969930678},
        {0.3236354964, 0.8853640646, 1.825766304, 0.3647518962, 3.009681783, 0.3811538758},
    };
    // docs/spec/gaussian-preact.md §1.5, from objects/ActFunctionPos_theta-XX.pkl: a, b, h, c, d, f, g
    private static final double[] POS_THETAS = {2.05, 2.5, 3, 4, 5, 7, 10};
    private static final double[][] POS_TABLE = {
        {1.376518241, 2.431069103, 1.735028152, 1.322013975, -0.01114418941, 3.044536995, -0.4828190277},
        {1.235881153, 2.089853286, 1.044741133, 1.907242687, -0.5421277382, 2.360648426, 0.3934923796},
        {0.8533310124, 1.950387736, 0.7508269663, 1.968766009, -0.4322970822, 2.325966856, 0.4750775891},
        {0.5646648336, 1.814247419, 0.4953577142, 1.712126167, -0.1115098203, 2.162566321, 0.5622706714},
        {0.4124021709, 1.716967231, 0.3291736787, 1.53213006, 0.3258579322, 1.890387077, 0.722710352},
        {0.3314811143, 1.637055627, 0.2668336063, 1.903688983, 1.053982833, 1.536421336, 0.5037708146},
        {0.2807915148, 1.584449808, 0.2893684687, 2.511353984, 1.536778786, 1.32442952, 0.3968828433},
    };

    private final Family family;
    private final double theta;
    private final double alpha;
    private final Parameters p;

    private PhiTheta(Family family, double theta, Parameters p) {
        if (!(theta > 2) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("phi_theta needs a finite theta > 2, found " + theta);
        }
        this.family = family;
        this.theta = theta;
        this.alpha = 1 - 2 / theta;
        this.p = p;
    }

    /** phi^o_theta with the authors' fitted parameters; theta in {@link #tabulatedThetas(Family)}. */
    public static PhiTheta odd(double theta) {
        return tabulated(Family.ODD, theta);
    }

    /** phi^p_theta with the authors' fitted parameters; theta in {@link #tabulatedThetas(Family)}. */
    public static PhiTheta positive(double theta) {
        return tabulated(Family.POSITIVE, theta);
    }

    /** The surrogate of the given family with the authors' fitted parameters (docs/spec/gaussian-preact.md §1.5). */
    public static PhiTheta tabulated(Family family, double theta) {
        double[] thetas = family == Family.ODD ? ODD_THETAS : POS_THETAS;
        for (int i = 0; i < thetas.length; i++) {
            if (thetas[i] == theta) {
                double[] r = family == Family.ODD ? ODD_TABLE[i] : POS_TABLE[i];
                Parameters p = family == Family.ODD
                        ? new Parameters(r[0], r[1], 0.0, r[2], r[3], r[4], r[5])
                        : new Parameters(r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
                return new PhiTheta(family, theta, p);
            }
        }
        throw new IllegalArgumentException("no fitted " + family.name().toLowerCase(Locale.ROOT) + " phi_theta for theta = "
                + theta + "; tabulated: " + Arrays.toString(thetas)
                + "; build it with ExactPhiTheta (inverse survival) or PhiTheta.of(...) with your own fit");
    }

    /** A surrogate with caller-supplied coefficients, e.g. from a refit. */
    public static PhiTheta of(Family family, double theta, Parameters parameters) {
        return new PhiTheta(family, theta, parameters);
    }

    /** The thetas for which the authors' fitted parameters are tabulated (docs/spec/gaussian-preact.md §1.5). */
    public static double[] tabulatedThetas(Family family) {
        return (family == Family.ODD ? ODD_THETAS : POS_THETAS).clone();
    }

    /** The thetas used in the paper's figures, {2.05, 2.5, 3, 4, 5, 7, 10} (docs/spec/gaussian-preact.md §1.3). */
    public static double[] paperThetas() {
        return POS_THETAS.clone();
    }

    public Family family() { return family; }

    public double theta() { return theta; }

    /** alpha = 1 - 2/theta, the growth exponent phi(x) ~ x^alpha (docs/spec/gaussian-preact.md §1.2). */
    public double alpha() { return alpha; }

    public Parameters parameters() { return p; }

    /** The weight law this activation is built for: W(theta, 1). */
    public SymmetricWeibull weightLaw() {
        return new SymmetricWeibull(theta);
    }

    @Override
    public String name() {
        return (family == Family.ODD ? "phi_o" : "phi_p") + "(theta=" + SymmetricWeibull.trim(theta) + ")";
    }

    /**
     * False for the odd family: through |x|, phi^o' has a kink at 0, which slows Gauss-Hermite quadrature
     * of E[phi'^2] to about 1 % at 200 nodes. The positive family is smooth.
     */
    @Override
    public boolean isSmooth() {
        return family == Family.POSITIVE;
    }

    @Override
    public double apply(double x) {
        if (family == Family.ODD) {
            double ax = Math.abs(x);
            return p.a() * Elementary.tanh(p.b() * x) * (Elementary.powPositive(ax + p.c(), alpha) + p.d())
                    * (Math.log(ax + p.f()) + p.g());
        }
        double s = softplus(x);
        return p.a() * logistic(p.b() * x + p.h()) * (Elementary.powPositive(s + p.c(), alpha) + p.d())
                * (Math.log(s + p.f()) + p.g());
    }

    /**
     * The bulk form used by the propagation: the same formula as {@link #apply(double)}, with the family test
     * and the coefficients hoisted out of the loop so that the loop body is one inlined expression (the
     * interface's default loop goes through a call site shared by every activation).
     */
    @Override
    public void apply(double[] x, double[] out) {
        if (x.length != out.length) {
            throw new IllegalArgumentException("Arrays have different length: x[" + x.length + "], out[" + out.length + "]");
        }
        double a = p.a();
        double b = p.b();
        double c = p.c();
        double d = p.d();
        double f = p.f();
        double g = p.g();
        double al = alpha;
        if (family == Family.ODD) {
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                double ax = Math.abs(v);
                out[i] = a * Elementary.tanh(b * v) * (Math.exp(al * Math.log(ax + c)) + d) * (Math.log(ax + f) + g);
            }
            return;
        }
        double h = p.h();
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            double e = Math.exp(-Math.abs(v));
            double s = Math.max(v, 0) + Elementary.log1pSmall(e);
            out[i] = a * logistic(b * v + h) * (Math.exp(al * Math.log(s + c)) + d) * (Math.log(s + f) + g);
        }
    }

    @Override
    public double derivative(double x) {
        if (family == Family.ODD) {
            double ax = Math.abs(x);
            double aTanh = Elementary.tanh(p.b() * ax);
            double pc = Elementary.powPositive(ax + p.c(), alpha);
            double bb = pc + p.d();
            double cc = Math.log(ax + p.f()) + p.g();
            return p.a() * (p.b() * (1 - aTanh * aTanh) * bb * cc + aTanh * alpha * pc / (ax + p.c()) * cc
                    + aTanh * bb / (ax + p.f()));
        }
        double sg = logistic(p.b() * x + p.h());
        double t = softplus(x);
        double u = logistic(x);
        double pc = Elementary.powPositive(t + p.c(), alpha);
        double bb = pc + p.d();
        double cc = Math.log(t + p.f()) + p.g();
        return p.a() * (sg * (1 - sg) * p.b() * bb * cc + sg * alpha * pc / (t + p.c()) * u * cc
                + sg * bb * u / (t + p.f()));
    }

    /** Equal when family, theta and coefficients are equal, so that equal initialisations compare equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PhiTheta other && other.family == family && Double.compare(other.theta, theta) == 0
                && other.p.equals(p);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(family, theta, p);
    }

    @Override
    public String toString() {
        return name() + " " + p;
    }

    /** ln(1 + e^x) without overflow: max(x,0) + log1p(exp(-|x|)). */
    static double softplus(double x) {
        return Math.max(x, 0) + Elementary.log1pSmall(Math.exp(-Math.abs(x)));
    }

    /** 1/(1 + e^-x) without overflow. */
    static double logistic(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
