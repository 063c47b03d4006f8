package org.netgauss.preact;

import java.util.Arrays;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The parametric density g of |Y| = |phi_theta(xi)|, step A of the authors' construction (Wolinski &amp;
 * Arbel 2025; {@code docs/spec/gaussian-preact.md} §1.4):
 * <pre>
 *   g(y) = gamma (alpha_g / lambda1^alpha_g) y^(alpha_g - 1) exp(-(y/lambda1)^alpha_g)
 *        + [sqrt(2/pi) / Gamma(1 - 1/theta)] exp(-(y/lambda2)^theta'),      theta' = 2 theta/(theta - 2)
 * </pre>
 * a Weibull-shaped peak plus a term carrying the exact density at 0, sqrt(2/pi)/Gamma(1 - 1/theta), and the
 * theoretical tail (docs/spec/gaussian-preact.md §1.2). g is not constrained to integrate to 1; {@link #normalised()} rescales it.
 *
 * <p>Target: the survival of |W||Y|, S(z) = int_0^inf exp(-(z/y)^theta) g(y) dy, should equal
 * S*(z) = erfc(z/sqrt 2) = 2 (1 - Phi(z)), the survival of |N(0,1)|.
 *
 * @param theta the Weibull shape of the weights, &gt; 2
 * @param alphaG shape of the peak term
 * @param lambda1 scale of the peak term
 * @param lambda2 scale of the tail term
 * @param gamma weight of the peak term
 * @param scale a factor on the whole density (1 for the authors' g; 1/int g after {@link #normalised()})
 */
public record PhiDensity(double theta, double alphaG, double lambda1, double lambda2, double gamma, double scale) {

    private static final GaussIntegrator LEGENDRE = new GaussIntegratorFactory().legendre(8);
    private static final int PANELS = 240;
    private static final double UPPER = 12.0;

    public PhiDensity {
        if (!(theta > 2) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("the density of |phi_theta(xi)| exists only for finite theta > 2, found " + theta);
        }
        if (!(alphaG > 0 && lambda1 > 0 && lambda2 > 0 && gamma >= 0 && scale > 0)) {
            throw new IllegalArgumentException("PhiDensity needs alphaG, lambda1, lambda2, scale > 0 and gamma >= 0, found "
                    + Arrays.toString(new double[] {alphaG, lambda1, lambda2, gamma, scale}));
        }
    }

    // docs/spec/gaussian-preact.md §1.5 (from the authors' objects/DensityFunc_theta-XX.pkl): theta, alpha_g, lambda1, lambda2, gamma
    private static final double[][] TABLE = {
        {2.05, 4.37719579, 1.22754815, 0.56574911, 0.741250641},
        {2.1, 4.20611024, 1.23801343, 0.573737005, 0.734217321},
        {2.2, 3.99503361, 1.25439566, 0.584580264, 0.72211707},
        {2.5, 3.54261592, 1.28881132, 0.602133666, 0.696231297},
        {3, 3.10088011, 1.31372845, 0.605675211, 0.6743865},
        {4, 2.71903024, 1.32758885, 0.607800941, 0.64933441},
        {5, 2.61940011, 1.34886313, 0.642080744, 0.613771933},
        {6, 2.52832229, 1.3499434, 0.648749857, 0.59959103},
        {7, 2.46139591, 1.34557305, 0.648494391, 0.592575372},
        {8, 2.41815222, 1.34214029, 0.649491064, 0.586474184},
        {9, 2.38911775, 1.34017105, 0.652035434, 0.580544129},
        {10, 2.35642779, 1.33288008, 0.64650838, 0.580844192},
    };

    /** The authors' fitted density for a tabulated theta (docs/spec/gaussian-preact.md §1.5). */
    public static PhiDensity tabulated(double theta) {
        for (double[] r : TABLE) {
            if (r[0] == theta) {
                return new PhiDensity(r[0], r[1], r[2], r[3], r[4], 1.0);
            }
        }
        double[] thetas = Arrays.stream(TABLE).mapToDouble(r -> r[0]).toArray();
        throw new IllegalArgumentException("no fitted density for theta = " + theta + "; tabulated: "
                + Arrays.toString(thetas) + "; fit one with PhiDensityFit.fit(theta)");
    }

    /** The thetas with a tabulated density. */
    public static double[] tabulatedThetas() {
        return Arrays.stream(TABLE).mapToDouble(r -> r[0]).toArray();
    }

    /** theta' = 2 theta / (theta - 2), the tail exponent of |Y|. */
    public double thetaConjugate() {
        return 2 * theta / (theta - 2);
    }

    /** g(0+) = sqrt(2/pi) / Gamma(1 - 1/theta) (times {@code scale}): the pole of E|Y|^s at s = -1 (docs/spec/gaussian-preact.md §1.2). */
    public double densityAtZero() {
        return scale * Math.sqrt(2 / Math.PI) / Gamma.gamma(1 - 1 / theta);
    }

    /** g(y) for y &gt;= 0 (0 for y &lt; 0). */
    public double density(double y) {
        if (y < 0) {
            return 0.0;
        }
        double peak = y == 0 ? (alphaG < 1 ? Double.POSITIVE_INFINITY : alphaG == 1 ? gamma / lambda1 : 0.0)
                : gamma * alphaG / lambda1 * Math.pow(y / lambda1, alphaG - 1) * Math.exp(-Math.pow(y / lambda1, alphaG));
        return scale * peak + densityAtZero() * Math.exp(-Math.pow(y / lambda2, thetaConjugate()));
    }

    /**
     * S_g(t) = int_t^inf g, in closed form: gamma exp(-(t/lambda1)^alpha_g) for the peak and
     * g(0) lambda2 Gamma(1 + 1/theta') Q(1/theta', (t/lambda2)^theta') for the tail term
     * (Q the regularised upper incomplete gamma function).
     */
    public double tailMass(double t) {
        double tc = thetaConjugate();
        if (t <= 0) {
            return scale * gamma + densityAtZero() * lambda2 * Gamma.gamma(1 + 1 / tc);
        }
        double peak = scale * gamma * Math.exp(-Math.pow(t / lambda1, alphaG));
        double tail = densityAtZero() * lambda2 * Gamma.gamma(1 + 1 / tc)
                * Gamma.regularizedGammaQ(1 / tc, Math.pow(t / lambda2, tc));
        return peak + tail;
    }

    /** int_0^inf g: 1 for a density; the authors' fits give 1.0002-1.0093 (docs/spec/gaussian-preact.md §1.5). */
    public double integral() {
        return tailMass(0);
    }

    /** This density divided by its integral, so that int g = 1 (removes the jump of the exact phi^o at 0). */
    public PhiDensity normalised() {
        return new PhiDensity(theta, alphaG, lambda1, lambda2, gamma, scale / integral());
    }

    /**
     * S(z) = P(|W| |Y| &gt; z) = int_0^inf exp(-(z/y)^theta) g(y) dy. Computed in u = ln y, where the kernel
     * exp(-exp(theta (ln z - u))) has a transition of fixed width 1/theta at every z, by composite 8-point
     * Gauss-Legendre on 240 panels over u in [ln 1e-8, ln 12] (g y is below 1e-7 at the lower end and g
     * below 1e-40 at the upper end for every tabulated fit). S(0) = int g in closed form.
     */
    public double productSurvival(double z) {
        return productSurvival(new double[] {z})[0];
    }

    /** {@link #productSurvival(double)} at several z, sharing the quadrature nodes. */
    public double[] productSurvival(double[] z) {
        int m = LEGENDRE.getNumberOfPoints();
        int total = PANELS * m;
        double[] logY = new double[total];
        double[] wg = new double[total];
        double lo = Math.log(1e-8);
        double h = (Math.log(UPPER) - lo) / PANELS;
        for (int p = 0; p < PANELS; p++) {
            for (int k = 0; k < m; k++) {
                double u = lo + (p + 0.5 + 0.5 * LEGENDRE.getPoint(k)) * h;
                double y = Math.exp(u);
                logY[p * m + k] = u;
                wg[p * m + k] = 0.5 * h * LEGENDRE.getWeight(k) * density(y) * y;
            }
        }
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            if (z[i] <= 0) {
                out[i] = integral();
                continue;
            }
            double lz = Math.log(z[i]);
            double s = 0;
            for (int j = 0; j < total; j++) {
                s += wg[j] * Math.exp(-Math.exp(theta * (lz - logY[j])));
            }
            out[i] = s;
        }
        return out;
    }

    /**
     * The authors' fit criterion L_inf = max over z in linspace(0, 5, 200) of |S(z) - erfc(z/sqrt 2)|,
     * z = 0 included as in their final evaluation (docs/spec/gaussian-preact.md §1.4; table 1.5: 0.00550 at theta = 3).
     */
    public double lInfLoss() {
        double[] z = new double[200];
        for (int i = 0; i < z.length; i++) {
            z[i] = 5.0 * i / 199;
        }
        double[] s = productSurvival(z);
        double worst = 0;
        for (int i = 0; i < z.length; i++) {
            worst = Math.max(worst, Math.abs(s[i] - Erf.erfc(z[i] / Math.sqrt(2))));
        }
        return worst;
    }
}
