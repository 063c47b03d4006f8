package org.netgauss.preact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Mean-field signal propagation and the edge of chaos (Poole et al. 2016; Schoenholz et al. 2017), as
 * reviewed by Wolinski &amp; Arbel (2025; {@code docs/spec/gaussian-preact.md} §2.1), for an
 * activation phi, weights with second moment m2 = E W^2, scales sigma_w, sigma_b and biases with second
 * moment b2 = E B^2 (1 for Gaussian biases):
 * <ul>
 *   <li>variance map V(q) = sigma_w^2 m2 E[phi(sqrt(q) xi)^2] + sigma_b^2 b2, fixed point q* = V(q*);</li>
 *   <li>covariance map q_ab' = sigma_w^2 m2 E[phi(u_a) phi(u_b)] + sigma_b^2 b2, (u_a, u_b) centred Gaussian
 *       with variances q_aa, q_bb and covariance q_ab;</li>
 *   <li>correlation map C(c) = q_ab' / V(q) with q_aa = q_bb = q, q_ab = c q (at q = q*: the usual map);</li>
 *   <li>chi_1 = C'(1) = sigma_w^2 m2 E[phi'(sqrt(q*) xi)^2]: ordered (chi_1 &lt; 1), EOC (= 1), chaotic (&gt; 1);</li>
 *   <li>depth scale xi_c = -1/ln(sigma_w^2 m2 E[phi'(u_a) phi'(u_b)]) at the correlation fixed point c*.</li>
 * </ul>
 * Gaussian expectations use {@link GaussianRule#defaultFor} and {@link GaussianRule#defaultPairFor} unless
 * {@link #withRules} says otherwise. Immutable.
 */
public final class EdgeOfChaos {

    /** The phase of a (sigma_w, sigma_b) point, from chi_1 at q*. */
    public enum Phase { ORDERED, CRITICAL, CHAOTIC }

    private final ActivationFunction phi;
    private final double m2;
    private final double sigmaW;
    private final double sigmaB;
    private final double b2;
    private final GaussianRule rule;
    private final GaussianRule pairRule;

    private EdgeOfChaos(ActivationFunction phi, double m2, double sigmaW, double sigmaB, double b2, GaussianRule rule,
            GaussianRule pairRule) {
        if (!(m2 > 0) || !(sigmaW > 0) || !(sigmaB >= 0) || !(b2 > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: need m2 > 0, sigma_w > 0, sigma_b >= 0, b2 > 0; found m2=%g sigma_w=%g sigma_b=%g b2=%g",
                    phi.name(), m2, sigmaW, sigmaB, b2));
        }
        this.phi = phi;
        this.m2 = m2;
        this.sigmaW = sigmaW;
        this.sigmaB = sigmaB;
        this.b2 = b2;
        this.rule = rule;
        this.pairRule = pairRule;
    }

    /** The maps of an initialisation: m2 and b2 from its weight and bias laws. */
    public static EdgeOfChaos of(Initialisation init) {
        return new EdgeOfChaos(init.activation(), init.weightLaw().secondMoment(), init.sigmaW(), init.sigmaB(),
                init.biasLaw().secondMoment(), GaussianRule.defaultFor(init.activation()),
                GaussianRule.defaultPairFor(init.activation()));
    }

    /** The maps for phi with weights of second moment m2 and Gaussian biases. */
    public static EdgeOfChaos of(ActivationFunction phi, double m2, double sigmaW, double sigmaB) {
        return new EdgeOfChaos(phi, m2, sigmaW, sigmaB, 1.0, GaussianRule.defaultFor(phi), GaussianRule.defaultPairFor(phi));
    }

    /** A copy using other quadrature rules for one- and two-dimensional expectations. */
    public EdgeOfChaos withRules(GaussianRule oneDimensional, GaussianRule pair) {
        return new EdgeOfChaos(phi, m2, sigmaW, sigmaB, b2, oneDimensional, pair);
    }

    /** A copy at other scales. */
    public EdgeOfChaos withScales(double sigmaW, double sigmaB) {
        return new EdgeOfChaos(phi, m2, sigmaW, sigmaB, b2, rule, pairRule);
    }

    public ActivationFunction activation() { return phi; }

    public double m2() { return m2; }

    public double sigmaW() { return sigmaW; }

    public double sigmaB() { return sigmaB; }

    /** V(q) = sigma_w^2 m2 E[phi(sqrt(q) xi)^2] + sigma_b^2 b2. */
    public double variance(double q) {
        checkQ(q);
        double s = Math.sqrt(q);
        return sigmaW * sigmaW * m2 * rule.expect(x -> {
            double v = phi.apply(s * x);
            return v * v;
        }) + sigmaB * sigmaB * b2;
    }

    /**
     * q* by fixed-point iteration of V from q = 1 (docs/spec/gaussian-preact.md §2.2), to relative change 1e-14.
     *
     * @throws IllegalStateException when the iteration diverges (no finite fixed point, e.g. ReLU with
     *         sigma_w^2 &gt; 2) or does not settle in 200 000 steps
     */
    public double fixedPoint() {
        double q = 1.0;
        for (int it = 0; it < 200_000; it++) {
            double next = variance(q);
            if (!Double.isFinite(next) || next > 1e12) {
                throw new IllegalStateException(phi.name() + " at sigma_w=" + sigmaW + ", sigma_b=" + sigmaB
                        + ": the variance map diverges from q = 1; there is no finite fixed point q*");
            }
            if (Math.abs(next - q) <= 1e-14 * Math.max(q, 1e-300) || next == 0) {
                return next;
            }
            q = next;
        }
        throw new IllegalStateException(phi.name() + ": variance map did not settle in 200000 iterations from q = 1, at q = " + q);
    }

    /** chi_1 = sigma_w^2 m2 E[phi'(sqrt(q) xi)^2] at the given q. */
    public double chi1(double q) {
        checkQ(q);
        double s = Math.sqrt(q);
        return sigmaW * sigmaW * m2 * rule.expect(x -> {
            double d = phi.derivative(s * x);
            return d * d;
        });
    }

    /** chi_1 at q*. */
    public double chi1() {
        return chi1(fixedPoint());
    }

    /** The phase at q*, with |chi_1 - 1| &lt;= 1e-9 counted as critical. */
    public Phase phase() {
        double chi = chi1();
        return Math.abs(chi - 1) <= 1e-9 ? Phase.CRITICAL : chi < 1 ? Phase.ORDERED : Phase.CHAOTIC;
    }

    /** q_ab' = sigma_w^2 m2 E[phi(u_a) phi(u_b)] + sigma_b^2 b2 for variances qaa, qbb and covariance qab. */
    public double covariance(double qaa, double qbb, double qab) {
        checkQ(qaa);
        checkQ(qbb);
        double sa = Math.sqrt(qaa);
        double sb = Math.sqrt(qbb);
        double rho = qaa == 0 || qbb == 0 ? 0 : Math.max(-1, Math.min(1, qab / (sa * sb)));
        return sigmaW * sigmaW * m2 * pairRule.expectPair(x -> phi.apply(sa * x), y -> phi.apply(sb * y), rho)
                + sigmaB * sigmaB * b2;
    }

    /** C(c) at q: covariance(q, q, c q) / V(q). At q = q* the usual correlation map. */
    public double correlation(double c, double q) {
        return covariance(q, q, c * q) / variance(q);
    }

    /** The correlation map at q*. */
    public double correlation(double c) {
        return correlation(c, fixedPoint());
    }

    /** sigma_w^2 m2 E[phi'(u_a) phi'(u_b)] with u_a, u_b of variance q and correlation c: the slope C'(c) at q*. */
    public double correlationSlope(double c, double q) {
        double s = Math.sqrt(q);
        return sigmaW * sigmaW * m2 * pairRule.expectPair(x -> phi.derivative(s * x), y -> phi.derivative(s * y), c);
    }

    /**
     * c*, the stable fixed point of the correlation map at q*: 1 when chi_1 &lt;= 1 (ordered or critical),
     * otherwise the root of C(c) = c in [0, 1) by Brent's method (C(0) &gt;= 0 and C(c) &lt; c just below 1 when
     * chi_1 &gt; 1). Solving instead of iterating matters near the edge, where iteration needs
     * ~1/|1 - chi_1| steps.
     */
    public double correlationFixedPoint() {
        double q = fixedPoint();
        if (chi1(q) <= 1) {
            return 1.0;
        }
        java.util.function.DoubleUnaryOperator f = c -> correlation(c, q) - c;
        if (f.applyAsDouble(0) <= 0) {
            return 0.0;
        }
        double hi = 1 - 1e-6;
        if (f.applyAsDouble(hi) >= 0) {
            return 1.0;   // chi_1 barely above 1: the fixed point is within 1e-6 of 1
        }
        return new BrentSolver(1e-12, 1e-13).solve(200, f::applyAsDouble, 0.0, hi);
    }

    /** xi_c = -1/ln(C'(c*)) at q*: the depth over which correlations approach c* (infinite at the EOC). */
    public double correlationDepth() {
        double q = fixedPoint();
        double cStar = correlationFixedPoint();
        double slope = cStar >= 1 - 1e-9 ? chi1(q) : correlationSlope(cStar, q);
        return -1 / Math.log(slope);
    }

    /**
     * The EOC curve: for each sigma_b^2, the sigma_w^2 with chi_1(q*(sigma_w, sigma_b)) = 1, by Brent's method
     * (docs/spec/gaussian-preact.md §2.2: for tanh, sigma_b^2 = 0.05 gives sigma_w^2 = 1.760955, q* = 0.570048).
     *
     * @throws IllegalStateException when chi_1 = 1 cannot be bracketed in sigma_w^2 in (0, 100]
     */
    public static List<EocPoint> curve(ActivationFunction phi, double m2, double... sigmaB2) {
        List<EocPoint> points = new ArrayList<>();
        for (double sb2 : sigmaB2) {
            points.add(point(phi, m2, sb2));
        }
        return List.copyOf(points);
    }

    /** One point of the EOC curve; see {@link #curve}. */
    public static EocPoint point(ActivationFunction phi, double m2, double sigmaB2) {
        if (!(sigmaB2 >= 0)) {
            throw new IllegalArgumentException("sigma_b^2 must be >= 0, found " + sigmaB2);
        }
        double sb = Math.sqrt(sigmaB2);
        EdgeOfChaos base = of(phi, m2, 1.0, sb);
        java.util.function.DoubleUnaryOperator f = w2 -> base.withScales(Math.sqrt(w2), sb).chi1() - 1;
        double lo = 1e-3;
        double hi = 1.0;
        while (f.applyAsDouble(hi) < 0) {
            lo = hi;
            hi *= 2;
            if (hi > 100) {
                throw new IllegalStateException(phi.name() + ": chi_1 stays below 1 for sigma_w^2 up to 100 at sigma_b^2 = "
                        + sigmaB2 + "; no edge of chaos there");
            }
        }
        double w2 = new BrentSolver(1e-13, 1e-14).solve(500, f::applyAsDouble, lo, hi);
        EdgeOfChaos at = base.withScales(Math.sqrt(w2), sb);
        double q = at.fixedPoint();
        return new EocPoint(phi.name(), w2, sigmaB2, q, at.chi1(q));
    }

    /** An EOC curve as a table: activation, sigma_w2, sigma_b2, q_star, chi_1. */
    public static tech.tablesaw.api.Table toTable(List<EocPoint> curve) {
        var act = tech.tablesaw.api.StringColumn.create("activation");
        var w2 = tech.tablesaw.api.DoubleColumn.create("sigma_w2");
        var b2 = tech.tablesaw.api.DoubleColumn.create("sigma_b2");
        var q = tech.tablesaw.api.DoubleColumn.create("q_star");
        var chi = tech.tablesaw.api.DoubleColumn.create("chi_1");
        for (EocPoint p : curve) {
            act.append(p.activation());
            w2.append(p.sigmaW2());
            b2.append(p.sigmaB2());
            q.append(p.qStar());
            chi.append(p.chi1());
        }
        return tech.tablesaw.api.Table.create("edge of chaos", act, w2, b2, q, chi);
    }

    /**
     * ReLU's edge of chaos with weights of second moment m2: sigma_w^2 = 2/m2, sigma_b = 0, where V(q) = q
     * for every q and chi_1 = 1 (docs/spec/gaussian-preact.md §2.2); reported at q* = 1.
     */
    public static EocPoint reluPoint(double m2) {
        return new EocPoint("relu", 2 / m2, 0, 1, 1);
    }

    /**
     * The non-asymptotic EOC of Wolinski &amp; Arbel for (W(theta,1), phi_theta) (docs/spec/gaussian-preact.md §2.3, a derivation [D]
     * consistent with the paper's claim): pre-activations N(0,1) at every layer, so q* = 1 and chi_1 = 1 give
     * sigma_w^2 = 1/(m2 E[phi'(xi)^2]) and sigma_b^2 = 1 - sigma_w^2 m2 E[phi(xi)^2], Gaussian biases. For an
     * exact phi (m2 E[phi^2] = 1) this is the spec's sigma_b^2 = 1 - sigma_w^2; for the surrogates, whose
     * variance is 3-4 % short, it keeps q* = 1 exactly. Infeasible when sigma_b^2 &lt; 0.
     */
    public static NonAsymptoticEoc nonAsymptotic(ActivationFunction phi, SymmetricWeibull weights) {
        GaussianRule r = GaussianRule.defaultFor(phi);
        double m2 = weights.secondMoment();
        double ePhi2 = r.expect(x -> phi.apply(x) * phi.apply(x));
        double eDphi2 = r.expect(x -> phi.derivative(x) * phi.derivative(x));
        double w2 = 1 / (m2 * eDphi2);
        return new NonAsymptoticEoc(phi.name(), weights.theta(), m2 * ePhi2, eDphi2, w2, 1 - w2 * m2 * ePhi2, 1 - w2);
    }

    private static void checkQ(double q) {
        if (!(q >= 0) || Double.isInfinite(q)) {
            throw new IllegalArgumentException("a variance q must be finite and >= 0, found " + q);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EdgeOfChaos[%s, m2=%.6g, sigma_w=%.6g, sigma_b=%.6g]", phi.name(), m2, sigmaW, sigmaB);
    }

    /**
     * A point on an EOC curve.
     *
     * @param activation the activation's name
     * @param sigmaW2 sigma_w^2
     * @param sigmaB2 sigma_b^2
     * @param qStar the variance fixed point there
     * @param chi1 chi_1 at q* (1 up to the solver's tolerance)
     */
    public record EocPoint(String activation, double sigmaW2, double sigmaB2, double qStar, double chi1) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "EocPoint[%s: sigma_w^2=%.6f, sigma_b^2=%.6g, q*=%.6f, chi_1=%.6f]",
                    activation, sigmaW2, sigmaB2, qStar, chi1);
        }
    }

    /**
     * The non-asymptotic EOC of one phi_theta (docs/spec/gaussian-preact.md §2.3).
     *
     * @param activation name
     * @param theta Weibull shape
     * @param m2EPhi2 m2 E[phi(xi)^2] (1 for an exact phi)
     * @param eDerivative2 E[phi'(xi)^2]
     * @param sigmaW2 1/(m2 E[phi'^2])
     * @param sigmaB2 1 - sigma_w^2 m2 E[phi^2], which keeps q* = 1 for this phi
     * @param sigmaB2Ideal 1 - sigma_w^2, the spec's value (exact phi assumed)
     */
    public record NonAsymptoticEoc(String activation, double theta, double m2EPhi2, double eDerivative2, double sigmaW2,
            double sigmaB2, double sigmaB2Ideal) {
        /** Whether sigma_b^2 &gt;= 0, i.e. the point exists. */
        public boolean feasible() {
            return sigmaB2 >= 0;
        }

        /** The initialisation at this point: W(theta,1) weights, Gaussian biases (constraint C2). */
        public Initialisation initialisation(ActivationFunction phi) {
            if (!feasible()) {
                throw new IllegalStateException(activation + ": non-asymptotic EOC needs sigma_b^2 = " + sigmaB2
                        + " < 0; no such initialisation");
            }
            return new Initialisation(activation + "@EOC", phi, new SymmetricWeibull(theta), WeightLaw.gaussian(),
                    Math.sqrt(sigmaW2), Math.sqrt(sigmaB2));
        }
    }
}
