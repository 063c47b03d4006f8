package org.netgauss.preact;

/**
 * The standard activations the paper compares phi_theta with (Wolinski &amp; Arbel 2025, Sec. 3 and 5;
 * {@code docs/spec/gaussian-preact.md} §2.2), the identity, and the exact closed form at
 * theta = 2.
 */
public final class StandardActivations {
    private StandardActivations() {
    }

    private static final ActivationFunction RELU = new ActivationFunction() {
        @Override public String name() { return "relu"; }
        @Override public double apply(double x) { return x > 0 ? x : 0.0; }
        @Override public double derivative(double x) { return x > 0 ? 1.0 : 0.0; }
        @Override public boolean isSmooth() { return false; }
        @Override public String toString() { return name(); }
    };

    private static final ActivationFunction TANH = new ActivationFunction() {
        @Override public String name() { return "tanh"; }
        @Override public double apply(double x) { return org.netgauss.preact.internal.Elementary.tanh(x); }
        @Override public double derivative(double x) {
            double t = org.netgauss.preact.internal.Elementary.tanh(x);
            return 1.0 - t * t;
        }
        @Override public String toString() { return name(); }
    };

    private static final ActivationFunction IDENTITY = new ActivationFunction() {
        @Override public String name() { return "identity"; }
        @Override public double apply(double x) { return x; }
        @Override public double derivative(double x) { return 1.0; }
        @Override public String toString() { return name(); }
    };

    private static final ActivationFunction PHI_2 = new ActivationFunction() {
        private static final double SQRT2 = 1.4142135623730951;

        @Override public String name() { return "phi_2"; }
        @Override public double apply(double x) {
            return SQRT2 * Math.sin(Math.PI * (org.netgauss.preact.internal.Normal.cdf(x) - 0.5));
        }
        @Override public double derivative(double x) {
            return SQRT2 * Math.PI * org.netgauss.preact.internal.Normal.pdf(x)
                    * Math.cos(Math.PI * (org.netgauss.preact.internal.Normal.cdf(x) - 0.5));
        }
        @Override public String toString() { return name(); }
    };

    /** ReLU, max(x, 0); derivative 1{x &gt; 0}, 0 at the kink. Not smooth. */
    public static ActivationFunction relu() {
        return RELU;
    }

    /** tanh(x); derivative 1 - tanh^2(x). */
    public static ActivationFunction tanh() {
        return TANH;
    }

    /** The identity, the theta -&gt; infinity limit of phi_theta (spec section 1.2). */
    public static ActivationFunction identity() {
        return IDENTITY;
    }

    /**
     * The exact activation for symmetric-Weibull weights at theta = 2:
     * phi_2(x) = sqrt(2) sin(pi (Phi(x) - 1/2)), so that phi_2(xi) follows the arcsine law on
     * [-sqrt 2, sqrt 2] and W(2,1) * phi_2(xi) ~ N(0,1) exactly (spec section 1.2, derived there [D];
     * the theta = 2 end of Wolinski &amp; Arbel's family). Derivative sqrt(2) pi phi(x) cos(pi (Phi(x) - 1/2)).
     */
    public static ActivationFunction phi2() {
        return PHI_2;
    }
}
